// Hostile and broken input: absurd nesting, numbers JSON cannot hold, bytes that are not UTF-8,
// huge files, answers and share links that do not fit the rules. Each is refused with a message
// that names the problem, nothing is half-applied, nothing crashes (no exception escapes either:
// the WebAssembly build aborts on one) and each finishes in bounded time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "answers.hpp"
#include "catalog.hpp"
#include "json_text.hpp"
#include "logic/logic.hpp"
#include "support.hpp"

using namespace shisaku;
using nlohmann::json;

namespace {

// Generous: the sanitizer build is several times slower than the release build.
constexpr double kTimeLimitSeconds = 20;

template <typename F>
double seconds_taken(F&& f) {
  auto start = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

bool mentions(const Problems& problems, const std::string& file, const std::string& words) {
  return std::any_of(problems.begin(), problems.end(), [&](const Problem& p) {
    return p.severity == Severity::Error && p.file == file && p.message.find(words) != std::string::npos;
  });
}

std::string all_messages(const Problems& problems) {
  std::string out;
  for (const auto& p : problems) out += p.to_string() + "\n";
  return out;
}

// The good fixture with one file's text replaced (or added).
std::vector<RulesFile> fixture_with(const std::string& path, const std::string& text) {
  auto files = test::rules_files(test::fixtures_dir() + "/good");
  auto it = std::find_if(files.begin(), files.end(), [&](const RulesFile& f) { return f.path == path; });
  if (it != files.end())
    it->text = text;
  else
    files.push_back({path, text});
  return files;
}

// The good fixture's first program with the logic of its first condition replaced.
std::vector<RulesFile> fixture_with_condition(const std::string& logic_text) {
  const std::string path = "programs/demo/alpha.json";
  auto files = test::rules_files(test::fixtures_dir() + "/good");
  auto it = std::find_if(files.begin(), files.end(), [&](const RulesFile& f) { return f.path == path; });
  REQUIRE(it != files.end());
  const std::string old_logic = R"("logic": {"var": "local_government"})";
  auto at = it->text.find(old_logic);
  REQUIRE(at != std::string::npos);
  it->text.replace(at, old_logic.size(), "\"logic\": " + logic_text);
  return files;
}

// {"!": {"!": … true …}} `depth` levels deep, as text.
std::string nested_not(int depth) {
  std::string text;
  for (int i = 0; i < depth; ++i) text += R"({"!": )";
  text += "true";
  text += std::string(static_cast<std::size_t>(depth), '}');
  return text;
}

// The same, built in memory (no parser in between), without deep copies.
json nested_not_json(int depth) {
  json j = true;
  for (int i = 0; i < depth; ++i) {
    json outer = json::object();
    outer["!"] = std::move(j);
    j = std::move(outer);
  }
  return j;
}

std::optional<Answers> answers_from_text(const Catalog& c, const std::string& text, std::string& error) {
  Problems problems;
  auto j = parse_json(text, "answers.json", problems);
  if (!j) {
    error = problems.empty() ? "" : problems.front().message;
    return std::nullopt;
  }
  return Answers::from_json(c, *j, error);
}

}  // namespace

// ---- nesting ---------------------------------------------------------------------------------

TEST_CASE("a rules file nested 10,000 levels deep is refused by name", "[hostile][nesting]") {
  LoadResult r;
  double t = seconds_taken([&] { r = load_catalog(fixture_with_condition(nested_not(10000))); });
  CHECK(!r.catalog);
  CHECK(mentions(r.problems, "programs/demo/alpha.json", "JSON nested deeper than 256 levels"));
  CHECK(t < kTimeLimitSeconds);
}

TEST_CASE("a 100,000-deep JSON document is refused at the depth limit, its tree never deeper", "[hostile][nesting]") {
  Problems problems;
  std::string text = std::string(100000, '[') + std::string(100000, ']');
  CHECK(!parse_json(text, "deep.json", problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message == "JSON nested deeper than 256 levels");
  // Just under the limit is fine.
  problems.clear();
  CHECK(parse_json(std::string(256, '[') + std::string(256, ']'), "ok.json", problems));
  CHECK(problems.empty());
  // A syntax error deep inside is reported as such, with its place.
  CHECK(!parse_json(std::string(200, '[') + "1,}" + std::string(200, ']'), "broken.json", problems));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("line 1, column") != std::string::npos);
}

TEST_CASE("a rule nested deeper than the compiler allows gets a diagnostic where it starts", "[hostile][nesting]") {
  // 200 levels: valid JSON, too deep a rule.
  LoadResult r = load_catalog(fixture_with_condition(nested_not(200)));
  CHECK(!r.catalog);
  CHECK(mentions(r.problems, "programs/demo/alpha.json", "nested deeper than 128 levels"));
  auto p = std::find_if(r.problems.begin(), r.problems.end(),
                        [](const Problem& x) { return x.message.find("nested deeper than 128") != std::string::npos; });
  REQUIRE(p != r.problems.end());
  CHECK(p->path.rfind("/conditions/0/logic/!/!", 0) == 0);
}

TEST_CASE("a 10,000-deep rule built in memory compiles to an error, not a stack overflow", "[hostile][nesting]") {
  json rule = nested_not_json(10000);
  logic::Expr e;
  double t = seconds_taken([&] { e = logic::Expr::compile(rule); });
  REQUIRE(!e.diagnostics().empty());
  CHECK(e.diagnostics().front().message == "nested deeper than 128 levels");
  logic::Outcome o = e.evaluate(logic::Value());
  CHECK(!o.ok());
  CHECK(o.error_text() == "Invalid Arguments");
  CHECK(t < kTimeLimitSeconds);
  // 100 levels is an ordinary (if silly) rule.
  CHECK(logic::Expr::compile(nested_not_json(100)).evaluate(logic::Value()).value == logic::Value(true));
}

TEST_CASE("a reduce that nests its accumulator stops at the depth limit", "[hostile][nesting]") {
  // Each step wraps the accumulator in one more array: unbounded depth without the limit.
  logic::Array items(100000, logic::Value(1));
  logic::Value data(logic::Object{{"xs", logic::Value(items)}});
  auto e = logic::Expr::compile(json::parse(R"({"reduce": [{"var": "xs"}, [{"var": "accumulator"}], null]})"));
  logic::Outcome o;
  double t = seconds_taken([&] { o = e.evaluate(data); });
  CHECK(!o.ok());
  CHECK(o.error_text() == "Exceeded Allowed Depth");
  CHECK(t < kTimeLimitSeconds);
  // A shallow accumulator is fine however long the list.
  auto sum = logic::Expr::compile(json::parse(R"({"reduce": [{"var": "xs"}, {"+": [{"var": "accumulator"}, {"var": "current"}]}, 0]})"));
  CHECK(sum.evaluate(data).value == logic::Value(100000));
}

TEST_CASE("iterators nested over long lists stop at the iteration limit, quickly", "[hostile][loops]") {
  // Three maps over 2,000 items each: 8 billion steps without the limit.
  auto nested_maps = [](int n, int levels) {
    json items = json::array();
    for (int i = 0; i < n; ++i) items.push_back(i);
    json rule = 1;
    for (int l = 0; l < levels; ++l) rule = json{{"map", json::array({items, rule})}};
    return logic::Expr::compile(rule);
  };
  logic::Outcome o;
  double t = seconds_taken([&] { o = nested_maps(2000, 3).evaluate(logic::Value()); });
  CHECK(!o.ok());
  CHECK(o.error_text() == "Exceeded Allowed Iterations");
  CHECK(t < kTimeLimitSeconds);
  // The same shape within the limit answers (100 × 100 = 10,000 steps).
  logic::Outcome small = nested_maps(100, 2).evaluate(logic::Value());
  REQUIRE(small.ok());
  REQUIRE(small.value.is_array());
  CHECK(small.value.as_array().size() == 100);
}

// ---- numbers ---------------------------------------------------------------------------------

TEST_CASE("numbers beyond double range, NaN and Infinity in JSON are refused by name", "[hostile][numbers]") {
  LoadResult r = load_catalog(fixture_with_condition(R"({"<": [{"var": "fiscal_index"}, 1e400]})"));
  CHECK(!r.catalog);
  INFO(all_messages(r.problems));
  CHECK(mentions(r.problems, "programs/demo/alpha.json", "number overflow"));

  const Catalog& c = test::demo_catalog();
  std::string error;
  CHECK(!answers_from_text(c, R"({"fiscal_index": 1e400})", error));
  CHECK(error.find("number overflow") != std::string::npos);
  for (const char* text : {R"({"fiscal_index": NaN})", R"({"fiscal_index": Infinity})", R"({"fiscal_index": -Infinity})"}) {
    CHECK(!answers_from_text(c, text, error));
    CHECK(error.find("malformed JSON") != std::string::npos);
  }
}

TEST_CASE("negative zero, huge and tiny numbers as answers", "[hostile][numbers]") {
  const Catalog& c = test::demo_catalog();
  const int slot = c.question("fiscal_index")->slot;
  std::string error;
  auto a = answers_from_text(c, R"({"fiscal_index": -0.0})", error);
  REQUIRE(a);
  CHECK(a->value(slot)->as_number() == 0);
  CHECK(!std::signbit(a->value(slot)->as_number()));  // no -0 to leak into share codes or output
  CHECK(!answers_from_text(c, R"({"fiscal_index": 1e308})", error));
  CHECK(error.find("out of range") != std::string::npos);
  CHECK(!answers_from_text(c, R"({"stay_days": 18446744073709551615})", error));
  CHECK(error.find("out of range") != std::string::npos);
  a = answers_from_text(c, R"({"fiscal_index": 5e-324})", error);  // the smallest double survives a share code
  REQUIRE(a);
  ShareError why;
  std::string detail;
  auto back = Answers::from_share_string(c, a->to_share_string(), why, detail);
  REQUIRE(back);
  CHECK(back->value(slot)->as_number() == 5e-324);
}

TEST_CASE("arithmetic that overflows or meets NaN raises instead of inventing a number", "[hostile][numbers]") {
  auto run = [](const char* rule) { return logic::Expr::compile(json::parse(rule)).evaluate(logic::Value()); };
  CHECK(run(R"({"*": ["Infinity", 0]})").error_text() == "NaN");
  CHECK(run(R"({"*": ["1e400", 10, null]})").error_text() == "NaN");
  CHECK(run(R"({"-": ["1e400", "1e400"]})").error_text() == "NaN");
  CHECK(run(R"({"/": [1, "-0"]})").error_text() == "NaN");
  // Beyond double range: one rule for every result that is not a finite number.
  CHECK(run(R"({"*": [1e300, 1e300]})").error_text() == "NaN");
  CHECK(run(R"({"+": [1.79e308, 1.79e308]})").error_text() == "NaN");
  // Positions far outside the text (undefined behaviour to convert to an integer) are clamped.
  CHECK(run(R"({"substr": ["abc", 1e300]})").value == logic::Value(""));
  CHECK(run(R"({"substr": ["abc", -1e300, 1e300]})").value == logic::Value("abc"));
  CHECK(run(R"({"val": [[1e300], "a"]})").ok());
}

// ---- text that is not UTF-8 -------------------------------------------------------------------

TEST_CASE("rules files with bytes that are not UTF-8, or overlong UTF-8, are refused by name", "[hostile][utf8]") {
  for (const char* bad : {"\xff", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80"}) {  // invalid, overlong ×2, surrogate
    std::string logic = std::string(R"({"==": [{"var": "applicant"}, ")") + bad + R"("]})";
    LoadResult r = load_catalog(fixture_with_condition(logic));
    CHECK(!r.catalog);
    INFO(all_messages(r.problems));
    CHECK(mentions(r.problems, "programs/demo/alpha.json", "ill-formed UTF-8"));
  }
}

TEST_CASE("answers and share codes with bytes that are not UTF-8 are refused by name", "[hostile][utf8]") {
  const Catalog& c = test::demo_catalog();
  std::string error;
  CHECK(!answers_from_text(c, "{\"applicant\": \"\xc0\xaf\"}", error));
  CHECK(error.find("ill-formed UTF-8") != std::string::npos);
  ShareError why;
  std::string detail;
  CHECK(!Answers::from_share_string(c, "AQ\xff\xfe\xc0\xaf", why, detail));
  CHECK(why == ShareError::Malformed);
  CHECK(detail.find("not a share code") != std::string::npos);
}

TEST_CASE("text that is not UTF-8 built in memory is printed, never thrown on", "[hostile][utf8]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  std::optional<std::string> refusal;
  CHECK_NOTHROW(refusal = a.set("applicant", json(std::string("mayor\xff"))));
  REQUIRE(refusal);
  CHECK(refusal->find("mayor\xef\xbf\xbd") != std::string::npos);  // U+FFFD in place of the byte
  std::string error;
  CHECK_NOTHROW(Answers::from_json(c, json{{"answers", json::object()}, {"skipped", {std::string("\xc0\xaf")}}}, error));
  CHECK(error.find("\"skipped\" names no question") != std::string::npos);
  // A thrown value without a "type", and a bundle whose file name is not UTF-8.
  json thrown = json::object();
  thrown["why"] = std::string("\xff");
  json rule = json::object();
  rule["throw"]["preserve"] = thrown;
  logic::Outcome o = logic::Expr::compile(rule).evaluate(logic::Value());
  std::string text;
  CHECK_NOTHROW(text = o.error_text());
  CHECK(text == "{\"why\":\"\xef\xbf\xbd\"}");
  CHECK_NOTHROW(json_text(bundle({{std::string("programs/\xff.json"), "{}"}})));
}

// ---- size --------------------------------------------------------------------------------------

TEST_CASE("a 10 MB answers file is refused quickly, naming the answer", "[hostile][size]") {
  const Catalog& c = test::demo_catalog();
  std::string error;
  std::string huge_value = R"({"applicant": ")" + std::string(10 << 20, 'x') + R"("})";
  double t = seconds_taken([&] { CHECK(!answers_from_text(c, huge_value, error)); });
  CHECK(error.find("\"applicant\" takes one of") != std::string::npos);
  CHECK(error.size() < 300);  // the value is cut, not echoed
  CHECK(t < kTimeLimitSeconds);

  std::string many_keys = "{";
  const std::string padding(90, 'x');  // long keys: 10 MB in about 100,000 of them
  for (int i = 0; many_keys.size() < (10u << 20); ++i) many_keys += "\"q" + std::to_string(i) + padding + "\": true, ";
  many_keys += "\"kaso\": true}";
  t = seconds_taken([&] { CHECK(!answers_from_text(c, many_keys, error)); });
  CHECK(error.find("there is no question \"q") != std::string::npos);
  CHECK(t < kTimeLimitSeconds);
}

// ---- answers and share links that do not fit the rules -----------------------------------------

TEST_CASE("an answer to a question that does not exist is refused and nothing is applied", "[hostile][answers]") {
  const Catalog& c = test::demo_catalog();
  std::string error;
  CHECK(!Answers::from_json(c, json{{"answers", {{"kaso", true}, {"no_such_question", 3}}}}, error));
  CHECK(error == "there is no question \"no_such_question\"");
  CHECK(!Answers::from_json(c, json{{"answers", {{"kaso", true}}}, {"skipped", {"nope"}}}, error));
  CHECK(error == "\"skipped\" names no question: \"nope\"");
}

TEST_CASE("a share link from an older rules version is refused as outdated", "[hostile][share]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  const std::string code = a.to_share_string();
  // The same rules with one question reworded: a new fingerprint, as after a rules update.
  auto files = test::rules_files(test::fixtures_dir() + "/good");
  for (auto& f : files)
    if (f.path == "questions/00-basics.json") f.text.replace(f.text.find("立場は？"), std::string("立場は？").size(), "あなたの立場は？");
  LoadResult newer = load_catalog(files);
  INFO(all_messages(newer.problems));
  REQUIRE(newer.catalog);
  REQUIRE(newer.catalog->fingerprint != c.fingerprint);
  ShareError why;
  std::string detail;
  CHECK(!Answers::from_share_string(*newer.catalog, code, why, detail));
  CHECK(why == ShareError::Outdated);
  CHECK(detail == "made with rules " + c.fingerprint + ", current rules are " + newer.catalog->fingerprint);
}

TEST_CASE("a share link cut anywhere is refused, never misread", "[hostile][share]") {
  const Catalog& c = test::demo_catalog();
  Answers a(c);
  REQUIRE(!a.set("applicant", "municipality"));
  REQUIRE(!a.set("fiscal_index", 0.45));
  REQUIRE(!a.set("interests", json::array({"finance"})));
  std::string code = a.to_share_string();
  for (std::size_t n = 0; n < code.size(); ++n) {
    ShareError why;
    std::string detail;
    INFO(code.substr(0, n));
    CHECK(!Answers::from_share_string(c, code.substr(0, n), why, detail));
    CHECK((why == ShareError::Malformed || why == ShareError::Corrupted));
    CHECK(!detail.empty());
  }
}

TEST_CASE("a definition that refers to itself is refused by name", "[hostile][rules]") {
  LoadResult r = test::load_fixture(test::fixtures_dir() + "/bad/definition_refers_to_itself");
  CHECK(!r.catalog);
  CHECK(mentions(r.problems, "definitions/00-basics.json", "refers to itself"));
}

// ---- found by fuzzing (scripts/fuzz) ---------------------------------------------------------

TEST_CASE("fuzz_logic: a variable name computed by an iterator reads the scope after it", "[hostile][fuzz]") {
  // var and val held a reference into the evaluator's scope stack while evaluating the name; an
  // iterator inside the name grows that stack, and the reference dangled (heap-use-after-free
  // under ASan, garbage or a crash without it).
  auto run = [](const char* rule, const char* data) {
    return logic::Expr::compile(json::parse(rule)).evaluate(logic::Value::from_json(json::parse(data)));
  };
  CHECK(run(R"({"var": {"cat": {"filter": [["x"], true]}}})", R"({"x": 5})").value == logic::Value(5));
  CHECK(run(R"({"var": [{"cat": {"map": [["y"], {"var": ""}]}}, "fallback"]})", R"({"x": 5})").value == logic::Value("fallback"));
  CHECK(run(R"({"val": [{"cat": {"map": [["x"], {"var": ""}]}}]})", R"({"x": 5})").value == logic::Value(5));
  CHECK(run(R"({"exists": [{"cat": {"filter": [["x"], true]}}]})", R"({"x": 5})").value == logic::Value(true));
  // The input the fuzzer found (shortened): max over a var whose name is a filter.
  logic::Outcome o = run(R"({"max": {"var": [{"filter": [{"val": "people"}, {"===": [{"val": "d"}, "E"]}]}, {"val": "salary"}]}})",
                         R"({"people": [{"d": "E", "salary": 1}, {"d": "S", "salary": 2}]})");
  CHECK(!o.ok());  // the name is an array, so the var reads the whole data: no number for max
  CHECK(o.error_text() == "Invalid Arguments");
}
