// shisaku — the command line over the rules core: evaluate answers, ask the next question,
// validate and list the rules, evaluate raw JsonLogic, and make share codes.
// Exit codes: 0 success, 1 invalid rules (validate), 2 bad input or usage.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "answers.hpp"
#include "catalog.hpp"
#include "catalog_output.hpp"
#include "evaluate.hpp"
#include "json_text.hpp"
#include "logic/logic.hpp"
#include "report.hpp"
#include "compiled_rules.hpp"
#include "rules_lint.hpp"
#include "rules_dir.hpp"
#include "walk.hpp"

namespace shisaku::cli {
namespace {

const char* kUsage = R"(usage: shisaku <command> [options]

  evaluate --answers FILE [--rules DIR] [--lang ja|en] [--format json|text]
                      results for every program, and the next question (FILE - = stdin)
  next --answers FILE [--rules DIR] [--lang ja|en] [--all | --amounts]
                      the next question, with its chapter and the programs it decides
                      (--all: every question still to ask, in order; --amounts: the questions
                      that only refine amounts)
  validate [DIR] [--seeds DIR] [--no-lint] [--strict]
                      check the rules; exit 1 when invalid (--strict: warnings too)
  catalog [--rules DIR] [--format json|csv|md|html] [--lang ja|en]
                      every program with conditions, amounts, contacts and sources
                      (html: the no-JavaScript page the web build ships as programs.html)
  logic               JsonLogic: one {"rule": R, "data": D} per stdin line, one
                      {"result": V} or {"error": "..."} per stdout line
  bundle [--rules DIR] -o DIR
                      the rules as the web app loads them, validated and compiled:
                      rules.LANG.bin (core) and rules-details.LANG.bin for ja and en
  walk --answers FILE [--rules DIR] [--lang ja|en] [--format text|json]
                      the interview a person with these answers goes through: each question
                      shown, its chapter and the programs it is asked for, until every program
                      in scope is decided (a question without an answer is skipped)
  share --answers FILE [--rules DIR]
                      the compact share code of an answer set
  decode CODE [--rules DIR]
                      the answers a share code holds, as JSON
)";

struct Args {
  std::string command;
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;
  std::vector<std::string> flags;

  bool flag(const std::string& f) const { return std::find(flags.begin(), flags.end(), f) != flags.end(); }
  std::string get(const std::string& k, const std::string& fallback = "") const {
    auto it = options.find(k);
    return it == options.end() ? fallback : it->second;
  }
};

int usage_error(const std::string& msg) {
  std::cerr << "shisaku: " << msg << "\n\n" << kUsage;
  return 2;
}

int input_error(const std::string& msg) {
  std::cerr << "shisaku: " << msg << "\n";
  return 2;
}

std::optional<Args> parse_args(int argc, char** argv, std::string& error) {
  static const std::vector<std::string> with_value = {"--answers", "--rules", "--lang", "--format", "--seeds", "-o"};
  static const std::vector<std::string> bare = {"--all", "--amounts", "--no-lint", "--strict"};
  Args a;
  if (argc < 2) {
    error = "no command";
    return std::nullopt;
  }
  a.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string s = argv[i];
    if (std::find(with_value.begin(), with_value.end(), s) != with_value.end()) {
      if (i + 1 >= argc) {
        error = s + " needs a value";
        return std::nullopt;
      }
      a.options[s] = argv[++i];
    } else if (std::find(bare.begin(), bare.end(), s) != bare.end()) {
      a.flags.push_back(s);
    } else if (s.size() > 1 && s[0] == '-') {
      error = "unknown option " + s;
      return std::nullopt;
    } else {
      a.positional.push_back(s);
    }
  }
  return a;
}

std::optional<Lang> parse_lang(const Args& a, std::string& error) {
  std::string l = a.get("--lang", "ja");
  if (l == "ja") return Lang::Ja;
  if (l == "en") return Lang::En;
  error = "--lang takes ja or en, not " + l;
  return std::nullopt;
}

