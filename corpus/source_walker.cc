#include "corpus/source_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <system_error>
#include <utility>

#include "common/text/utf8.h"
#include "corpus/readers/input_stream.h"
#include "corpus/readers/text_reader.h"

namespace news::corpus {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kSniffBytes = 8 * 1024;

bool is_hidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// What a path that is neither a regular file nor a folder is, for messages
// (the words InputStream::open uses).
std::string special_file_kind(const fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "named pipe (FIFO)";
    case fs::file_type::socket:
      return "socket";
    case fs::file_type::character:
      return "character device";
    case fs::file_type::block:
      return "block device";
    default:
      return "special file";
  }
}

std::string_view trim_blanks(std::string_view text) {
  const auto is_blank = [](char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  };
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// One call of SourceWalker::walk: what was found so far and which folders
// were entered, so that symbolic link loops end.
class WalkRun {
 public:
  explicit WalkRun(ErrorSink& sink) : sink_(sink) {}

  void add_path(const fs::path& path, const std::string& root) {
    const std::optional<fs::file_status> status = resolve(path);
    if (!status) return;
    if (fs::is_directory(*status)) {
      std::vector<std::string> ancestors;
      enter_folder(path, root, ancestors);
    } else if (fs::is_regular_file(*status)) {
      add_file(path, root, /*is_explicit=*/true);
    } else {
      report_special_file(path, *status);
    }
  }

  std::vector<InputFile> finish() {
    std::stable_sort(found_.begin(), found_.end(),
                     [](const Found& a, const Found& b) {
                       return a.file.path < b.file.path;
                     });
    std::set<std::string> seen;
    std::vector<InputFile> files;
    for (Found& found : found_) {
      if (seen.insert(found.canonical).second) {
        files.push_back(std::move(found.file));
      }
    }
    return files;
  }

 private:
  struct Found {
    InputFile file;
    std::string canonical;
  };

  // Once per problem: a path reached by two routes (a root and a folder
  // that holds it, a link) is reported under the first.
  void report(ErrorCode code, const fs::path& path,
              const std::string& message) {
    // The folder resolved, the name not: two links are two problems.
    std::error_code error;
    const fs::path absolute = fs::absolute(path, error).lexically_normal();
    fs::path key = fs::weakly_canonical(absolute.parent_path(), error);
    key = error ? absolute : key / absolute.filename();
    if (!reported_.insert(key.string() + '\0' + message).second) return;
    sink_.report(Error(code, message, SourceRef{path.string(), 0, 0}));
  }

  // Never opened: reading a FIFO would wait for a writer, and a device
  // never ends.
  void report_special_file(const fs::path& path,
                           const fs::file_status& status) {
    report(ErrorCode::kBadInput, path,
           special_file_kind(status.type()) + ", not a regular file; skipped");
  }

  // The status of what path names (following links), or nullopt after
  // reporting a missing path, a broken link or a link loop.
  std::optional<fs::file_status> resolve(const fs::path& path) {
    std::error_code error;
    const fs::file_status link_status = fs::symlink_status(path, error);
    if (error || !fs::exists(link_status)) {
      report(ErrorCode::kIo, path,
             (error ? error.message() : "no such file or directory") +
                 "; skipped");
      return std::nullopt;
    }
    if (!fs::is_symlink(link_status)) return link_status;
    const fs::file_status target_status = fs::status(path, error);
    if (error == std::errc::too_many_symbolic_link_levels) {
      report(ErrorCode::kBadInput, path, "symbolic link loop; skipped");
      return std::nullopt;
    }
    if (error || !fs::exists(target_status)) {
      report(ErrorCode::kBadInput, path,
             "broken symbolic link (target missing); skipped");
      return std::nullopt;
    }
    return target_status;
  }

  void enter_folder(const fs::path& folder, const std::string& root,
                    std::vector<std::string>& ancestors) {
    std::error_code error;
    const fs::path canonical = fs::canonical(folder, error);
    if (error) {
      report(ErrorCode::kIo, folder, error.message() + "; skipped");
      return;
    }
    const std::string key = canonical.string();
    if (std::find(ancestors.begin(), ancestors.end(), key) != ancestors.end()) {
      report(ErrorCode::kBadInput, folder,
             "symbolic link loop (folder contains itself); skipped");
      return;
    }
    // Reached again through another root or link: its files are known.
    if (!entered_folders_.insert(key).second) return;
    ancestors.push_back(key);
    walk_folder(folder, root, ancestors);
    ancestors.pop_back();
  }

  void walk_folder(const fs::path& folder, const std::string& root,
                   std::vector<std::string>& ancestors) {
    std::error_code error;
    fs::directory_iterator entries(folder, error);
    if (error) {
      report(ErrorCode::kIo, folder,
             "cannot read folder (" + error.message() + "); skipped");
      return;
    }
    std::vector<fs::path> children;
    for (; entries != fs::directory_iterator(); entries.increment(error)) {
      if (error) break;
      children.push_back(entries->path());
    }
    if (error) {
      report(ErrorCode::kIo, folder,
             "cannot read folder (" + error.message() + "); partly skipped");
    }
    std::sort(children.begin(), children.end());
    for (const fs::path& child : children) {
      if (is_hidden(child)) continue;
      const std::optional<fs::file_status> status = resolve(child);
      if (!status) continue;
      if (fs::is_directory(*status)) {
        enter_folder(child, root, ancestors);
      } else if (fs::is_regular_file(*status)) {
        add_file(child, root, /*is_explicit=*/false);
      } else {
        report_special_file(child, *status);
      }
    }
  }

  void add_file(const fs::path& path, const std::string& root,
                const bool is_explicit) {
    const std::string name = path.filename().string();
    const Compression compression = compression_from_name(name);
    std::optional<Format> format = format_from_name(name);
    if (!format && !fs::path(std::string(strip_compression_suffix(name)))
                        .has_extension()) {
      format = sniff_format(path.string(), compression);
    }
    if (!format) {
      if (is_explicit) {
        report(ErrorCode::kBadInput, path,
               "not a supported input (.txt, .html, .htm, .jsonl, .ndjson, "
               ".json, .csv, .tsv, .warc, or text without extension; each "
               "optionally .gz); skipped");
      }
      return;
    }
    // Unreadable files are reported here, once, and left out.
    if (Result<InputStream> opened =
            InputStream::open(path.string(), compression);
        !opened.ok()) {
      report(opened.error().code(), path, opened.error().message());
      return;
    }
    InputFile file;
    file.path = path.string();
    file.root = root;
    file.format = *format;
    file.compression = compression;
    struct stat info {};
    if (::stat(file.path.c_str(), &info) == 0) {
      file.size_bytes = static_cast<std::uint64_t>(info.st_size);
      file.mtime_seconds = static_cast<std::int64_t>(info.st_mtime);
    }
    std::error_code error;
    fs::path canonical = fs::canonical(path, error);
    if (error) canonical = fs::absolute(path, error).lexically_normal();
    found_.push_back({std::move(file), canonical.string()});
  }

  ErrorSink& sink_;
  std::vector<Found> found_;
  std::set<std::string> entered_folders_;
  std::set<std::string> reported_;
};

}  // namespace

