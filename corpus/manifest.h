// Manifest: a sidecar table (--manifest FILE, CSV, TSV or JSON Lines) that
// gives the metadata of input files that carry none (text dumps, saved
// pages): one row per file, keyed by its path.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/error.h"
#include "corpus/extract/field_mapping.h"

namespace news::corpus {

struct ManifestEntry {
  SourceRef source;  // the manifest row
  std::string url;
  std::string outlet;
  std::string outlet_column;  // the column that gave outlet ("outlet")
  std::string title;
  std::vector<std::string> authors;
  std::optional<Date> published;
  std::string language;
};

// The columns naming the file a row is about, in order of preference:
// path, file, filepath, file_path, filename, file_name, textid.
const std::vector<std::string_view>& manifest_key_columns();

class Manifest {
 public:
  Manifest() = default;

  // Reads the manifest at path (format by its name: .csv, .tsv, .jsonl,
  // .ndjson, .json, each optionally .gz). Metadata columns are found as in
  // records (field_mapping.h, --field overrides included); an outlet column
  // holding an http(s) URL gives the URL instead. The key column's value is
  // a path (absolute, or relative to the manifest's folder or to the
  // current folder), or a bare file name, or a file name without its
  // extension ("20091231boeviks" for texts/20091231boeviks.txt). Problems
  // of single rows go to sink ("manifest.csv:7: no path column; row
  // skipped", "field "date" is not a date ("soon"); date left unknown") and
  // the row (or its date) is left out. kUsage error when the file cannot be
  // read at all, has an unknown format or no key column.
  [[nodiscard]] static Result<Manifest> load(const std::string& path,
                                             const FieldMapping& mapping,
                                             ErrorSink& sink);

  // The entry for the input file at file_path: by canonical path, else by
  // file name, else by file name without extension (the first row wins
  // when several rows name one file); nullptr when none.
  const ManifestEntry* find(const std::string& file_path) const;

  // The manifest file itself (canonical), so that a manifest lying among
  // the inputs is not indexed as articles; "" when none is loaded.
  const std::string& canonical_path() const { return canonical_path_; }

  std::size_t size() const { return entries_.size(); }

 private:
  std::vector<ManifestEntry> entries_;
  std::map<std::string, std::size_t> by_path_;
  std::map<std::string, std::size_t> by_name_;
  std::map<std::string, std::size_t> by_stem_;
  std::string canonical_path_;
};

}  // namespace news::corpus
