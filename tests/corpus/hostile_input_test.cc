// Hostile input never stops a run: compressed, truncated, huge, sparse,
// empty, oddly named, unreadable and special files each give one clear
// message (path, what happened, what was done), and the run goes on.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "corpus/article_source.h"
#include "corpus/readers/input_stream.h"
#include "corpus/readers/text_reader.h"
#include "corpus/source_walker.h"
#include "tests/corpus/recording_sink.h"
#include "tests/support/test_support.h"

namespace news::corpus {
namespace {

namespace fs = std::filesystem;
using news::testing::corpora_dir;
using news::testing::RecordingSink;
using news::testing::TempDir;

constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

void write_file(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string read_file(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  std::ostringstream content;
  content << stream.rdbuf();
  return content.str();
}

// One gzip member holding text (as "gzip" writes it).
std::string gzip(const std::string& text) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string compressed(deflateBound(&stream, text.size()), '\0');
  stream.next_in =
      reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));  // zlib API
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  EXPECT_EQ(deflate(&stream, Z_FINISH), Z_STREAM_END);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  return compressed;
}

// A gzip member of count copies of block, compressed as it streams.
std::string gzip_repeated(const std::string& block, std::size_t count) {
  z_stream stream{};
  EXPECT_EQ(deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8,
                         Z_DEFAULT_STRATEGY),
            Z_OK);
  std::string compressed;
  char out[64 * 1024];
  for (std::size_t i = 0; i <= count; ++i) {
    const bool is_last = i == count;
    stream.next_in =
        reinterpret_cast<Bytef*>(const_cast<char*>(block.data()));  // zlib API
    stream.avail_in = is_last ? 0 : static_cast<uInt>(block.size());
    do {
      stream.next_out = reinterpret_cast<Bytef*>(out);
      stream.avail_out = sizeof out;
      deflate(&stream, is_last ? Z_FINISH : Z_NO_FLUSH);
      compressed.append(out, sizeof out - stream.avail_out);
    } while (stream.avail_out == 0);
  }
  deflateEnd(&stream);
  return compressed;
}

// A real article: the first Wikinews dump.
fs::path wikinews_article() {
  return corpora_dir() / "wikinews-en-2004" / "txt" /
         "000_President_of_China_lunches_with_Brazilian_President.txt";
}

// The inputs found under (or named by) path and the articles they give,
// with the boilerplate learning pass, as news-index runs them.
std::vector<Article> run_corpus(const std::vector<std::string>& roots,
                                RecordingSink& sink) {
  CorpusOptions options;
  options.roots = roots;
  ArticleSource source(options);
  const std::vector<InputFile> files = source.list_inputs(sink);
  source.learn(files, sink);
  std::vector<Article> articles;
  for (const InputFile& file : files) {
    for (Article& article : source.read_articles(file, sink)) {
      articles.push_back(std::move(article));
    }
  }
  return articles;
}

// The messages (to_string) reported for path.
std::vector<std::string> messages_for(const RecordingSink& sink,
                                      const std::string& path) {
  std::vector<std::string> messages;
  for (const Error& error : sink.errors) {
    if (error.source() && error.source()->path == path) {
      messages.push_back(error.message());
    }
  }
  return messages;
}

// Bytes this process has read through read(2) so far (Linux).
std::uint64_t bytes_read_by_process() {
  std::ifstream io("/proc/self/io");
  std::string key;
  std::uint64_t value = 0;
  while (io >> key >> value) {
    if (key == "rchar:") return value;
  }
  return 0;
}

// --- 1. gzip -------------------------------------------------------------

TEST(GzipInput, ReadsACompressedDumpLikeThePlainOne) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string text = read_file(wikinews_article());
  write_file(dir.path() / "plain" / "story.txt", text);
  write_file(dir.path() / "packed" / "story.txt.gz", gzip(text));
  RecordingSink sink;
  const auto plain = run_corpus({(dir.path() / "plain").string()}, sink);
  const auto packed = run_corpus({(dir.path() / "packed").string()}, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  ASSERT_EQ(plain.size(), 1u);
  ASSERT_EQ(packed.size(), 1u);
  EXPECT_EQ(packed[0].title,
            "President of China lunches with Brazilian President");
  EXPECT_EQ(packed[0].title, plain[0].title);
  EXPECT_EQ(packed[0].body, plain[0].body);
  EXPECT_EQ(packed[0].source.path,
            (dir.path() / "packed" / "story.txt.gz").string());
}