std::optional<Format> format_from_name(std::string_view file_name) {
  file_name = strip_compression_suffix(file_name);
  const std::size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;
  std::string extension(file_name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(std::tolower(c));
  if (extension == "txt") return Format::kText;
  if (extension == "html" || extension == "htm") return Format::kHtml;
  if (extension == "jsonl" || extension == "ndjson" || extension == "json") {
    return Format::kJsonl;
  }
  if (extension == "csv") return Format::kCsv;
  if (extension == "tsv") return Format::kTsv;
  if (extension == "warc") return Format::kWarc;
  return std::nullopt;
}

std::optional<Format> sniff_format(const std::string& path,
                                   const Compression compression) {
  Result<InputStream> stream = InputStream::open(path, compression);
  if (!stream.ok()) return std::nullopt;
  std::string head;
  while (head.size() < kSniffBytes) {
    const Result<std::size_t> count =
        stream.value().read(head, kSniffBytes - head.size());
    if (!count.ok() || count.value() == 0) break;
  }
  std::string_view start = head;
  if (start.substr(0, 3) == "\xEF\xBB\xBF") start.remove_prefix(3);
  start = trim_blanks(start);
  if (start.substr(0, 7) == "WARC/1.") return Format::kWarc;
  if (head.empty() || looks_binary(head)) return std::nullopt;
  if (text::repair_utf8(head).replaced_count * 20 > head.size()) {
    return std::nullopt;
  }
  if (!start.empty() && start.front() == '<') return Format::kHtml;
  if (!start.empty() && start.front() == '{') {
    const std::string_view first_line =
        trim_blanks(start.substr(0, start.find('\n')));
    if (first_line.back() == '}') return Format::kJsonl;
  }
  return Format::kText;
}

bool looks_like_text(const std::string& path, const Compression compression) {
  Result<InputStream> stream = InputStream::open(path, compression);
  if (!stream.ok()) return false;
  std::string head;
  while (head.size() < kSniffBytes) {
    const Result<std::size_t> count =
        stream.value().read(head, kSniffBytes - head.size());
    if (!count.ok() || count.value() == 0) break;
  }
  if (head.empty() || looks_binary(head)) return false;
  // Up to 5% ill-formed bytes: a Latin-1 text is still text.
  return text::repair_utf8(head).replaced_count * 20 <= head.size();
}

SourceWalker::SourceWalker(WalkOptions options)
    : options_(std::move(options)) {}

std::vector<InputFile> SourceWalker::walk(ErrorSink& sink) const {
  WalkRun run(sink);
  for (const std::string& root : options_.roots) run.add_path(root, root);
  if (!options_.path_list_file.empty()) {
    const bool is_stdin = options_.path_list_file == "-";
    std::error_code error;
    // A folder opens as a stream that reads nothing: refused by name. FIFOs
    // stay allowed ("--from-list <(find ...)").
    const bool is_folder =
        !is_stdin && fs::is_directory(options_.path_list_file, error);
    std::ifstream list_file;
    if (!is_stdin && !is_folder) list_file.open(options_.path_list_file);
    std::istream& list = is_stdin ? std::cin : list_file;
    if (is_folder) {
      sink.report(Error(ErrorCode::kUsage,
                        "is a folder, not a path list (one path per line); "
                        "nothing read from it (to walk a folder, give it as "
                        "an input instead)",
                        SourceRef{options_.path_list_file, 0, 0}));
    } else if (!is_stdin && !list_file) {
      sink.report(Error::io("cannot read path list (" +
                                std::generic_category().message(errno) + ")",
                            SourceRef{options_.path_list_file, 0, 0}));
    } else {
      std::string line;
      while (std::getline(list, line)) {
        const std::string_view path = trim_blanks(line);
        if (!path.empty()) run.add_path(fs::path(path), "");
      }
    }
  }
  return run.finish();
}

}  // namespace news::corpus
