#include "common/error.h"

namespace news {

std::string SourceRef::to_string() const {
  if (record == 0) return path;
  return path + ":" + std::to_string(record);
}

std::string Error::to_string() const {
  if (!source_) return message_;
  return source_->to_string() + ": " + message_;
}

}  // namespace news
