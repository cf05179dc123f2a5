// The one place that decides an article's outlet from all the evidence its
// format offers, in the order of trust of docs/design.md, for every input
// format alike.
#pragma once

#include <optional>
#include <string>

#include "corpus/extract/outlet.h"
#include "corpus/extract/outlet_table.h"
#include "corpus/input_file.h"

namespace news::corpus {

// What the user said about outlets for the whole run.
struct OutletPolicy {
  std::string outlet_flag;          // --outlet NAME; "" when not given
  bool is_outlet_from_dir = false;  // --outlet-from-dir
  // Host -> display name (built-in plus --outlets); nullptr: none. Not
  // owned.
  const OutletTable* outlet_table = nullptr;
};

// What one article offers; empty members offer nothing.
struct OutletEvidence {
  std::optional<OutletGuess> record_field;  // rule "record:<field name>"
  std::optional<OutletGuess> manifest;      // rule "manifest:<column>"
  std::string url;                          // the article's URL
  std::string html_site_name;               // og:site_name, JSON-LD publisher
  std::optional<OutletGuess> text;          // find_outlet_in_text()
  const InputFile* file = nullptr;          // for --outlet-from-dir
};

// The outlet, by the first rule that gives one:
//   1. a record field naming the outlet (rule as given, "record:domain");
//      a host name there ("awm.com") is shown through the outlet table
//      when the table knows it;
//   2. the manifest entry of the file (rule as given);
//   3. --outlet (rule "flag:--outlet");
//   4. the URL's host through the outlet table (rule "url:outlet-table");
//   5. the HTML site name (rule "html:site-name");
//   6. text evidence (its own rule, e.g. "text:support-banner");
//   7. the URL's host itself (rule "url:host"): a host is no display name,
//      but it is what the page says about where it came from;
//   8. the first folder under the root, only with --outlet-from-dir (rule
//      "dir");
//   9. else kUnknownOutlet, rule "none".
OutletGuess resolve_outlet(const OutletEvidence& evidence,
                           const OutletPolicy& policy);

}  // namespace news::corpus
