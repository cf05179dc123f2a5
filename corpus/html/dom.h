// A parsed HTML page as a flat, immutable tree: gumbo-parser (HTML5) does the
// parsing, and the result is copied into preorder nodes so that the
// extractors walk plain vectors instead of gumbo's structures, and parents,
// children and whole subtrees are found by index.
// Internal to the HTML extractor; exposed for its tests.
#pragma once

#include <gumbo.h>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace news::corpus::html {

inline constexpr std::size_t kNoNode = std::numeric_limits<std::size_t>::max();

struct DomNode {
  bool is_text = false;              // a text node (text, white space, CDATA)
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // elements only
  std::string text;                  // text nodes only, as in the page
  std::size_t parent = kNoNode;
  std::size_t subtree_end = 0;  // one past the last node of the subtree
  std::size_t depth = 0;        // 0 for <html>
  std::vector<std::size_t> children;
  // Elements: attribute names lower case (as gumbo gives them), values raw.
  std::vector<std::pair<std::string, std::string>> attributes;

  // The value of attribute name, "" when absent.
  std::string_view attribute(std::string_view name) const;
  bool has_attribute(std::string_view name) const;
  bool is_element(GumboTag element_tag) const {
    return !is_text && tag == element_tag;
  }
};

class Dom {
 public:
  // Parses a UTF-8 page (HTML5 parsing recovers from any input, so this
  // never fails; an empty page still has <html>, <head> and <body>).
  static Dom parse(std::string_view utf8);

  // All nodes in document order; node 0 is <html>. Comments are left out.
  const std::vector<DomNode>& nodes() const { return nodes_; }
  const DomNode& node(std::size_t index) const { return nodes_[index]; }
  std::size_t size() const { return nodes_.size(); }

  // The first element with tag in document order, kNoNode if none.
  std::size_t find_first(GumboTag tag) const;
  // Whether ancestor is node or one of its ancestors.
  bool contains(std::size_t ancestor, std::size_t node) const {
    return node >= ancestor && node < nodes_[ancestor].subtree_end;
  }
  // The text of every text node under node, concatenated as written.
  std::string text_content(std::size_t node) const;

 private:
  std::vector<DomNode> nodes_;
};

}  // namespace news::corpus::html
