#include "corpus/extract/outlet_resolution.h"

#include "common/article.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/record_values.h"

namespace news::corpus {

OutletGuess resolve_outlet(const OutletEvidence& evidence,
                           const OutletPolicy& policy) {
  if (evidence.record_field && !trim(evidence.record_field->name).empty()) {
    OutletGuess guess = *evidence.record_field;
    guess.name = std::string(trim(guess.name));
    // A "domain" column holds a host: shown by its display name if known.
    const std::string host = url_host("http://" + guess.name);
    if (guess.name.find(' ') == std::string::npos &&
        guess.name.find('.') != std::string::npos) {
      if (policy.outlet_table != nullptr) {
        if (auto name = policy.outlet_table->outlet_for_host(host)) {
          guess.name = *name;
        }
      }
    }
    return guess;
  }
  if (evidence.manifest && !trim(evidence.manifest->name).empty()) {
    return *evidence.manifest;
  }
  if (!policy.outlet_flag.empty()) {
    return {policy.outlet_flag, "flag:--outlet"};
  }
  const std::string host = url_host(evidence.url);
  if (!host.empty() && policy.outlet_table != nullptr) {
    if (auto name = policy.outlet_table->outlet_for_url(evidence.url)) {
      return {*name, "url:outlet-table"};
    }
  }
  if (!trim(evidence.html_site_name).empty()) {
    return {std::string(trim(evidence.html_site_name)), "html:site-name"};
  }
  if (evidence.text) return *evidence.text;
  if (!host.empty()) return {host, "url:host"};
  if (policy.is_outlet_from_dir && evidence.file != nullptr) {
    if (auto from_dir = outlet_from_dir(*evidence.file)) return *from_dir;
  }
  return {kUnknownOutlet, "none"};
}

}  // namespace news::corpus
