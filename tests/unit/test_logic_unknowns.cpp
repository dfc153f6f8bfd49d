// The evaluator in rule mode: unanswered questions are unknown, and every operator answers
// with Kleene logic and interval arithmetic instead of guessing.
#include <catch2/catch.hpp>

#include <limits>

#include "logic/logic.hpp"

using namespace shisaku::logic;
using nlohmann::json;

namespace {

// Slots: 0 kaso (bool), 1 applicant (string), 2 days (number), 3 cost (number).
const std::vector<std::string> kNames = {"kaso", "applicant", "days", "cost"};

Expr rule(const json& j) {
  CompileOptions o;
  o.portable_only = true;
  o.resolver = [](const std::vector<std::string>& path) {
    Resolution r;
    for (std::size_t i = 0; i < kNames.size(); ++i)
      if (kNames[i] == path[0]) {
        r.kind = Resolution::Kind::Slot;
        r.slot = static_cast<int>(i);
        return r;
      }
    r.error = "unknown " + path[0];
    return r;
  };
  Expr e = Expr::compile(j, o);
  REQUIRE(e.diagnostics().empty());
  return e;
}

std::vector<Value> unanswered() { return {Value::unknown(), Value::unknown(), Value::range(0, 365), Value::range(0, std::numeric_limits<double>::infinity())}; }

Value run(const json& j, const std::vector<Value>& slots) {
  Outcome o = rule(j).evaluate(slots);
  REQUIRE(o.ok());
  return o.value;
}

json var(const char* name) { return {{"var", name}}; }

}  // namespace

TEST_CASE("a missing answer is unknown, never false, 0 or empty", "[logic][unknown]") {
  auto s = unanswered();
  CHECK(run(var("kaso"), s).is_unknown());
  CHECK(run({{"!", var("kaso")}}, s).is_unknown());
  CHECK(run({{"==", {var("applicant"), "municipality"}}}, s).is_unknown());
  CHECK(run({{"!=", {var("applicant"), "municipality"}}}, s).is_unknown());
  CHECK(run({{"in", {var("applicant"), {"a", "b"}}}}, s).is_unknown());
  // A default does not turn an unanswered question into a value.
  CHECK(run({{"var", {"kaso", false}}}, s).is_unknown());
}

TEST_CASE("and/or follow Kleene logic", "[logic][unknown]") {
  auto s = unanswered();
  json f = {{"==", {1, 2}}};
  json t = {{"==", {1, 1}}};
  CHECK(run({{"and", {var("kaso"), f}}}, s) == Value(false));
  CHECK(run({{"and", {f, var("kaso")}}}, s) == Value(false));
  CHECK(run({{"and", {var("kaso"), t}}}, s).is_unknown());
  CHECK(run({{"or", {var("kaso"), t}}}, s) == Value(true));
  CHECK(run({{"or", {var("kaso"), f}}}, s).is_unknown());
  s[0] = Value(true);
  CHECK(run({{"and", {var("kaso"), t}}}, s) == Value(true));
}

TEST_CASE("comparisons with unanswered numbers use the question's range", "[logic][unknown]") {
  auto s = unanswered();  // days ∈ [0, 365]
  CHECK(run({{"<", {var("days"), 400}}}, s) == Value(true));
  CHECK(run({{">", {var("days"), 400}}}, s) == Value(false));
  CHECK(run({{"<", {var("days"), 30}}}, s).is_unknown());
  CHECK(run({{"==", {var("days"), 500}}}, s) == Value(false));
  CHECK(run({{"==", {var("days"), 30}}}, s).is_unknown());
  CHECK(run({{"<=", {0, var("days"), 365}}}, s) == Value(true));
}

TEST_CASE("amounts become ranges when a cap bounds them", "[logic][unknown]") {
  auto s = unanswered();
  // cost unbounded above: min(cost × 1/2, cap) ∈ [0, cap]
  Value v = run({{"min", {{{"*", {var("cost"), 0.5}}}, 3000000}}}, s);
  REQUIRE(v.is_range());
  CHECK(v.as_range().lo == 0);
  CHECK(v.as_range().hi == 3000000);
  // base + per day × days, days ∈ [0, 365]
  v = run({{"+", {1000000, {{"*", {5000, var("days")}}}}}}, s);
  REQUIRE(v.is_range());
  CHECK(v.as_range().lo == 1000000);
  CHECK(v.as_range().hi == 1000000 + 5000 * 365);
  // An answered input gives the number.
  s[2] = Value(10.0);
  CHECK(run({{"+", {1000000, {{"*", {5000, var("days")}}}}}}, s) == Value(1050000.0));
  // Unknown (not a range) stays unknown through arithmetic.
  CHECK(run({{"+", {var("kaso"), 1}}}, s).is_unknown());
}

TEST_CASE("if with an unknown condition merges its branches", "[logic][unknown]") {
  auto s = unanswered();
  Value v = run({{"if", {var("kaso"), 20000000, 15000000}}}, s);
  REQUIRE(v.is_range());
  CHECK(v.as_range().lo == 15000000);
  CHECK(v.as_range().hi == 20000000);
  CHECK(run({{"if", {var("kaso"), "a", "a"}}}, s) == Value("a"));
  CHECK(run({{"if", {var("kaso"), "a", "b"}}}, s).is_unknown());
  s[0] = Value(false);
  CHECK(run({{"if", {var("kaso"), 20000000, 15000000}}}, s) == Value(15000000.0));
}

