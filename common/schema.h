// The index schema, defined once for the indexer and the searcher: term
// prefixes (Omega conventions, so other Xapian clients can read the index),
// value slots, database metadata keys and the schema version. docs/schema.md
// documents the same table for people and scripts.
#pragma once

#include <xapian.h>

namespace news::schema {

// Bumped on any change to normalisation, tokenising, stemming or layout; the
// searcher refuses an index of another version and says to re-index.
inline constexpr int kVersion = 2;
// The oldest version the searcher reads. Version 1 gave every word a Z term;
// version 2 gives none to a word that is its own stem and adds the synonym
// "Z"+term -> term instead, which QueryParser's FLAG_AUTO_SYNONYMS expands.
// A version 1 index has no such synonyms and is searched as before.
inline constexpr int kOldestReadableVersion = 1;

// Term prefixes.
inline constexpr char kIdPrefix[] = "Q";        // unique id, one per article
inline constexpr char kTitlePrefix[] = "S";     // title words (positional)
inline constexpr char kUrlPrefix[] = "U";       // URL (hashed when long)
inline constexpr char kStemPrefix[] = "Z";      // stemmed form, as Xapian does
inline constexpr char kAuthorPrefix[] = "A";    // author, normalised key
inline constexpr char kLanguagePrefix[] = "L";  // ISO 639-1 code
inline constexpr char kHostPrefix[] = "H";      // URL host, lower case
inline constexpr char kDatePrefix[] = "D";      // YYYYMMDD
inline constexpr char kMonthPrefix[] = "M";     // YYYYMM
inline constexpr char kYearPrefix[] = "Y";      // YYYY
inline constexpr char kOutletPrefix[] = "XO";   // outlet, normalised key
inline constexpr char kSourcePrefix[] = "XP";   // source file: path hash hex

// Value slots.
inline constexpr Xapian::valueno kSlotPublished = 0;   // "YYYYMMDD" or absent
inline constexpr Xapian::valueno kSlotOutlet = 1;      // outlet display name
inline constexpr Xapian::valueno kSlotLanguage = 2;    // "en"
inline constexpr Xapian::valueno kSlotYearMonth = 3;   // "YYYYMM" or absent
inline constexpr Xapian::valueno kSlotBodyLength = 5;  // sortable_serialise
// The article id: the stable tie-break between equal scores or dates, so
// results do not depend on document ids (which differ between an index
// built incrementally and one built from scratch).
inline constexpr Xapian::valueno kSlotId = 6;
inline constexpr Xapian::valueno kSlotHost = 7;     // URL host, for facets
inline constexpr Xapian::valueno kSlotAuthors = 8;  // kListSeparator-joined
inline constexpr Xapian::valueno kSlotYear = 9;     // "YYYY" or absent
// A hit's display fields in one compact value (encode_display_value in
// common/document_data.h), so that hits shown without snippet or body need
// not inflate the whole document-data record. Absent in indexes written
// before it: readers then fall back to the record.
inline constexpr Xapian::valueno kSlotDisplay = 10;

// Separates several values in one slot (authors).
inline constexpr char kListSeparator = '\t';

// Terms longer than this many bytes are dropped (Xapian's limit is 245 for a
// whole term including its prefix; such tokens are hashes or garbage).
inline constexpr std::size_t kMaxTermBytes = 64;

// Unique-id values longer than this are replaced by a hash.
inline constexpr std::size_t kMaxIdBytes = 200;

// Database metadata keys.
inline constexpr char kMetaSchemaVersion[] = "news-search:schema";
inline constexpr char kMetaAnalyzer[] = "news-search:analyzer";
inline constexpr char kMetaMainLanguage[] = "news-search:language";
inline constexpr char kMetaBuildInfo[] = "news-search:build";
// Followed by the FNV-1a 64 hex of the canonical file path; value
// "<size> <mtime> <content hash hex> <ok|failed> <canonical path>".
inline constexpr char kMetaFilePrefix[] = "news-search:file:";

// Followed by the slot number: the slot's values of every document, for
// exact facet counts (common/slot_table.h; the format is in docs/schema.md).
inline constexpr char kMetaSlotTablePrefix[] = "news-search:slot-table:";
// The slots news-index stores so: those the searcher counts facets in.
inline constexpr Xapian::valueno kStoredTableSlots[] = {
    kSlotOutlet,    kSlotLanguage, kSlotYear,
    kSlotYearMonth, kSlotAuthors,  kSlotHost};

// Version of the JSON document-data record stored with each document.
inline constexpr int kDocumentDataVersion = 1;

}  // namespace news::schema
