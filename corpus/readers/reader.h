// Reader: the one interface behind which each input format turns an input
// file into RawDocuments.
#pragma once

#include <functional>
#include <vector>

#include "common/error.h"
#include "corpus/input_file.h"
#include "corpus/raw_document.h"

namespace news::corpus {

// Receives each document of a file as it is read.
using DocumentConsumer = std::function<void(RawDocument&&)>;

class Reader {
 public:
  virtual ~Reader() = default;

  // Calls consume with each document in file, in file order, as it is read:
  // a file of many records is streamed in bounded memory. Problems
  // (unreadable, binary, a record that cannot be parsed) are reported to
  // sink with the file and record ("x.jsonl:812: not valid JSON (...);
  // record skipped") and reading goes on with the next record. A document
  // read only in part (size cap, truncated compressed data) is passed with
  // its partial_reason set and not reported: the caller reports it once,
  // with what it made of it. Never throws on bad input.
  virtual void read_each(const InputFile& file, ErrorSink& sink,
                         const DocumentConsumer& consume) const = 0;

  // read_each() collected into a vector (for small files and tests).
  std::vector<RawDocument> read(const InputFile& file, ErrorSink& sink) const {
    std::vector<RawDocument> documents;
    read_each(file, sink, [&documents](RawDocument&& document) {
      documents.push_back(std::move(document));
    });
    return documents;
  }
};

}  // namespace news::corpus
