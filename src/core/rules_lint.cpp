#include "rules_lint.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>

#include "evaluate.hpp"

namespace shisaku {
namespace {

using logic::Tri;
using logic::Value;

// Drops ASCII whitespace, U+3000 and "**".
std::string squeeze(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x80) {
      i += 2;
      continue;
    }
    if (c == '*' && i + 1 < s.size() && s[i + 1] == '*') {
      ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

// Candidate values of a question for exhaustive checks.
std::vector<Value> candidates(const Question& q, const std::vector<double>& numbers) {
  std::vector<Value> out;
  switch (q.type) {
    case QuestionType::Boolean:
      out = {Value(true), Value(false)};
      break;
    case QuestionType::Single:
      for (const auto& o : q.options) out.emplace_back(o.value);
      break;
    case QuestionType::Multi: {
      out.emplace_back(logic::Array{});
      logic::Array all;
      for (const auto& o : q.options) {
        out.emplace_back(logic::Array{Value(o.value)});
        all.emplace_back(o.value);
      }
      out.emplace_back(std::move(all));
      break;
    }
    case QuestionType::Number: {
      std::set<double> xs = {q.min, q.max, (q.min + q.max) / 2};
      for (double n : numbers)
        for (double d : {n, n - 0.001, n + 0.001, n - 1, n + 1})
          if (d >= q.min && d <= q.max) xs.insert(d);
      for (double x : xs) out.emplace_back(x);
      break;
    }
  }
  return out;
}

void collect_numbers(const logic::Node& n, std::vector<double>& out) {
  if (n.op == logic::Op::Literal && n.literal.is_number()) out.push_back(n.literal.as_number());
  for (const auto& a : n.args) collect_numbers(a, out);
}

// Question slots an expression depends on, through definitions.
void question_slots(const Catalog& c, const logic::Expr& e, std::set<int>& out) {
  for (int s : e.slots_used()) {
    if (c.is_question_slot(s)) {
      out.insert(s);
    } else {
      question_slots(c, c.definitions[static_cast<std::size_t>(s) - c.questions.size()].logic, out);
    }
  }
}

constexpr std::size_t kMaxCombinations = 20000;

// How the combinations fill the questions: every value or unanswered; or as the wizard would
// leave them after a person answered everything it asked (a question whose ask_if does not
// hold is never asked, so it stays unanswered).
enum class Fill { AnyOrUnanswered, AsAsked };

// The questions `exprs` read, and (AsAsked) those their ask_if conditions read.
std::set<int> questions_involved(const Catalog& c, const std::vector<const logic::Expr*>& exprs, Fill fill) {
  std::set<int> used;
  for (const auto* e : exprs) question_slots(c, *e, used);
  if (fill == Fill::AsAsked)
    for (bool grew = true; grew;) {
      grew = false;
      for (int q : std::vector<int>(used.begin(), used.end()))
        if (const auto& ask = c.questions[static_cast<std::size_t>(q)].ask_if) {
          std::size_t before = used.size();
          question_slots(c, *ask, used);
          grew = grew || used.size() != before;
        }
    }
  return used;
}

// Tries every combination of candidate answers for the questions `exprs` read (or, when there
// are too many, a fixed pseudo-random sample of them); calls `visit` with the slots; stops when
// `visit` returns true. Returns false when the combinations were sampled, not exhausted.
bool for_each_assignment(const Catalog& c, const std::vector<const logic::Expr*>& exprs, Fill fill,
                         const std::function<bool(const std::vector<Value>&)>& visit) {
  std::set<int> used = questions_involved(c, exprs, fill);
  std::vector<double> numbers;
  for (const auto* e : exprs) collect_numbers(e->root(), numbers);
  for (int q : used)
    if (const auto& ask = c.questions[static_cast<std::size_t>(q)].ask_if) collect_numbers(ask->root(), numbers);
  for (const auto& d : c.definitions) collect_numbers(d.logic.root(), numbers);
  std::vector<int> qs(used.begin(), used.end());
  std::vector<std::vector<Value>> cands;
  double total = 1;
  for (int q : qs) {
    cands.push_back(candidates(c.questions[static_cast<std::size_t>(q)], numbers));
    if (fill == Fill::AnyOrUnanswered) cands.back().push_back(Value::unknown());
    total *= static_cast<double>(cands.back().size());
  }
  const bool exhaustive = total <= kMaxCombinations;
  std::size_t rounds = exhaustive ? static_cast<std::size_t>(total) : kMaxCombinations;
  std::uint64_t rng = 0x9E3779B97F4A7C15ULL;
  std::vector<Value> slots(c.slot_count(), Value::unknown());
  std::vector<std::size_t> idx(qs.size(), 0);
  for (std::size_t n = 0; n < rounds; ++n) {
    if (!exhaustive)
      for (std::size_t i = 0; i < idx.size(); ++i) {
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;  // xorshift: the same sample every run
        idx[i] = static_cast<std::size_t>(rng % cands[i].size());
      }
    for (std::size_t i = 0; i < qs.size(); ++i) slots[static_cast<std::size_t>(qs[i])] = cands[i][idx[i]];
    compute_definitions(c, slots);
    for (bool changed = fill == Fill::AsAsked; changed;) {
      changed = false;
      for (int q : qs) {
        const auto& ask = c.questions[static_cast<std::size_t>(q)].ask_if;
        if (!ask || slots[static_cast<std::size_t>(q)].is_unknown()) continue;
        logic::Outcome o = ask->evaluate(slots);
        if (!o.ok() || logic::truthy(o.value) != Tri::True) {
          slots[static_cast<std::size_t>(q)] = Value::unknown();
          compute_definitions(c, slots);
          changed = true;
        }
      }
    }
    if (visit(slots)) return exhaustive;
    if (exhaustive)
      for (std::size_t i = 0; i < idx.size(); ++i) {
        if (++idx[i] < cands[i].size()) break;
        idx[i] = 0;
      }
  }
  return exhaustive;
}

bool can_be_true(const Catalog& c, const std::vector<const logic::Expr*>& exprs, bool& decided) {
  bool found = false;
  decided = for_each_assignment(c, exprs, Fill::AnyOrUnanswered, [&](const std::vector<Value>& slots) {
    for (const auto* e : exprs) {
      logic::Outcome o = e->evaluate(slots);
      if (!o.ok() || logic::truthy(o.value) != Tri::True) return false;
    }
    found = true;
    return true;
  });
  return found;
}

// An answer set, as the wizard would leave it, for which the conditions stay undecided with
// nothing left to ask; described as "applicant=prefecture, kaso=(not asked)".
std::optional<std::string> stuck_example(const Catalog& c, const std::vector<const logic::Expr*>& conditions) {
  std::optional<std::string> example;
  for_each_assignment(c, conditions, Fill::AsAsked, [&](const std::vector<Value>& slots) {
    Tri all = Tri::True;
    for (const auto* e : conditions) {
      logic::Outcome o = e->evaluate(slots);
      Tri t = o.ok() ? logic::truthy(o.value) : Tri::Unknown;
      if (t == Tri::False) return false;
      if (t == Tri::Unknown) all = Tri::Unknown;
    }
    if (all != Tri::Unknown) return false;
    std::string text;
    for (int q : questions_involved(c, conditions, Fill::AsAsked)) {
      const Value& v = slots[static_cast<std::size_t>(q)];
      text += (text.empty() ? "" : ", ") + c.questions[static_cast<std::size_t>(q)].id + "=" +
              (v.is_unknown() ? std::string("(never asked)") : v.to_json().dump());
    }
    example = text;
    return true;
  });
  return example;
}

// What a person needs beside the rules: a contact they can reach, the year's novelty, and a
// short name for every question a card may ask for ("受入れ人数を入れると算出").
void lint_details(const Catalog& c, Problems& problems) {
  for (const auto& p : c.programs) {
    bool reachable = std::any_of(p.contacts.begin(), p.contacts.end(),
                                 [](const Contact& ct) { return !ct.phone.empty() || !ct.url.empty() || !ct.email.empty(); });
    if (!reachable && !p.contacts.empty())
      problems.push_back({Severity::Warning, p.file, "/contacts",
                          "no reachable contact: the seeds give no phone, URL or e-mail for \"" + p.id +
                              "\" (shown as 「資料に連絡先の記載なし」 with the division)"});
    if (p.novelty.empty())
      problems.push_back({Severity::Warning, p.file, "", "no novelty: say per fiscal year whether the program is new, expanded, extended or unchanged"});
  }
  std::set<int> amount_inputs;
  for (const auto& p : c.programs)
    for (const auto& m : p.measures)
      if (m.amount) question_slots(c, *m.amount, amount_inputs);
  for (int s : amount_inputs) {
    const Question& q = c.questions[static_cast<std::size_t>(s)];
    if (q.short_label.empty())
      problems.push_back({Severity::Warning, q.file, "", "question \"" + q.id + "\" feeds an amount but has no \"short\" label (a card says what it needs by it)"});
  }
}

}  // namespace

std::string check_quote(const std::string& seed_text, int first, int last, const std::string& quote) {
  std::size_t line = 1;
  std::size_t begin = std::string::npos, end = seed_text.size();
  if (first == 1) begin = 0;
  for (std::size_t i = 0; i < seed_text.size(); ++i) {
    if (seed_text[i] != '\n') continue;
    ++line;
    if (static_cast<int>(line) == first) begin = i + 1;
    if (static_cast<int>(line) == last + 1) {
      end = i;
      break;
    }
  }
  std::size_t total_lines = static_cast<std::size_t>(std::count(seed_text.begin(), seed_text.end(), '\n')) + 1;
  if (begin == std::string::npos || static_cast<std::size_t>(last) > total_lines)
    return "lines " + std::to_string(first) + "-" + std::to_string(last) + " are beyond the end of the seed (" +
           std::to_string(total_lines) + " lines)";
  std::string q = squeeze(quote);
  if (q.empty()) return "the quote is empty";
  if (squeeze(seed_text.substr(begin, end - begin)).find(q) == std::string::npos) {
    std::string hint;
    if (squeeze(seed_text).find(q) != std::string::npos) hint = " (it occurs elsewhere in the seed: check the line numbers)";
    return "quote \"" + quote + "\" not found in lines " + std::to_string(first) + "-" + std::to_string(last) + hint;
  }
  return {};
}

LoadResult load_and_lint(const std::vector<RulesFile>& files, const LoadOptions& options) {
  LoadResult r = load_catalog(files, options);
  if (r.catalog) lint_catalog(*r.catalog, r.problems);
  return r;
}

void lint_catalog(const Catalog& c, Problems& problems) {
  std::set<int> used_by_programs;
  for (const auto& p : c.programs) {
    std::vector<const logic::Expr*> all;
    for (std::size_t i = 0; i < p.conditions.size(); ++i) {
      const auto& cond = p.conditions[i];
      question_slots(c, cond.logic, used_by_programs);
      all.push_back(&cond.logic);
      bool decided;
      if (!can_be_true(c, {&cond.logic}, decided) && decided)
        problems.push_back({Severity::Warning, p.file, "/conditions/" + std::to_string(i),
                            "condition \"" + cond.id + "\" can never be true"});
    }
    if (auto stuck = stuck_example(c, all))
      problems.push_back({Severity::Warning, p.file, "/conditions",
                          "the program can stay \"needs more answers\" with nothing left to ask, e.g. with " + *stuck +
                              ": a condition depends on a question its ask_if never asks"});
    bool decided;
    if (all.size() > 1 && !can_be_true(c, all, decided) && decided)
      problems.push_back({Severity::Warning, p.file, "/conditions", "the conditions can never all be true together: the program can never be eligible"});
    for (const auto& m : p.measures) {
      if (m.amount) question_slots(c, *m.amount, used_by_programs);
      if (m.applies_if) question_slots(c, *m.applies_if, used_by_programs);
    }
  }
  // A question matters if a program reads it, the interview asks it (interests, gates), or a
  // question that matters waits for it.
  std::set<int> used = used_by_programs;
  if (c.interview.interests >= 0) used.insert(c.interview.interests);
  // A basic question keeps its fixed id for other tools' answer files even when no rule reads it
  // now (the interview asks it only when a rule does).
  for (const auto& chapter : c.interview.basics) used.insert(chapter.questions.begin(), chapter.questions.end());
  for (const auto& f : c.interview.families)
    if (f.gate >= 0) used.insert(f.gate);
  bool grew = true;
  while (grew) {
    grew = false;
    for (const auto& q : c.questions) {
      if (!used.count(q.slot) || !q.ask_if) continue;
      std::set<int> deps;
      question_slots(c, *q.ask_if, deps);
      for (int d : deps) grew = used.insert(d).second || grew;
    }
  }
  lint_details(c, problems);
  for (const auto& q : c.questions) {
    if (!used.count(q.slot))
      problems.push_back({Severity::Warning, q.file, "", "question \"" + q.id + "\" is not used by any rule"});
    if (q.ask_if) {
      bool decided;
      if (!can_be_true(c, {&*q.ask_if}, decided) && decided)
        problems.push_back({Severity::Warning, q.file, "", "question \"" + q.id + "\" can never be asked (its ask_if is never true)"});
    }
  }
}

}  // namespace shisaku
