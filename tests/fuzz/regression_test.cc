// Runs every committed fuzz input (tests/fuzz/regressions/<target>/, crashes
// found by scripts/fuzz and hand-made nasty inputs) through its target's
// body. A body aborts on a broken invariant, so a failing input ends this
// binary; the input's path is printed before it runs.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"
#include "tests/support/test_support.h"

namespace news::fuzz {
namespace {

using Body = void (*)(const std::uint8_t*, std::size_t);

std::vector<std::filesystem::path> regression_inputs(
    const std::string& target) {
  const std::filesystem::path folder =
      testing::source_dir() / "tests" / "fuzz" / "regressions" / target;
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

// Runs each input of target through body; fails when there are none (the
// folder went missing).
void run_regressions(const std::string& target, Body body) {
  const std::vector<std::filesystem::path> inputs = regression_inputs(target);
  ASSERT_FALSE(inputs.empty()) << "no inputs for " << target;
  for (const std::filesystem::path& input : inputs) {
    std::ifstream stream(input, std::ios::binary);
    ASSERT_TRUE(stream) << "cannot read " << input;
    const std::string bytes((std::istreambuf_iterator<char>(stream)),
                            std::istreambuf_iterator<char>());
    // Before the run: a crash ends the process and this names the input.
    std::cerr << "fuzz regression input: " << input.string() << std::endl;
    body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  }
}

TEST(FuzzRegression, TextDecodeSurvivesEveryInput) {
  run_regressions("text_decode", fuzz_text_decode);
}

TEST(FuzzRegression, TextDumpExtractorSurvivesEveryInput) {
  run_regressions("text_dump", fuzz_text_dump);
}

TEST(FuzzRegression, LineRulesSurviveEveryInput) {
  run_regressions("line_rules", fuzz_line_rules);
}

TEST(FuzzRegression, AnalyzerSurvivesEveryInput) {
  run_regressions("analyzer", fuzz_analyzer);
}

TEST(FuzzRegression, QueryBuilderSurvivesEveryInput) {
  run_regressions("query_builder", fuzz_query_builder);
}

TEST(FuzzRegression, DocumentDataSurvivesEveryInput) {
  run_regressions("document_data", fuzz_document_data);
}

TEST(FuzzRegression, HtmlExtractorSurvivesEveryInput) {
  run_regressions("html", fuzz_html);
}

TEST(FuzzRegression, JsonlReaderSurvivesEveryInput) {
  run_regressions("jsonl", fuzz_jsonl);
}

TEST(FuzzRegression, CsvReaderSurvivesEveryInput) {
  run_regressions("csv", fuzz_csv);
}

TEST(FuzzRegression, WarcReaderSurvivesEveryInput) {
  run_regressions("warc", fuzz_warc);
}

TEST(FuzzRegression, SlotTableReaderSurvivesEveryInput) {
  run_regressions("slot_table", fuzz_slot_table);
}

}  // namespace
}  // namespace news::fuzz
