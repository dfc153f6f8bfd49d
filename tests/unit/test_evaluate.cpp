// Evaluation on the demo rules: status, reasons, estimates, and the choice of the next question.
#include <catch2/catch.hpp>

#include "evaluate.hpp"
#include "format.hpp"
#include "report.hpp"
#include "support.hpp"

using namespace shisaku;

namespace {
const ProgramResult& result(const Evaluation& ev, const std::string& id) {
  for (const auto& r : ev.programs)
    if (r.program->id == id) return r;
  FAIL("no program " << id);
  throw;
}
std::string next(const Catalog& c, const Evaluation& ev) { return ev.next_question ? c.questions[*ev.next_question].id : "(none)"; }
}  // namespace

TEST_CASE("with no answers everything needs answers and the first question decides most", "[evaluate]") {
  const Catalog& c = test::demo_catalog();
  Evaluation ev = Evaluator(c).evaluate(Answers(c));
  CHECK(ev.unknown == 2);
  CHECK(result(ev, "alpha").status == Status::Unknown);
  // kaso and fiscal_index wait for applicant (their ask_if), so applicant gets their credit.
  CHECK(next(c, ev) == "applicant");
  CHECK(result(ev, "beta").headline.kind == Estimate::Kind::Exact);
  CHECK(result(ev, "beta").headline.min == 50000000);
}

TEST_CASE("a company: alpha is not eligible, beta is, and only the interests and beta's gate are asked", "[evaluate][interview]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "company"));
  Evaluation ev = Evaluator(c).evaluate(a);
  CHECK(result(ev, "alpha").status == Status::Ineligible);
  CHECK(result(ev, "beta").status == Status::Eligible);
  // Purpose first: what the person wants to do, even when little is left to decide.
  CHECK(next(c, ev) == "interests");
  REQUIRE(!a.set("interests", nlohmann::json::array({"finance"})));
  ev = Evaluator(c).evaluate(a);
  CHECK(!ev.next_question);  // beta is decided: its gate would change nothing
  CHECK(ev.remaining.empty());
  CHECK(result(ev, "beta").in_scope());
  CHECK(result(ev, "alpha").scope == Scope::ThemeNotChosen);
}

TEST_CASE("a municipality: reasons, a range estimate, and the interview's chapters", "[evaluate][interview]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  Evaluation ev = Evaluator(c).evaluate(a);
  const ProgramResult& alpha = result(ev, "alpha");
  CHECK(alpha.status == Status::Unknown);
  CHECK(alpha.met == 1);
  CHECK(alpha.unanswered == 2);
  CHECK(reasons_summary(c, alpha, Lang::En) == "1 of 3 met; unanswered: kaso, fiscal_index");
  CHECK(alpha.headline.kind == Estimate::Kind::Range);
  CHECK(alpha.headline.min == 1000000);
  CHECK(alpha.headline.max == 3000000);  // the cap bounds it
  // Chapters in order: the purpose, then the area's basics; stay_days only refines the amount.
  CHECK(next(c, ev) == "interests");
  std::vector<std::string> remaining;
  for (int s : ev.remaining) remaining.push_back(c.slot_name(s));
  CHECK(remaining == std::vector<std::string>{"interests", "kaso", "fiscal_index"});
  CHECK(ev.remaining_chapter == std::vector<int>{1, 2, 2});
  std::vector<std::string> status_settling, amount_settling;
  for (int s : alpha.status_settling) status_settling.push_back(c.slot_name(s));
  for (int s : alpha.amount_settling) amount_settling.push_back(c.slot_name(s));
  CHECK(status_settling == std::vector<std::string>{"kaso", "fiscal_index"});
  CHECK(amount_settling == std::vector<std::string>{"stay_days"});

  REQUIRE(!a.set("interests", nlohmann::json::array({"migration"})));
  REQUIRE(!a.set("kaso", false));
  ev = Evaluator(c).evaluate(a);
  CHECK(result(ev, "alpha").status == Status::Ineligible);
  CHECK(!ev.next_question);  // fiscal_index and stay_days can no longer change anything
  CHECK(ev.amount_questions.empty());
}

