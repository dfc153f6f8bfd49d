// Fuzzes the rules loader and validator. The input replaces files of a valid rules set (the
// good test fixture), so mutations reach every check, not only the JSON parser:
//   input = one selector byte, then up to four file texts separated by NUL bytes; the k-th text
//   replaces fixture file (selector + k) mod N (files in path order).
// Invariants: nothing crashes; rules that load evaluate, and survive the bundle round trip with
// the same fingerprint (what share links rely on).
#include <cstddef>
#include <cstdint>

#include "answers.hpp"
#include "evaluate.hpp"
#include "fuzz_support.hpp"
#include "json_text.hpp"
#include "report.hpp"
#include "rules_lint.hpp"

using namespace shisaku;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::vector<RulesFile> fixture = fuzz::source_rules("tests/fixtures/good");
  static const LoadOptions options = [] {
    LoadOptions o;
    o.seeds = cli::read_seeds(std::string(SHISAKU_SOURCE_DIR) + "/tests/fixtures/seeds");
    return o;
  }();
  if (size == 0) return 0;

  std::vector<RulesFile> files = fixture;
  const std::string texts(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::size_t start = 0;
  for (std::size_t k = 0; k < 4 && start <= texts.size(); ++k) {
    std::size_t end = texts.find('\0', start);
    if (end == std::string::npos) end = texts.size();
    files[(data[0] + k) % files.size()].text = texts.substr(start, end - start);
    start = end + 1;
  }

  LoadResult r = load_and_lint(files, options);
  for (const auto& p : r.problems) (void)p.to_string();
  if (!r.catalog) return 0;

  const Catalog& c = *r.catalog;
  Evaluation ev = Evaluator(c).evaluate(Answers(c));
  (void)json_text(evaluation_json(c, ev, Lang::En));
  (void)evaluation_text(c, ev, Lang::Ja);

  Problems problems;
  LoadResult again = load_catalog(unbundle(json_text(bundle(files)), problems));
  if (!again.catalog) fuzz::fail("rules that load do not load from their bundle");
  if (again.catalog->fingerprint != c.fingerprint) fuzz::fail("the bundle changes the rules fingerprint");
  return 0;
}
