// The rules, loaded and checked: questions, definitions and programs, with every JsonLogic
// expression compiled against the slots of the answer set. Built from in-memory files so the
// CLI (reading rules/) and the web app (reading the parts of rules_bundle.hpp) share one path.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diagnostics.hpp"
#include "logic/logic.hpp"
#include "text.hpp"

namespace shisaku {

struct SourceRef {
  std::string file;
  int first_line = 0;
  int last_line = 0;
  std::string fiscal_year;  // "R8"; may be empty where the format allows it
  std::string quote;
};

struct Option {
  std::string value;
  Text label;
  Text help;
  logic::Value interned;  // `value` from the catalog's interner: what an answer holds
};

enum class QuestionType { Boolean, Single, Multi, Number };

struct Question {
  std::string id;
  QuestionType type = QuestionType::Boolean;
  Text text;
  Text help;
  // A few words naming what it asks ("受入れ人数"): a card says 「受入れ人数を入れると算出」.
  Text short_label;
  std::vector<Option> options;
  std::string unit;
  double min = 0;
  double max = 0;
  bool has_min = false;
  bool has_max = false;
  double step = 0;
  bool integer = false;
  std::optional<logic::Expr> ask_if;
  int slot = -1;
  std::string file;

  const Option* option(const std::string& value) const;
  int option_index(const std::string& value) const;
};

struct Definition {
  std::string id;
  Text text;
  logic::Expr logic;
  int slot = -1;
  std::string file;
};

struct FigureVersion {
  double value = 0;
  std::string fiscal_year;
  SourceRef source;
};

struct Figure {
  std::string name;
  double value = 0;
  std::string unit;
  Text label;
  std::string fiscal_year;
  SourceRef source;
  std::vector<FigureVersion> history;
};

struct Condition {
  std::string id;
  Text text;
  logic::Expr logic;
  SourceRef source;
};

struct Measure {
  std::string id;
  std::string kind;
  Text label;
  std::optional<logic::Expr> applies_if;
  std::optional<logic::Expr> amount;
  std::string unit;
  std::string meaning;
  // Who receives the support (applicant codes). Several when it goes to whichever of them
  // applies, e.g. the prefecture or the municipality that spends and is compensated.
  std::vector<std::string> recipients;
  Text per;
  Text note;
  std::vector<std::string> figures_used;  // names of figures the amount reads
  std::vector<int> inputs;                // question slots the amount reads directly
};

struct Contact {
  Text division;
  std::string phone;
  std::string url;
  std::string email;
  SourceRef source;
};

// One step of 「次にすること」, as a seed states it: who applies and through whom, when
// (公募・要望調査, deadlines, periods), or what to prepare.
enum class StepKind { Apply, When, Prepare };
struct NextStep {
  StepKind kind = StepKind::Apply;
  Text text;
  SourceRef source;
};
const char* step_kind_name(StepKind k);  // "apply", "when", "prepare"

// What one fiscal year did to a program: 【新規】【拡充】【延長】, another change (a rate cut, a
// tighter rule: 見直し), or listed unchanged.
enum class NoveltyKind { New, Expanded, Extended, Changed, Unchanged };
struct Novelty {
  std::string fiscal_year;
  NoveltyKind kind = NoveltyKind::Unchanged;
  Text text;  // what changed (empty for unchanged)
  SourceRef source;
};
const char* novelty_kind_name(NoveltyKind k);  // "new", "expanded", "extended", "changed", "unchanged"

struct Budget {
  double value = 0;
  std::string unit;
  Text label;
  std::string fiscal_year;
  SourceRef source;
};

struct Program {
  std::string id;
  Text name;
  Text summary;
  Text supports;
  std::string ministry;
  std::vector<std::string> applicants;
  std::vector<std::string> themes;
  std::vector<Contact> contacts;
  std::vector<SourceRef> sources;
  std::vector<Condition> conditions;
  std::vector<Figure> figures;
  std::vector<Measure> measures;
  // Measures whose amounts add up to what the program gives (distinct kinds of cost, each with
  // its own cap); empty: the headline measure alone is the total.
  std::vector<std::string> total_of;
  std::vector<NextStep> next_steps;
  std::vector<Budget> budget;
  std::vector<Text> caveats;
  std::vector<Novelty> novelty;  // by fiscal year, oldest first
  std::vector<std::string> related;
  std::string file;

