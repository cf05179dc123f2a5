#include "corpus/article_source.h"

#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>
#include <utility>

#include "corpus/extract/boilerplate.h"
#include "corpus/extract/language.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/outlet.h"
#include "corpus/extract/outlet_resolution.h"
#include "corpus/extract/outlet_table.h"
#include "corpus/extract/structured_extractor.h"
#include "corpus/extract/text_dump_extractor.h"
#include "corpus/manifest.h"
#include "corpus/readers/csv_reader.h"
#include "corpus/readers/html_reader.h"
#include "corpus/readers/jsonl_reader.h"
#include "corpus/readers/text_reader.h"
#include "corpus/readers/warc_reader.h"
#include "corpus/source_walker.h"

namespace news::corpus {
namespace {

// The learning pass reads every file once more; its problems are reported
// when read_articles reads the file, so they are not reported twice.
class DiscardingSink final : public ErrorSink {
 public:
  void report(const Error&) override {}
};

// The lines of a document, none for one that is only white space (megabytes
// of blank lines would otherwise cost a view per line to learn nothing).
std::vector<std::string_view> content_lines(const RawDocument& document) {
  if (trim(document.bytes).empty()) return {};
  return split_lines(document.bytes);
}

std::string canonical_path(const std::string& path) {
  std::error_code error;
  std::filesystem::path canonical =
      std::filesystem::weakly_canonical(std::filesystem::absolute(path), error);
  if (error) {
    canonical = std::filesystem::absolute(path, error).lexically_normal();
  }
  return canonical.string();
}

// "path:<canonical path>", "#<record>" appended for records.
std::string path_id(const std::string& file_id, const SourceRef& source) {
  return source.record > 0 ? file_id + "#" + std::to_string(source.record)
                           : file_id;
}

// Bytes of an article's body that its language is detected on.
constexpr std::size_t kLanguageSampleBodyBytes = 2048;

// What an article's language is detected on: its title and the start of
// its body. A news article keeps to one language and CLD2's time grows with
// the text, so the rest of the body would change the time, not the answer
// (2 KB: the same languages as the whole body on ../shared/corpora and the
// 20,000 articles of the benchmark corpus; 1 KB changed one page).
std::string language_sample(const Article& article) {
  std::size_t end = std::min(article.body.size(), kLanguageSampleBodyBytes);
  // Not in the middle of a UTF-8 sequence.
  while (end > 0 && end < article.body.size() &&
         (static_cast<unsigned char>(article.body[end]) & 0xC0) == 0x80) {
    --end;
  }
  std::string sample;
  sample.reserve(article.title.size() + 2 + end);
  sample.append(article.title).append("\n\n").append(article.body, 0, end);
  return sample;
}

// A problem report that keeps the code and location of error and puts
// prefix before its message.
Error prefixed(const std::string& prefix, const Error& error) {
  return Error(error.code(), prefix + error.message(), error.source());
}

}  // namespace

class ArticleSource::Impl {
 public:
  explicit Impl(CorpusOptions options)
      : options_(std::move(options)),
        mapping_(options_.field_overrides),
        outlet_table_(OutletTable::built_in()),
        policy_{options_.outlet, options_.is_outlet_from_dir, &outlet_table_} {}

  Status load_side_files(ErrorSink& sink) {
    if (!options_.outlets_file.empty()) {
      Result<OutletTable> table =
          outlet_table_.with_file(options_.outlets_file);
      if (!table.ok()) return table.error();
      outlet_table_ = std::move(table).value();
    }
    if (options_.manifest_path.empty()) return Done{};
    Result<Manifest> loaded =
        Manifest::load(options_.manifest_path, mapping_, sink);
    if (!loaded.ok()) return loaded.error();
    manifest_ = std::move(loaded).value();
    return Done{};
  }

  std::vector<InputFile> list_inputs(ErrorSink& sink) const {
    std::vector<InputFile> files =
        SourceWalker(WalkOptions{options_.roots, options_.path_list_file})
            .walk(sink);
    if (!manifest_.canonical_path().empty()) {
      std::vector<InputFile> kept;
      for (InputFile& file : files) {
        if (canonical_path(file.path) != manifest_.canonical_path()) {
          kept.push_back(std::move(file));
        }
      }
      files = std::move(kept);
    }
    return files;
  }

