// Runs scenario files (tests/scenarios/*.json: answers → expected status and estimate of named
// programs, optionally the next question) against the rules. With --coverage, also checks
// that every program is eligible in some scenario and, where it has conditions, ineligible in
// another.
//
//   scenario_runner [--rules DIR] [--coverage] FILE...
#include <cmath>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "evaluate.hpp"
#include "rules_dir.hpp"

using namespace shisaku;
using nlohmann::json;

namespace {

bool close(double a, double b) { return std::fabs(a - b) <= 0.5 + 1e-9 * std::fabs(b); }

// Compares one program's result with its expectation; appends what differs.
void check_program(const Catalog& c, const ProgramResult& r, const json& want, std::vector<std::string>& failures) {
  std::string id = r.program->id;
  if (want.contains("status") && want["status"] != status_name(r.status))
    failures.push_back(id + ": status " + status_name(r.status) + ", expected " + want["status"].get<std::string>());
  if (want.contains("scope") && want["scope"] != scope_name(r.scope))
    failures.push_back(id + ": scope " + scope_name(r.scope) + ", expected " + want["scope"].dump());
  if (want.contains("total")) {
    // {"value": N}: exact; {"known": N}: partial, N known so far; null: no amount.
    const json& t = want["total"];
    bool ok = t.is_null() ? r.total.kind == Total::Kind::None
              : t.contains("value") ? r.total.kind == Total::Kind::Exact && close(r.total.known, t["value"].get<double>())
              : t.contains("known") ? r.total.kind == Total::Kind::Partial && close(r.total.known, t["known"].get<double>())
                                    : false;
    if (!ok)
      failures.push_back(id + ": total " + std::string(r.total.kind == Total::Kind::None ? "none" : r.total.kind == Total::Kind::Exact ? "exact " : "partial ") +
                         (r.total.kind == Total::Kind::None ? "" : std::to_string(r.total.known)) + ", expected " + t.dump());
  }
  if (!want.contains("estimate")) return;
  const json& e = want["estimate"];
  const Estimate& got = r.headline;
  auto describe = [&] {
    switch (got.kind) {
      case Estimate::Kind::None:
        return std::string("no estimate");
      case Estimate::Kind::Unknown:
        return std::string("unknown");
      default:
        return "[" + std::to_string(got.min) + ", " + std::to_string(got.max) + "]";
    }
  };
  if (e.is_null()) {
    if (got.kind != Estimate::Kind::None) failures.push_back(id + ": estimate " + describe() + ", expected none");
  } else if (e == "unknown") {
    if (got.kind != Estimate::Kind::Unknown) failures.push_back(id + ": estimate " + describe() + ", expected unknown");
  } else if (e.contains("value")) {
    if (got.kind != Estimate::Kind::Exact || !close(got.min, e["value"].get<double>()))
      failures.push_back(id + ": estimate " + describe() + ", expected " + e["value"].dump());
  } else {
    double lo = e.value("min", 0.0);
    bool open = !e.contains("max") || e["max"].is_null();
    double hi = open ? INFINITY : e["max"].get<double>();
    bool ok = (got.kind == Estimate::Kind::Range || got.kind == Estimate::Kind::Exact) && close(got.min, lo) &&
              (open ? std::isinf(got.max) : close(got.max, hi));
    if (!ok) failures.push_back(id + ": estimate " + describe() + ", expected " + e.dump());
  }
  (void)c;
}

}  // namespace

int main(int argc, char** argv) {
  std::string rules = SHISAKU_TEST_SOURCE_DIR "/rules";
  bool coverage = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rules" && i + 1 < argc)
      rules = argv[++i];
    else if (a == "--coverage")
      coverage = true;
    else
      files.push_back(a);
  }
  std::string error;
  auto rule_files = cli::read_rules_dir(rules, error);
  LoadResult loaded = load_catalog(rule_files);
  if (!loaded.catalog) {
    for (const auto& p : loaded.problems) std::cerr << p.to_string() << "\n";
    return 1;
  }
  const Catalog& c = *loaded.catalog;
  Evaluator evaluator(c);
  std::set<std::string> eligible_somewhere, ineligible_somewhere;
  int failed = 0;
  for (const auto& path : files) {
    std::string text;
    if (!cli::read_file(path, text)) {
      std::cerr << path << ": cannot read\n";
      ++failed;
      continue;
    }
    json s = json::parse(text, nullptr, false);
    if (s.is_discarded() || !s.contains("answers") || !s.contains("expect")) {
      std::cerr << path << ": not a scenario (needs \"answers\" and \"expect\")\n";
      ++failed;
      continue;
    }
    auto answers = Answers::from_json(c, s["answers"], error);
    if (!answers) {
      std::cerr << path << ": " << error << "\n";
      ++failed;
      continue;
    }
    Evaluation ev = evaluator.evaluate(*answers);
    std::vector<std::string> failures;
    for (const auto& r : ev.programs) {
      if (r.status == Status::Eligible) eligible_somewhere.insert(r.program->id);
      if (r.status == Status::Ineligible) ineligible_somewhere.insert(r.program->id);
      for (const auto& e : r.errors) failures.push_back(r.program->id + ": evaluation error " + e);
    }
    const json& expect = s["expect"];
    if (expect.contains("programs")) {
      for (auto it = expect["programs"].begin(); it != expect["programs"].end(); ++it) {
        const ProgramResult* r = nullptr;
        for (const auto& pr : ev.programs)
          if (pr.program->id == it.key()) r = &pr;
        if (!r)
          failures.push_back(it.key() + ": no such program");
        else
          check_program(c, *r, it.value(), failures);
      }
    }
    if (expect.contains("next_question")) {
      std::string got = ev.next_question ? c.questions[*ev.next_question].id : "";
      std::string want = expect["next_question"].is_null() ? "" : expect["next_question"].get<std::string>();
      if (got != want) failures.push_back("next question " + (got.empty() ? "(none)" : got) + ", expected " + (want.empty() ? "(none)" : want));
    }
    if (expect.contains("next_chapter")) {
      std::string got = ev.next_question ? c.interview.chapter_id(ev.remaining_chapter.front()) : "";
      if (got != expect["next_chapter"].get<std::string>())
        failures.push_back("next question's chapter " + (got.empty() ? "(none)" : got) + ", expected " + expect["next_chapter"].get<std::string>());
    }
    if (expect.contains("amount_questions")) {
      json got = json::array();
      for (int q : ev.amount_questions) got.push_back(c.slot_name(q));
      if (got != expect["amount_questions"]) failures.push_back("amount questions " + got.dump() + ", expected " + expect["amount_questions"].dump());
    }
    for (const auto& f : failures) std::cerr << path << ": " << f << "\n";
    if (!failures.empty()) ++failed;
  }
  if (coverage) {
    for (const auto& p : c.programs) {
      if (!eligible_somewhere.count(p.id)) {
        std::cerr << "coverage: " << p.id << " is eligible in no scenario\n";
        ++failed;
      }
      if (!p.conditions.empty() && !ineligible_somewhere.count(p.id)) {
        std::cerr << "coverage: " << p.id << " is ineligible in no scenario\n";
        ++failed;
      }
    }
    std::cout << files.size() << " scenarios; " << eligible_somewhere.size() << " of " << c.programs.size()
              << " programs eligible somewhere, " << ineligible_somewhere.size() << " ineligible somewhere\n";
  }
  return failed ? 1 : 0;
}
