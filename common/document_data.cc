#include "common/document_data.h"

#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "common/schema.h"

namespace news {

std::string encode_document_data(const Article& article) {
  nlohmann::json record = {
      {"v", schema::kDocumentDataVersion},
      {"id", article.id},
      {"title", article.title},
      {"url", article.url},
      {"outlet", article.outlet},
      {"date", article.published ? nlohmann::json(article.published->to_iso())
                                 : nlohmann::json(nullptr)},
      {"authors", article.authors},
      {"lang", article.language},
      {"path", article.source.path},
      {"record", article.source.record},
      {"body", article.body},
      {"facts",
       {{"title", article.facts.title_rule},
        {"outlet", article.facts.outlet_rule},
        {"date", article.facts.date_rule}}},
  };
  // Invalid UTF-8 never reaches here (readers repair it); replace rather than
  // throw should a stray byte slip through.
  return record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

Result<Article> decode_record(std::string_view data) {
  const nlohmann::json record = nlohmann::json::parse(data, nullptr, false);
  // The version must be an integer: value<int>() would cast a float past
  // INT_MAX (undefined behaviour).
  const auto version = record.find("v");  // end() for a non-object
  if (record.is_discarded() || !record.is_object() || version == record.end() ||
      !version->is_number_integer() ||
      version->get<std::int64_t>() != schema::kDocumentDataVersion) {
    return Error::index("document data is not a news-search record");
  }
  Article article;
  article.id = record.value("id", "");
  article.title = record.value("title", "");
  article.url = record.value("url", "");
  article.outlet = record.value("outlet", "");
  if (const auto date = record.find("date");
      date != record.end() && date->is_string()) {
    article.published = parse_iso_date(date->get<std::string>());
  }
  if (const auto authors = record.find("authors");
      authors != record.end() && authors->is_array()) {
    for (const auto& author : *authors) {
      if (author.is_string())
        article.authors.push_back(author.get<std::string>());
    }
  }
  article.language = record.value("lang", "");
  article.source.path = record.value("path", "");
  // Only a whole non-negative number: value<std::uint64_t>() would cast a
  // float past 2^64 (undefined behaviour).
  if (const auto number = record.find("record");
      number != record.end() && number->is_number_unsigned()) {
    article.source.record = number->get<std::uint64_t>();
  }
  article.body = record.value("body", "");
  if (const auto facts = record.find("facts");
      facts != record.end() && facts->is_object()) {
    article.facts.title_rule = facts->value("title", "");
    article.facts.outlet_rule = facts->value("outlet", "");
    article.facts.date_rule = facts->value("date", "");
  }
  return article;
}

// A reader for the records encode_document_data writes, without building a
// JSON tree (searching a hit reads ten of them, bodies of kilobytes, and the
// general parser appends their text a character at a time). It reads an
// object whose values are strings, null, whole numbers, booleans, the
// authors' array of strings and the facts' object of strings; anything else
// (another type for a known field, invalid UTF-8, a lone surrogate, a number
// with a fraction...) makes it decline, and the general parser decides.
class FastRecordReader {
 public:
  FastRecordReader(std::string_view data, RecordParts parts)
      : data_(data), keep_body_(parts == RecordParts::kAll) {}

  std::optional<Article> read() {
    Article article;
    bool has_version = false;
    skip_space();
    if (!consume('{')) return std::nullopt;
    skip_space();
    if (consume('}')) return std::nullopt;  // no "v"
    std::string key;
    std::string text;
    for (;;) {
      skip_space();
      if (!read_string(&key)) return std::nullopt;
      skip_space();
      if (!consume(':')) return std::nullopt;
      skip_space();
      if (key == "v") {
        std::uint64_t version = 0;
        if (!read_unsigned(version) ||
            version !=
                static_cast<std::uint64_t>(schema::kDocumentDataVersion)) {
          return std::nullopt;
        }
        has_version = true;
      } else if (key == "record") {
        if (!read_unsigned(article.source.record)) return std::nullopt;
      } else if (key == "date") {
        if (consume_literal("null")) {
          article.published.reset();
        } else {
          if (!read_string(&text)) return std::nullopt;
          article.published = parse_iso_date(text);
        }
      } else if (key == "authors") {
        if (!read_string_array(article.authors)) return std::nullopt;
      } else if (key == "facts") {
        if (!read_facts(article.facts)) return std::nullopt;
      } else if (key == "body" && !keep_body_) {
        // Checked as strictly as a kept body, so both agree on what is a
        // record, but not copied.
        if (!read_string(nullptr)) return std::nullopt;
      } else if (std::string* field = string_field(article, key)) {
        if (!read_string(field)) return std::nullopt;
      } else if (!skip_scalar()) {
        return std::nullopt;
      }
      skip_space();
      if (consume(',')) continue;
      if (!consume('}')) return std::nullopt;
      break;
    }
    skip_space();
    if (at_ != data_.size() || !has_version) return std::nullopt;
    return article;
  }

 private:
  static std::string* string_field(Article& article, const std::string& key) {
    if (key == "id") return &article.id;
    if (key == "title") return &article.title;
    if (key == "url") return &article.url;
    if (key == "outlet") return &article.outlet;
    if (key == "lang") return &article.language;
    if (key == "path") return &article.source.path;
    if (key == "body") return &article.body;
    return nullptr;
  }

  void skip_space() {
    while (at_ < data_.size() && (data_[at_] == ' ' || data_[at_] == '\n' ||
                                  data_[at_] == '\r' || data_[at_] == '\t')) {
      ++at_;
    }
  }

  bool consume(char c) {
    if (at_ < data_.size() && data_[at_] == c) {
      ++at_;
      return true;
    }
    return false;
  }

  bool consume_literal(std::string_view literal) {
    if (data_.substr(at_, literal.size()) != literal) return false;
    at_ += literal.size();
    return true;
  }

  // A whole number without sign, fraction or exponent that fits 64 bits.
  bool read_unsigned(std::uint64_t& value) {
    const std::size_t begin = at_;
    value = 0;
    while (at_ < data_.size() && data_[at_] >= '0' && data_[at_] <= '9') {
      const std::uint64_t digit = static_cast<std::uint64_t>(data_[at_] - '0');
      if (value > (UINT64_MAX - digit) / 10) return false;
      value = value * 10 + digit;
      ++at_;
    }
    const std::size_t digits = at_ - begin;
    if (digits == 0 || (digits > 1 && data_[begin] == '0')) return false;
    return at_ == data_.size() ||
           (data_[at_] != '.' && data_[at_] != 'e' && data_[at_] != 'E');
  }

  bool skip_scalar() {
    if (consume_literal("null") || consume_literal("true") ||
        consume_literal("false")) {
      return true;
    }
    if (at_ < data_.size() && data_[at_] == '"') return read_string(nullptr);
    std::uint64_t number = 0;
    return read_unsigned(number);
  }

  bool read_string_array(std::vector<std::string>& out) {
    out.clear();
    if (!consume('[')) return false;
    skip_space();
    if (consume(']')) return true;
    for (;;) {
      skip_space();
      out.emplace_back();
      if (!read_string(&out.back())) return false;
      skip_space();
      if (consume(',')) continue;
      return consume(']');
    }
  }

  bool read_facts(ExtractionFacts& facts) {
    facts = ExtractionFacts{};
    if (!consume('{')) return false;
    skip_space();
    if (consume('}')) return true;
    std::string key;
    std::string ignored;
    for (;;) {
      skip_space();
      if (!read_string(&key)) return false;
      skip_space();
      if (!consume(':')) return false;
      skip_space();
      std::string* field = key == "title"    ? &facts.title_rule
                           : key == "outlet" ? &facts.outlet_rule
                           : key == "date"   ? &facts.date_rule
                                             : &ignored;
      if (!read_string(field)) return false;
      skip_space();
      if (consume(',')) continue;
      return consume('}');
    }
  }

  static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool read_hex4(std::uint32_t& unit) {
    if (data_.size() - at_ < 4) return false;
    unit = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_digit(data_[at_++]);
      if (digit < 0) return false;
      unit = unit * 16 + static_cast<std::uint32_t>(digit);
    }
    return true;
  }

  static void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
      out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code >> 6)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
  }

  // One escape after the backslash, appended to *out unless out is null;
  // false for an invalid one.
  bool read_escape(std::string* out) {
    if (at_ >= data_.size()) return false;
    const char c = data_[at_++];
    char plain = 0;
    switch (c) {
      case '"':
      case '\\':
      case '/':
        plain = c;
        break;
      case 'b':
        plain = '\b';
        break;
      case 'f':
        plain = '\f';
        break;
      case 'n':
        plain = '\n';
        break;
      case 'r':
        plain = '\r';
        break;
      case 't':
        plain = '\t';
        break;
      case 'u':
        break;
      default:
        return false;
    }
    if (c != 'u') {
      if (out) out->push_back(plain);
      return true;
    }
    std::uint32_t unit = 0;
    if (!read_hex4(unit)) return false;
    if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // lone low half
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      std::uint32_t low = 0;
      if (!consume('\\') || !consume('u') || !read_hex4(low) || low < 0xDC00 ||
          low > 0xDFFF) {
        return false;
      }
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
    }
    if (out) append_utf8(*out, unit);
    return true;
  }

  // Whether any of the 8 bytes of `word` is a quote, a backslash, a control
  // character or not ASCII: the bytes a string's plain runs stop at. Exact
  // as a yes/no (the borrows of the zero-byte test only add bits above a
  // byte that already matched).
  static bool has_special_byte(std::uint64_t word) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
    constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
    const auto has_zero = [](std::uint64_t v) {
      return (v - kOnes) & ~v & kHigh;
    };
    const std::uint64_t below_space = (word - kOnes * 0x20) & ~word & kHigh;
    return ((word & kHigh) | below_space | has_zero(word ^ (kOnes * '"')) |
            has_zero(word ^ (kOnes * '\\'))) != 0;
  }

  // A JSON string whose text is valid UTF-8 without raw control characters,
  // decoded into *out, or only checked when out is null.
  bool read_string(std::string* out) {
    if (out) out->clear();
    if (!consume('"')) return false;
    for (;;) {
      std::size_t run = at_;
      // Skip runs of plain ASCII eight bytes at a time, then byte by byte.
      while (data_.size() - run >= 8) {
        std::uint64_t word;
        std::memcpy(&word, data_.data() + run, sizeof word);
        if (has_special_byte(word)) break;
        run += 8;
      }
      while (run < data_.size()) {
        const unsigned char c = static_cast<unsigned char>(data_[run]);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++run;
      }
      if (out) out->append(data_.data() + at_, run - at_);
      at_ = run;
      if (at_ >= data_.size()) return false;
      const unsigned char c = static_cast<unsigned char>(data_[at_]);
      if (c == '"') {
        ++at_;
        return true;
      }
      if (c == '\\') {
        ++at_;
        if (!read_escape(out)) return false;
        continue;
      }
      if (c < 0x20) return false;
      const std::size_t length = utf8_sequence_length(data_, at_);
      if (length == 0) return false;
      if (out) out->append(data_.data() + at_, length);
      at_ += length;
    }
  }

  // The length of the valid UTF-8 sequence at `at` (a lead byte >= 0x80),
  // or 0.
  static std::size_t utf8_sequence_length(std::string_view text,
                                          std::size_t at) {
    const unsigned char lead = static_cast<unsigned char>(text[at]);
    std::size_t length = 0;
    std::uint32_t min = 0;
    std::uint32_t code = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      min = 0x80;
      code = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      min = 0x800;
      code = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      min = 0x10000;
      code = lead & 0x07;
    } else {
      return 0;
    }
    if (text.size() - at < length) return 0;
    for (std::size_t i = 1; i < length; ++i) {
      const unsigned char c = static_cast<unsigned char>(text[at + i]);
      if ((c & 0xC0) != 0x80) return 0;
      code = (code << 6) | (c & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return 0;
    }
    return length;
  }

  std::string_view data_;
  bool keep_body_;
  std::size_t at_ = 0;
};

}  // namespace

