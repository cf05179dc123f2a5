// ArticleSource: everything the indexer asks of corpus/. It finds input
// files under roots (recursively) and in path lists, learns per-outlet
// boilerplate from a first pass over them, and turns each file into clean
// Articles. It never throws on bad input: problems go to the ErrorSink with
// the file (and record), and the run goes on.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/error.h"
#include "corpus/input_file.h"

namespace news::corpus {

struct CorpusOptions {
  std::vector<std::string> roots;   // files or folders
  std::string path_list_file;       // file with one path per line ("-": stdin)
  std::string outlet;               // --outlet: overrides text evidence
  bool is_outlet_from_dir = false;  // --outlet-from-dir: first folder name
  std::string language = "en";      // language of text dumps
};

class ArticleSource {
 public:
  explicit ArticleSource(CorpusOptions options);
  ~ArticleSource();
  ArticleSource(const ArticleSource&) = delete;
  ArticleSource& operator=(const ArticleSource&) = delete;

  // Every readable input file under the roots and in the path list, in a
  // stable (sorted) order, without duplicates. Unreadable or missing paths,
  // broken symlinks and loops are reported to sink and left out.
  std::vector<InputFile> list_inputs(ErrorSink& sink) const;

  // First pass: reads the files and counts recurring lines per outlet (or
  // per folder when the outlet is unknown) to learn boilerplate. Must be
  // called with all files of the corpus (not only changed ones) before
  // read_articles; may be skipped, then only generic rules apply.
  // Unreadable or binary files are left out here without a report:
  // read_articles reports them when it reads them, so each is reported once.
  void learn(const std::vector<InputFile>& files, ErrorSink& sink);

  // The articles in one file (one for a text dump). A file that yields no
  // article (empty, binary, no text) is reported to sink with the reason and
  // gives an empty vector. A file read only in part (size cap, truncated or
  // corrupt gzip) gives one message that says both: "truncated gzip (812
  // bytes decompressed); indexed the article in what was read" or "...; no
  // title found; skipped". Each problem of a file is reported once.
  std::vector<Article> read_articles(const InputFile& file,
                                     ErrorSink& sink) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace news::corpus