// Loads and checks the rules; prints problems and returns nullopt when they are unusable.
std::optional<Catalog> load_rules(const std::string& dir, bool lint, const std::string& seeds_dir, Problems* problems_out = nullptr) {
  std::string error;
  std::vector<RulesFile> files = read_rules_dir(dir, error);
  if (!error.empty()) {
    std::cerr << "shisaku: " << error << "\n";
    return std::nullopt;
  }
  LoadOptions opts;
  opts.seeds = read_seeds(seeds_dir);
  LoadResult r = lint ? load_and_lint(files, opts) : load_catalog(files, opts);
  if (problems_out) {
    *problems_out = r.problems;
  } else if (!r.catalog) {
    for (const auto& p : r.problems)
      if (p.severity == Severity::Error) std::cerr << p.to_string() << "\n";
    std::cerr << "shisaku: the rules in " << dir << " are invalid (run shisaku validate)\n";
  }
  return std::move(r.catalog);
}

std::optional<std::string> read_input(const std::string& path, std::string& error) {
  std::string text;
  if (path == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    return text;
  }
  if (!read_file(path, text)) {
    error = "cannot read " + path;
    return std::nullopt;
  }
  return text;
}

std::optional<Answers> load_answers(const Catalog& c, const Args& a, std::string& error) {
  std::string path = a.get("--answers");
  if (path.empty()) {
    error = "--answers FILE is required";
    return std::nullopt;
  }
  auto text = read_input(path, error);
  if (!text) return std::nullopt;
  Problems problems;
  auto j = parse_json(*text, path, problems);
  if (!j) {
    error = problems.front().to_string().substr(7);  // drop "error: "
    return std::nullopt;
  }
  auto answers = Answers::from_json(c, *j, error);
  if (!answers) error = path + ": " + error;
  return answers;
}

int cmd_evaluate(const Args& a, bool next_only) {
  std::string error;
  auto lang = parse_lang(a, error);
  if (!lang) return usage_error(error);
  std::string format = a.get("--format", "json");
  if (format != "json" && format != "text") return usage_error("--format takes json or text");
  std::string rules = a.get("--rules", default_rules_dir());
  auto cat = load_rules(rules, false, "");
  if (!cat) return 2;
  auto answers = load_answers(*cat, a, error);
  if (!answers) return input_error(error);
  Evaluation ev = Evaluator(*cat).evaluate(*answers);
  if (next_only) {
    nlohmann::json out = nlohmann::json::array();
    if (a.flag("--amounts"))
      out = amount_questions_json(*cat, ev, *lang);
    else if (a.flag("--all"))
      out = remaining_questions_json(*cat, ev, *lang);
    else if (ev.next_question)
      out.push_back(next_question_json(*cat, ev, *lang));
    if (format == "text") {
      for (const auto& q : out) {
        std::cout << "[" << q["chapter"]["title"].get<std::string>() << "] " << q["text"].get<std::string>() << " [" << q["id"].get<std::string>() << "]\n";
        if (q.contains("options"))
          for (const auto& o : q["options"]) std::cout << "  - " << o["value"].get<std::string>() << ": " << o["label"].get<std::string>() << "\n";
      }
      if (out.empty()) std::cout << (*lang == Lang::Ja ? "これ以上の質問はありません。\n" : "No more questions.\n");
    } else {
      std::cout << json_text(out, 2) << "\n";
    }
    return 0;
  }
  if (format == "text")
    std::cout << evaluation_text(*cat, ev, *lang);
  else
    std::cout << json_text(evaluation_json(*cat, ev, *lang), 2) << "\n";
  return 0;
}

