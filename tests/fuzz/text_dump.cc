#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/text/utf8.h"
#include "corpus/extract/boilerplate.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/outlet.h"
#include "corpus/extract/text_dump_extractor.h"
#include "corpus/raw_document.h"
#include "corpus/readers/text_reader.h"
#include "tests/fuzz/fuzz_check.h"
#include "tests/fuzz/fuzz_targets.h"

namespace news::fuzz {
namespace {

constexpr char kFakePath[] = "fuzz/outlet/input.txt";
constexpr std::size_t kMaxLearnedLines = 8;

}  // namespace

void fuzz_text_dump(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The steps of ArticleSource::read_articles after reading the file.
  Result<corpus::DecodedText> decoded = corpus::decode_text(bytes);
  if (!decoded.ok()) return;
  corpus::RawDocument document;
  document.source = SourceRef{kFakePath, 0, 0};
  document.bytes = std::move(decoded.value().text);
  document.declared_charset = "utf-8";
  document.size_bytes = size;

  const std::vector<std::string_view> lines =
      corpus::split_lines(document.bytes);
  corpus::TextDumpContext context;
  context.id = std::string("path:/") + kFakePath;
  context.language = "en";
  if (auto outlet = corpus::find_outlet_in_text(lines)) {
    check(!outlet->name.empty(), "a found outlet has a name");
    check(text::is_valid_utf8(outlet->name), "outlet name is valid UTF-8");
    context.outlet = std::move(*outlet);
  }
  // An odd first byte learns the file's first lines as boilerplate, which
  // reaches the learned-line rules (and the duplicate-article exception).
  corpus::LineHashSet learned;
  if (size > 0 && (data[0] & 1) != 0) {
    for (const std::string_view line : lines) {
      if (learned.size() >= kMaxLearnedLines) break;
      if (auto hash = corpus::learnable_line_hash(line)) learned.insert(*hash);
    }
    context.learned_lines = &learned;
  }

  const Result<Article> article = corpus::extract_text_dump(document, context);
  if (!article.ok()) {
    check(article.error().code() == ErrorCode::kBadInput,
          "extraction fails only with kBadInput");
    check(article.error().source().has_value() &&
              article.error().source()->path == kFakePath,
          "an extraction error names the file");
    return;
  }
  const Article& value = article.value();
  check(value.id == context.id, "article id is the context's");
  check(value.source.path == kFakePath, "article source is the document's");
  check(value.outlet == context.outlet.name, "outlet is the context's");
  check(value.title.empty() == (value.facts.title_rule == "none"),
        "an article has a title unless its rule says none");
  check(!value.body.empty(), "an article has a body");
  check(text::is_valid_utf8(value.title), "title is valid UTF-8");
  check(text::is_valid_utf8(value.body), "body is valid UTF-8");
  check(value.title.find('\n') == std::string::npos, "title is one line");
  check(document.bytes.find(value.title) != std::string::npos,
        "title is a line of the text");
  check(!value.published || value.published->is_valid(),
        "a published date is a valid date");
  check(value.facts.title_rule == corpus::kTitleRule ||
            value.facts.title_rule == "none",
        "title rule is set");
  check(value.facts.date_rule == (value.published ? "text:dateline" : "none"),
        "date rule says whether a date was found");
}

}  // namespace news::fuzz
