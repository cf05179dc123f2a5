// Incremental, crash-safe indexing on real articles: re-runs after changes
// equal a build from scratch, a killed run leaves a consistent index that
// the next run completes, a second writer is refused, readers see the last
// commit, and a damaged index is an error, never a crash.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "common/schema.h"
#include "common/slot_table.h"
#include "tests/cli/command.h"
#include "tests/support/test_support.h"

namespace news::testing {
namespace {

namespace fs = std::filesystem;

// Copies the first `count` .txt files (sorted) of a real corpus folder.
void copy_articles(const fs::path& from, const fs::path& to, std::size_t count,
                   std::size_t skip = 0) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(from)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  fs::create_directories(to);
  for (std::size_t i = skip; i < files.size() && i < skip + count; ++i) {
    fs::copy_file(files[i], to / files[i].filename(),
                  fs::copy_options::overwrite_existing);
  }
}

// A small real corpus: the seed, 40 ptc-propaganda articles, 30 Wikinews.
void make_corpus(const fs::path& root) {
  copy_articles(corpora_dir() / "seed", root / "seed", 1);
  copy_articles(corpora_dir() / "ptc-propaganda" / "train-articles",
                root / "ptc", 40);
  copy_articles(corpora_dir() / "wikinews-en-2004" / "txt", root / "wikinews",
                30);
}

CommandResult index(const std::string& database, const fs::path& root,
                    std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"-d", database, "--progress=never"};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(root.string());
  return run_command(news_index_path(), args);
}

// What a user sees for a set of queries, in text and JSON without the
// volatile docids and database path.
std::string search_outputs(const std::string& database) {
  std::string all;
  for (const std::string query :
       {"president", "caliphate", "\"united states\"", "oil OR gas",
        "war NOT iraq", "title:police", "elect*"}) {
    const CommandResult text = run_command(
        news_search_path(),
        {"-d", database, "--color", "never", "--limit", "20", query});
    all += "## " + query + "\n" + text.out + text.err;
  }
  return all;
}

// Where two outputs first differ, with some context, for short failure
// messages; "" when equal.
std::string first_difference(const std::string& a, const std::string& b) {
  if (a == b) return "";
  std::size_t at = 0;
  while (at < a.size() && at < b.size() && a[at] == b[at]) ++at;
  const std::size_t from = at > 200 ? at - 200 : 0;
  return "first difference at byte " + std::to_string(at) + ":\n<<<\n" +
         a.substr(from, 400) + "\n===\n" + b.substr(from, 400) + "\n>>>";
}

std::set<std::string> unique_ids(const std::string& database) {
  std::set<std::string> ids;
  const Xapian::Database db(database);
  for (auto it = db.allterms_begin(schema::kIdPrefix);
       it != db.allterms_end(schema::kIdPrefix); ++it) {
    ids.insert(*it);
  }
  return ids;
}

void append(const fs::path& file, const std::string& text) {
  std::ofstream(file, std::ios::app) << text;
  fs::last_write_time(file,
                      fs::last_write_time(file) + std::chrono::seconds(5));
}

void expect_finished(const std::string& database);