TEST(GzipInput, FindsGzFilesByNameAndSniffsExtensionlessOnes) {
  TempDir dir;
  write_file(dir.path() / "a.TXT.GZ",
             gzip("A headline for the test\n\nA body sentence.\n"));
  write_file(dir.path() / "notes.gz",
             gzip("Another headline here\n\nAnother body sentence.\n"));
  write_file(dir.path() / "image.gz", gzip(std::string("\x89PNG\0\0\0", 7)));
  write_file(dir.path() / "page.html.gz", gzip("<html></html>"));
  RecordingSink sink;
  const auto files = SourceWalker({{dir.path().string()}, ""}).walk(sink);
  ASSERT_EQ(files.size(), 3u) << sink.dump();
  EXPECT_EQ(files[0].path, dir.file("a.TXT.GZ"));
  EXPECT_EQ(files[1].path, dir.file("notes.gz"));
  EXPECT_EQ(files[2].path, dir.file("page.html.gz"));
  EXPECT_EQ(files[0].format, Format::kText);
  EXPECT_EQ(files[1].format, Format::kText);
  EXPECT_EQ(files[2].format, Format::kHtml);
  for (const InputFile& file : files) {
    EXPECT_EQ(file.compression, Compression::kGzip) << file.path;
  }
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

TEST(GzipInput, ReadsEveryMemberOfAMultiMemberFile) {
  TempDir dir;
  // "cat part1.gz part2.gz > story.txt.gz"
  write_file(dir.path() / "story.txt.gz",
             gzip("A headline in the first member\n\nFirst sentence.\n") +
                 gzip("Second sentence, from the second member.\n") + gzip("") +
                 gzip("Third sentence.\n"));
  RecordingSink sink;
  const auto articles = run_corpus({dir.path().string()}, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].title, "A headline in the first member");
  EXPECT_EQ(articles[0].body,
            "First sentence.\nSecond sentence, from the second member.\n"
            "Third sentence.");
}

TEST(GzipInput, ReadsAFileNamedGzThatIsNotCompressedAsItIs) {
  TempDir dir;
  write_file(dir.path() / "story.txt.gz",
             "A headline that was never compressed\n\nA body sentence.\n");
  RecordingSink sink;
  const auto articles = run_corpus({dir.path().string()}, sink);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
  ASSERT_EQ(articles.size(), 1u);
  EXPECT_EQ(articles[0].title, "A headline that was never compressed");
}

TEST(GzipInput, IndexesWhatATruncatedFileHeldAndSaysSo) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string text = read_file(wikinews_article());
  const std::string packed = gzip(text);
  const std::string path = dir.file("story.txt.gz");
  write_file(path, packed.substr(0, packed.size() / 2));
  RecordingSink sink;
  const auto articles = run_corpus({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].title,
            "President of China lunches with Brazilian President");
  EXPECT_LT(articles[0].body.size(), text.size());
  const auto messages = messages_for(sink, path);
  ASSERT_EQ(messages.size(), 1u) << sink.dump();
  EXPECT_EQ(messages[0].rfind("truncated gzip (", 0), 0u) << messages[0];
  EXPECT_NE(messages[0].find(" bytes decompressed); indexed the article in "
                             "what was read"),
            std::string::npos)
      << messages[0];
  EXPECT_EQ(sink.errors.size(), 1u) << sink.dump();
}

