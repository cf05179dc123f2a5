// Helpers for the record reader, WARC and manifest tests: files written
// into a TempDir, gzip members, and every article of some paths read the
// way news-index reads them.
#pragma once

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/article.h"
#include "corpus/article_source.h"
#include "tests/corpus/recording_sink.h"

namespace news::testing {

inline void write_file(const std::filesystem::path& path,
                       const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

inline std::string read_bytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// One gzip member holding text.
inline std::string gzip_member(const std::string& text) {
  z_stream stream{};
  deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8,
               Z_DEFAULT_STRATEGY);
  std::string compressed(deflateBound(&stream, text.size()), '\0');
  stream.next_in =
      reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));  // zlib API
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(compressed.data());
  stream.avail_out = static_cast<uInt>(compressed.size());
  deflate(&stream, Z_FINISH);
  compressed.resize(stream.total_out);
  deflateEnd(&stream);
  return compressed;
}

// Every article under paths, read as news-index reads them (manifest,
// walk, learning, every format), in input order.
inline std::vector<Article> read_articles(corpus::CorpusOptions options,
                                          RecordingSink& sink) {
  corpus::ArticleSource source(std::move(options));
  if (const Status loaded = source.load_side_files(sink); !loaded.ok()) {
    sink.report(loaded.error());
    return {};
  }
  const std::vector<corpus::InputFile> files = source.list_inputs(sink);
  source.learn(files, sink);
  std::vector<Article> articles;
  for (const corpus::InputFile& file : files) {
    source.read_articles_each(file, sink, [&](Article&& article) {
      articles.push_back(std::move(article));
    });
  }
  return articles;
}

inline std::vector<Article> read_articles(const std::vector<std::string>& paths,
                                          RecordingSink& sink) {
  corpus::CorpusOptions options;
  options.roots = paths;
  return read_articles(std::move(options), sink);
}

// The article from path whose record is record; nullptr when none.
inline const Article* find_article(const std::vector<Article>& articles,
                                   const std::string& path,
                                   std::uint64_t record) {
  for (const Article& article : articles) {
    if (article.source.path == path && article.source.record == record) {
      return &article;
    }
  }
  return nullptr;
}

inline bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace news::testing