// Builds an index of the real corpus with first_build_flags, then changes
// the corpus and indexes it again: the result must equal a build from
// scratch of the new state.
void expect_incremental_equals_scratch(
    const std::vector<std::string>& first_build_flags) {
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  make_corpus(root);
  const std::string database = dir.file("incremental");
  ASSERT_EQ(index(database, root, first_build_flags).exit_code, 0);

  // Modify 3 files, delete 2, add 4.
  std::vector<fs::path> ptc;
  for (const auto& entry : fs::directory_iterator(root / "ptc")) {
    ptc.push_back(entry.path());
  }
  std::sort(ptc.begin(), ptc.end());
  append(ptc[0], "\nA zanzibarian postscript was added later.\n");
  append(ptc[1], "\nAnother zanzibarian note closes the piece.\n");
  append(root / "wikinews" /
             "000_President_of_China_lunches_with_Brazilian_President.txt",
         "\nThe president left for Rio after the zanzibarian lunch.\n");
  fs::remove(ptc[2]);
  fs::remove(ptc[3]);
  copy_articles(corpora_dir() / "ptc-propaganda" / "dev-articles", root / "ptc",
                4);
  // A touched but unchanged file is not re-indexed.
  fs::last_write_time(ptc[4],
                      fs::last_write_time(ptc[4]) + std::chrono::seconds(9));

  const CommandResult again = index(database, root, {"--prune"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.err.find("files: 4 new, 3 changed, 66 unchanged, 2 removed"),
            std::string::npos)
      << again.err;
  expect_finished(database);

  const std::string scratch = dir.file("scratch");
  ASSERT_EQ(index(scratch, root).exit_code, 0);
  expect_finished(scratch);
  EXPECT_EQ(Xapian::Database(database).get_doccount(),
            Xapian::Database(scratch).get_doccount());
  EXPECT_TRUE(unique_ids(database) == unique_ids(scratch));
  const std::string incremental_output = search_outputs(database);
  EXPECT_EQ(first_difference(incremental_output, search_outputs(scratch)), "");
  EXPECT_EQ(run_command(news_search_path(), {"-d", database, "zanzibarian"})
                .out.find("3 matches"),
            0u);
  // The stem synonyms (Z<word> -> <word>, for other Xapian clients) survive
  // the merge of shards and grow with the runs: every one a build from
  // scratch has (pruned words keep theirs, which only costs a lookup).
  const auto synonyms = [](const std::string& path) {
    const Xapian::Database opened(path);
    std::set<std::string> pairs;
    for (auto key = opened.synonym_keys_begin();
         key != opened.synonym_keys_end(); ++key) {
      for (auto word = opened.synonyms_begin(*key);
           word != opened.synonyms_end(*key); ++word) {
        pairs.insert(*key + " " + *word);
      }
    }
    return pairs;
  };
  const std::set<std::string> from_scratch = synonyms(scratch);
  EXPECT_GT(from_scratch.size(), 1000u);
  EXPECT_EQ(from_scratch.count("Zsaid said"), 1u);
  const std::set<std::string> incremental = synonyms(database);
  EXPECT_TRUE(std::includes(incremental.begin(), incremental.end(),
                            from_scratch.begin(), from_scratch.end()));
}

TEST(Incremental, ChangesAddsAndDeletionsEqualABuildFromScratch) {
  NEWS_REQUIRE_CORPORA();
  expect_incremental_equals_scratch({"--shards", "1"});
}

TEST(Incremental, AfterAParallelFirstBuildToo) {
  NEWS_REQUIRE_CORPORA();
  expect_incremental_equals_scratch({"--shards", "2"});
}

// --reextract extracts unchanged files again (an upgraded news-index may
// extract them better) and retries files that gave nothing; without it an
// unchanged file is left alone, even when its article is gone.
TEST(Incremental, ReextractIndexesEveryFileAgainAndRetriesFailedOnes) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  make_corpus(root);
  std::ofstream(root / "bad.txt") << "Only a headline here\n\n";
  const std::string database = dir.file("index");
  const CommandResult first = index(database, root);
  EXPECT_NE(first.err.find("bad.txt: no body text after the title"),
            std::string::npos)
      << first.err;
  const std::string scratch_output = search_outputs(database);
  const std::set<std::string> scratch_ids = unique_ids(database);
  // As if an older news-index had lost one file's article.
  std::string lost;
  {
    Xapian::WritableDatabase writable(database);
    lost = *writable.allterms_begin(schema::kIdPrefix);
    writable.delete_document(lost);
    writable.commit();
  }

  const CommandResult plain = index(database, root);
  EXPECT_NE(plain.err.find("files: 0 new, 0 changed, 72 unchanged"),
            std::string::npos)
      << plain.err;
  EXPECT_EQ(plain.err.find("bad.txt"), std::string::npos) << plain.err;
  EXPECT_EQ(unique_ids(database).count(lost), 0u);

  const CommandResult again = index(database, root, {"--reextract"});
  EXPECT_NE(again.err.find("files: 0 new, 72 changed, 0 unchanged"),
            std::string::npos)
      << again.err;
  EXPECT_NE(again.err.find("bad.txt: no body text after the title"),
            std::string::npos)
      << again.err;
  EXPECT_EQ(Xapian::Database(database).get_doccount(), scratch_ids.size());
  EXPECT_TRUE(unique_ids(database) == scratch_ids);
  EXPECT_EQ(first_difference(search_outputs(database), scratch_output), "");
}