TEST(GzipInput, SkipsATruncatedFileThatGaveNothingUsable) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string expected;
  };
  const std::string packed = gzip("A headline\n\nA body sentence.\n");
  const std::string furniture =
      gzip("Share\nTweet\n21 Comments\n" + std::string(2000, 'x') + "\nmore\n");
  const Case kCases[] = {
      {"header-only.txt.gz", packed.substr(0, 10),
       "truncated gzip (0 bytes decompressed); skipped"},
      {"magic-only.txt.gz", packed.substr(0, 2),
       "truncated gzip (0 bytes decompressed); skipped"},
      {"furniture.txt.gz", furniture.substr(0, furniture.size() - 6),
       "truncated gzip (2030 bytes decompressed); no title found; skipped"},
  };
  TempDir dir;
  for (const Case& test : kCases) {
    const std::string path = dir.file(test.name);
    write_file(path, test.bytes);
    RecordingSink sink;
    EXPECT_TRUE(run_corpus({path}, sink).empty()) << test.name;
    EXPECT_EQ(messages_for(sink, path), std::vector<std::string>{test.expected})
        << test.name << "\n"
        << sink.dump();
    EXPECT_EQ(sink.errors.size(), 1u) << test.name << "\n" << sink.dump();
  }
}

TEST(GzipInput, ReportsCorruptDataOnce) {
  TempDir dir;
  std::string packed = gzip("A headline of a corrupt file\n\n" +
                            std::string(5000, 'a') + " sentence.\n");
  for (std::size_t i = 12; i < packed.size() - 8; ++i) packed[i] ^= 0x55;
  const std::string path = dir.file("corrupt.txt.gz");
  write_file(path, packed);
  RecordingSink sink;
  EXPECT_TRUE(run_corpus({path}, sink).empty());
  const auto messages = messages_for(sink, path);
  ASSERT_EQ(messages.size(), 1u) << sink.dump();
  EXPECT_EQ(messages[0].rfind("corrupt gzip (0 bytes decompressed: ", 0), 0u)
      << messages[0];
  EXPECT_NE(messages[0].find("); skipped"), std::string::npos) << messages[0];
}

