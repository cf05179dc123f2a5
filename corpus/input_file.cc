#include "corpus/input_file.h"

namespace news::corpus {

const char* format_name(const Format format) {
  switch (format) {
    case Format::kText:
      return "txt";
  }
  return "unknown";
}

}  // namespace news::corpus