TEST_CASE("an eligible program's amount inputs wait for the amounts chapter", "[evaluate][interview]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  REQUIRE(!a.set("interests", nlohmann::json::array({"all"})));
  REQUIRE(!a.set("kaso", true));
  REQUIRE(!a.set("fiscal_index", 0.3));
  Evaluation ev = Evaluator(c).evaluate(a);
  CHECK(result(ev, "alpha").status == Status::Eligible);
  CHECK(!ev.next_question);  // every status is decided
  REQUIRE(ev.amount_questions.size() == 1);
  CHECK(c.slot_name(ev.amount_questions[0]) == "stay_days");
  CHECK(programs_refined_by(ev, ev.amount_questions[0]) == std::vector<int>{0});
  // Until then the card says what it needs instead of a range.
  CHECK(result(ev, "alpha").total.kind == Total::Kind::Partial);
  CHECK(result(ev, "alpha").total.known == 1000000);
  CHECK(needs_text(c, result(ev, "alpha"), Lang::Ja) == "延べ滞在日数を入れると算出");
  CHECK(format_total(result(ev, "alpha").total, Lang::Ja) == "100万円＋");
  REQUIRE(!a.set("stay_days", 140));
  ev = Evaluator(c).evaluate(a);
  const ProgramResult& alpha = result(ev, "alpha");
  CHECK(alpha.headline.kind == Estimate::Kind::Exact);
  CHECK(alpha.headline.min == 1000000 + 5000 * 140);
  CHECK(alpha.total.kind == Total::Kind::Exact);
  CHECK(alpha.total.known == 1000000 + 5000 * 140);
  CHECK(ev.amount_questions.empty());
  // A skipped question is not asked again and the estimate stays a range.
  a.skip(c.question("stay_days")->slot);
  ev = Evaluator(c).evaluate(a);
  CHECK(result(ev, "alpha").headline.kind == Estimate::Kind::Range);
  CHECK(!ev.next_question);
  CHECK(ev.amount_questions.empty());
}

TEST_CASE("a gate answered no sets its family aside, with the status the answers give", "[evaluate][interview]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "company"));
  REQUIRE(!a.set("interests", nlohmann::json::array({"all"})));
  // beta is eligible already, so its gate is not worth asking; the gate still decides its scope.
  Evaluation ev = Evaluator(c).evaluate(a);
  CHECK(!ev.next_question);
  CHECK(result(ev, "beta").in_scope());
  REQUIRE(!a.set("beta_plan", false));
  ev = Evaluator(c).evaluate(a);
  CHECK(result(ev, "beta").scope == Scope::GateDeclined);
  CHECK(result(ev, "beta").status == Status::Eligible);
  CHECK(ev.in_scope == 1);  // alpha: a chosen theme, though not eligible
  // The interests and the gates are answers like any other: they survive a share code.
  std::string why;
  ShareError err = ShareError::None;
  auto back = Answers::from_share_string(c, a.to_share_string(), err, why);
  REQUIRE(back);
  CHECK(back->to_json() == a.to_json());
}

TEST_CASE("programs outside the chosen themes ask nothing", "[evaluate][interview]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  REQUIRE(!a.set("interests", nlohmann::json::array({"finance"})));
  Evaluation ev = Evaluator(c).evaluate(a);
  CHECK(result(ev, "alpha").scope == Scope::ThemeNotChosen);
  CHECK(result(ev, "alpha").status == Status::Unknown);  // set aside, not called ineligible
  CHECK(!ev.next_question);                              // kaso and fiscal_index serve only alpha
  // The counts the results and the top bar show are of the programs in scope: beta alone.
  CHECK(ev.unknown == 1);
  CHECK(ev.in_scope == 1);
  CHECK(ev.in_scope_unknown == 0);
  CHECK(ev.in_scope_eligible == (result(ev, "beta").status == Status::Eligible ? 1 : 0));
  // Widening the choice brings it back.
  REQUIRE(!a.set("interests", nlohmann::json::array({"finance", "migration"})));
  ev = Evaluator(c).evaluate(a);
  CHECK(next(c, ev) == "kaso");
}

TEST_CASE("the fiscal threshold is a figure: 0.5 itself is not below 0.5", "[evaluate]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  REQUIRE(!a.set("kaso", true));
  REQUIRE(!a.set("fiscal_index", 0.5));
  CHECK(result(Evaluator(c).evaluate(a), "alpha").status == Status::Ineligible);
}