int cmd_walk(const Args& a) {
  std::string error;
  auto lang = parse_lang(a, error);
  if (!lang) return usage_error(error);
  std::string format = a.get("--format", "text");
  if (format != "json" && format != "text") return usage_error("--format takes json or text");
  auto cat = load_rules(a.get("--rules", default_rules_dir()), false, "");
  if (!cat) return 2;
  auto answers = load_answers(*cat, a, error);
  if (!answers) return input_error(error);
  Walk w = walk_interview(*cat, Evaluator(*cat), answers->to_json()["answers"]);
  const InterviewSpec& iv = cat->interview;
  nlohmann::json steps = nlohmann::json::array();
  for (const WalkStep& s : w.steps) {
    const Question& q = cat->questions[static_cast<std::size_t>(s.slot)];
    nlohmann::json serves = nlohmann::json::array();
    for (int p : s.serves) serves.push_back(cat->programs[static_cast<std::size_t>(p)].id);
    steps.push_back({{"id", q.id}, {"chapter", iv.chapter_id(s.chapter)}, {"basic", s.basic},
                     {"answer", s.answered ? answers->to_json()["answers"][q.id] : nlohmann::json("skipped")}, {"serves", serves}});
  }
  nlohmann::json returned = nlohmann::json::array();
  for (int p : w.returned_to) returned.push_back(cat->programs[static_cast<std::size_t>(p)].id);
  if (format == "json") {
    std::cout << json_text({{"steps", steps}, {"questions", w.steps.size()}, {"off_topic", w.off_topic}, {"returns", w.returns},
                            {"returned_to", returned}, {"results", evaluation_json(*cat, w.final, *lang)}}, 2)
              << "\n";
    return 0;
  }
  const bool ja = *lang == Lang::Ja;
  int n = 0;
  for (const WalkStep& s : w.steps) {
    const Question& q = cat->questions[static_cast<std::size_t>(s.slot)];
    std::cout << ++n << ". [" << iv.chapter_title(s.chapter).in(*lang) << "] " << q.text.in(*lang) << "\n   → "
              << (s.answered ? answers->describe(s.slot, *lang) : std::string(ja ? "わからない" : "don't know"));
    if (!s.serves.empty()) {
      std::cout << (ja ? "（" : " (") << cat->programs[static_cast<std::size_t>(s.serves.front())].name.in(*lang);
      if (s.serves.size() > 1) std::cout << (ja ? " ほか" + std::to_string(s.serves.size() - 1) + "件" : " and " + std::to_string(s.serves.size() - 1) + " more");
      std::cout << (ja ? "）" : ")");
    }
    std::cout << "\n";
  }
  std::cout << "\n" << (ja ? "質問 " : "questions: ") << w.steps.size() << (ja ? "問・分野外 " : ", off topic: ") << w.off_topic
            << (ja ? "問・施策に戻った回数 " : ", returns to a program: ") << w.returns << "\n";
  std::cout << evaluation_text(*cat, w.final, *lang);
  return 0;
}

int cmd_validate(const Args& a) {
  if (a.positional.size() > 1) return usage_error("validate takes one directory");
  std::string dir = a.positional.empty() ? a.get("--rules", default_rules_dir()) : a.positional[0];
  std::string seeds = a.get("--seeds", default_seeds_dir(dir));
  Problems problems;
  std::string error;
  read_rules_dir(dir, error);
  if (!error.empty()) return input_error(error);
  auto cat = load_rules(dir, !a.flag("--no-lint"), seeds, &problems);
  int errors = 0, warnings = 0;
  for (const auto& p : problems) {
    std::cout << p.to_string() << "\n";
    (p.severity == Severity::Error ? errors : warnings)++;
  }
  if (seeds.empty()) std::cout << "note: seeds not found; citations were not checked against the seed texts (--seeds DIR)\n";
  if (cat)
    std::cout << "ok: " << cat->programs.size() << " programs, " << cat->questions.size() << " questions, " << cat->definitions.size()
              << " definitions; " << warnings << " warnings (rules " << cat->meta.rules_version << "+" << cat->fingerprint << ")\n";
  else
    std::cout << "invalid: " << errors << " errors, " << warnings << " warnings\n";
  return (!cat || (a.flag("--strict") && warnings > 0)) ? 1 : 0;
}

