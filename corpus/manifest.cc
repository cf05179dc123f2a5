#include "corpus/manifest.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "corpus/extract/line_text.h"
#include "corpus/extract/record_values.h"
#include "corpus/readers/csv_reader.h"
#include "corpus/readers/input_stream.h"
#include "corpus/readers/jsonl_reader.h"
#include "corpus/source_walker.h"

namespace news::corpus {
namespace fs = std::filesystem;
namespace {

bool equals_folded(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string canonical_string(const fs::path& path) {
  std::error_code error;
  const fs::path result = fs::weakly_canonical(fs::absolute(path), error);
  return error ? fs::absolute(path).lexically_normal().string()
               : result.string();
}

// "a/b/story.txt.gz" -> "story"
std::string stem_of(const std::string& name) {
  std::string stem(strip_compression_suffix(name));
  const std::size_t dot = stem.rfind('.');
  if (dot != std::string::npos && dot > 0) stem.erase(dot);
  return stem;
}

}  // namespace

const std::vector<std::string_view>& manifest_key_columns() {
  static const std::vector<std::string_view> kColumns = {
      "path",     "file",      "filepath", "file_path",
      "filename", "file_name", "textid"};
  return kColumns;
}

Result<Manifest> Manifest::load(const std::string& path,
                                const FieldMapping& mapping, ErrorSink& sink) {
  const std::string name = fs::path(path).filename().string();
  InputFile file;
  file.path = path;
  file.compression = compression_from_name(name);
  const std::optional<Format> format = format_from_name(name);
  if (!format || (*format != Format::kCsv && *format != Format::kTsv &&
                  *format != Format::kJsonl)) {
    return Error::usage("--manifest " + printable_path(path) +
                        ": not a .csv, .tsv or .jsonl file");
  }
  file.format = *format;
  if (Result<InputStream> opened = InputStream::open(path, file.compression);
      !opened.ok()) {
    return Error::usage("--manifest " + printable_path(path) + ": " +
                        opened.error().message());
  }
  Manifest manifest;
  manifest.canonical_path_ = canonical_string(path);
  const fs::path folder = fs::path(path).parent_path();
  bool has_key_column = false;
  bool has_rows = false;
  const auto add_row = [&](RawDocument&& row) {
    has_rows = true;
    const RecordField* key = nullptr;
    for (const std::string_view column : manifest_key_columns()) {
      for (const RecordField& field : row.fields) {
        if (equals_folded(field.name, column)) {
          key = &field;
          break;
        }
      }
      if (key != nullptr) break;
    }
    if (key == nullptr) return;
    has_key_column = true;
    const std::string key_text(trim(key->value));
    if (key_text.empty()) {
      sink.report(Error::bad_input(
          row.source, "manifest row names no file (column \"" + key->name +
                          "\" is empty); row skipped"));
      return;
    }
    ManifestEntry entry;
    entry.source = row.source;
    const auto text_of = [&](ArticleField field) -> std::string {
      const RecordField* found = mapping.find(row.fields, field);
      return found == nullptr ? "" : std::string(trim(found->value));
    };
    entry.url = text_of(ArticleField::kUrl);
    if (const RecordField* outlet =
            mapping.find(row.fields, ArticleField::kOutlet)) {
      if (is_http_url(outlet->value)) {
        if (entry.url.empty()) entry.url = std::string(trim(outlet->value));
      } else {
        entry.outlet = std::string(trim(outlet->value));
        entry.outlet_column = outlet->name;
      }
    }
    entry.title = text_of(ArticleField::kTitle);
    entry.authors = split_authors(text_of(ArticleField::kAuthor));
    entry.language = text_of(ArticleField::kLanguage);
    if (const RecordField* date =
            mapping.find(row.fields, ArticleField::kDate)) {
      entry.published = parse_record_date(date->value);
      if (!entry.published) {
        sink.report(Error::bad_input(
            row.source, "field \"" + date->name + "\" is not a date (\"" +
                            std::string(trim(date->value)).substr(0, 80) +
                            "\"); date left unknown"));
      }
    }
    const std::size_t index = manifest.entries_.size();
    manifest.entries_.push_back(std::move(entry));
    const fs::path key_path(key_text);
    if (key_path.is_absolute()) {
      manifest.by_path_.emplace(canonical_string(key_path), index);
    } else {
      manifest.by_path_.emplace(canonical_string(folder / key_path), index);
      manifest.by_path_.emplace(canonical_string(key_path), index);
    }
    const std::string file_name = key_path.filename().string();
    manifest.by_name_.emplace(file_name, index);
    manifest.by_stem_.emplace(stem_of(file_name), index);
  };
  if (file.format == Format::kJsonl) {
    JsonlReader().read_each(file, sink, add_row);
  } else {
    CsvReader().read_each(file, sink, add_row);
  }
  if (has_rows && !has_key_column) {
    std::string columns;
    for (const std::string_view column : manifest_key_columns()) {
      columns += std::string(columns.empty() ? "" : ", ") + std::string(column);
    }
    return Error::usage("--manifest " + printable_path(path) +
                        ": no column names the files (one of " + columns + ")");
  }
  return manifest;
}

const ManifestEntry* Manifest::find(const std::string& file_path) const {
  if (entries_.empty()) return nullptr;
  if (const auto found = by_path_.find(canonical_string(file_path));
      found != by_path_.end()) {
    return &entries_[found->second];
  }
  const std::string name = fs::path(file_path).filename().string();
  if (const auto found = by_name_.find(name); found != by_name_.end()) {
    return &entries_[found->second];
  }
  if (const auto found = by_stem_.find(stem_of(name));
      found != by_stem_.end()) {
    return &entries_[found->second];
  }
  return nullptr;
}

}  // namespace news::corpus