TEST_CASE("the results JSON carries the documented fields", "[evaluate][report]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  nlohmann::json j = evaluation_json(c, Evaluator(c).evaluate(a), Lang::Ja);
  CHECK(j["next_question"]["id"] == "interests");
  CHECK(j["next_question"]["chapter"]["id"] == "purpose");
  CHECK(j["next_question"]["decides"].empty());  // the interests decide no status: they set the scope
  CHECK(j["amount_questions"].empty());
  CHECK(j["counts"]["in_scope"] == 2);
  const auto& alpha = j["programs"][0];
  CHECK(alpha["id"] == "alpha");
  CHECK(alpha["status"] == "unknown");
  CHECK(alpha["estimate"]["min"] == 1000000);
  CHECK(alpha["estimate"]["max"] == 3000000);
  CHECK(alpha["estimate"]["text"] == "100万円〜300万円");
  CHECK(alpha["estimate"]["figures"][2]["fiscal_year"] == "R8");
  CHECK(alpha["contacts"][0]["phone"] == "03-0000-0000");
  CHECK(alpha["sources"][0]["file"] == "demo_seed.txt");
  CHECK(alpha["reasons"][1]["state"] == "unanswered");
  CHECK(alpha["in_scope"] == true);
  CHECK(alpha["scope"] == "in_scope");
  CHECK(alpha["kind"] == "funding");
  CHECK(alpha["settling_questions"] == nlohmann::json{"kaso", "fiscal_index"});
  CHECK(alpha["amount_questions"] == nlohmann::json{"stay_days"});
  CHECK(alpha["total"]["kind"] == "partial");
  CHECK(alpha["total"]["needs_text"] == "延べ滞在日数を入れると算出");
}

TEST_CASE("a measure several may receive names the one that applies", "[evaluate][recipient]") {
  static const LoadResult rules = test::load_real_rules();
  REQUIRE(rules.catalog);
  const Catalog& c = *rules.catalog;
  // 地域おこし協力隊: prefectures and municipalities each receive the special allocation tax.
  auto reward_recipient = [&](const char* applicant) -> std::string {
    Answers a(c);
    if (applicant) REQUIRE(!a.set("applicant", applicant));
    Evaluation ev = Evaluator(c).evaluate(a);
    for (const auto& mr : result(ev, "chiiki_okoshi_kyoryokutai").measures)
      if (mr.measure->id == "activity_reward") return mr.estimate.recipient ? *mr.estimate.recipient : "(either)";
    FAIL("no measure activity_reward");
    return "";
  };
  CHECK(reward_recipient("prefecture") == "prefecture");
  CHECK(reward_recipient("municipality") == "municipality");
  CHECK(reward_recipient(nullptr) == "(either)");
  CHECK(reward_recipient("individual") == "(either)");

  // Money only local governments receive is no estimate for a company that takes part: its
  // headline is the public grant the company receives, not the national share.
  Answers company(c);
  REQUIRE(!company.set("applicant", "company"));
  Evaluation for_company = Evaluator(c).evaluate(company);
  const Estimate& headline = result(for_company, "local10000").headline;
  REQUIRE(headline.measure);
  CHECK(headline.measure->id == "public_grant_cap");
  REQUIRE(headline.recipient);
  CHECK(*headline.recipient == "company");

  nlohmann::json j = evaluation_json(c, for_company, Lang::Ja);
  for (const auto& p : j["programs"])
    if (p["id"] == "chiiki_okoshi_kyoryokutai")
      for (const auto& m : p["measures"])
        if (m["id"] == "activity_reward") {
          CHECK(m["recipient"].is_null());
          CHECK(m["recipients"] == nlohmann::json{"prefecture", "municipality"});
        }
}

TEST_CASE("a rule that raises an error is reported by every program that has it, and stays unknown", "[evaluate]") {
  // Two programs with the same faulty condition: the evaluation shares the rule's work, and each
  // program still reports the error (a rule bug is shown, never hidden) and stays undecided.
  std::vector<RulesFile> files = test::rules_files(test::fixtures_dir() + "/good");
  const std::string broken =
      R"({"id": "broken", "text": {"ja": "壊れた条件", "en": "Broken"}, "logic": {"<": [{"/": [1, 0]}, 1]},)"
      R"( "source": {"file": "demo_seed.txt", "lines": [4, 4], "fiscal_year": "R8", "quote": "過疎地域"}},)";
  int patched = 0;
  for (auto& f : files)
    if (f.path.find("programs/demo/") != std::string::npos) {
      auto at = f.text.find("\"conditions\": [");
      REQUIRE(at != std::string::npos);
      f.text.insert(at + std::string("\"conditions\": [").size(), broken);
      ++patched;
    }
  REQUIRE(patched == 2);
  LoadResult loaded = load_catalog(files, LoadOptions{});
  REQUIRE(loaded.catalog);
  const Catalog& c = *loaded.catalog;
  Answers a(c);
  REQUIRE(!a.set("applicant", "company"));
  Evaluation ev = Evaluator(c).evaluate(a);
  for (const char* id : {"alpha", "beta"}) {
    const ProgramResult& r = result(ev, id);
    REQUIRE(r.errors.size() == 1);
    CHECK(r.errors[0] == "condition broken: NaN");
    CHECK(r.conditions[0].state == logic::Tri::Unknown);
  }
  CHECK(result(ev, "alpha").status == Status::Ineligible);  // a company: its other conditions decide
  CHECK(result(ev, "beta").status == Status::Unknown);      // everything else met: the error keeps it open
}