int cmd_catalog(const Args& a) {
  std::string error;
  auto lang = parse_lang(a, error);
  if (!lang) return usage_error(error);
  std::string format = a.get("--format", "json");
  auto cat = load_rules(a.get("--rules", default_rules_dir()), false, "");
  if (!cat) return 2;
  if (format == "json")
    std::cout << catalog_json(*cat, *lang);
  else if (format == "csv")
    std::cout << catalog_csv(*cat, *lang);
  else if (format == "md")
    std::cout << catalog_markdown(*cat, *lang);
  else if (format == "html")
    std::cout << catalog_html(*cat, *lang);
  else
    return usage_error("--format takes json, csv, md or html");
  return 0;
}

int cmd_logic() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    Problems problems;
    auto j = parse_json(line, "stdin", problems);
    nlohmann::json out;
    if (!j || !j->is_object() || !j->contains("rule")) {
      out = {{"error", j ? std::string("each line must be {\"rule\": R, \"data\": D}") : problems.front().message}};
    } else {
      logic::Expr e = logic::Expr::compile((*j)["rule"]);
      auto data = j->find("data");
      logic::Outcome o = e.evaluate(data == j->end() ? logic::Value() : logic::Value::from_json(*data));
      if (o.ok())
        out = {{"result", o.value.to_json()}};
      else
        out = {{"error", o.error_text()}};
    }
    std::cout << json_text(out) << "\n";
  }
  return 0;
}

int cmd_bundle(const Args& a) {
  std::string out = a.get("-o");
  if (out.empty()) return usage_error("bundle needs -o DIR");
  std::string dir = a.get("--rules", default_rules_dir());
  auto cat = load_rules(dir, false, "");
  if (!cat) return 2;
  // rules.ja.bin / rules.en.bin (core) and rules-details.ja.bin / rules-details.en.bin.
  for (Lang lang : {Lang::Ja, Lang::En})
    for (BundlePart part : {BundlePart::Core, BundlePart::Details}) {
      std::string name = compiled_file_name(lang, part);
      std::ofstream f(out + "/" + name, std::ios::binary);
      f << compile_rules_part(*cat, lang, part);
      if (!f) return input_error("cannot write " + out + "/" + name);
    }
  return 0;
}

int cmd_share(const Args& a) {
  auto cat = load_rules(a.get("--rules", default_rules_dir()), false, "");
  if (!cat) return 2;
  std::string error;
  auto answers = load_answers(*cat, a, error);
  if (!answers) return input_error(error);
  std::cout << answers->to_share_string() << "\n";
  return 0;
}

int cmd_decode(const Args& a) {
  if (a.positional.size() != 1) return usage_error("decode takes one share code");
  auto cat = load_rules(a.get("--rules", default_rules_dir()), false, "");
  if (!cat) return 2;
  ShareError why;
  std::string detail;
  auto answers = Answers::from_share_string(*cat, a.positional[0], why, detail);
  if (!answers) return input_error("share code refused: " + detail);
  std::cout << json_text(answers->to_json(), 2) << "\n";
  return 0;
}

}  // namespace
}  // namespace shisaku::cli

int main(int argc, char** argv) {
  using namespace shisaku::cli;
  std::string error;
  auto args = parse_args(argc, argv, error);
  if (!args) return usage_error(error);
  const std::string& c = args->command;
  if (c == "evaluate") return cmd_evaluate(*args, false);
  if (c == "next") return cmd_evaluate(*args, true);
  if (c == "validate") return cmd_validate(*args);
  if (c == "catalog") return cmd_catalog(*args);
  if (c == "logic") return cmd_logic();
  if (c == "bundle") return cmd_bundle(*args);
  if (c == "walk") return cmd_walk(*args);
  if (c == "share") return cmd_share(*args);
  if (c == "decode") return cmd_decode(*args);
  if (c == "help" || c == "--help" || c == "-h") {
    std::cout << kUsage;
    return 0;
  }
  return usage_error("unknown command " + c);
}