// Every file recorded as indexed has its article and every article's file
// is recorded: the index holds whole committed batches only.
void expect_consistent(const std::string& database) {
  const Xapian::Database db(database);
  std::set<std::string> recorded;
  for (auto key = db.metadata_keys_begin(schema::kMetaFilePrefix);
       key != db.metadata_keys_end(schema::kMetaFilePrefix); ++key) {
    recorded.insert((*key).substr(std::string(schema::kMetaFilePrefix).size()));
  }
  std::set<std::string> sources;
  for (auto it = db.allterms_begin(schema::kSourcePrefix);
       it != db.allterms_end(schema::kSourcePrefix); ++it) {
    sources.insert((*it).substr(std::string(schema::kSourcePrefix).size()));
  }
  EXPECT_EQ(recorded, sources);
  EXPECT_EQ(db.get_doccount(), sources.size());
  // A stored facet table that the database's state lets a searcher use
  // holds the slot's values exactly, whenever the run stopped.
  for (const Xapian::valueno slot : schema::kStoredTableSlots) {
    const std::optional<SlotTable> stored = SlotTable::load(db, slot);
    if (!stored) continue;
    const SlotTable read = SlotTable::read(db, slot);
    ASSERT_EQ(stored->last_docid(), read.last_docid()) << slot;
    for (Xapian::docid id = 1; id <= read.last_docid(); ++id) {
      ASSERT_EQ(stored->value_of(id), read.value_of(id))
          << "slot " << slot << " document " << id;
    }
  }
}

// After a run that finished: consistent, and every facet table is stored
// and current.
void expect_finished(const std::string& database) {
  expect_consistent(database);
  const Xapian::Database db(database);
  for (const Xapian::valueno slot : schema::kStoredTableSlots) {
    EXPECT_TRUE(SlotTable::load(db, slot).has_value())
        << database << ": no current table of slot " << slot;
  }
}

// Kills news-index (run with extra_flags on the real corpus) after each of
// several delays; each time the database must open consistent, and the next
// plain run must finish the job exactly as an uninterrupted run does.
// What the kills left behind.
struct KilledRuns {
  int with_shards = 0;  // kills that left the shards of a parallel build
  std::size_t most_shards = 0;  // the most shard databases one kill left
};

// Returns what the kills left behind.
KilledRuns expect_killed_runs_finish(
    const std::vector<std::string>& extra_flags) {
  KilledRuns left;
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  make_corpus(root);
  const std::string reference = dir.file("reference");
  EXPECT_EQ(index(reference, root).exit_code, 0);
  const std::string expected_output = search_outputs(reference);

  for (const int delay_ms : {5, 40, 80, 150, 300, 600}) {
    const std::string database = dir.file("killed-" + std::to_string(delay_ms));
    std::vector<std::string> args = {
        news_index_path(), "-q", "--batch-size", "3", "-d", database};
    args.insert(args.end(), extra_flags.begin(), extra_flags.end());
    args.push_back(root.string());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
      execv(argv[0], argv.data());
      _exit(127);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    if (fs::exists(fs::path(database) / "iamglass")) {
      expect_consistent(database);
    }
    if (fs::exists(fs::path(database) / "shards")) {
      ++left.with_shards;
      const auto shards = fs::directory_iterator(fs::path(database) / "shards");
      left.most_shards = std::max<std::size_t>(
          left.most_shards,
          static_cast<std::size_t>(std::distance(shards, {})));
    }
    const CommandResult finish = index(database, root);
    EXPECT_EQ(finish.exit_code, 0) << "killed after " << delay_ms << " ms\n"
                                   << finish.err;
    expect_finished(database);
    EXPECT_TRUE(unique_ids(database) == unique_ids(reference))
        << "killed after " << delay_ms << " ms";
    EXPECT_EQ(first_difference(search_outputs(database), expected_output), "")
        << "killed after " << delay_ms << " ms";
  }
  return left;
}

TEST(CrashSafety, AKilledRunLeavesACommittedBatchAndTheNextRunFinishes) {
  NEWS_REQUIRE_CORPORA();
  expect_killed_runs_finish({"--shards", "1"});
}