  const Figure* figure(const std::string& name) const;
  // The newest fiscal year's entry (nullptr when there is none).
  const Novelty* latest_novelty() const { return novelty.empty() ? nullptr : &novelty.back(); }
};

// A program a seed only names (e.g. a ministry's list of support tools): found in the catalog
// and listed with its theme, never evaluated, since the seed gives no condition or amount.
struct Listing {
  std::string id;
  Text name;
  std::string ministry;
  std::vector<std::string> themes;
  Text note;  // what the seed says of it, e.g. "a support tool for decarbonisation"
  SourceRef source;
  std::string file;
};

// The option of the interests question that keeps every theme in scope (すべて).
constexpr const char* kAllThemes = "all";

// The interview's chapters (rules/interview.json; docs/decisions/0007-interview-chapters.md).
// The basic chapters come first, in order; then one chapter per family of programs; then the
// optional amounts chapter.
struct BasicChapter {
  std::string id;
  Text title;
  std::vector<int> questions;  // slots, in the order they are asked
};

struct Family {
  std::string id;
  Text title;
  int gate = -1;               // a yes/no question: "no" sets the family aside (-1: none)
  std::vector<int> programs;   // indices into Catalog::programs, in the order they are asked
};

struct InterviewSpec {
  std::vector<BasicChapter> basics;
  int interests = -1;          // slot of the multi-choice question over the themes
  int purpose_chapter = -1;    // the basic chapter holding it, where the gates are asked too
  std::vector<Family> families;
  Text amounts_title;
  std::vector<int> family_of;  // per program index
  // Per question slot, the chapter a recap files it under: a basic chapter's index, or
  // basics.size() + a family's index (the first family whose conditions read it), or
  // amounts_chapter() (it only refines amounts), or -1 (read by nothing).
  std::vector<int> chapter_of;
  int family_chapter(int family) const { return static_cast<int>(basics.size()) + family; }
  int amounts_chapter() const { return static_cast<int>(basics.size() + families.size()); }
  int chapter_count() const { return amounts_chapter() + 1; }
  bool is_gate(int slot) const;
  // A chapter's id ("about_you", a family's id, "amounts") and title.
  const std::string& chapter_id(int chapter) const;
  const Text& chapter_title(int chapter) const;
};

// Code lists from meta.json: code → label.
using CodeList = std::map<std::string, Text>;

struct Meta {
  std::string rules_version;
  Text title;
  struct Seed {
    std::string file;
    Text title;
    std::string fiscal_year;
  };
  std::vector<Seed> seeds;
  CodeList ministries, themes, applicants, measure_kinds, amount_meanings, units;
  // The kinds of support the results group by, in their order, each over measure kinds.
  struct SupportGroup {
    std::string id;
    Text label;
    std::vector<std::string> kinds;
  };
  std::vector<SupportGroup> support_groups;
};

// One rules file in memory: its path relative to the rules directory and its text.
struct RulesFile {
  std::string path;
  std::string text;
};

// One rules file already parsed (the web app's bundle parts): the caller keeps `content` alive
// while loading. Saves a second parse, which is most of the app's start-up.
struct ParsedRulesFile {
  std::string path;
  const nlohmann::json* content = nullptr;
};

// The kind of support a program is, for grouping the results: the first support group (in
// meta.json order) holding one of its measures' kinds; -1 when none does.
struct Program;
struct Catalog;
int support_group_of(const Catalog& catalog, const Program& program);

struct Catalog {
  Meta meta;
  std::vector<Question> questions;      // declared order; slot == index
  std::vector<Definition> definitions;  // slots after the questions
  std::vector<Program> programs;        // sorted by ministry, then id
  std::vector<Listing> listings;        // named only (rules/listed/), sorted by ministry, then id
  InterviewSpec interview;
  // A short hash of every rules file: share links carry it to detect outdated links.
  std::string fingerprint;
  // The texts of options and rules, shared (answers compare with rules by address).
  std::shared_ptr<logic::Interner> interner = std::make_shared<logic::Interner>();

  std::size_t slot_count() const { return questions.size() + definitions.size(); }
  // Over all programs.
  std::size_t condition_count() const;
  std::size_t measure_count() const;
  const Question* question(const std::string& id) const;
  const Program* program(const std::string& id) const;
  // Name of a slot (question or definition id).
  const std::string& slot_name(int slot) const;
  bool is_question_slot(int slot) const { return slot >= 0 && static_cast<std::size_t>(slot) < questions.size(); }
};

struct LoadResult {
  std::optional<Catalog> catalog;  // empty when there are errors
  Problems problems;               // errors and lint warnings
};

struct LoadOptions {
  // Seed texts by file name; when given, every citation's lines and quote are checked.
  std::map<std::string, std::string> seeds;
  // Loading a part of a web bundle (rules_bundle.hpp): texts in one language, details absent,
  // and the fingerprint of the whole rules given rather than computed.
  bool partial = false;
  std::string fingerprint;
};

LoadResult load_catalog(const std::vector<RulesFile>& files, const LoadOptions& options = {});
LoadResult load_catalog(const std::vector<ParsedRulesFile>& files, const LoadOptions& options = {});

// The rules as one JSON document, {"files": {path: content}}: the shape each web bundle part
// (rules_bundle.hpp) cuts from; the tests and the fuzzer check that loading survives the trip.
nlohmann::json bundle(const std::vector<RulesFile>& files);
// Its inverse; problems name the bundle.
std::vector<RulesFile> unbundle(const std::string& bundle_text, Problems& problems);

// Deeper JSON is refused: the tools that read it (nlohmann's dump, Value, the rule compiler)
// recurse once per level.
constexpr std::size_t kMaxJsonDepth = 256;

// Parses JSON without exceptions; on failure (a syntax error, with line and column, or nesting
// deeper than kMaxJsonDepth) adds a problem and returns nullopt.
std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& file, Problems& problems);

}  // namespace shisaku
