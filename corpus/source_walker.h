// SourceWalker: turns the roots and path list of a run into the input files
// to read, with their format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "corpus/input_file.h"

namespace news::corpus {

struct WalkOptions {
  std::vector<std::string> roots;  // files or folders
  std::string path_list_file;      // one path per line; "-" reads stdin
};

// The format of a file by its name, a compression suffix (".gz") left
// aside, extensions in any case: ".txt" kText; ".html", ".htm" kHtml;
// ".jsonl", ".ndjson", ".json" kJsonl; ".csv" kCsv; ".tsv" kTsv; ".warc"
// kWarc; nullopt for other extensions. A name without extension gives
// nullopt too: the caller sniffs its content (sniff_format).
std::optional<Format> format_from_name(std::string_view file_name);

// The format of a file without extension by its first bytes (decompressed
// as compression says), leading white space and BOM aside: "WARC/1." is
// kWarc; "<" (a doctype, <html>, any tag) kHtml; a first line that is a
// JSON object ("{" ... "}") kJsonl; other text kText. nullopt when it
// cannot be read, is empty or is no text (looks_like_text).
std::optional<Format> sniff_format(
    const std::string& path, Compression compression = Compression::kNone);

// Whether the first bytes of the content of the file at path (decompressed
// as compression says) look like text (readable, no NUL byte, mostly
// printable). False when it cannot be read or is no regular file.
bool looks_like_text(const std::string& path,
                     Compression compression = Compression::kNone);

class SourceWalker {
 public:
  explicit SourceWalker(WalkOptions options);

  // Every input file under the roots (folders are walked recursively,
  // following symbolic links) and in the path list, sorted by path, each
  // file once (by canonical path; the first path in sorted order wins).
  //
  // Folders yield the files format_from_name() knows and extension-less
  // files whose format sniff_format() finds, each also when compressed
  // (".txt.gz", ".warc.gz", "name.gz"); other regular
  // files and hidden entries (names starting with ".") are left out
  // silently. A root or listed path that is a file is taken when it is one
  // of those, else reported; a listed path that is a folder is walked. File
  // names are taken as bytes (newlines, invalid UTF-8); messages print them
  // with printable_path(). Reported to sink (the run goes on), each once:
  // missing paths (kIo "No such file or directory; skipped"), unreadable
  // files (kIo "permission denied; skipped") and folders (kIo "cannot read
  // folder (...); skipped"), broken symbolic links and symbolic link loops
  // (kBadInput), FIFOs, sockets and devices, in folders too (kBadInput
  // "named pipe (FIFO), not a regular file; skipped": never opened, so a
  // FIFO cannot stall the run), unsupported files named explicitly
  // (kBadInput), an unreadable path list (kIo) and a path list that is a
  // folder (kUsage "is a folder, not a path list ...").
  std::vector<InputFile> walk(ErrorSink& sink) const;

 private:
  WalkOptions options_;
};

}  // namespace news::corpus