TEST_CASE("missing_slots names only the answers that can still change the value", "[logic][unknown]") {
  auto s = unanswered();
  Expr e = rule({{"and", {var("kaso"), {{"==", {var("applicant"), "municipality"}}}}}});
  CHECK(e.missing_slots(s) == std::vector<int>{0, 1});
  s[1] = Value("company");  // decides the and: nothing is missing any more
  CHECK(e.missing_slots(s).empty());

  s = unanswered();
  s[0] = Value(false);
  Expr cond = rule({{"if", {var("kaso"), var("days"), var("cost")}}});
  CHECK(cond.missing_slots(s) == std::vector<int>{3});  // only the branch taken
  CHECK(cond.slots_used() == std::vector<int>{0, 2, 3});
}

TEST_CASE("rule mode refuses what would hide an unknown or cannot be checked", "[logic]") {
  CompileOptions o;
  o.portable_only = true;
  o.resolver = [](const std::vector<std::string>& p) {
    Resolution r;
    r.error = "unknown " + p[0];
    return r;
  };
  CHECK(!Expr::compile({{"missing", {"kaso"}}}, o).diagnostics().empty());
  CHECK(!Expr::compile({{"val", "kaso"}}, o).diagnostics().empty());
  CHECK(!Expr::compile({{"var", {{"cat", {"ka", "so"}}}}}, o).diagnostics().empty());
  CHECK(!Expr::compile({{"var", "nope"}}, o).diagnostics().empty());
  CHECK(!Expr::compile({{"frobnicate", {1}}}, o).diagnostics().empty());
}

TEST_CASE("errors travel as values, not exceptions", "[logic]") {
  Outcome o = Expr::compile({{"/", {1, 0}}}).evaluate(Value());
  CHECK(!o.ok());
  CHECK(o.error_text() == "NaN");
  o = Expr::compile({{"try", {{{"throw", "x"}}, 7}}}).evaluate(Value());
  REQUIRE(o.ok());
  CHECK(o.value == Value(7));
}

TEST_CASE("rules of the same shape are recognised, and only those", "[logic][shape]") {
  auto same = [](const json& a, const json& b) {
    Expr x = rule(a), y = rule(b);
    bool s = x.same_shape(y);
    if (s) CHECK(x.shape_hash() == y.shape_hash());  // equal shapes must hash alike
    return s;
  };
  CHECK(same(json::parse(R"({"in": [{"var": "applicant"}, ["municipality", "prefecture"]]})"),
             json::parse(R"({"in": [{"var": "applicant"}, ["municipality", "prefecture"]]})")));
  CHECK_FALSE(same(json::parse(R"({"in": [{"var": "applicant"}, ["municipality", "prefecture"]]})"),
                   json::parse(R"({"in": [{"var": "applicant"}, ["prefecture", "municipality", "company"]]})")));
  CHECK_FALSE(same(json::parse(R"({"==": [{"var": "kaso"}, true]})"), json::parse(R"({"==": [{"var": "applicant"}, true]})")));
  CHECK_FALSE(same(json::parse(R"({"<": [{"var": "days"}, 30]})"), json::parse(R"({"<": [{"var": "days"}, 31]})")));
  CHECK_FALSE(same(json::parse(R"({"<": [{"var": "days"}, 30]})"), json::parse(R"({"<=": [{"var": "days"}, 30]})")));
  CHECK_FALSE(same(json::parse(R"({"/": [1, 0]})"), json::parse(R"({"/": [1, -0.0]})")));  // Infinity, -Infinity
}

TEST_CASE("a definite result that is not a finite number raises NaN; an open range stays open", "[logic][overflow]") {
  auto data_mode = [](const json& j) { return Expr::compile(j).evaluate(Value()); };
  for (const json& j : {json::parse(R"({"+": [1.79e308, 1.79e308]})"), json::parse(R"({"*": [1e308, 10]})"),
                        json::parse(R"({"-": [-1.79e308, 1.79e308]})"), json::parse(R"({"/": [2, 0]})")}) {
    Outcome o = data_mode(j);
    INFO(j.dump());
    REQUIRE(!o.ok());
    CHECK(o.error_text() == "NaN");
  }
  CHECK(data_mode(json::parse(R"({"+": [1e308, 1e308, -1e308]})")).error_text() == "NaN");  // overflow on the way counts
  // An unanswered cost with no maximum: the amount is a range open above, not an error.
  Value v = run(json::parse(R"({"*": [{"var": "cost"}, 2]})"), unanswered());
  REQUIRE(v.is_partial());
  CHECK(std::isinf(v.as_range().hi));
}

TEST_CASE("log returns its argument and prints nothing", "[logic][log]") {
  CHECK(Expr::compile(json::parse(R"({"log": "apple"})")).evaluate(Value()).value.as_string() == "apple");
  CHECK(Expr::compile(json::parse(R"({"log": [1, 2]})")).evaluate(Value()).value.as_number() == 1);
  CHECK(Expr::compile(json::parse(R"({"+": [{"log": 2}, 3]})")).evaluate(Value()).value.as_number() == 5);
  CHECK(run(json::parse(R"({"log": {"var": "kaso"}})"), unanswered()).is_unknown());
}
