#include <string>
#include <string_view>

#include "common/text/utf8.h"
#include "corpus/html/html_extractor.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {

void fuzz_html(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks a declared charset, as a WARC header or a record
  // field would give one.
  static constexpr std::string_view kCharsets[] = {"", "utf-8", "windows-1252",
                                                   "koi8-r"};
  const std::string_view charset =
      size == 0 ? "" : kCharsets[static_cast<std::uint8_t>(bytes[0]) % 4];
  const Result<corpus::HtmlExtraction> extracted =
      corpus::extract_html(bytes, charset);
  if (!extracted.ok()) {
    check(extracted.error().code() == ErrorCode::kBadInput,
          "a page without text is kBadInput");
    return;
  }
  const corpus::HtmlExtraction& page = extracted.value();
  check(text::is_valid_utf8(page.body), "the body is valid UTF-8");
  check(text::is_valid_utf8(page.metadata.title), "the title is valid UTF-8");
  check(!page.metadata.published || page.metadata.published->is_valid(),
        "a published date is a real day");
  check(!page.metadata.title_rule.empty(), "the title rule is named");
}

}  // namespace news::fuzz
