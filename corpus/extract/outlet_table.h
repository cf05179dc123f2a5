// Outlet names for URL hosts: a built-in table of common news outlets
// (international, Russian, and the alternative and state media studied in
// disinformation research), which a user extends or overrides with a file
// (news-index --outlets FILE). Used for the "url" rule of the outlet order
// of trust: a record's own outlet field and the manifest come first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/error.h"

namespace news::corpus {

class OutletTable {
 public:
  // The built-in table only.
  static OutletTable built_in();

  // This table plus the entries of the file at path: one "host,name" or
  // "host<TAB>name" per line (the first comma or tab separates; a name may
  // be in double quotes), blank lines and lines starting with "#" ignored.
  // The host may be written as a URL ("https://www.example.com/") and is
  // normalised like a looked-up host. A file entry wins over the built-in
  // entry for the same host. Errors: kIo when the file cannot be read;
  // kUsage naming "file:line" for a line without a host and a name. A
  // file's entry for a domain also covers its subdomains, over built-in
  // entries for them.
  [[nodiscard]] Result<OutletTable> with_file(const std::string& path) const;

  // The display name for host ("www.bbc.co.uk", "edition.cnn.com:443",
  // "RT.COM."): the entry of the host itself (case-insensitive, without
  // "www.", port or trailing dot), else of its closest parent domain with
  // an entry ("edition.cnn.com" -> cnn.com -> "CNN"; "money.cnn.com" has
  // its own). nullopt when neither the host nor a parent is known.
  std::optional<std::string> outlet_for_host(std::string_view host) const;

  // outlet_for_host() of the URL's host ("https://www.rt.com/news/1/",
  // "//ria.ru/x", "www.tass.ru/y"). Archive copies name the archived page's
  // outlet: "https://web.archive.org/web/2004.../http://news.bbc.co.uk/..."
  // gives "BBC". nullopt for a URL without a host or with an unknown one.
  std::optional<std::string> outlet_for_url(std::string_view url) const;

  // Number of hosts known (built-in and from files; a host in both counts
  // twice).
  std::size_t size() const {
    return built_in_names_.size() + user_names_.size();
  }

 private:
  OutletTable() = default;
  // host -> name
  std::unordered_map<std::string, std::string> built_in_names_;
  std::unordered_map<std::string, std::string> user_names_;
};

}  // namespace news::corpus
