// Reader: the one interface behind which each input format turns an input
// file into RawDocuments.
#pragma once

#include <vector>

#include "common/error.h"
#include "corpus/input_file.h"
#include "corpus/raw_document.h"

namespace news::corpus {

class Reader {
 public:
  virtual ~Reader() = default;

  // The documents in file, in file order. Problems (unreadable, binary)
  // are reported to sink with the file; a file that yields nothing gives an
  // empty vector. A document read only in part (size cap, truncated
  // compressed data) is returned with its partial_reason set and not
  // reported: the caller reports it once, with what it made of it. Never
  // throws on bad input.
  virtual std::vector<RawDocument> read(const InputFile& file,
                                        ErrorSink& sink) const = 0;
};

}  // namespace news::corpus