  void learn(const std::vector<InputFile>& files, unsigned threads) {
    std::vector<const InputFile*> dumps;
    for (const InputFile& file : files) {
      if (file.format == Format::kText) dumps.push_back(&file);
    }
    // Threads read and digest a block of files at a time; the learner adds
    // the digests in file order, so the result is that of one thread, and
    // memory holds one block of digests.
    constexpr std::size_t kBlockFiles = 1024;
    const std::size_t thread_count = std::max<std::size_t>(1, threads);
    BoilerplateLearner learner;
    std::vector<std::vector<BoilerplateLearner::FileDigest>> digests(
        kBlockFiles);
    for (std::size_t block = 0; block < dumps.size(); block += kBlockFiles) {
      const std::size_t end = std::min(dumps.size(), block + kBlockFiles);
      const auto digest_share = [&](std::size_t first) {
        DiscardingSink ignored;
        for (std::size_t i = block + first; i < end; i += thread_count) {
          const InputFile& file = *dumps[i];
          std::vector<BoilerplateLearner::FileDigest>& digested =
              digests[i - block];
          digested.clear();
          const ManifestEntry* entry = manifest_.find(file.path);
          text_reader_.read_each(file, ignored, [&](RawDocument&& document) {
            const std::vector<std::string_view> lines = content_lines(document);
            digested.push_back(BoilerplateLearner::digest(
                group_key(file, text_outlet(file, lines, entry)), lines));
          });
        }
      };
      std::vector<std::thread> helpers;
      for (std::size_t t = 1; t < thread_count; ++t) {
        helpers.emplace_back(digest_share, t);
      }
      digest_share(0);
      for (std::thread& helper : helpers) helper.join();
      for (std::size_t i = block; i < end; ++i) {
        for (const BoilerplateLearner::FileDigest& digest :
             digests[i - block]) {
          learner.add(digest);
        }
      }
    }
    learned_ = learner.finish();
  }

  void read_articles_each(const InputFile& file, ErrorSink& sink,
                          const ArticleConsumer& consume_as_read) const {
    // An article whose own data names no language (a record field, <html
    // lang>, the manifest) gets the detected one; --lang is the hint, and
    // the answer when detection is unsure.
    const ArticleConsumer consume = [&](Article&& article) {
      if (article.language.empty()) {
        article.language =
            detect_language(language_sample(article), options_.language).code;
        if (article.language.empty()) article.language = options_.language;
      }
      consume_as_read(std::move(article));
    };
    ExtractionContext context;
    context.language = "";  // unknown unless the article's data says
    context.outlet_policy = policy_;
    context.manifest = manifest_.find(file.path);
    context.file = &file;
    context.mapping = &mapping_;
    const std::string file_id = "path:" + canonical_path(file.path);
    switch (file.format) {
      case Format::kText:
        text_reader_.read_each(file, sink, [&](RawDocument&& document) {
          context.path_id = path_id(file_id, document.source);
          read_text_dump(document, context, sink, consume);
        });
        return;
      case Format::kHtml:
      case Format::kWarc: {
        const Reader& reader = file.format == Format::kHtml
                                   ? static_cast<const Reader&>(html_reader_)
                                   : warc_reader_;
        reader.read_each(file, sink, [&](RawDocument&& page) {
          context.path_id = path_id(file_id, page.source);
          read_page(page, context, sink, consume);
        });
        return;
      }
      case Format::kJsonl:
      case Format::kCsv:
      case Format::kTsv: {
        const Reader& reader = file.format == Format::kJsonl
                                   ? static_cast<const Reader&>(jsonl_reader_)
                                   : csv_reader_;
        bool is_table_checked = false;
        bool is_table_of_articles = true;
        reader.read_each(file, sink, [&](RawDocument&& record) {
          // Every row of a CSV has the same columns: one without a body
          // column is a metadata table, reported once, not per row.
          if (!is_table_checked && file.format != Format::kJsonl) {
            is_table_checked = true;
            is_table_of_articles = has_body_column(record, mapping_);
            if (!is_table_of_articles) {
              sink.report(Error::bad_input(
                  SourceRef{file.path, 0, 0},
                  "no article text column (one of " +
                      mapping_.describe(ArticleField::kBody) +
                      "; name it with --field body=COLUMN, or give a "
                      "metadata table with --manifest); file skipped"));
            }
          }
          if (!is_table_of_articles) return;
          context.path_id = path_id(file_id, record.source);
          Result<Article> article = extract_record(record, context, sink);
          if (!article.ok()) {
            sink.report(article.error());
            return;
          }
          consume(std::move(article).value());
        });
        return;
      }
    }
  }

 private:
  // Outlet of a text dump: the manifest, --outlet, text evidence, the
  // first folder (only with --outlet-from-dir), else unknown.
  OutletGuess text_outlet(const InputFile& file,
                          const std::vector<std::string_view>& lines,
                          const ManifestEntry* entry) const {
    OutletEvidence evidence;
    if (entry != nullptr) {
      if (!entry->outlet.empty()) {
        evidence.manifest =
            OutletGuess{entry->outlet, "manifest:" + entry->outlet_column};
      }
      evidence.url = entry->url;
    }
    evidence.text = find_outlet_in_text(lines);
    evidence.file = &file;
    return resolve_outlet(evidence, policy_);
  }

