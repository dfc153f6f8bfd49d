// The loader and validator: the good fixture loads; each broken fixture in fixtures/bad/ is
// refused (or warned about) with the file, the JSON path and the problem it is named after.
#include <catch2/catch.hpp>

#include <filesystem>

#include "rules_bundle.hpp"
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

TEST_CASE("the web bundle's parts merge back into the whole rules, whatever arrives first", "[catalog][bundle]") {
  auto files = test::rules_files(test::source_dir() + "/rules");
  LoadResult whole = load_catalog(files);
  REQUIRE(whole.catalog);
  const std::string& fingerprint = whole.catalog->fingerprint;
  auto part = [&](Lang lang, BundlePart which) { return bundle_part(files, fingerprint, lang, which); };
  const Program& first = whole.catalog->programs.front();

  RulesBundle bundle;
  Problems problems;
  REQUIRE(bundle.add(part(Lang::Ja, BundlePart::Core), problems));
  CHECK(bundle.has(Lang::Ja, BundlePart::Core));
  CHECK_FALSE(bundle.has(Lang::Ja, BundlePart::Details));
  LoadResult core = bundle.load();
  INFO(core.problems.size());
  REQUIRE(core.catalog);
  CHECK(core.catalog->programs.size() == whole.catalog->programs.size());
  CHECK(core.catalog->fingerprint == fingerprint);
  const Program* early = core.catalog->program(first.id);
  REQUIRE(early);
  CHECK(early->name.ja == first.name.ja);
  CHECK(early->name.en.empty());      // the other language comes with its own part
  CHECK(early->contacts.empty());     // details come later

  REQUIRE(bundle.add(part(Lang::En, BundlePart::Details), problems));
  REQUIRE(bundle.add(part(Lang::Ja, BundlePart::Details), problems));
  REQUIRE(bundle.add(part(Lang::En, BundlePart::Core), problems));
  CHECK(bundle.complete());
  LoadResult all = bundle.load();
  REQUIRE(all.catalog);
  const Program* late = all.catalog->program(first.id);
  REQUIRE(late);
  CHECK(late->name.en == first.name.en);
  CHECK(late->contacts.size() == first.contacts.size());
  CHECK(late->summary.ja == first.summary.ja);
  CHECK(all.catalog->questions.size() == whole.catalog->questions.size());
  CHECK(problems.empty());

  // A part of other rules (another fingerprint) is refused and changes nothing.
  CHECK_FALSE(bundle.add(bundle_part(files, "00000000", Lang::Ja, BundlePart::Core), problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("belongs to other rules") != std::string::npos);
  CHECK(bundle.load().catalog->program(first.id)->contacts.size() == first.contacts.size());
}