// A parallel first build killed midway leaves the database empty (its
// shards hold the committed batches); the next run resumes the shards.
TEST(CrashSafety, AKilledParallelBuildIsResumed) {
  NEWS_REQUIRE_CORPORA();
  EXPECT_GT(expect_killed_runs_finish({"--shards", "2"}).with_shards, 0)
      << "no kill came during the parallel build: nothing was resumed";
}

// Writers that start new shards as theirs fill up leave many shards, some
// full and some not, with numbers that two threads took at once; killed and
// resumed by a run with another thread count, the build still ends with
// every file once.
TEST(CrashSafety, AKilledBuildOfManySmallShardsIsResumed) {
  NEWS_REQUIRE_CORPORA();
  const KilledRuns left =
      expect_killed_runs_finish({"--shards", "3", "--shard-documents", "4"});
  EXPECT_GT(left.with_shards, 0)
      << "no kill came during the parallel build: nothing was resumed";
  EXPECT_GT(left.most_shards, 3u) << "the writers never started a second shard";
}

TEST(ParallelBuild, GivesTheSameIndexAsOneWriter) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  make_corpus(root);
  const std::string single = dir.file("single");
  ASSERT_EQ(index(single, root, {"--shards", "1"}).exit_code, 0);
  const std::string parallel = dir.file("parallel");
  const CommandResult built =
      index(parallel, root, {"--shards", "3", "--batch-size", "7"});
  ASSERT_EQ(built.exit_code, 0) << built.err;
  EXPECT_NE(built.err.find("files: 71 new, 0 changed"), std::string::npos)
      << built.err;
  expect_finished(parallel);
  EXPECT_FALSE(fs::exists(fs::path(parallel) / "shards"));
  EXPECT_TRUE(unique_ids(parallel) == unique_ids(single));
  EXPECT_EQ(first_difference(search_outputs(parallel), search_outputs(single)),
            "");
  EXPECT_EQ(Xapian::Database(parallel).get_metadata(schema::kMetaSchemaVersion),
            std::to_string(schema::kVersion));
  // Shards of at most 5 documents: over 10 of them, merged into one.
  const std::string rotated = dir.file("rotated");
  const CommandResult small =
      index(rotated, root, {"--shards", "2", "--shard-documents", "5"});
  ASSERT_EQ(small.exit_code, 0) << small.err;
  std::smatch merged;
  ASSERT_TRUE(std::regex_search(
      small.err, merged, std::regex("written in parallel as (\\d+) shards")))
      << small.err;
  EXPECT_GE(std::stoi(merged[1]), 10) << small.err;
  EXPECT_FALSE(fs::exists(fs::path(rotated) / "shards"));
  expect_finished(rotated);
  EXPECT_TRUE(unique_ids(rotated) == unique_ids(single));
  EXPECT_EQ(first_difference(search_outputs(rotated), search_outputs(single)),
            "");
  // Nothing changed: nothing to do.
  const CommandResult again = index(parallel, root);
  EXPECT_NE(again.err.find("files: 0 new, 0 changed, 71 unchanged"),
            std::string::npos)
      << again.err;
}

TEST(Concurrency, ASecondIndexerIsRefusedAndChangesNothing) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  copy_articles(corpora_dir() / "wikinews-en-2004" / "txt", root, 10);
  const std::string database = dir.file("index");
  ASSERT_EQ(index(database, root).exit_code, 0);
  copy_articles(corpora_dir() / "wikinews-en-2004" / "txt", root, 10, 10);
  {
    Xapian::WritableDatabase writer(database, Xapian::DB_OPEN);
    const CommandResult second = index(database, root);
    EXPECT_EQ(second.exit_code, 3);
    EXPECT_NE(second.err.find("locked by another indexer"), std::string::npos)
        << second.err;
  }
  EXPECT_EQ(Xapian::Database(database).get_doccount(), 10u);
}

