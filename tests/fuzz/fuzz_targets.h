// The bodies of the libFuzzer targets, one plain function per subject, shared
// by the libFuzzer entry points (*_fuzzer.cc, built with NEWS_FUZZ) and by
// fuzz_regression_tests, which feeds them every input committed under
// tests/fuzz/regressions/<target>/ in the normal plain and ASan builds.
//
// Each function takes arbitrary bytes, runs them through the subject and
// checks the subject's documented invariants; a violation prints what failed
// and aborts (see fuzz_check.h). Bad input reported as an Error is fine;
// crashes, sanitizer reports and uncaught exceptions are findings.
#pragma once

#include <cstddef>
#include <cstdint>

namespace news::fuzz {

// Text reader decode path: looks_binary, repair_utf8 and decode_text (UTF-8
// repair, binary sniffing, line endings, byte-order marks, NFC).
void fuzz_text_decode(const std::uint8_t* data, std::size_t size);

// Bytes -> Article as ArticleSource::read_articles does it: decode_text,
// outlet from the text, extract_text_dump (with learned boilerplate when the
// first byte is odd), under a fake path.
void fuzz_text_dump(const std::uint8_t* data, std::size_t size);

// Per-line rules of the extractor: the date finder (find_date_in_line,
// is_dateline_like, find_dateline), the boilerplate line classifier and
// learner, title finding and the line helpers.
void fuzz_line_rules(const std::uint8_t* data, std::size_t size);

// The analyzer: tokenize, normalize_key and normalize_query.
void fuzz_analyzer(const std::uint8_t* data, std::size_t size);

// QueryBuilder::build on a tiny in-memory index, then Enquire::get_mset(0,
// 10) and make_snippet for every hit and on a fixed body.
void fuzz_query_builder(const std::uint8_t* data, std::size_t size);

// decode_document_data on arbitrary bytes; a decoded record re-encodes to one
// that decodes the same.
void fuzz_document_data(const std::uint8_t* data, std::size_t size);
// The HTML extractor (charset, HTML5 parse, metadata, main text) on any
// bytes: a result or kBadInput, valid UTF-8, real dates.
void fuzz_html(const std::uint8_t* data, std::size_t size);

// The record and archive readers on the bytes as a file (see
// reader_checks.h): each document sourced in the file with increasing
// record numbers and valid UTF-8 fields, every record with text giving a
// document or a problem naming it, gzip changing nothing (and a cut gzip
// reported), a small record cap (picked by the last byte) only taking
// records away, and the articles made of them (ArticleSource) valid.
// JSON Lines or a JSON array (.jsonl).
void fuzz_jsonl(const std::uint8_t* data, std::size_t size);
// CSV or TSV (the last byte picks): one header's columns in every row.
void fuzz_csv(const std::uint8_t* data, std::size_t size);
// A stored slot table (SlotTable::decode, as read from an index's
// metadata): what it accepts re-encodes to the same values, counts every
// document with a value once, and interleaves with itself.
void fuzz_slot_table(const std::uint8_t* data, std::size_t size);
// WARC (.warc; a .warc.gz when the bytes start with the gzip magic, which
// reads as its content or reports the bad gzip data).
void fuzz_warc(const std::uint8_t* data, std::size_t size);

}  // namespace news::fuzz
