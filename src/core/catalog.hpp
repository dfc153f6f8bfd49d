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

struct Dated {
  Text text;
  SourceRef source;
};

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
  std::vector<Dated> schedule;
  std::vector<Budget> budget;
  std::vector<Text> caveats;
  Text status_note;
  std::vector<std::string> related;
  std::string file;

  const Figure* figure(const std::string& name) const;
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

struct Catalog {
  Meta meta;
  std::vector<Question> questions;      // declared order; slot == index
  std::vector<Definition> definitions;  // slots after the questions
  std::vector<Program> programs;        // sorted by ministry, then id
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