TEST(Concurrency, SearchSeesTheLastCommitWhileAWriterWorks) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  copy_articles(corpora_dir() / "wikinews-en-2004" / "txt", root, 10);
  const std::string database = dir.file("index");
  ASSERT_EQ(index(database, root).exit_code, 0);
  Xapian::WritableDatabase writer(database, Xapian::DB_OPEN);
  const std::string data =
      Xapian::Database(database).get_document(1).get_data();
  for (const char* id : {"Qnew-1", "Qnew-2"}) {
    Xapian::Document document;
    document.set_data(data);
    document.add_boolean_term(id);
    document.add_posting("quetzalcoatl", 1);
    document.add_term("Zquetzalcoatl");
    writer.add_document(document);
  }
  const auto count_matches = [&] {
    return run_command(news_search_path(), {"-d", database, "quetzalcoatl"});
  };
  EXPECT_EQ(count_matches().exit_code, 1);  // not committed yet
  writer.commit();
  const CommandResult after = count_matches();
  EXPECT_EQ(after.exit_code, 0) << after.err;
  EXPECT_EQ(after.out.find("2 matches"), 0u) << after.out;
}

TEST(DamagedIndex, IsReportedByNameWithExitThreeAndNeverCrashes) {
  NEWS_REQUIRE_CORPORA();
  TempDir dir;
  const fs::path root = dir.path() / "corpus";
  copy_articles(corpora_dir() / "wikinews-en-2004" / "txt", root, 30);
  const std::string good = dir.file("good");
  ASSERT_EQ(index(good, root).exit_code, 0);
  EXPECT_EQ(run_command(news_index_path(), {"--check", "-d", good}).exit_code,
            0);

  struct Damage {
    std::string name;
    std::function<void(const fs::path&)> apply;
  };
  // Garbage over the first half of the B-tree block (glass's default 8 KiB)
  // in the middle of a table file, its header included. Xapian 1.4 detects
  // a damaged block header; garbage in a block's items after a sound header
  // can make it read past the block (AddressSanitizer reports it inside
  // libxapian), which no reader outside Xapian can prevent: `news-index
  // --check` (Xapian's checker) is the way to vet a suspect index.
  const auto overwrite_middle = [](const fs::path& file) {
    constexpr std::uintmax_t kBlockBytes = 8192;
    std::fstream stream(file, std::ios::in | std::ios::out | std::ios::binary);
    stream.seekp(static_cast<std::streamoff>(fs::file_size(file) / 2 /
                                             kBlockBytes * kBlockBytes));
    const std::string garbage(4096, '\xA5');
    stream.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
  };
  const std::vector<Damage> damages = {
      {"truncated postlist",
       [](const fs::path& db) {
         fs::resize_file(db / "postlist.glass",
                         fs::file_size(db / "postlist.glass") / 2);
       }},
      {"garbage in postlist",
       [&](const fs::path& db) { overwrite_middle(db / "postlist.glass"); }},
      {"garbage in docdata",
       [&](const fs::path& db) { overwrite_middle(db / "docdata.glass"); }},
      {"garbage in termlist",
       [&](const fs::path& db) { overwrite_middle(db / "termlist.glass"); }},
      {"missing version file",
       [](const fs::path& db) { fs::remove(db / "iamglass"); }},
      {"empty version file",
       [](const fs::path& db) { fs::resize_file(db / "iamglass", 0); }},
  };
  for (const Damage& damage : damages) {
    const fs::path broken =
        dir.path() / ("broken-" + std::to_string(&damage - damages.data()));
    fs::copy(good, broken);
    damage.apply(broken);
    for (const std::string query : {"president", "\"united states\"", "a*"}) {
      const CommandResult search =
          run_command(news_search_path(), {"-d", broken.string(), query});
      EXPECT_TRUE(search.exit_code == 3 || search.exit_code <= 1)
          << damage.name << ": exit " << search.exit_code << " " << search.err;
      if (search.exit_code == 3) {
        EXPECT_NE(search.err.find(broken.string()), std::string::npos)
            << damage.name << ": " << search.err;
      }
    }
    const CommandResult check =
        run_command(news_index_path(), {"--check", "-d", broken.string()});
    EXPECT_EQ(check.exit_code, 3) << damage.name << ": " << check.out;
    EXPECT_NE(check.err.find(broken.string()), std::string::npos)
        << damage.name << ": " << check.err;
    const CommandResult reindex = index(broken.string(), root);
    EXPECT_TRUE(reindex.exit_code == 0 || reindex.exit_code == 3)
        << damage.name << ": exit " << reindex.exit_code << " " << reindex.err;
  }
}

}  // namespace
}  // namespace news::testing
