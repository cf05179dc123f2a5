#include "common/text/entities.h"

#include <gtest/gtest.h>

namespace news::text {
namespace {

TEST(Entities, DecodesNamedReferences) {
  EXPECT_EQ(decode_entities("it&rsquo;s Paris &ndash; London &amp; more"),
            "it\u2019s Paris \u2013 London & more");
  EXPECT_EQ(decode_entities("&quot;caf&eacute;&quot;&nbsp;&hellip;"),
            "\"caf\u00e9\"\u00a0\u2026");
  EXPECT_EQ(decode_entities("&Agrave;&yuml;&euro;&trade;&Omega;&omega;"),
            "\u00c0\u00ff\u20ac\u2122\u03a9\u03c9");
  EXPECT_EQ(decode_entities("&sigmaf;&Sigma;&apos;&lt;&gt;"),
            "\u03c2\u03a3'<>");
}

TEST(Entities, DecodesNumericReferences) {
  EXPECT_EQ(decode_entities("Trump&#039;s &#8220;deal&#x201D; &#X41;"),
            "Trump's \u201cdeal\u201d A");
  // 0x80-0x9F are windows-1252, as in browsers.
  EXPECT_EQ(decode_entities("don&#146;t &#150; &#128;5"),
            "don\u2019t \u2013 \u20ac5");
  EXPECT_EQ(decode_entities("&#128512;"), "\U0001F600");
  EXPECT_EQ(decode_entities("a&#9;b&#10;c"), "a\tb\nc");
}

TEST(Entities, LeavesWhatIsNotAReferenceAlone) {
  for (const char* text : {"AT&T",
                           "S&P;",
                           "Johnson & Johnson",
                           "&copy 2004",
                           "&foo;",
                           "&;",
                           "&#;",
                           "&#x;",
                           "&#xZZ;",
                           "&#12a;",
                           "&#0;",
                           "&#1;",
                           "&#127;",
                           "&#xD800;",
                           "&#x110000;",
                           "&#99999999999;",
                           "&#129;",
                           "&amp",
                           "tail &",
                           "&&&",
                           "&verylongnamethatisnotone;",
                           "&AMP;"}) {
    EXPECT_EQ(decode_entities(text), text) << text;
  }
}

TEST(Entities, DecodesInOnePass) {
  EXPECT_EQ(decode_entities("&amp;lt; &amp;amp;"), "&lt; &amp;");
  EXPECT_EQ(decode_entities("&&amp;&"), "&&&");
  EXPECT_EQ(decode_entities("no references"), "no references");
  EXPECT_EQ(decode_entities(""), "");
  EXPECT_EQ(decode_entities("\u00e9&eacute;\u4e2d&#20013;"),
            "\u00e9\u00e9\u4e2d\u4e2d");
}

}  // namespace
}  // namespace news::text