TEST(GzipInput, CapsDecompressedContentLikeAPlainFile) {
  TempDir dir;
  const std::string path = dir.file("bomb.txt.gz");
  write_file(path, gzip("A headline above a bomb\n\n") +
                       gzip_repeated("All work and no play makes a dull "
                                     "story. ",
                                     100000));  // 4.2 MB decompressed
  InputFile file;
  file.path = path;
  file.compression = Compression::kGzip;
  TextReaderOptions options;
  options.max_bytes = kMiB;
  RecordingSink sink;
  const auto documents = TextReader(options).read(file, sink);
  ASSERT_EQ(documents.size(), 1u) << sink.dump();
  EXPECT_EQ(documents[0].bytes.size(), kMiB);
  EXPECT_EQ(documents[0].partial_reason,
            "decompressed content is larger than 1 MiB; only the first 1 MiB "
            "were read");
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

TEST(GzipInput, SkipsAGzipBombOfZerosAfterItsFirstBlock) {
  TempDir dir;
  const std::string path = dir.file("bomb.txt.gz");
  // 1 GiB of zeros in about 1 MB.
  write_file(path, gzip_repeated(std::string(kMiB, '\0'), 1024));
  const std::uint64_t read_before = bytes_read_by_process();
  RecordingSink sink;
  EXPECT_TRUE(run_corpus({path}, sink).empty());
  EXPECT_LT(bytes_read_by_process() - read_before, 16 * kMiB);
  EXPECT_EQ(messages_for(sink, path),
            std::vector<std::string>{"binary file; skipped"})
      << sink.dump();
}

// --- 2. huge lines --------------------------------------------------------

TEST(HugeInput, A200MegabyteSingleLineIsCappedAndGivesOneMessage) {
  TempDir dir;
  const std::string path = dir.file("one-line.txt");
  {
    std::ofstream out(path, std::ios::binary);
    std::string block;
    while (block.size() < kMiB) block += "word ";
    for (int i = 0; i < 200; ++i) out << block;
  }
  RecordingSink sink;
  // Words without a headline line: an untitled article of what was read.
  const auto articles = run_corpus({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].title, "");
  EXPECT_EQ(articles[0].facts.title_rule, "none");
  EXPECT_LE(articles[0].body.size(), 64 * kMiB);
  EXPECT_GT(articles[0].body.size(), 63 * kMiB);
  EXPECT_EQ(articles[0].body.substr(0, 10), "word word ");
  EXPECT_EQ(messages_for(sink, path),
            std::vector<std::string>{
                "file is larger than 64 MiB; only the first 64 MiB were "
                "read; indexed the article in what was read"})
      << sink.dump();
}

TEST(HugeInput, AHeadlineAboveA64MegabyteLineGivesAnArticle) {
  TempDir dir;
  const std::string path = dir.file("long-body.txt");
  {
    std::ofstream out(path, std::ios::binary);
    out << "A headline above one enormous paragraph\n\n";
    std::string block;
    while (block.size() < kMiB) block += "Mot ";
    for (int i = 0; i < 63; ++i) out << block;
    out << "end.";
  }
  RecordingSink sink;
  const auto articles = run_corpus({path}, sink);
  ASSERT_EQ(articles.size(), 1u) << sink.dump();
  EXPECT_EQ(articles[0].title, "A headline above one enormous paragraph");
  EXPECT_GT(articles[0].body.size(), 63 * kMiB);
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

TEST(HugeInput, ManyShortLinesAndLongRunsOfOneCharacterFinish) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string expected;
  };
  const Case kCases[] = {
      {"digits.txt", std::string(8 * kMiB, '7'), "no title found; skipped"},
      {"letters.txt", std::string(8 * kMiB, 'a'), "no title found; skipped"},
      // Datelines only: each is passed over as a title once.
      {"dates.txt",
       [] {
         std::string text;
         while (text.size() < 8 * kMiB) text += "Posted on March 3, 2021\n";
         return text;
       }(),
       "no title found; skipped"},
      {"dashes.txt", "A headline over dashes\n\n" + std::string(8 * kMiB, '-'),
       "no body text after the title; skipped"},
      // Banner lines naming a different outlet each.
      {"short-lines.txt",
       [] {
         std::string text;
         for (int i = 0; text.size() < 8 * kMiB; ++i) {
           text += "Support A" + std::to_string(i) + "\nx\n";
         }
         return text;
       }(),
       "no title found; skipped"},
  };
  TempDir dir;
  for (const Case& test : kCases) {
    const std::string path = dir.file(test.name);
    write_file(path, test.bytes);
    RecordingSink sink;
    EXPECT_TRUE(run_corpus({path}, sink).empty()) << test.name;
    EXPECT_EQ(messages_for(sink, path), std::vector<std::string>{test.expected})
        << test.name << "\n"
        << sink.dump();
  }
}

// --- 3. files of several GB -------------------------------------------------

TEST(HugeInput, ASparseThreeGigabyteFileIsJudgedOnItsFirstBlock) {
  TempDir dir;
  const std::string named = dir.file("sparse.txt");
  const std::string unnamed = dir.file("sparse");
  for (const std::string& path : {named, unnamed}) {
    write_file(path, "A headline before a hole\n\nA sentence.\n");
    ASSERT_EQ(::truncate(path.c_str(), 3 * (std::int64_t{1} << 30)), 0);
  }
  const std::uint64_t read_before = bytes_read_by_process();
  RecordingSink sink;
  EXPECT_TRUE(run_corpus({dir.path().string(), named}, sink).empty());
  EXPECT_LT(bytes_read_by_process() - read_before, 16 * kMiB);
  // In a folder, a file without extension that is not text is no input.
  EXPECT_EQ(messages_for(sink, named),
            std::vector<std::string>{"binary file; skipped"})
      << sink.dump();
  EXPECT_TRUE(messages_for(sink, unnamed).empty()) << sink.dump();
  // Named explicitly, it is reported.
  RecordingSink explicit_sink;
  EXPECT_TRUE(run_corpus({unnamed}, explicit_sink).empty());
  EXPECT_TRUE(explicit_sink.has(unnamed, "not a supported input"))
      << explicit_sink.dump();
}

