// Answers are checked against their question, and survive JSON and share-string round-trips;
// a tampered, truncated or outdated share string is refused with the reason.
#include <catch2/catch.hpp>

#include "answers.hpp"
#include "support.hpp"

using namespace shisaku;
using nlohmann::json;

namespace {
Answers full_answers(const Catalog& c) {
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  REQUIRE(!a.set("kaso", true));
  REQUIRE(!a.set("fiscal_index", 0.45));
  REQUIRE(!a.set("stay_days", 140));
  REQUIRE(!a.set("interests", json::array({"finance", "migration"})));
  return a;
}
}  // namespace

TEST_CASE("answers are refused when they do not fit their question", "[answers]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  CHECK(a.set("nope", true).value().find("no question \"nope\"") != std::string::npos);
  CHECK(a.set("kaso", "yes").value().find("true or false") != std::string::npos);
  CHECK(a.set("applicant", "mayor").value().find("one of municipality, company, individual") != std::string::npos);
  CHECK(a.set("fiscal_index", 7).value().find("out of range") != std::string::npos);
  CHECK(a.set("stay_days", 1.5).value().find("whole number") != std::string::npos);
  CHECK(a.set("interests", json::array({"finance", "finance"})).has_value());
  CHECK(a.set("interests", "finance").has_value());
  CHECK(a.answered_count() == 0);  // nothing half-applied
  REQUIRE(!a.set("kaso", true));
  CHECK(a.set("kaso", 1).has_value());
  CHECK(*a.value(c.question("kaso")->slot) == logic::Value(true));  // the refused answer kept the old one
}

TEST_CASE("answers round-trip through JSON", "[answers]") {
  const Catalog& c = test::demo_catalog();
  Answers a = full_answers(c);
  a.clear(c.question("stay_days")->slot);
  a.skip(c.question("stay_days")->slot);
  std::string error;
  auto b = Answers::from_json(c, a.to_json(), error);
  REQUIRE(b);
  CHECK(b->to_json() == a.to_json());
  CHECK(b->skipped(c.question("stay_days")->slot));
  // A bare object works too; unknown ids are refused.
  CHECK(Answers::from_json(c, json{{"kaso", true}}, error));
  CHECK(!Answers::from_json(c, json{{"kasoo", true}}, error));
  CHECK(error.find("kasoo") != std::string::npos);
  CHECK(!Answers::from_json(c, json{{"answers", {{"kaso", true}}}, {"skipped", {"kaso"}}}, error));
}

TEST_CASE("share strings round-trip every kind of answer", "[answers][share]") {
  const Catalog& c = test::demo_catalog();
  Answers a = full_answers(c);
  std::string s = a.to_share_string();
  CHECK(s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos);
  ShareError why;
  std::string detail;
  auto b = Answers::from_share_string(c, s, why, detail);
  REQUIRE(b);
  CHECK(b->to_json() == a.to_json());
  // Skipped questions and empty answer sets too.
  Answers e(c);
  e.skip(c.question("kaso")->slot);
  auto e2 = Answers::from_share_string(c, e.to_share_string(), why, detail);
  REQUIRE(e2);
  CHECK(e2->skipped(c.question("kaso")->slot));
}

TEST_CASE("a tampered or cut share string is refused with the reason", "[answers][share]") {
  const Catalog& c = test::demo_catalog();
  std::string s = full_answers(c).to_share_string();
  ShareError why;
  std::string detail;
  for (std::size_t i = 0; i < s.size(); ++i) {
    std::string t = s;
    t[i] = t[i] == 'A' ? 'B' : 'A';
    CHECK(!Answers::from_share_string(c, t, why, detail));
    CHECK((why == ShareError::Corrupted || why == ShareError::Malformed));
  }
  CHECK(!Answers::from_share_string(c, s.substr(0, s.size() / 2), why, detail));
  CHECK(why != ShareError::None);
  CHECK(!Answers::from_share_string(c, s + "%", why, detail));
  CHECK(why == ShareError::Malformed);
  CHECK(!Answers::from_share_string(c, "", why, detail));
}

TEST_CASE("a share string from other rules is detected as outdated", "[answers][share]") {
  const Catalog& c = test::demo_catalog();
  std::string s = full_answers(c).to_share_string();
  // The same rules with one figure changed: a different fingerprint.
  auto files = test::rules_files(test::fixtures_dir() + "/good");
  for (auto& f : files)
    if (f.path == "programs/demo/beta.json") f.text.replace(f.text.find("50000000"), 8, "60000000");
  LoadResult other = load_catalog(files);
  REQUIRE(other.catalog);
  REQUIRE(other.catalog->fingerprint != c.fingerprint);
  ShareError why;
  std::string detail;
  CHECK(!Answers::from_share_string(*other.catalog, s, why, detail));
  CHECK(why == ShareError::Outdated);
  CHECK(detail.find(c.fingerprint) != std::string::npos);
}