Result<Article> decode_document_data_reference(std::string_view data) {
  // value() throws when a field has another type ({"v":"1"}, {"id":5}): such
  // a record is not ours either.
  try {
    return decode_record(data);
  } catch (const nlohmann::json::exception& error) {
    return Error::index(
        std::string("document data is not a news-search record: ") +
        error.what());
  }
}

std::optional<Article> decode_document_data_fast(std::string_view data,
                                                 RecordParts parts) {
  return FastRecordReader(data, parts).read();
}

Result<Article> decode_document_data(std::string_view data, RecordParts parts) {
  if (std::optional<Article> article = decode_document_data_fast(data, parts)) {
    return std::move(*article);
  }
  Result<Article> article = decode_document_data_reference(data);
  if (article && parts == RecordParts::kWithoutBody) {
    std::string().swap(article.value().body);
  }
  return article;
}

namespace {

constexpr std::string_view kDisplayTag = "d1";
// Fields after the tag before the authors: id, title, outlet, date, url,
// path, language.
constexpr std::size_t kDisplayFixedFields = 7;

}  // namespace

std::optional<std::string> encode_display_value(const Article& article) {
  const std::string date =
      article.published ? article.published->to_compact() : std::string();
  const std::string_view fixed[kDisplayFixedFields] = {
      article.id,  article.title,       article.outlet,   date,
      article.url, article.source.path, article.language,
  };
  std::string value(kDisplayTag);
  const auto append = [&value](std::string_view field) {
    if (field.find('\0') != std::string_view::npos) return false;
    value.push_back('\0');
    value.append(field);
    return true;
  };
  for (const std::string_view field : fixed) {
    if (!append(field)) return std::nullopt;
  }
  for (const std::string& author : article.authors) {
    if (!append(author)) return std::nullopt;
  }
  return value;
}

std::optional<Article> decode_display_value(std::string_view value) {
  if (value.size() <= kDisplayTag.size() ||
      value.substr(0, kDisplayTag.size()) != kDisplayTag ||
      value[kDisplayTag.size()] != '\0') {
    return std::nullopt;
  }
  std::vector<std::string_view> fields;
  std::size_t begin = kDisplayTag.size() + 1;
  for (;;) {
    const std::size_t end = value.find('\0', begin);
    fields.push_back(value.substr(begin, end - begin));
    if (end == std::string_view::npos) break;
    begin = end + 1;
  }
  if (fields.size() < kDisplayFixedFields) return std::nullopt;
  Article article;
  const std::string_view date = fields[3];
  if (!date.empty()) {
    article.published = date.size() == 8 ? parse_iso_date(date) : std::nullopt;
    if (!article.published) return std::nullopt;
  }
  article.id = fields[0];
  article.title = fields[1];
  article.outlet = fields[2];
  article.url = fields[4];
  article.source.path = fields[5];
  article.language = fields[6];
  for (std::size_t i = kDisplayFixedFields; i < fields.size(); ++i) {
    article.authors.emplace_back(fields[i]);
  }
  return article;
}

}  // namespace news
