// The wizard's moves, without drawing: the same moves the screens and window.shisaku make.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "wizard.hpp"

using namespace shisaku;
using namespace shisaku::app;

TEST_CASE("a path through the wizard: chapters in order, then the results, then the amounts chapter", "[wizard]") {
  Wizard w(test::demo_catalog());
  CHECK(w.screen() == Screen::Start);
  w.start();
  REQUIRE(w.current_question());
  CHECK(w.current_question()->id == "applicant");
  CHECK(w.answered_count() == 0);
  CHECK(w.progress().chapter == 0);  // あなたについて
  REQUIRE(!w.answer("applicant", "municipality"));
  CHECK(w.current_question()->id == "interests");
  CHECK(w.progress().chapter == 1);  // 取り組みたいこと
  CHECK(w.evaluation().ineligible == 1);
  REQUIRE(!w.answer("interests", nlohmann::json::array({"migration"})));
  CHECK(w.current_question()->id == "kaso");
  ChapterProgress p = w.progress();
  CHECK(p.chapter == 2);  // 地域の条件
  CHECK(p.number == 3);
  CHECK(p.count == 3);  // the amounts chapter is not there yet: nothing is eligible
  CHECK(p.left == 1);   // fiscal_index after this one
  CHECK(w.decides() == std::vector<int>{0});  // alpha
  REQUIRE(!w.answer("kaso", true));
  REQUIRE(!w.answer("fiscal_index", 0.3));
  // Every status is decided: the results, with the amount question kept for later.
  CHECK(w.screen() == Screen::Results);
  CHECK(w.evaluation().eligible == 1);
  CHECK(w.evaluation().amount_questions.size() == 1);
  w.start_amounts();
  REQUIRE(w.current_question());
  CHECK(w.current_question()->id == "stay_days");
  CHECK(w.in_amounts());
  CHECK(w.progress().chapter == test::demo_catalog().interview.amounts_chapter());
  CHECK(w.decides() == std::vector<int>{0});  // alpha's amount
  REQUIRE(!w.answer("stay_days", 100));
  CHECK(w.screen() == Screen::Results);
  CHECK(!w.in_amounts());
  CHECK(w.answered_count() == 5);
}

TEST_CASE("a question asked from a card returns to that card; from the recap, to the recap", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "municipality"));
  REQUIRE(!w.answer("interests", nlohmann::json::array({"all"})));
  w.show_results();  // 「結果を見る」 before the end
  // alpha still needs kaso and fiscal_index: its card asks them one after the other, then
  // returns to the results with the card in view.
  REQUIRE(!w.ask("kaso", "alpha"));
  REQUIRE(!w.answer("kaso", true));
  REQUIRE(w.current_question());
  CHECK(w.current_question()->id == "fiscal_index");
  REQUIRE(!w.answer("fiscal_index", 0.2));
  CHECK(w.screen() == Screen::Results);
  CHECK(w.focus_program() == "alpha");
  // From the recap: back to the recap after the one answer.
  w.clear_focus();
  w.show_recap();
  REQUIRE(!w.ask("fiscal_index"));
  REQUIRE(!w.answer("fiscal_index", 0.4));
  CHECK(w.screen() == Screen::Recap);
  // Back on an asked question is back to where it was asked from.
  REQUIRE(!w.ask("kaso"));
  w.back();
  CHECK(w.screen() == Screen::Recap);
}

TEST_CASE("an amount entered in place re-evaluates and stays on the screen", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "municipality"));
  REQUIRE(!w.answer("interests", nlohmann::json::array({"all"})));
  REQUIRE(!w.answer("kaso", true));
  REQUIRE(!w.answer("fiscal_index", 0.3));
  w.show_detail("alpha");
  REQUIRE(!w.set_in_place("stay_days", 140));
  CHECK(w.screen() == Screen::Detail);
  CHECK(w.detail_program()->total.kind == Total::Kind::Exact);
  CHECK(w.set_in_place("stay_days", -1).has_value());  // out of range: refused, the answer kept
  CHECK(w.detail_program()->total.known == 1000000 + 5000 * 140);
  REQUIRE(!w.set_in_place("stay_days", nullptr));      // taken back
  CHECK(w.detail_program()->total.kind == Total::Kind::Partial);
}

TEST_CASE("a refused answer changes nothing", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  unsigned rev = w.revision();
  CHECK(w.answer("applicant", "mayor").has_value());
  CHECK(w.revision() == rev);
  CHECK(w.current_question()->id == "applicant");
}

TEST_CASE("back shows the previous question with its answer kept", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "municipality"));
  REQUIRE(!w.answer("interests", nlohmann::json::array({"migration"})));
  REQUIRE(!w.answer("kaso", true));
  CHECK(w.current_question()->id == "fiscal_index");
  w.back();
  CHECK(w.current_question()->id == "kaso");
  CHECK(w.answers().answered(w.current_question()->slot));
  w.back();
  CHECK(w.current_question()->id == "interests");
  w.back();
  CHECK(w.current_question()->id == "applicant");
  w.back();
  CHECK(w.screen() == Screen::Start);
  // Changing an earlier answer takes a different path.
  w.start();
  REQUIRE(!w.answer("applicant", "company"));
  REQUIRE(!w.answer("interests", nlohmann::json::array({"finance"})));
  CHECK(w.screen() == Screen::Results);
}

TEST_CASE("skip keeps the question unknown and moves on", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "municipality"));
  REQUIRE(!w.skip("interests"));  // わからない: every theme stays in scope
  REQUIRE(!w.skip("kaso"));
  CHECK(w.current_question()->id == "fiscal_index");
  CHECK(w.answers().skipped(test::demo_catalog().question("kaso")->slot));
}

TEST_CASE("the fragment restores answers and view; a tampered one changes nothing", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "municipality"));
  REQUIRE(!w.answer("kaso", true));
  w.show_results();
  w.show_detail("alpha");
  std::string fragment = w.fragment();
  CHECK(fragment.find("&v=detail:alpha") != std::string::npos);

  Wizard other(test::demo_catalog());
  std::string detail;
  REQUIRE(other.restore("#" + fragment, detail) == ShareError::None);
  CHECK(other.screen() == Screen::Detail);
  CHECK(other.detail_program()->program->id == "alpha");
  CHECK(other.answers().to_json() == w.answers().to_json());
  other.back();
  CHECK(other.screen() == Screen::Results);

  Wizard third(test::demo_catalog());
  std::string tampered = fragment;
  tampered[3] = tampered[3] == 'x' ? 'y' : 'x';
  CHECK(third.restore(tampered, detail) != ShareError::None);
  CHECK(third.screen() == Screen::Start);
  CHECK(third.answers().answered_count() == 0);
}

TEST_CASE("restart forgets everything", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "company"));
  w.restart();
  CHECK(w.screen() == Screen::Start);
  CHECK(w.answers().answered_count() == 0);
  CHECK(w.answered_count() == 0);
}
