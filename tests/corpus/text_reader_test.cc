// Reading text dumps: malformed bytes are repaired or reported, never
// thrown.
#include "corpus/readers/text_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <vector>

#include "common/text/utf8.h"
#include "corpus/article_source.h"
#include "tests/corpus/recording_sink.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

using news::testing::RecordingSink;
using news::testing::TempDir;

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// The articles of the single file at path.
std::vector<Article> read_path(const std::string& path, RecordingSink& sink) {
  CorpusOptions options;
  options.roots = {path};
  ArticleSource source(options);
  const auto files = source.list_inputs(sink);
  if (files.size() != 1) {
    ADD_FAILURE() << "expected one input, got " << files.size() << "\n"
                  << sink.dump();
    return {};
  }
  return source.read_articles(files[0], sink);
}

TEST(TextReader, ReportsBinaryFilesAndSkipsThem) {
  TempDir dir;
  write_file(dir.file("image.txt"), std::string("GIF89a\0\0\x01\x02", 10));
  RecordingSink sink;
  EXPECT_TRUE(read_path(dir.file("image.txt"), sink).empty());
  EXPECT_TRUE(sink.has(dir.file("image.txt"), "binary file; skipped"))
      << sink.dump();
  EXPECT_EQ(sink.errors.at(0).code(), ErrorCode::kBadInput);
}

TEST(TextReader, RepairsInvalidUtf8) {
  TempDir dir;
  // Latin-1 "café" and a truncated sequence.
  write_file(dir.file("latin1.txt"),
             "Caf\xE9 owners protest new rules\n\nThe caf\xE9 was full "
             "\xE2\x82 today.\n");
  RecordingSink sink;
  const auto articles = read_path(dir.file("latin1.txt"), sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].title, "Caf\xEF\xBF\xBD owners protest new rules");
  EXPECT_TRUE(text::is_valid_utf8(articles[0].body)) << articles[0].body;
  EXPECT_NE(articles[0].body.find("caf\xEF\xBF\xBD was full"),
            std::string::npos);
}

TEST(TextReader, NormalisesLineEndingsBomAndNfc) {
  struct Case {
    std::string bytes;
    std::string expected;
  };
  const Case kCases[] = {
      {"a\r\nb\rc\n", "a\nb\nc\n"},
      {"\xEF\xBB\xBFTitle\n", "Title\n"},
      {"mid\xEF\xBB\xBFword", "midword"},
      {"Cafe\xCC\x81", "Caf\xC3\xA9"},  // e + combining acute -> é
      {"", ""},
      {"end\r", "end\n"},
      {"\r\r\n\n", "\n\n\n"},
      {"tail\xEF\xBB\xBF", "tail"},
      {"\xEF\xBB\xBF\xEF\xBB\xBF\r\n", "\n"},
      // Non-ASCII past the first eight bytes, already NFC or not.
      {"sixteen ascii by Caf\xC3\xA9 \xE2\x80\x99",
       "sixteen ascii by Caf\xC3\xA9 \xE2\x80\x99"},
      {"sixteen ascii bytes then Cafe\xCC\x81\r\n",
       "sixteen ascii bytes then Caf\xC3\xA9\n"},
      {"exactly8", "exactly8"},
  };
  for (const Case& test : kCases) {
    const auto decoded = decode_text(test.bytes);
    ASSERT_TRUE(decoded.ok()) << "input: \"" << test.bytes << '"';
    EXPECT_EQ(decoded.value().text, test.expected)
        << "input: \"" << test.bytes << '"';
  }
}

TEST(TextReader, ReadsOnlyTheFirstBytesOfHugeFilesAndSaysSo) {
  TempDir dir;
  write_file(
      dir.file("big.txt"),
      "Headline of a big file\n\nFirst sentence.\n" + std::string(1000, 'z'));
  InputFile file;
  file.path = dir.file("big.txt");
  TextReaderOptions options;
  options.max_bytes = 100;
  RecordingSink sink;
  const auto documents = TextReader(options).read(file, sink);
  ASSERT_EQ(documents.size(), 1u) << sink.dump();
  EXPECT_EQ(documents[0].bytes.size(), 100u);
  // Left to the caller, which reports it once with what became of the part.
  EXPECT_EQ(documents[0].partial_reason,
            "file is larger than 100 bytes; only the first 100 bytes were "
            "read");
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

TEST(TextReader, ReportsEmptyAndWhitespaceOnlyFiles) {
  TempDir dir;
  write_file(dir.file("empty.txt"), "");
  write_file(dir.file("blank.txt"), " \n\t\r\n  \n");
  for (const char* name : {"empty.txt", "blank.txt"}) {
    RecordingSink sink;
    EXPECT_TRUE(read_path(dir.file(name), sink).empty()) << name;
    EXPECT_TRUE(sink.has(dir.file(name), "empty file; skipped")) << name << "\n"
                                                                 << sink.dump();
  }
}

TEST(TextReader, ReportsFilesWithoutTitle) {
  TempDir dir;
  write_file(dir.file("furniture.txt"), "Share\nTweet\n21 Comments\n0\n");
  RecordingSink sink;
  EXPECT_TRUE(read_path(dir.file("furniture.txt"), sink).empty());
  EXPECT_TRUE(sink.has(dir.file("furniture.txt"), "no title found; skipped"))
      << sink.dump();
}

TEST(TextReader, ReportsUnreadableFilesWithoutThrowing) {
  InputFile file;
  file.path = "/nonexistent/folder/file.txt";
  RecordingSink sink;
  EXPECT_TRUE(TextReader().read(file, sink).empty());
  ASSERT_EQ(sink.errors.size(), 1u);
  EXPECT_EQ(sink.errors[0].code(), ErrorCode::kIo);
  EXPECT_TRUE(sink.has(file.path, "cannot read file")) << sink.dump();
}

}  // namespace
}  // namespace news::corpus
