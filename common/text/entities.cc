#include "common/text/entities.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace news::text {
namespace {

// HTML 4's Latin-1 names, U+00A0 to U+00FF in order.
constexpr std::array<std::string_view, 96> kLatin1Names = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar",
    "sect",   "uml",    "copy",   "ordf",   "laquo",  "not",    "shy",
    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",
    "micro",  "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",
    "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc",
    "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute",
    "Ecirc",  "Euml",   "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",
    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",   "times",
    "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",
    "szlig",  "agrave", "aacute", "acirc",  "atilde", "auml",   "aring",
    "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute",
    "ocirc",  "otilde", "ouml",   "divide", "oslash", "ugrave", "uacute",
    "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

// Greek small letters from U+03B1 and capitals from U+0391, in the same
// order; U+03A2, the capital's place of the final sigma, is unassigned.
constexpr std::array<std::string_view, 25> kGreekNames = {
    "alpha",   "beta", "gamma", "delta",  "epsilon", "zeta", "eta",
    "theta",   "iota", "kappa", "lambda", "mu",      "nu",   "xi",
    "omicron", "pi",   "rho",   "sigmaf", "sigma",   "tau",  "upsilon",
    "phi",     "chi",  "psi",   "omega"};
constexpr std::array<std::string_view, 25> kGreekCapitalNames = {
    "Alpha",   "Beta", "Gamma", "Delta",  "Epsilon", "Zeta", "Eta",
    "Theta",   "Iota", "Kappa", "Lambda", "Mu",      "Nu",   "Xi",
    "Omicron", "Pi",   "Rho",   "",       "Sigma",   "Tau",  "Upsilon",
    "Phi",     "Chi",  "Psi",   "Omega"};

struct NamedReference {
  std::string_view name;
  char32_t code_point;
};

// HTML 4's special and symbol names, and XML's apos.
constexpr NamedReference kOtherNames[] = {
    {"quot", 0x22},     {"amp", 0x26},       {"apos", 0x27},
    {"lt", 0x3C},       {"gt", 0x3E},        {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},   {"scaron", 0x161},
    {"Yuml", 0x178},    {"fnof", 0x192},     {"circ", 0x2C6},
    {"tilde", 0x2DC},   {"thetasym", 0x3D1}, {"upsih", 0x3D2},
    {"piv", 0x3D6},     {"ensp", 0x2002},    {"emsp", 0x2003},
    {"thinsp", 0x2009}, {"zwnj", 0x200C},    {"zwj", 0x200D},
    {"lrm", 0x200E},    {"rlm", 0x200F},     {"ndash", 0x2013},
    {"mdash", 0x2014},  {"lsquo", 0x2018},   {"rsquo", 0x2019},
    {"sbquo", 0x201A},  {"ldquo", 0x201C},   {"rdquo", 0x201D},
    {"bdquo", 0x201E},  {"dagger", 0x2020},  {"Dagger", 0x2021},
    {"bull", 0x2022},   {"hellip", 0x2026},  {"permil", 0x2030},
    {"prime", 0x2032},  {"Prime", 0x2033},   {"lsaquo", 0x2039},
    {"rsaquo", 0x203A}, {"oline", 0x203E},   {"frasl", 0x2044},
    {"euro", 0x20AC},   {"image", 0x2111},   {"weierp", 0x2118},
    {"real", 0x211C},   {"trade", 0x2122},   {"alefsym", 0x2135},
    {"larr", 0x2190},   {"uarr", 0x2191},    {"rarr", 0x2192},
    {"darr", 0x2193},   {"harr", 0x2194},    {"crarr", 0x21B5},
    {"lArr", 0x21D0},   {"uArr", 0x21D1},    {"rArr", 0x21D2},
    {"dArr", 0x21D3},   {"hArr", 0x21D4},    {"forall", 0x2200},
    {"part", 0x2202},   {"exist", 0x2203},   {"empty", 0x2205},
    {"nabla", 0x2207},  {"isin", 0x2208},    {"notin", 0x2209},
    {"ni", 0x220B},     {"prod", 0x220F},    {"sum", 0x2211},
    {"minus", 0x2212},  {"lowast", 0x2217},  {"radic", 0x221A},
    {"prop", 0x221D},   {"infin", 0x221E},   {"ang", 0x2220},
    {"and", 0x2227},    {"or", 0x2228},      {"cap", 0x2229},
    {"cup", 0x222A},    {"int", 0x222B},     {"there4", 0x2234},
    {"sim", 0x223C},    {"cong", 0x2245},    {"asymp", 0x2248},
    {"ne", 0x2260},     {"equiv", 0x2261},   {"le", 0x2264},
    {"ge", 0x2265},     {"sub", 0x2282},     {"sup", 0x2283},
    {"nsub", 0x2284},   {"sube", 0x2286},    {"supe", 0x2287},
    {"oplus", 0x2295},  {"otimes", 0x2297},  {"perp", 0x22A5},
    {"sdot", 0x22C5},   {"lceil", 0x2308},   {"rceil", 0x2309},
    {"lfloor", 0x230A}, {"rfloor", 0x230B},  {"lang", 0x2329},
    {"rang", 0x232A},   {"loz", 0x25CA},     {"spades", 0x2660},
    {"clubs", 0x2663},  {"hearts", 0x2665},  {"diams", 0x2666},
};

// windows-1252's characters for 0x80-0x9F; 0 where it has none.
constexpr std::array<char32_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// Every name, sorted for binary search.
const std::vector<NamedReference>& named_references() {
  static const std::vector<NamedReference> table = [] {
    std::vector<NamedReference> all(std::begin(kOtherNames),
                                    std::end(kOtherNames));
    for (std::size_t i = 0; i < kLatin1Names.size(); ++i) {
      all.push_back({kLatin1Names[i], static_cast<char32_t>(0xA0 + i)});
    }
    for (std::size_t i = 0; i < kGreekNames.size(); ++i) {
      all.push_back({kGreekNames[i], static_cast<char32_t>(0x3B1 + i)});
      if (!kGreekCapitalNames[i].empty()) {
        all.push_back(
            {kGreekCapitalNames[i], static_cast<char32_t>(0x391 + i)});
      }
    }
    std::sort(all.begin(), all.end(),
              [](const NamedReference& a, const NamedReference& b) {
                return a.name < b.name;
              });
    return all;
  }();
  return table;
}

char32_t lookup_name(std::string_view name) {
  const std::vector<NamedReference>& table = named_references();
  const auto found =
      std::lower_bound(table.begin(), table.end(), name,
                       [](const NamedReference& entry, std::string_view key) {
                         return entry.name < key;
                       });
  return found != table.end() && found->name == name ? found->code_point : 0;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

// The value of a numeric reference's digits (after "&#"), 0 when they are
// not a character worth decoding.
char32_t numeric_value(std::string_view digits) {
  const bool is_hex =
      !digits.empty() && (digits.front() == 'x' || digits.front() == 'X');
  if (is_hex) digits.remove_prefix(1);
  if (digits.empty() || digits.size() > 8) return 0;
  std::uint32_t value = 0;
  for (const char c : digits) {
    std::uint32_t digit = 0;
    if (c >= '0' && c <= '9') {
      digit = static_cast<std::uint32_t>(c - '0');
    } else if (is_hex && c >= 'a' && c <= 'f') {
      digit = static_cast<std::uint32_t>(c - 'a' + 10);
    } else if (is_hex && c >= 'A' && c <= 'F') {
      digit = static_cast<std::uint32_t>(c - 'A' + 10);
    } else {
      return 0;
    }
    value = value * (is_hex ? 16 : 10) + digit;
    if (value > 0x10FFFF) return 0;
  }
  if (value >= 0x80 && value <= 0x9F) return kWindows1252High[value - 0x80];
  if (value >= 0xD800 && value <= 0xDFFF) return 0;
  if ((value < 0x20 && value != '\t' && value != '\n') || value == 0x7F) {
    return 0;
  }
  return value;
}

// The longest name or number a reference has here ("thetasym", "#x10FFFF").
constexpr std::size_t kMaxReferenceChars = 10;

}  // namespace

std::string decode_entities(std::string_view text) {
  std::size_t amp = text.find('&');
  if (amp == std::string_view::npos) return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;
  while (amp != std::string_view::npos) {
    std::size_t end = amp + 1;
    if (end < text.size() && text[end] == '#') ++end;
    while (end < text.size() && end - amp <= kMaxReferenceChars + 1 &&
           is_ascii_alnum(text[end])) {
      ++end;
    }
    char32_t decoded = 0;
    if (end < text.size() && text[end] == ';' && end > amp + 1) {
      const std::string_view body = text.substr(amp + 1, end - amp - 1);
      decoded = body.front() == '#' ? numeric_value(body.substr(1))
                                    : lookup_name(body);
    }
    if (decoded != 0) {
      out.append(text, copied, amp - copied);
      append_utf8(out, decoded);
      copied = end + 1;
      amp = text.find('&', copied);
    } else {
      amp = text.find('&', amp + 1);
    }
  }
  out.append(text, copied, std::string_view::npos);
  return out;
}

}  // namespace news::text