// --- 4. files without content ----------------------------------------------

TEST(EmptyInput, EachKindOfEmptyFileIsReportedOnceAndSkipped) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string expected;
  };
  const Case kCases[] = {
      {"empty.txt", "", "empty file; skipped"},
      {"spaces.txt", "   \t  ", "empty file; skipped"},
      {"newlines.txt", std::string(4 * kMiB, '\n'), "empty file; skipped"},
      {"crlf.txt", "\r\n\r\n\r\n", "empty file; skipped"},
      // U+00A0, U+3000, U+2003 and a byte-order mark.
      {"unicode-spaces.txt", "\xEF\xBB\xBF\xC2\xA0\n\xE3\x80\x80\xE2\x80\x83\n",
       "empty file; skipped"},
      {"empty.txt.gz", gzip(""), "empty file; skipped"},
      {"blank.txt.gz", gzip(" \n \n"), "empty file; skipped"},
      {"zero-bytes.txt.gz", "", "empty file; skipped"},
      {"furniture.txt",
       "Share\nTweet\n21 Comments\n0\nAdvertisement\nSubscribe\n"
       "\xC2\xA9 2019 Example. All rights reserved\nAccept all cookies\n",
       "no title found; skipped"},
      {"headline-only.txt", "Only a headline here\n\n",
       "no body text after the title; skipped"},
  };
  TempDir dir;
  for (const Case& test : kCases)
    write_file(dir.path() / test.name, test.bytes);
  RecordingSink sink;
  EXPECT_TRUE(run_corpus({dir.path().string()}, sink).empty());
  for (const Case& test : kCases) {
    EXPECT_EQ(messages_for(sink, dir.file(test.name)),
              std::vector<std::string>{test.expected})
        << test.name << "\n"
        << sink.dump();
  }
  EXPECT_EQ(sink.errors.size(), std::size(kCases)) << sink.dump();
}

// --- 5. odd file names -------------------------------------------------------

TEST(OddNames, PrintablePathEscapesWhatWouldBreakALine) {
  struct Case {
    std::string path;
    std::string expected;
  };
  const Case kCases[] = {
      {"plain/story.txt", "plain/story.txt"},
      {"a\nb.txt", "a\\nb.txt"},
      {"tab\there\r.txt", "tab\\there\\r.txt"},
      {"\xFF\xFE.txt", "\\xFF\\xFE.txt"},
      {"esc\x1B[31m.txt", "esc\\x1B[31m.txt"},
      {"del\x7F.txt", "del\\x7F.txt"},
      {"caf\xC3\xA9/\xE6\x97\xA5\xE6\x9C\xAC.txt",
       "caf\xC3\xA9/\xE6\x97\xA5\xE6\x9C\xAC.txt"},
      {"truncated\xE6\x97.txt", "truncated\\xE6\\x97.txt"},
      {"overlong\xC0\xAF.txt", "overlong\\xC0\\xAF.txt"},
      {"next-line\xC2\x85.txt", "next-line\\u0085.txt"},
      {"separator\xE2\x80\xA8.txt", "separator\\u2028.txt"},
      {"back\\slash.txt", "back\\slash.txt"},
      {"", ""},
  };
  for (const Case& test : kCases) {
    EXPECT_EQ(printable_path(test.path), test.expected)
        << "input: " << printable_path(test.path);
  }
  EXPECT_EQ(Error::bad_input(SourceRef{"x\ny.jsonl", 12, 0}, "bad").to_string(),
            "x\\ny.jsonl:12: bad");
}

