#include "corpus/html/dom.h"

#include <memory>

namespace news::corpus::html {
namespace {

struct OutputDestroyer {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

std::string_view DomNode::attribute(std::string_view name) const {
  for (const auto& [key, value] : attributes) {
    if (key == name) return value;
  }
  return {};
}

bool DomNode::has_attribute(std::string_view name) const {
  for (const auto& attribute_pair : attributes) {
    if (attribute_pair.first == name) return true;
  }
  return false;
}

Dom Dom::parse(std::string_view utf8) {
  const std::unique_ptr<GumboOutput, OutputDestroyer> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(),
                               utf8.size()));
  Dom dom;
  // Iterative preorder walk: pages nest deeply enough to exhaust a stack.
  struct Pending {
    const GumboNode* node;
    std::size_t parent;
    std::size_t depth;
  };
  std::vector<Pending> pending = {{output->root, kNoNode, 0}};
  while (!pending.empty()) {
    const Pending item = pending.back();
    pending.pop_back();
    const GumboNode* source = item.node;
    DomNode node;
    node.parent = item.parent;
    node.depth = item.depth;
    const GumboVector* children = nullptr;
    switch (source->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& element = source->v.element;
        node.tag = element.tag;
        node.attributes.reserve(element.attributes.length);
        for (unsigned i = 0; i < element.attributes.length; ++i) {
          const auto* attribute =
              static_cast<const GumboAttribute*>(element.attributes.data[i]);
          node.attributes.emplace_back(attribute->name, attribute->value);
        }
        children = &element.children;
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        node.is_text = true;
        node.text = source->v.text.text;
        break;
      default:
        continue;  // comments; the document node is never pushed
    }
    const std::size_t index = dom.nodes_.size();
    if (item.parent != kNoNode)
      dom.nodes_[item.parent].children.push_back(index);
    dom.nodes_.push_back(std::move(node));
    if (children != nullptr) {
      for (unsigned i = children->length; i > 0; --i) {
        pending.push_back({static_cast<const GumboNode*>(children->data[i - 1]),
                           index, item.depth + 1});
      }
    }
  }
  // Subtree ends, children before parents (reverse preorder).
  for (std::size_t i = dom.nodes_.size(); i > 0; --i) {
    DomNode& node = dom.nodes_[i - 1];
    node.subtree_end = node.children.empty()
                           ? i
                           : dom.nodes_[node.children.back()].subtree_end;
  }
  return dom;
}

std::size_t Dom::find_first(GumboTag tag) const {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].is_element(tag)) return i;
  }
  return kNoNode;
}

std::string Dom::text_content(std::size_t node) const {
  std::string text;
  for (std::size_t i = node; i < nodes_[node].subtree_end; ++i) {
    if (nodes_[i].is_text) text += nodes_[i].text;
  }
  return text;
}

}  // namespace news::corpus::html
