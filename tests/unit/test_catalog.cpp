// The loader and validator: the good fixture loads; each broken fixture in fixtures/bad/ is
// refused (or warned about) with the file, the JSON path and the problem it is named after.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "answers.hpp"
#include "compiled_rules.hpp"
#include "evaluate.hpp"
#include "json_text.hpp"
#include "report.hpp"
#include "rules_dir.hpp"
#include "support.hpp"

using namespace shisaku;

TEST_CASE("the good fixture loads with its questions, definitions and programs", "[catalog]") {
  const Catalog& c = test::demo_catalog();
  CHECK(c.questions.size() == 6);
  CHECK(c.definitions.size() == 1);
  REQUIRE(c.programs.size() == 2);
  const Program* alpha = c.program("alpha");
  REQUIRE(alpha);
  CHECK(alpha->figure("cap")->value == 3000000);
  CHECK(alpha->figure("per_day")->history.at(0).value == 4000);
  CHECK(alpha->measures.at(0).figures_used == std::vector<std::string>{"base", "per_day", "cap"});
  CHECK(c.fingerprint.size() == 8);
}

TEST_CASE("every broken fixture is refused with file, JSON path and problem", "[catalog][bad]") {
  namespace fs = std::filesystem;
  std::vector<fs::path> dirs;
  for (const auto& e : fs::directory_iterator(test::fixtures_dir() + "/bad")) dirs.push_back(e.path());
  std::sort(dirs.begin(), dirs.end());
  REQUIRE(dirs.size() >= 15);
  for (const auto& dir : dirs) {
    DYNAMIC_SECTION(dir.filename().string()) {
      std::string text;
      REQUIRE(cli::read_file((dir / "expect.json").string(), text));
      auto expect = nlohmann::json::parse(text);
      LoadResult r = test::load_fixture(dir.string());
      bool error = expect["severity"] == "error";
      if (error) CHECK(!r.catalog);
      bool found = false;
      std::string all;
      for (const auto& p : r.problems) {
        all += p.to_string() + "\n";
        found = found || ((p.severity == Severity::Error) == error && p.file == expect["file"] && p.path == expect["path"] &&
                          p.message.find(expect["message"].get<std::string>()) != std::string::npos);
      }
      INFO(all);
      CHECK(found);
    }
  }
}

TEST_CASE("a bundle round-trips and keeps the fingerprint", "[catalog]") {
  auto files = test::rules_files(test::fixtures_dir() + "/good");
  Problems problems;
  auto again = unbundle(bundle(files).dump(), problems);
  REQUIRE(problems.empty());
  LoadResult a = load_catalog(files), b = load_catalog(again);
  REQUIRE(a.catalog);
  REQUIRE(b.catalog);
  CHECK(a.catalog->fingerprint == b.catalog->fingerprint);
}

TEST_CASE("a broken bundle names the problem", "[catalog]") {
  Problems problems;
  CHECK(unbundle("{\"files\": 3}", problems).empty());
  REQUIRE(!problems.empty());
  CHECK(problems[0].path == "/files");
  problems.clear();
  CHECK(unbundle("{\"files\": {", problems).empty());
  REQUIRE(!problems.empty());
  CHECK(problems[0].message.find("malformed JSON") != std::string::npos);
}

TEST_CASE("the project's rules are valid and every citation is found in its seed", "[catalog][rules]") {
  LoadResult r = test::load_real_rules();
  std::string errors;
  for (const auto& p : r.problems)
    if (p.severity == Severity::Error) errors += p.to_string() + "\n";
  INFO(errors);
  REQUIRE(r.catalog);
  CHECK(r.catalog->programs.size() >= 100);
}

namespace {
// Every persona's answers and none, evaluated over `c`: the results as the CLI prints them.
std::vector<std::string> persona_results(const Catalog& c, Lang lang) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/personas")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  Evaluator evaluator(c);
  out.push_back(json_text(evaluation_json(c, evaluator.evaluate(Answers(c)), lang)));
  for (const auto& f : files) {
    std::ifstream in(f);
    nlohmann::json persona = nlohmann::json::parse(in);
    std::string error;
    auto answers = Answers::from_json(c, persona["answers"], error);
    INFO(f.string() << ": " << error);
    REQUIRE(answers);
    out.push_back(json_text(evaluation_json(c, evaluator.evaluate(*answers), lang)));
  }
  return out;
}
}  // namespace