TEST(OddNames, FilesWithNewlinesAndInvalidUtf8AreFoundAndIndexed) {
  TempDir dir;
  const std::vector<std::string> names = {"a\nb.txt", "\xFF\xFE.txt",
                                          "tab\tname"};
  for (const std::string& name : names) {
    write_file(dir.path() / name,
               "A headline in an oddly named file\n\n"
               "A body sentence.\n");
  }
  write_file(dir.path() / "bad\n\xFF.txt", std::string("\0\0\0\0", 4));
  RecordingSink sink;
  const auto articles = run_corpus({dir.path().string()}, sink);
  ASSERT_EQ(articles.size(), names.size()) << sink.dump();
  for (const Article& article : articles) {
    EXPECT_EQ(article.title, "A headline in an oddly named file");
  }
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  const std::string message = sink.errors[0].to_string();
  EXPECT_EQ(message, printable_path(dir.file("")) +
                         "bad\\n\\xFF.txt: binary file; skipped");
  EXPECT_EQ(message.find('\n'), std::string::npos);
}

// --- 6. permissions
// ------------------------------------------------------------

TEST(Permissions, AnUnreadableFileIsReportedOnceAndSkipped) {
  if (::geteuid() == 0) {
    GTEST_SKIP() << "running as root: chmod 000 does not stop root from "
                    "reading, so the permission-denied path cannot be tested";
  }
  TempDir dir;
  const std::string path = dir.file("secret.txt");
  write_file(path, "A headline nobody may read\n\nA body sentence.\n");
  write_file(dir.path() / "open.txt", "A readable headline\n\nA sentence.\n");
  fs::permissions(path, fs::perms::none);
  RecordingSink sink;
  const auto articles = run_corpus({dir.path().string()}, sink);
  fs::permissions(path, fs::perms::owner_all);
  EXPECT_EQ(articles.size(), 1u);
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].code(), ErrorCode::kIo);
  EXPECT_EQ(sink.errors[0].to_string(), path + ": permission denied; skipped");
}

// --- 7. links, folders and special files ----------------------------------

TEST(SpecialFiles, BrokenLinksAndLoopsAreReportedOnceAndTheRestIndexed) {
  TempDir dir;
  write_file(dir.path() / "a" / "one.txt", "A headline here\n\nA sentence.\n");
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "broken.txt");
  fs::create_symlink(dir.path() / "self", dir.path() / "self");
  fs::create_directory_symlink(dir.path() / "a", dir.path() / "a" / "again");
  RecordingSink sink;
  const auto articles = run_corpus({dir.path().string()}, sink);
  EXPECT_EQ(articles.size(), 1u);
  EXPECT_EQ(messages_for(sink, dir.file("broken.txt")),
            std::vector<std::string>{
                "broken symbolic link (target missing); skipped"});
  EXPECT_EQ(messages_for(sink, dir.file("self")),
            std::vector<std::string>{"symbolic link loop; skipped"});
  EXPECT_EQ(messages_for(sink, (dir.path() / "a" / "again").string()),
            std::vector<std::string>{
                "symbolic link loop (folder contains itself); skipped"});
  EXPECT_EQ(sink.errors.size(), 3u) << sink.dump();
}

TEST(SpecialFiles, FifosSocketsAndDevicesAreSkippedWithoutOpeningThem) {
  TempDir dir;
  write_file(dir.path() / "one.txt", "A headline here\n\nA sentence.\n");
  ASSERT_EQ(::mkfifo(dir.file("pipe.txt").c_str(), 0600), 0);
  ASSERT_EQ(::mkfifo(dir.file("pipe").c_str(), 0600), 0);
  const int socket_fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(socket_fd, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string socket_path = dir.file("socket.txt");
  ASSERT_LT(socket_path.size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, socket_path.c_str());
  ASSERT_EQ(
      ::bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof address),
      0);
  RecordingSink sink;
  // A FIFO read by mistake would block here until a writer came.
  const auto articles =
      run_corpus({dir.path().string(), "/dev/null", dir.file("pipe")}, sink);
  ::close(socket_fd);
  EXPECT_EQ(articles.size(), 1u);
  const std::map<std::string, std::string> kExpected = {
      {dir.file("pipe.txt"), "named pipe (FIFO), not a regular file; skipped"},
      {dir.file("pipe"), "named pipe (FIFO), not a regular file; skipped"},
      {socket_path, "socket, not a regular file; skipped"},
      {"/dev/null", "character device, not a regular file; skipped"},
  };
  for (const auto& [path, message] : kExpected) {
    EXPECT_EQ(messages_for(sink, path), std::vector<std::string>{message})
        << path << "\n"
        << sink.dump();
  }
  EXPECT_EQ(sink.errors.size(), kExpected.size()) << sink.dump();
}

