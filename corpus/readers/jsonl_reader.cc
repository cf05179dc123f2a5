#include "corpus/readers/jsonl_reader.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/text/utf8.h"
#include "corpus/readers/buffered_input.h"
#include "corpus/readers/field_text.h"

namespace news::corpus {
namespace {

// Members keep their order in the record.
using json = nlohmann::ordered_json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool is_space(const char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::string_view trim_ascii(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

std::string mib(const std::uint64_t bytes) {
  return std::to_string(bytes >> 20) + " MiB";
}

std::optional<std::string> value_text(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
    case json::value_t::discarded:
      return std::nullopt;
    case json::value_t::string:
      return value.get<std::string>();
    case json::value_t::array: {
      std::string text;
      for (const json& element : value) {
        std::optional<std::string> element_text = value_text(element);
        if (!element_text || element_text->empty()) continue;
        if (!text.empty()) text += '\n';
        text += *element_text;
      }
      return text;
    }
    case json::value_t::object:
      if (const auto name = value.find("name");
          name != value.end() && name->is_string()) {
        return name->get<std::string>();
      }
      return value.dump();
    default:
      return value.dump();
  }
}

// The records an object wraps, or nullptr when it is a record itself. A
// wrapper (a news API's {"status": "ok", "articles": [...]}, a scraper's
// {"items": [...]}) has no long text of its own and a member that is a
// non-empty array of objects, named like a list of records or holding long
// text (an article's list of author objects is neither).
const json* wrapped_records(const json& value) {
  constexpr std::size_t kLongText = 200;
  static constexpr std::string_view kRecordLists[] = {
      "articles", "items", "data",      "results", "posts", "entries",
      "records",  "docs",  "documents", "stories", "news",  "hits"};
  const auto has_long_text = [&](const json& object) {
    return std::any_of(object.begin(), object.end(), [&](const json& member) {
      return member.is_string() &&
             member.get_ref<const std::string&>().size() > kLongText;
    });
  };
  if (!value.is_object() || has_long_text(value)) return nullptr;
  for (const auto& [name, member] : value.items()) {
    if (!member.is_array() || member.empty()) continue;
    const bool are_objects =
        std::all_of(member.begin(), member.end(),
                    [](const json& element) { return element.is_object(); });
    if (!are_objects) continue;
    const bool is_list_name =
        std::find(std::begin(kRecordLists), std::end(kRecordLists), name) !=
        std::end(kRecordLists);
    if (is_list_name || has_long_text(member.front())) return &member;
  }
  return nullptr;
}

// Follows JSON strings through a text one character at a time, for the
// scanners that find where a record ends without parsing it.
class JsonStrings {
 public:
  // Whether c is part of a string (its quotes included): brackets and
  // commas there are not structure.
  bool is_inside(const char c) {
    if (is_in_string_) {
      if (is_escaped_) {
        is_escaped_ = false;
      } else if (c == '\\') {
        is_escaped_ = true;
      } else if (c == '"') {
        is_in_string_ = false;
      }
      return true;
    }
    is_in_string_ = c == '"';
    return is_in_string_;
  }

 private:
  bool is_in_string_ = false;
  bool is_escaped_ = false;
};

// The parser's reason without its exception prefix: "line 1, column 5:
// syntax error while parsing object - unexpected end of input; expected
// '}'".
std::string parse_reason(const json::exception& error) {
  std::string reason = error.what();
  if (const std::size_t bracket = reason.find("] ");
      bracket != std::string::npos) {
    reason.erase(0, bracket + 2);
  }
  static constexpr std::string_view kPrefix = "parse error at ";
  if (reason.compare(0, kPrefix.size(), kPrefix) == 0) {
    reason.erase(0, kPrefix.size());
  }
  return reason;
}

// One call of read_each: the file, its sink and consumer.
class JsonRun {
 public:
  JsonRun(const InputFile& file, ErrorSink& sink,
          const DocumentConsumer& consume, const RecordReaderOptions& options)
      : file_(file), sink_(sink), consume_(consume), options_(options) {}

  void run(BufferedInput& input) {
    while (input.view().size() < kBom.size() && input.fill()) {
    }
    if (input.view().substr(0, kBom.size()) == kBom) input.consume(kBom.size());
    // White space before the first record decides nothing: skip it to see
    // whether the content is an array.
    skip_space(input);
    if (!input.view().empty() && input.view().front() == '[') {
      input.consume(1);
      read_array(input);
    } else if (is_object_stream(input)) {
      read_objects(input);
    } else {
      read_lines(input);
    }
    if (input.problem()) {
      const Error& problem = *input.problem();
      sink_.report(Error(problem.code(),
                         problem.message() + " after " + where() +
                             "; the records before it were read",
                         SourceRef{file_.path, 0, 0}));
    }
  }

 private:
  std::string where() const {
    return is_array_ ? "record " + std::to_string(records_)
                     : "line " + std::to_string(line_);
  }

  void report(const SourceRef& source, const std::string& message) {
    sink_.report(Error::bad_input(source, message));
  }

  // line_ counts the lines before the current position; records start on
  // line_ + 1.
  void read_lines(BufferedInput& input) {
    std::size_t scanned = 0;
    bool is_skipping = false;  // inside an over-long line
    while (true) {
      const std::string_view view = input.view();
      const std::size_t newline = view.find('\n', scanned);
      if (newline == std::string_view::npos) {
        scanned = view.size();
        if (!is_skipping && trim_ascii(view).empty()) {
          // Only white space so far: not a record (however long).
          input.consume(view.size());
          scanned = 0;
          if (input.fill()) continue;
          return;
        }
        if (!is_skipping && view.size() > options_.max_record_bytes) {
          report(SourceRef{file_.path, line_ + 1, input.offset()},
                 "record longer than " + mib(options_.max_record_bytes) +
                     "; record skipped");
          is_skipping = true;
        }
        if (is_skipping) {
          input.consume(view.size());
          scanned = 0;
        }
        if (input.fill()) continue;
        // The last line may lack its newline; after a read problem it is
        // cut, and the problem is reported for the file.
        if (!is_skipping && !input.problem() && !view.empty()) {
          ++line_;
          handle_line(input.view(), input.offset());
        }
        return;
      }
      ++line_;
      if (!is_skipping) handle_line(view.substr(0, newline), input.offset());
      is_skipping = false;
      input.consume(newline + 1);
      scanned = 0;
    }
  }

  void handle_line(const std::string_view line,
                   const std::uint64_t byte_offset) {
    const std::string_view text = trim_ascii(line);
    if (text.empty()) return;
    handle_record(text, SourceRef{file_.path, line_, byte_offset});
  }

  // Elements are found by scanning for the comma or bracket that ends them
  // at depth 0 (outside strings), then parsed one by one, so a broken
  // element costs only itself and the array is never held whole.
  void read_array(BufferedInput& input) {
    is_array_ = true;
    while (true) {
      // Between elements: white space and commas.
      std::string_view view = input.view();
      std::size_t skip = 0;
      while (skip < view.size() &&
             (is_space(view[skip]) || view[skip] == ',')) {
        if (view[skip] == '\n') ++line_;
        ++skip;
      }
      input.consume(skip);
      if (input.view().empty()) {
        if (input.fill()) continue;
        if (!input.problem()) {
          report(SourceRef{file_.path, 0, 0},
                 "JSON array not closed (']' missing at the end)");
        }
        return;
      }
      if (input.view().front() == ']') {
        input.consume(1);
        read_after_array(input);
        return;
      }
      ++records_;
      const SourceRef source{file_.path, records_, input.offset()};
      const std::uint64_t start_line = line_ + 1;
      const std::optional<std::size_t> length = scan_element(input);
      if (!length) {
        if (!input.problem()) {
          report(source, "JSON array not closed; the last record (line " +
                             std::to_string(start_line) +
                             ") is incomplete; record skipped");
        }
        return;
      }
      if (*length > options_.max_record_bytes) {
        report(source, "record longer than " + mib(options_.max_record_bytes) +
                           "; the rest of the file skipped");
        return;
      }
      handle_record(trim_ascii(input.view().substr(0, *length)), source,
                    start_line);
      input.consume(*length);
    }
  }

  // Whether the content is a sequence of JSON objects that JSON Lines cannot
  // read: its first object spans several lines (a pretty-printed article,
  // one per file as many scrapers save them) or wraps the records (an API
  // response such as {"status": "ok", "articles": [...]}).
  bool is_object_stream(BufferedInput& input) {
    if (input.view().empty() || input.view().front() != '{') return false;
    // Decided by the first object whatever the record cap, so that a cap
    // only takes records away.
    constexpr std::size_t kDecisionBytes = std::size_t{64} << 20;
    const std::optional<std::size_t> length =
        scan_object(input, kDecisionBytes);
    if (!length || *length > kDecisionBytes) return false;
    // Only a well-formed first object decides: a broken first line is more
    // likely JSON Lines with a bad record.
    const std::string_view text = input.view().substr(0, *length);
    const json value = json::parse(text::repair_utf8(text).text, nullptr,
                                   /*allow_exceptions=*/false);
    if (!value.is_object()) return false;
    return text.find('\n') != std::string_view::npos ||
           wrapped_records(value) != nullptr;
  }

  // Objects one after the other, each on any number of lines; a wrapping
  // object gives the records it wraps. source.record counts the records of
  // the file from 1.
  void read_objects(BufferedInput& input) {
    is_array_ = true;  // messages name records, not lines
    while (skip_space(input)) {
      const std::uint64_t start_line = line_ + 1;
      const std::uint64_t offset = input.offset();
      if (input.view().front() != '{') {
        report(SourceRef{file_.path, 0, offset},
               "text after JSON object " + std::to_string(records_) +
                   " (line " + std::to_string(start_line) +
                   ") is not an object; the rest of the file ignored");
        return;
      }
      const std::optional<std::size_t> length =
          scan_object(input, options_.max_record_bytes);
      if (!length) {
        if (!input.problem()) {
          report(SourceRef{file_.path, records_ + 1, offset},
                 "JSON object not closed (from line " +
                     std::to_string(start_line) + "); record skipped");
        }
        return;
      }
      if (*length > options_.max_record_bytes) {
        report(SourceRef{file_.path, records_ + 1, offset},
               "record longer than " + mib(options_.max_record_bytes) +
                   "; the rest of the file skipped");
        return;
      }
      const std::string_view text = input.view().substr(0, *length);
      const std::string at_line = " (line " + std::to_string(start_line) + ")";
      const std::optional<json> value = parse_record(
          text, SourceRef{file_.path, records_ + 1, offset}, at_line);
      if (!value) {
        ++records_;
      } else if (const json* records = wrapped_records(*value)) {
        // The records lie inside the wrapper: its offset plus their index
        // keeps offsets increasing.
        std::uint64_t index = 0;
        for (const json& record : *records) {
          emit(record, SourceRef{file_.path, ++records_, offset + index++},
               at_line);
        }
      } else {
        emit(*value, SourceRef{file_.path, ++records_, offset}, at_line);
      }
      line_ += static_cast<std::uint64_t>(
          std::count(text.begin(), text.end(), '\n'));
      input.consume(*length);
    }
  }

  // The length of the object at the front of input, up to its closing '}'
  // (outside strings), filling as needed without consuming; nullopt when
  // the content ends inside it. Stops early past limit bytes.
  std::optional<std::size_t> scan_object(BufferedInput& input,
                                         std::size_t limit) {
    std::size_t position = 0;
    int depth = 0;
    JsonStrings strings;
    while (true) {
      const std::string_view view = input.view();
      for (; position < view.size(); ++position) {
        const char c = view[position];
        if (strings.is_inside(c)) continue;
        if (c == '{' || c == '[') {
          ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
          return position + 1;
        }
      }
      if (position > limit + 1) return position;
      if (!input.fill()) return std::nullopt;
    }
  }

  // After the array's closing ']': white space to the end. Anything else
  // (a second array, records appended as lines, or the rest of an array
  // whose broken element held a stray ']') is reported, not dropped
  // silently.
  void read_after_array(BufferedInput& input) {
    if (!skip_space(input)) return;
    report(SourceRef{file_.path, 0, input.offset()},
           "text after the end of the JSON array (line " +
               std::to_string(line_ + 1) + "); the rest of the file ignored");
  }

  // Skips white space, counting its newlines into line_ and reading on as
  // needed; false when the content ends.
  bool skip_space(BufferedInput& input) {
    while (true) {
      const std::string_view view = input.view();
      std::size_t spaces = 0;
      while (spaces < view.size() && is_space(view[spaces])) {
        if (view[spaces] == '\n') ++line_;
        ++spaces;
      }
      input.consume(spaces);
      if (!input.view().empty()) return true;
      if (!input.fill()) return false;
    }
  }

  // The length of the element at the front of input (it ends before a ','
  // or ']' at depth 0), filling as needed; nullopt when the content ends
  // inside it. Counts its newlines into line_.
  std::optional<std::size_t> scan_element(BufferedInput& input) {
    std::size_t position = 0;
    int depth = 0;
    JsonStrings strings;
    std::uint64_t newlines = 0;
    while (true) {
      const std::string_view view = input.view();
      for (; position < view.size(); ++position) {
        const char c = view[position];
        if (c == '\n') ++newlines;
        if (strings.is_inside(c)) continue;
        if (c == '{' || c == '[') {
          ++depth;
        } else if (c == '}' || (c == ']' && depth > 0)) {
          --depth;
        } else if ((c == ',' || c == ']') && depth <= 0) {
          line_ += newlines;
          return position;
        }
      }
      if (position > options_.max_record_bytes + 1) {
        line_ += newlines;
        return position;
      }
      if (!input.fill()) return std::nullopt;
    }
  }

  void handle_record(const std::string_view text, const SourceRef& source,
                     const std::uint64_t line = 0) {
    const std::string at_line =
        line > 0 ? " (line " + std::to_string(line) + ")" : "";
    if (const std::optional<json> value = parse_record(text, source, at_line)) {
      emit(*value, source, at_line);
    }
  }

  // The JSON value of one record's text; nullopt, reported, when it is too
  // long or not JSON.
  std::optional<json> parse_record(const std::string_view text,
                                   const SourceRef& source,
                                   const std::string& at_line) {
    if (text.size() > options_.max_record_bytes) {
      report(source, "record longer than " + mib(options_.max_record_bytes) +
                         "; record skipped");
      return std::nullopt;
    }
    // The JSON parser refuses ill-formed UTF-8; a stray Latin-1 byte must
    // not cost the record.
    const std::string repaired = text::is_valid_utf8(text)
                                     ? std::string(text)
                                     : text::repair_utf8(text).text;
    try {
      return json::parse(repaired);
    } catch (const json::exception& error) {
      report(source, "not valid JSON" + at_line + " (" + parse_reason(error) +
                         "); record skipped");
      return std::nullopt;
    }
  }

  // One record from a JSON object (anything else is reported).
  void emit(const json& value, const SourceRef& source,
            const std::string& at_line) {
    if (!value.is_object()) {
      report(source, std::string("a JSON ") + value.type_name() + at_line +
                         ", not an object; record skipped");
      return;
    }
    RawDocument document;
    document.source = source;
    document.format = Format::kJsonl;
    document.declared_charset = "utf-8";
    document.size_bytes = file_.size_bytes;
    document.mtime_seconds = file_.mtime_seconds;
    for (const auto& [name, member] : value.items()) {
      std::optional<std::string> member_text = value_text(member);
      if (!member_text) continue;
      document.fields.push_back(
          RecordField{name, clean_field_text(*member_text)});
    }
    consume_(std::move(document));
  }

  const InputFile& file_;
  ErrorSink& sink_;
  const DocumentConsumer& consume_;
  const RecordReaderOptions& options_;
  std::uint64_t line_ = 0;
  std::uint64_t records_ = 0;
  bool is_array_ = false;
};

}  // namespace

JsonlReader::JsonlReader(RecordReaderOptions options) : options_(options) {}

void JsonlReader::read_each(const InputFile& file, ErrorSink& sink,
                            const DocumentConsumer& consume) const {
  Result<InputStream> opened = InputStream::open(file.path, file.compression);
  if (!opened.ok()) {
    sink.report(opened.error());
    return;
  }
  BufferedInput input(std::move(opened).value());
  JsonRun(file, sink, consume, options_).run(input);
}

}  // namespace news::corpus
