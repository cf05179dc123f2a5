// What the record reader targets (jsonl, csv, warc) share: the fuzz input
// written to a file (the readers open paths), gunzip, one read collected with
// its reports, and the invariants every Reader and ArticleSource promise
// whatever the format (see corpus/readers/reader.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"
#include "corpus/input_file.h"
#include "corpus/raw_document.h"
#include "corpus/readers/reader.h"

namespace news::fuzz {

// What one read_each call passed on and reported, in call order.
struct ReadOutcome {
  std::vector<corpus::RawDocument> documents;
  std::vector<Error> errors;
  // Record of each document and of each error that has one (> 0), in the
  // order they came: documents and problems together.
  std::vector<std::uint64_t> event_records;
};

// bytes written to <a per-process temp folder>/<name> (replaced on every
// call), described as an input of format and compression.
corpus::InputFile write_input(std::string_view name, std::string_view bytes,
                              corpus::Format format,
                              corpus::Compression compression);

// The content of gzip data of one or more members; nullopt unless all of
// bytes is well-formed complete members.
std::optional<std::string> gunzip(std::string_view bytes);

// reader.read_each on file, collected; no exception may escape it.
ReadOutcome read_all(const corpus::Reader& reader,
                     const corpus::InputFile& file);

// What every reader promises: documents of file.format (kHtml for WARC),
// sourced in file with 1-based records and byte offsets that both increase,
// valid UTF-8 field names and values; problems are kBadInput or kIo, name
// the file and read as one line. Documents and per-record problems come in
// record order unless is_order_loose (CSV reports a run of bad lines when
// it ends, with its first line).
void check_read(const corpus::InputFile& file, const ReadOutcome& read,
                corpus::Format document_format, bool is_order_loose);

// Whether a and b are the same documents and the same problems (paths
// aside: the two reads are of different files).
bool same_reads(const ReadOutcome& a, const ReadOutcome& b);

// Compression must not change what is read: content gzipped reads the same
// as plain (plain being its read); cut inside the gzip data it gives the
// documents before the cut (a prefix of plain's) and says that the gzip
// was cut, for the file.
void check_gzip_is_transparent(const corpus::Reader& reader,
                               std::string_view content, std::string_view name,
                               corpus::Format format, const ReadOutcome& plain);

// Every document of plain (the reader's own read of file) becomes an
// article of ArticleSource::read_articles_each or is reported with its
// record (or the whole file is); articles keep the record order and carry
// valid UTF-8 text and real dates.
void check_articles(const corpus::InputFile& file, const ReadOutcome& plain);

}  // namespace news::fuzz