TEST(SpecialFiles, InputStreamRefusesAFifoWithoutWaiting) {
  TempDir dir;
  ASSERT_EQ(::mkfifo(dir.file("pipe.txt").c_str(), 0600), 0);
  InputFile file;
  file.path = dir.file("pipe.txt");
  RecordingSink sink;
  EXPECT_TRUE(TextReader().read(file, sink).empty());
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].message(),
            "named pipe (FIFO), not a regular file; skipped");
  // A folder handed to the reader is refused the same way.
  file.path = dir.path().string();
  EXPECT_TRUE(TextReader().read(file, sink).empty());
  EXPECT_TRUE(sink.has(file.path, "folder, not a regular file; skipped"))
      << sink.dump();
}

TEST(SpecialFiles, APathListThatIsAFolderIsOneClearError) {
  TempDir dir;
  write_file(dir.path() / "sub" / "one.txt",
             "A headline here\n\nA sentence.\n");
  RecordingSink sink;
  const auto files =
      SourceWalker({{}, (dir.path() / "sub").string()}).walk(sink);
  EXPECT_TRUE(files.empty());
  ASSERT_EQ(sink.errors.size(), 1u) << sink.dump();
  EXPECT_EQ(sink.errors[0].code(), ErrorCode::kUsage);
  EXPECT_EQ(sink.errors[0].to_string(),
            (dir.path() / "sub").string() +
                ": is a folder, not a path list (one path per line); nothing "
                "read from it (to walk a folder, give it as an input "
                "instead)");
}

TEST(SpecialFiles, AFolderInAPathListIsWalked) {
  TempDir dir;
  write_file(dir.path() / "sub" / "deep" / "one.txt",
             "A headline here\n\nA sentence.\n");
  write_file(dir.path() / "list", (dir.path() / "sub").string() + "\n");
  RecordingSink sink;
  const auto files = SourceWalker({{}, dir.file("list")}).walk(sink);
  ASSERT_EQ(files.size(), 1u) << sink.dump();
  EXPECT_EQ(files[0].path, (dir.path() / "sub" / "deep" / "one.txt").string());
  EXPECT_TRUE(sink.errors.empty()) << sink.dump();
}

// --- 8. one message per problem ---------------------------------------------

TEST(HostileCorpus, EveryProblemIsReportedExactlyOnceAndGoodFilesIndexed) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const std::string text = read_file(wikinews_article());
  write_file(dir.path() / "good.txt", text);
  write_file(dir.path() / "good.txt.gz", gzip(text));
  write_file(dir.path() / "cut.txt.gz", gzip(text).substr(0, 200));
  write_file(dir.path() / "empty.txt", "");
  write_file(dir.path() / "image.txt", std::string("GIF89a\0\0", 8));
  write_file(dir.path() / "odd\nname.txt", text);
  ASSERT_EQ(::mkfifo(dir.file("pipe.txt").c_str(), 0600), 0);
  fs::create_symlink(dir.path() / "gone.txt", dir.path() / "broken.txt");
  RecordingSink sink;
  const auto articles = run_corpus({dir.path().string()}, sink);
  EXPECT_EQ(articles.size(), 4u) << sink.dump();  // good x2, odd name, cut
  std::map<std::string, int> count_by_path;
  for (const Error& error : sink.errors) {
    ASSERT_TRUE(error.source().has_value()) << error.to_string();
    ++count_by_path[error.source()->path];
  }
  for (const char* name :
       {"cut.txt.gz", "empty.txt", "image.txt", "pipe.txt", "broken.txt"}) {
    EXPECT_EQ(count_by_path[dir.file(name)], 1) << name << "\n" << sink.dump();
  }
  EXPECT_EQ(sink.errors.size(), 5u) << sink.dump();
}

}  // namespace
}  // namespace news::corpus
