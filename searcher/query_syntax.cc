#include "searcher/query_syntax.h"

#include <algorithm>
#include <optional>

#include "searcher/request_values.h"

namespace news::searcher {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

bool is_delimiter(char c) {
  return is_space(c) || c == '"' || c == '(' || c == ')';
}

bool is_identifier_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool is_identifier_char(char c) {
  return is_identifier_start(c) || (c >= '0' && c <= '9');
}

// The kinds of token the grammar check looks at.
enum class Kind {
  kOperand,    // a word, a phrase, a field with its value
  kBinary,     // AND OR XOR
  kProximity,  // NEAR ADJ (with or without /n): terms or phrases around
  kNot,        // NOT: binary after an operand, else unary
  kOpen,       // (
  kClose,      // )
};

struct Token {
  Kind kind;
  std::size_t byte_offset;
  std::string text;
};

std::optional<Kind> operator_kind(std::string_view run) {
  if (run == "AND" || run == "OR" || run == "XOR") return Kind::kBinary;
  if (run == "NOT") return Kind::kNot;
  for (const std::string_view name : {"NEAR", "ADJ"}) {
    if (run.substr(0, name.size()) != name) continue;
    std::string_view rest = run.substr(name.size());
    if (rest.empty()) return Kind::kProximity;
    if (rest.size() < 2 || rest.front() != '/') return std::nullopt;
    rest.remove_prefix(1);
    if (std::all_of(rest.begin(), rest.end(),
                    [](char c) { return c >= '0' && c <= '9'; })) {
      return Kind::kProximity;
    }
  }
  return std::nullopt;
}

class Checker {
 public:
  Checker(std::string_view query, const std::vector<std::string>& fields)
      : query_(query), fields_(fields) {}

  Status run() {
    if (std::all_of(query_.begin(), query_.end(), is_space)) {
      return Error::query_syntax("query syntax error: the query is empty");
    }
    std::vector<Token> tokens;
    if (Status lexed = lex(tokens); !lexed) return lexed;
    return check_grammar(tokens);
  }

 private:
  Error error_at(std::size_t byte_offset, const std::string& what) const {
    std::size_t column = 1;
    for (std::size_t i = 0; i < byte_offset && i < query_.size(); ++i) {
      if ((static_cast<unsigned char>(query_[i]) & 0xC0) != 0x80) ++column;
    }
    return Error::query_syntax("query syntax error at column " +
                               std::to_string(column) + " of \"" +
                               std::string(query_) + "\": " + what);
  }

  bool is_field(std::string_view name) const {
    return std::find(fields_.begin(), fields_.end(), name) != fields_.end();
  }

  Status lex(std::vector<Token>& tokens) const {
    std::vector<std::size_t> open_parens;
    std::size_t i = 0;
    while (i < query_.size()) {
      const char c = query_[i];
      if (is_space(c)) {
        ++i;
      } else if (c == '(') {
        open_parens.push_back(i);
        tokens.push_back({Kind::kOpen, i, "("});
        ++i;
      } else if (c == ')') {
        if (open_parens.empty()) {
          return error_at(i, "\")\" closes no \"(\"");
        }
        open_parens.pop_back();
        tokens.push_back({Kind::kClose, i, ")"});
        ++i;
      } else if (c == '"') {
        const std::size_t close = query_.find('"', i + 1);
        if (close == std::string_view::npos) {
          return error_at(i, "the quote opened here is never closed");
        }
        tokens.push_back(
            {Kind::kOperand, i, std::string(query_.substr(i, close + 1 - i))});
        i = close + 1;
      } else {
        std::size_t end = i;
        while (end < query_.size() && !is_delimiter(query_[end])) ++end;
        const std::string_view run = query_.substr(i, end - i);
        if (const std::optional<Kind> kind = operator_kind(run)) {
          tokens.push_back({*kind, i, std::string(run)});
          i = end;
          continue;
        }
        Result<std::size_t> field_end = check_field(run, i, end);
        if (!field_end) return field_end.error();
        tokens.push_back(
            {Kind::kOperand, i,
             std::string(query_.substr(i, field_end.value() - i))});
        i = field_end.value();
      }
    }
    if (!open_parens.empty()) {
      return error_at(open_parens.back(),
                      "the \"(\" opened here is never closed");
    }
    return Done{};
  }

