// The wizard's moves, without drawing: the same moves the screens and window.shisaku make.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "wizard.hpp"

using namespace shisaku;
using namespace shisaku::app;

TEST_CASE("a path through the wizard ends with the results", "[wizard]") {
  Wizard w(test::demo_catalog());
  CHECK(w.screen() == Screen::Start);
  w.start();
  REQUIRE(w.current_question());
  CHECK(w.current_question()->id == "applicant");
  CHECK(w.progress_done() == 0);
  REQUIRE(!w.answer("applicant", "municipality"));
  CHECK(w.current_question()->id == "kaso");
  CHECK(w.evaluation().ineligible == 1);
  REQUIRE(!w.answer("kaso", true));
  REQUIRE(!w.answer("fiscal_index", 0.3));
  CHECK(w.current_question()->id == "stay_days");
  CHECK(w.progress_done() == 3);
  CHECK(w.progress_total() == 4);
  REQUIRE(!w.answer("stay_days", 100));
  CHECK(w.screen() == Screen::Results);
  CHECK(w.evaluation().eligible == 1);
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
  REQUIRE(!w.answer("kaso", true));
  CHECK(w.current_question()->id == "fiscal_index");
  w.back();
  CHECK(w.current_question()->id == "kaso");
  CHECK(w.answers().answered(w.current_question()->slot));
  w.back();
  CHECK(w.current_question()->id == "applicant");
  w.back();
  CHECK(w.screen() == Screen::Start);
  // Changing an earlier answer takes a different path.
  w.start();
  REQUIRE(!w.answer("applicant", "company"));
  CHECK(w.screen() == Screen::Results);
}

TEST_CASE("skip keeps the question unknown and moves on", "[wizard]") {
  Wizard w(test::demo_catalog());
  w.start();
  REQUIRE(!w.answer("applicant", "municipality"));
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
  CHECK(w.progress_done() == 0);
}
