// The main text of an HTML page, found by a content extractor of our own:
//  1. page furniture is dropped: script, style, nav, aside, footer, forms,
//     hidden elements, page headers, and elements whose class or id names a
//     role of boilerplate (comments, share bars, related links, ads, cookie
//     banners, newsletters, sidebars, menus, breadcrumbs, bylines, tags...);
//  2. the rest is cut into text blocks (paragraphs, headings, list items,
//     cells, text directly in a <div>), each with its text and link text;
//  3. every block of sentence-like text scores the elements above it (more
//     for commas and length, weighted by the elements' tags and roles:
//     <article>, itemprop=articleBody, <main>, role=main, "content" classes
//     up; link-dense elements down), the best element is the article, and
//     its siblings that score well or hold plain paragraphs join it;
//  4. inside it, link lists, short furniture lines and headings that head
//     nothing are left out;
//  5. when step 1 left no text block, the page is read again dropping only
//     scripts, styles, menus and forms: an article wrapped in an <aside>, a
//     page header or an element named "read_more" is found by step 3.
// Internal to the HTML extractor; exposed for its tests.
#pragma once

#include <string>

#include "corpus/html/dom.h"

namespace news::corpus::html {

// The main text of the page: paragraphs (UTF-8, not yet NFC) separated by
// "\n\n", line breaks inside a paragraph as "\n". "" when the page has no
// text at all.
std::string extract_main_text(const Dom& dom);

}  // namespace news::corpus::html