  // Checks a run that may be "name:value"; returns where the operand ends
  // (after a quoted value when the value is quoted).
  Result<std::size_t> check_field(std::string_view run, std::size_t begin,
                                  std::size_t end) const {
    std::size_t signs = 0;
    while (signs < run.size() && (run[signs] == '+' || run[signs] == '-')) {
      ++signs;
    }
    const std::size_t colon = run.find(':');
    if (colon == std::string_view::npos || colon == signs ||
        !is_identifier_start(run[signs])) {
      return end;
    }
    const std::string_view name = run.substr(signs, colon - signs);
    if (!std::all_of(name.begin(), name.end(), is_identifier_char)) return end;
    std::string_view value = run.substr(colon + 1);
    // "http://..." in free text is a URL, not a field.
    if (value.substr(0, 2) == "//") return end;
    if (!is_field(name)) {
      std::string known;
      for (const std::string& field : fields_) {
        known += (known.empty() ? "" : ", ") + field;
      }
      return error_at(begin + signs, "unknown field \"" + std::string(name) +
                                         "\" (fields: " + known + ")");
    }
    std::size_t operand_end = end;
    if (value.empty()) {
      if (end < query_.size() && query_[end] == '"') {
        const std::size_t close = query_.find('"', end + 1);
        if (close == std::string_view::npos) {
          return error_at(end, "the quote opened here is never closed");
        }
        value = query_.substr(end + 1, close - end - 1);
        operand_end = close + 1;
      }
      if (value.find_first_not_of(" \t") == std::string_view::npos) {
        return error_at(begin + signs,
                        "field \"" + std::string(name) + "\" needs a value");
      }
    }
    if (name == "date") {
      if (Status date = check_date(value, begin + colon + 1); !date) {
        return date.error();
      }
    }
    return operand_end;
  }

  Status check_date(std::string_view value, std::size_t at) const {
    const std::size_t dots = value.find("..");
    const auto bad_date = [this](std::string_view text, std::size_t where) {
      return error_at(where, "\"" + std::string(text) +
                                 "\" is not a date (YYYY, YYYY-MM or "
                                 "YYYY-MM-DD, a day that exists)");
    };
    if (dots == std::string_view::npos) {
      if (!parse_date_bound(value, false)) return bad_date(value, at);
      return Done{};
    }
    const std::string_view first = value.substr(0, dots);
    const std::string_view last = value.substr(dots + 2);
    if (first.empty() && last.empty()) {
      return error_at(at,
                      "a date range needs at least one end (date:A..B, "
                      "date:A.. or date:..B)");
    }
    std::optional<Date> from;
    std::optional<Date> to;
    if (!first.empty() && !(from = parse_date_bound(first, false))) {
      return bad_date(first, at);
    }
    if (!last.empty() && !(to = parse_date_bound(last, true))) {
      return bad_date(last, at + dots + 2);
    }
    if (from && to && from->to_compact() > to->to_compact()) {
      return error_at(at, "the date range ends before it starts");
    }
    return Done{};
  }

  Status check_grammar(const std::vector<Token>& tokens) const {
    const auto starts_operand = [&tokens](std::size_t i) {
      return i < tokens.size() && (tokens[i].kind == Kind::kOperand ||
                                   tokens[i].kind == Kind::kOpen);
    };
    const auto ends_operand = [&tokens](std::size_t i) {
      return i > 0 && (tokens[i - 1].kind == Kind::kOperand ||
                       tokens[i - 1].kind == Kind::kClose);
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& token = tokens[i];
      const std::string quoted = "\"" + token.text + "\"";
      switch (token.kind) {
        case Kind::kOperand:
        case Kind::kClose:
          break;
        case Kind::kOpen:
          if (i + 1 < tokens.size() && tokens[i + 1].kind == Kind::kClose) {
            return error_at(token.byte_offset, "empty parentheses");
          }
          break;
        case Kind::kBinary: {
          const bool has_right =
              starts_operand(i + 1) ||
              (i + 1 < tokens.size() && tokens[i + 1].kind == Kind::kNot &&
               token.text == "AND");
          if (!ends_operand(i) || !has_right) {
            return error_at(token.byte_offset,
                            quoted + " needs a term on both sides");
          }
          break;
        }
        case Kind::kProximity: {
          const auto is_term = [&tokens](std::size_t j) {
            return j < tokens.size() && tokens[j].kind == Kind::kOperand;
          };
          if (i == 0 || !is_term(i - 1) || !is_term(i + 1)) {
            return error_at(token.byte_offset,
                            quoted + " needs a word or phrase on both sides");
          }
          break;
        }
        case Kind::kNot:
          if (!starts_operand(i + 1)) {
            return error_at(token.byte_offset,
                            quoted + " needs a term after it");
          }
          break;
      }
    }
    return Done{};
  }

  std::string_view query_;
  const std::vector<std::string>& fields_;
};

}  // namespace

Status check_query_syntax(std::string_view query,
                          const std::vector<std::string>& known_fields) {
  return Checker(query, known_fields).run();
}

}  // namespace news::searcher