  void read_text_dump(const RawDocument& document,
                      const ExtractionContext& context, ErrorSink& sink,
                      const ArticleConsumer& consume) const {
    const std::vector<std::string_view> lines = content_lines(document);
    TextDumpContext text_context;
    text_context.id = context.path_id;
    text_context.language = "";  // detected by read_articles_each
    text_context.outlet = text_outlet(*context.file, lines, context.manifest);
    text_context.learned_lines =
        learned_.lines_for(group_key(*context.file, text_context.outlet));
    Result<Article> article = extract_text_dump(document, text_context);
    const ManifestEntry* entry = context.manifest;
    // A manifest title makes a dump without a headline line usable: its
    // whole text is the body.
    if (!article.ok() && entry != nullptr && !entry->title.empty() &&
        !trim(document.bytes).empty() &&
        article.error().message().find("no title") != std::string::npos) {
      Article whole;
      whole.id = context.path_id;
      whole.language = "";  // detected by read_articles_each
      whole.source = document.source;
      whole.body = std::string(trim(document.bytes));
      whole.outlet = text_context.outlet.name;
      whole.facts = {"", text_context.outlet.rule, "none"};
      article = std::move(whole);
    }
    if (article.ok() && entry != nullptr) {
      Article& value = article.value();
      // The line the dump rules took for the headline is body text when
      // the manifest names another title.
      if (!entry->title.empty() && !value.title.empty() &&
          fold_line(value.title) != fold_line(entry->title)) {
        value.body = value.title + "\n\n" + value.body;
      }
      apply_manifest(*entry, value);
      value.id = article_id(value.url, context.path_id);
    }
    report_partial(document, article, sink, consume);
  }

  void read_page(const RawDocument& page, const ExtractionContext& context,
                 ErrorSink& sink, const ArticleConsumer& consume) const {
    report_partial(page, extract_page(page, context), sink, consume);
  }

  // A partly read document gives one message: what was missing, then what
  // became of the part that was read.
  static void report_partial(const RawDocument& document,
                             Result<Article> article, ErrorSink& sink,
                             const ArticleConsumer& consume) {
    const std::string prefix =
        document.partial_reason.empty() ? "" : document.partial_reason + "; ";
    if (!article.ok()) {
      sink.report(prefixed(prefix, article.error()));
      return;
    }
    if (!prefix.empty()) {
      sink.report(Error::bad_input(
          document.source, prefix + "indexed the article in what was read"));
    }
    consume(std::move(article).value());
  }

  // Boilerplate is learned per outlet, or per folder when it is unknown.
  static std::uint64_t group_key(const InputFile& file,
                                 const OutletGuess& outlet) {
    if (outlet.name != kUnknownOutlet) {
      return hash_text("outlet:" + fold_line(outlet.name));
    }
    return hash_text("dir:" + std::filesystem::path(file.path)
                                  .lexically_normal()
                                  .parent_path()
                                  .string());
  }

  CorpusOptions options_;
  FieldMapping mapping_;
  OutletTable outlet_table_;  // before policy_, which points at it
  OutletPolicy policy_;
  Manifest manifest_;
  TextReader text_reader_;
  HtmlReader html_reader_;
  JsonlReader jsonl_reader_;
  CsvReader csv_reader_;
  WarcReader warc_reader_;
  LearnedBoilerplate learned_;
};

ArticleSource::ArticleSource(CorpusOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

ArticleSource::~ArticleSource() = default;

Status ArticleSource::load_side_files(ErrorSink& sink) {
  return impl_->load_side_files(sink);
}

std::vector<InputFile> ArticleSource::list_inputs(ErrorSink& sink) const {
  return impl_->list_inputs(sink);
}

void ArticleSource::learn(const std::vector<InputFile>& files,
                          ErrorSink& /*sink*/, unsigned threads) {
  impl_->learn(files, threads);
}

void ArticleSource::read_articles_each(const InputFile& file, ErrorSink& sink,
                                       const ArticleConsumer& consume) const {
  impl_->read_articles_each(file, sink, consume);
}

std::vector<Article> ArticleSource::read_articles(const InputFile& file,
                                                  ErrorSink& sink) const {
  std::vector<Article> articles;
  read_articles_each(file, sink, [&articles](Article&& article) {
    articles.push_back(std::move(article));
  });
  return articles;
}

}  // namespace news::corpus