TEST_CASE("the compiled parts read back into the rules they were made from, whatever arrives first", "[catalog][compiled]") {
  LoadResult whole = load_catalog(test::rules_files(test::source_dir() + "/rules"));
  REQUIRE(whole.catalog);
  const Catalog& w = *whole.catalog;
  auto part = [&](Lang lang, BundlePart which) { return compile_rules_part(w, lang, which); };
  const Program& first = w.programs.front();

  CompiledRules rules;
  Problems problems;
  REQUIRE(rules.add(part(Lang::Ja, BundlePart::Core), "rules.ja.bin", problems));
  CHECK(rules.has(Lang::Ja, BundlePart::Core));
  CHECK_FALSE(rules.has(Lang::Ja, BundlePart::Details));
  LoadResult core = rules.load();
  INFO((core.problems.empty() ? std::string() : core.problems[0].to_string()));
  REQUIRE(core.catalog);
  CHECK(core.catalog->fingerprint == w.fingerprint);
  CHECK(core.catalog->programs.size() == w.programs.size());
  CHECK(core.catalog->questions.size() == w.questions.size());
  CHECK(core.catalog->listings.size() == w.listings.size());
  const Program* early = core.catalog->program(first.id);
  REQUIRE(early);
  CHECK(early->name.ja == first.name.ja);
  CHECK(early->name.en.empty());   // the other language comes with its own part
  CHECK(early->contacts.empty());  // details come later
  // The core alone decides as the whole rules do: the same statuses, amounts and questions.
  std::vector<std::string> expected = persona_results(w, Lang::Ja), from_core = persona_results(*core.catalog, Lang::Ja);
  REQUIRE(from_core.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    auto a = nlohmann::json::parse(expected[i]), b = nlohmann::json::parse(from_core[i]);
    REQUIRE(a["programs"].size() == b["programs"].size());
    for (std::size_t k = 0; k < a["programs"].size(); ++k) {
      CHECK(a["programs"][k]["status"] == b["programs"][k]["status"]);
      CHECK(a["programs"][k]["total"] == b["programs"][k]["total"]);
    }
    CHECK(a["next_question"] == b["next_question"]);
  }

  REQUIRE(rules.add(part(Lang::En, BundlePart::Details), "rules-details.en.bin", problems));
  REQUIRE(rules.add(part(Lang::Ja, BundlePart::Details) + part(Lang::En, BundlePart::Core), "single file", problems));
  CHECK(rules.complete());
  LoadResult all = rules.load();
  REQUIRE(all.catalog);
  // All four parts are the whole rules: every result, in both languages, reads the same.
  CHECK(persona_results(*all.catalog, Lang::Ja) == expected);
  CHECK(persona_results(*all.catalog, Lang::En) == persona_results(w, Lang::En));
  const Program* late = all.catalog->program(first.id);
  REQUIRE(late);
  CHECK(late->name.en == first.name.en);
  CHECK(late->summary.ja == first.summary.ja);
  CHECK(late->contacts.size() == first.contacts.size());
  CHECK(problems.empty());
}

TEST_CASE("a compiled part cut short, altered, of another format or of other rules is refused and loses nothing", "[catalog][compiled]") {
  const Catalog& c = test::demo_catalog();
  const std::string good = compile_rules_part(c, Lang::Ja, BundlePart::Core);
  auto refusal = [&](std::string bytes) {
    CompiledRules rules;
    Problems problems;
    REQUIRE(rules.add(good, "rules.ja.bin", problems));
    CHECK_FALSE(rules.add(bytes, "rules.en.bin", problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].file == "rules.en.bin");
    // What was in stays usable.
    LoadResult r = rules.load();
    CHECK(r.catalog);
    CHECK_FALSE(rules.has(Lang::En, BundlePart::Core));
    return problems[0].message;
  };
  std::string en = compile_rules_part(c, Lang::En, BundlePart::Core);
  CHECK(refusal(en.substr(0, en.size() - 1)).find("cut short") != std::string::npos);
  CHECK(refusal(en.substr(0, 9)).find("cut short") != std::string::npos);
  std::string altered = en;
  altered[altered.size() / 2] ^= 0x20;
  CHECK(refusal(altered).find("altered") != std::string::npos);
  std::string other_format = en;
  other_format[4] = static_cast<char>(kCompiledRulesFormat + 1);
  CHECK(refusal(other_format).find("another format") != std::string::npos);
  CHECK(refusal("{\"files\": {}}").find("not a compiled rules part") != std::string::npos);
  Catalog other = c;
  other.fingerprint = "00000000";
  CHECK(refusal(compile_rules_part(other, Lang::En, BundlePart::Core)).find("belongs to other rules") != std::string::npos);

  // Details alone are no rules yet.
  CompiledRules details_only;
  Problems problems;
  REQUIRE(details_only.add(compile_rules_part(c, Lang::Ja, BundlePart::Details), "rules-details.ja.bin", problems));
  LoadResult r = details_only.load();
  CHECK_FALSE(r.catalog);
  REQUIRE(r.problems.size() == 1);
  CHECK(r.problems[0].message.find("no core part") != std::string::npos);
}
