// RecordingSink: an ErrorSink for tests that keeps every reported error.
#pragma once

#include <string>
#include <vector>

#include "common/error.h"

namespace news::testing {

class RecordingSink final : public ErrorSink {
 public:
  void report(const Error& error) override { errors.push_back(error); }

  // Whether some error mentions path and has message containing text.
  bool has(const std::string& path, const std::string& text) const {
    for (const Error& error : errors) {
      if (error.source() && error.source()->path == path &&
          error.message().find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  }

  // All errors, one per line, for assertion messages.
  std::string dump() const {
    std::string text;
    for (const Error& error : errors) text += error.to_string() + "\n";
    return text;
  }

  std::vector<Error> errors;
};

}  // namespace news::testing
