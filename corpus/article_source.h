// ArticleSource: everything the indexer asks of corpus/. It finds input
// files under roots (recursively) and in path lists, learns per-outlet
// boilerplate of text dumps from a first pass over them, and turns each
// file into clean Articles, whatever its format (text dump, HTML page, JSON
// Lines or JSON array, CSV, TSV, WARC; each also gzip-compressed). It never
// throws on bad input: problems go to the ErrorSink with the file (and
// record), and the run goes on.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/article.h"
#include "common/error.h"
#include "corpus/extract/field_mapping.h"
#include "corpus/input_file.h"

namespace news::corpus {

struct CorpusOptions {
  std::vector<std::string> roots;   // files or folders
  std::string path_list_file;       // file with one path per line ("-": stdin)
  std::string outlet;               // --outlet: overrides text evidence
  bool is_outlet_from_dir = false;  // --outlet-from-dir: first folder name
  std::string language = "en";      // language when the input names none
  std::string manifest_path;        // --manifest: metadata by file path
  std::string outlets_file;  // --outlets: host,name over the built-in table
  std::vector<FieldOverride> field_overrides;  // --field NAME=COLUMN
};

// Receives each article of a file as it is extracted.
using ArticleConsumer = std::function<void(Article&&)>;

class ArticleSource {
 public:
  explicit ArticleSource(CorpusOptions options);
  ~ArticleSource();
  ArticleSource(const ArticleSource&) = delete;
  ArticleSource& operator=(const ArticleSource&) = delete;

  // Reads the manifest (--manifest) and the user's outlet table
  // (--outlets), when given; per-row manifest problems go to sink. Must be
  // called before read_articles for them to apply (the built-in outlet
  // table applies without it). kUsage error when either cannot be read
  // (see Manifest::load, OutletTable::with_file).
  [[nodiscard]] Status load_side_files(ErrorSink& sink);

  // Every readable input file under the roots and in the path list, in a
  // stable (sorted) order, without duplicates, the manifest left out.
  // Unreadable or missing paths, broken symlinks and loops are reported to
  // sink and left out.
  std::vector<InputFile> list_inputs(ErrorSink& sink) const;

  // First pass: reads the text dumps among files and counts recurring
  // lines per outlet (or per folder when the outlet is unknown) to learn
  // boilerplate. Must be called with all files of the corpus (not only
  // changed ones) before read_articles; may be skipped, then only generic
  // rules apply. Other formats are left out: their text comes from
  // records and pages, not from line-level furniture. Unreadable or binary
  // files are left out here without a report: read_articles reports them
  // when it reads them, so each is reported once. threads: how many
  // threads read and digest the files (the result does not depend on it).
  void learn(const std::vector<InputFile>& files, ErrorSink& sink,
             unsigned threads = 1);

  // Passes each article of one file to consume, in file order, as it is
  // extracted (a file of millions of records costs the memory of one):
  // - text dump: one article (extract_text_dump), manifest applied;
  // - HTML page: one article (extract_page);
  // - JSON Lines, JSON array, CSV, TSV: one per record (extract_record); a
  //   table without a body column is reported once ("no article text
  //   column (...); file skipped") instead of once per row;
  // - WARC: one per HTML response record (extract_page).
  // Every record or file that yields no article is reported to sink with
  // its location and reason; the other records of the file are still
  // passed. A file read only in part (size cap, truncated or corrupt gzip)
  // gives one message that says both: "truncated gzip (812 bytes
  // decompressed); indexed the article in what was read" (single-article
  // formats) or "truncated gzip (...) after line 812; the records before it
  // were read" (records).
  void read_articles_each(const InputFile& file, ErrorSink& sink,
                          const ArticleConsumer& consume) const;

  // read_articles_each() collected into a vector.
  std::vector<Article> read_articles(const InputFile& file,
                                     ErrorSink& sink) const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace news::corpus
