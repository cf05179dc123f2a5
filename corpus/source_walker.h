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

// The format of a file by its name: ".txt" (any case) is kText; nullopt for
// other extensions. A name without extension gives nullopt too: the caller
// sniffs its content (looks_like_text).
std::optional<Format> format_from_name(std::string_view file_name);

// Whether the first bytes of the file at path look like text (readable, no
// NUL byte, mostly printable). False when it cannot be read.
bool looks_like_text(const std::string& path);

class SourceWalker {
 public:
  explicit SourceWalker(WalkOptions options);

  // Every input file under the roots (folders are walked recursively,
  // following symbolic links) and in the path list, sorted by path, each
  // file once (by canonical path; the first path in sorted order wins).
  //
  // Folders yield ".txt" files and extension-less files that look like
  // text; other files and hidden entries (names starting with ".") are left
  // out silently. A root or listed path that is a file is taken when it is
  // one of those, else reported. Reported to sink (the run goes on):
  // missing paths and unreadable files or folders (kIo), broken symbolic
  // links, symbolic link loops, unsupported or special files named
  // explicitly, an unreadable path list (kBadInput / kIo).
  std::vector<InputFile> walk(ErrorSink& sink) const;

 private:
  WalkOptions options_;
};

}  // namespace news::corpus
