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

// The evaluator reuses an amount computed with no answers while nothing it reads has changed
// (Evaluator::amounts_at_start_): along each persona's answers, added one by one, every estimate
// is the amount evaluated on those answers, whether it was reused or not.
TEST_CASE("every estimate along a persona's answers is its amount on those answers", "[evaluate][personas]") {
  static const LoadResult rules = test::load_real_rules();
  REQUIRE(rules.catalog);
  const Catalog& c = *rules.catalog;
  const Evaluator evaluator(c);
  const std::vector<logic::Value> start = slot_values(c, Answers(c));
  int reused = 0, recomputed = 0;
  for (const auto& e : std::filesystem::directory_iterator(test::source_dir() + "/tests/personas")) {
    std::string text;
    REQUIRE(cli::read_file(e.path().string(), text));
    const nlohmann::json answers = nlohmann::json::parse(text)["answers"];
    nlohmann::json given = nlohmann::json::object();
    for (const auto& [id, value] : answers.items()) {
      given[id] = value;
      INFO(e.path().filename().string() << " with " << given.dump());
      std::string error;
      auto a = Answers::from_json(c, given, error);
      REQUIRE(a);
      const Evaluation ev = evaluator.evaluate(*a);
      const std::vector<logic::Value> slots = slot_values(c, *a);
      for (const auto& mr : ev.measure_results) {
        if (!mr.measure->amount) continue;
        const auto& used = mr.measure->amount->slots_used();
        const bool as_at_start = std::all_of(used.begin(), used.end(), [&](int s) { return slots[s] == start[s]; });
        (as_at_start ? reused : recomputed)++;
        INFO("measure " << mr.measure->id);
        const logic::Outcome o = mr.measure->amount->evaluate(slots);
        double lo = 0, hi = 0;
        if (o.ok() && o.value.numeric_bounds(lo, hi) && std::isfinite(lo)) {
          CHECK(mr.estimate.kind != Estimate::Kind::Unknown);
          CHECK(mr.estimate.min == lo);
          CHECK(mr.estimate.max == hi);
        } else {
          CHECK(mr.estimate.kind == Estimate::Kind::Unknown);
        }
      }
    }
  }
  // Both ways are taken.
  CHECK(reused > 1000);
  CHECK(recomputed > 100);
}
