#include "corpus/html/html_extractor.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <utility>

#include "corpus/html/charset.h"
#include "corpus/html/content.h"
#include "corpus/html/dom.h"
#include "corpus/html/metadata.h"

namespace news::corpus {
namespace {

// How far into a page markup is looked for.
constexpr std::size_t kMarkupSniffBytes = 64 * 1024;

bool has_markup(std::string_view text) {
  const std::string_view head = text.substr(0, kMarkupSniffBytes);
  for (std::size_t i = head.find('<'); i != std::string_view::npos;
       i = head.find('<', i + 1)) {
    if (i + 1 >= head.size()) break;
    const char next = head[i + 1];
    if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
        next == '!' || next == '/' || next == '?') {
      return true;
    }
  }
  return false;
}

std::string to_nfc(std::string text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || nfc == nullptr) return text;
  if (nfc->isNormalizedUTF8(text, status) && U_SUCCESS(status)) return text;
  status = U_ZERO_ERROR;
  std::string normalized;
  icu::StringByteSink<std::string> sink(&normalized);
  nfc->normalizeUTF8(0, text, sink, nullptr, status);
  if (U_FAILURE(status)) return text;
  return normalized;
}

}  // namespace

Result<HtmlExtraction> extract_html(std::string_view bytes,
                                    std::string_view declared_charset) {
  const html::DecodedPage page =
      html::decode_page(bytes, html::sniff_charset(bytes, declared_charset));
  if (!has_markup(page.text)) {
    return Error::bad_input({}, "not HTML: no markup in the page");
  }
  const html::Dom dom = html::Dom::parse(page.text);
  HtmlExtraction extraction;
  extraction.metadata = html::extract_metadata(dom);
  extraction.metadata.title = to_nfc(std::move(extraction.metadata.title));
  for (std::string& author : extraction.metadata.authors) {
    author = to_nfc(std::move(author));
  }
  extraction.metadata.site_name =
      to_nfc(std::move(extraction.metadata.site_name));
  extraction.body = to_nfc(html::extract_main_text(dom));
  if (extraction.body.empty()) {
    return Error::bad_input({}, "no article text found in the page");
  }
  return extraction;
}

}  // namespace news::corpus
