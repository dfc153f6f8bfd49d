// The interview as the personas of tests/personas/ meet it (each answers what it is asked,
// "わからない" where it has no answer): purpose first, nothing off their topic, one program at
// a time, and their key programs decided early. The counts themselves are printed by
// scripts/benchmark; here only what must hold for every persona is checked.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "rules_dir.hpp"
#include "support.hpp"
#include "walk.hpp"

using namespace shisaku;

TEST_CASE("every persona meets an interview that keeps to its topic, one program at a time", "[interview][personas]") {
  static const LoadResult rules = test::load_real_rules();
  REQUIRE(rules.catalog);
  const Catalog& c = *rules.catalog;
  const Evaluator evaluator(c);
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/personas")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() >= 12);
  std::set<std::string> applicants;
  for (const auto& path : files) {
    std::string text;
    REQUIRE(cli::read_file(path.string(), text));
    const nlohmann::json persona = nlohmann::json::parse(text);
    {
      INFO("persona " << path.filename().string());
      std::string error;
      REQUIRE(Answers::from_json(c, persona["answers"], error));  // every prepared answer is valid
      INFO(error);
      applicants.insert(persona["answers"]["applicant"].get<std::string>());
      Walk w = walk_interview(c, evaluator, persona["answers"]);
      CHECK(c.questions[static_cast<std::size_t>(w.steps.at(0).slot)].id == "applicant");
      // The interests right after who and where.
      std::size_t about_you = 0;
      while (about_you < w.steps.size() && w.steps[about_you].chapter == 0) ++about_you;
      REQUIRE(about_you < w.steps.size());
      CHECK(w.steps[about_you].slot == c.interview.interests);
      CHECK(w.off_topic == 0);
      CHECK(w.returns == 0);
      CHECK(!w.final.next_question);
      CHECK(w.steps.size() <= 25);
      for (const auto& key : persona["key_programs"]) {
        INFO("key program " << key.get<std::string>());
        int index = -1;
        for (std::size_t i = 0; i < c.programs.size(); ++i)
          if (c.programs[i].id == key.get<std::string>()) index = static_cast<int>(i);
        REQUIRE(index >= 0);
        CHECK(w.final.programs[static_cast<std::size_t>(index)].status == Status::Eligible);
        CHECK(w.final.programs[static_cast<std::size_t>(index)].in_scope());
        CHECK(w.eligible_after[static_cast<std::size_t>(index)] >= 0);
        CHECK(w.eligible_after[static_cast<std::size_t>(index)] <= 12);
      }
      // The chapters come in order: the basic ones first, the amounts never.
      int last_basic = -1, first_family = -1;
      for (std::size_t i = 0; i < w.steps.size(); ++i) {
        const int ch = w.steps[i].chapter;
        CHECK(ch != c.interview.amounts_chapter());
        if (ch < static_cast<int>(c.interview.basics.size())) last_basic = static_cast<int>(i);
        else if (first_family < 0) first_family = static_cast<int>(i);
      }
      if (first_family >= 0) CHECK(last_basic < first_family);
    }
  }
  // Every kind of applicant meets the interview at least once.
  for (const auto& [code, label] : c.meta.applicants) CHECK(applicants.count(code));
}
