#include "corpus/article_source.h"

#include <filesystem>
#include <optional>
#include <utility>

#include "corpus/extract/boilerplate.h"
#include "corpus/extract/line_text.h"
#include "corpus/extract/outlet.h"
#include "corpus/extract/text_dump_extractor.h"
#include "corpus/readers/text_reader.h"
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

std::string article_id(const SourceRef& source) {
  std::error_code error;
  std::filesystem::path canonical = std::filesystem::weakly_canonical(
      std::filesystem::absolute(source.path), error);
  if (error) {
    canonical =
        std::filesystem::absolute(source.path, error).lexically_normal();
  }
  std::string id = "path:" + canonical.string();
  if (source.record > 0) id += "#" + std::to_string(source.record);
  return id;
}

}  // namespace

class ArticleSource::Impl {
 public:
  explicit Impl(CorpusOptions options) : options_(std::move(options)) {}

  std::vector<InputFile> list_inputs(ErrorSink& sink) const {
    return SourceWalker(WalkOptions{options_.roots, options_.path_list_file})
        .walk(sink);
  }

  void learn(const std::vector<InputFile>& files) {
    BoilerplateLearner learner;
    DiscardingSink ignored;
    for (const InputFile& file : files) {
      for (const RawDocument& document : reader_.read(file, ignored)) {
        const std::vector<std::string_view> lines = content_lines(document);
        learner.add_file(group_key(file, resolve_outlet(file, lines)), lines);
      }
    }
    learned_ = learner.finish();
  }

  std::vector<Article> read_articles(const InputFile& file,
                                     ErrorSink& sink) const {
    std::vector<Article> articles;
    for (const RawDocument& document : reader_.read(file, sink)) {
      const std::vector<std::string_view> lines = content_lines(document);
      TextDumpContext context;
      context.id = article_id(document.source);
      context.language = options_.language;
      context.outlet = resolve_outlet(file, lines);
      context.learned_lines =
          learned_.lines_for(group_key(file, context.outlet));
      Result<Article> article = extract_text_dump(document, context);
      // A partly read document gives one message: what was missing, then
      // what became of the part that was read.
      const std::string prefix =
          document.partial_reason.empty() ? "" : document.partial_reason + "; ";
      if (article.ok()) {
        if (!prefix.empty()) {
          sink.report(Error::bad_input(
              document.source,
              prefix + "indexed the article in what was read"));
        }
        articles.push_back(std::move(article).value());
      } else {
        sink.report(Error(article.error().code(),
                          prefix + article.error().message(),
                          article.error().source()));
      }
    }
    return articles;
  }

 private:
  // Outlet in order of trust: --outlet, text evidence, the first folder
  // (only with --outlet-from-dir), else unknown.
  OutletGuess resolve_outlet(const InputFile& file,
                             const std::vector<std::string_view>& lines) const {
    if (!options_.outlet.empty()) return {options_.outlet, "flag:--outlet"};
    if (auto from_text = find_outlet_in_text(lines)) return *from_text;
    if (options_.is_outlet_from_dir) {
      if (auto from_dir = outlet_from_dir(file)) return *from_dir;
    }
    return {kUnknownOutlet, "none"};
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
  TextReader reader_;
  LearnedBoilerplate learned_;
};

ArticleSource::ArticleSource(CorpusOptions options)
    : impl_(std::make_unique<Impl>(std::move(options))) {}

ArticleSource::~ArticleSource() = default;

std::vector<InputFile> ArticleSource::list_inputs(ErrorSink& sink) const {
  return impl_->list_inputs(sink);
}

void ArticleSource::learn(const std::vector<InputFile>& files,
                          ErrorSink& /*sink*/) {
  impl_->learn(files);
}

std::vector<Article> ArticleSource::read_articles(const InputFile& file,
                                                  ErrorSink& sink) const {
  return impl_->read_articles(file, sink);
}

}  // namespace news::corpus
