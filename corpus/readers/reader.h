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

  // The documents in file, in file order. Problems (unreadable, binary,
  // truncated) are reported to sink with the file; a file that yields
  // nothing gives an empty vector. Never throws on bad input.
  virtual std::vector<RawDocument> read(const InputFile& file,
                                        ErrorSink& sink) const = 0;
};

}  // namespace news::corpus
