#include "corpus/input_file.h"

namespace news::corpus {

const char* format_name(const Format format) {
  switch (format) {
    case Format::kText:
      return "txt";
    case Format::kHtml:
      return "html";
    case Format::kJsonl:
      return "jsonl";
    case Format::kCsv:
      return "csv";
    case Format::kTsv:
      return "tsv";
    case Format::kWarc:
      return "warc";
  }
  return "unknown";
}

}  // namespace news::corpus
