#include "rules_lint.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
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

// Tries every combination of candidate answers for the questions `exprs` read; calls `visit`
// with the slots; stops when `visit` returns true. Returns false when too many to try.
bool for_each_assignment(const Catalog& c, const std::vector<const logic::Expr*>& exprs,
                         const std::function<bool(const std::vector<Value>&)>& visit) {
  std::set<int> used;
  std::vector<double> numbers;
  for (const auto* e : exprs) {
    question_slots(c, *e, used);
    collect_numbers(e->root(), numbers);
  }
  for (const auto& d : c.definitions) collect_numbers(d.logic.root(), numbers);
  std::vector<int> qs(used.begin(), used.end());
  std::vector<std::vector<Value>> cands;
  std::size_t total = 1;
  for (int q : qs) {
    cands.push_back(candidates(c.questions[static_cast<std::size_t>(q)], numbers));
    cands.back().push_back(Value::unknown());  // left unanswered
    total *= cands.back().size();
    if (total > kMaxCombinations) return false;
  }
  std::vector<Value> slots(c.slot_count(), Value::unknown());
  std::vector<std::size_t> idx(qs.size(), 0);
  for (std::size_t n = 0; n < total; ++n) {
    for (std::size_t i = 0; i < qs.size(); ++i) slots[static_cast<std::size_t>(qs[i])] = cands[i][idx[i]];
    compute_definitions(c, slots);
    if (visit(slots)) return true;
    for (std::size_t i = 0; i < idx.size(); ++i) {
      if (++idx[i] < cands[i].size()) break;
      idx[i] = 0;
    }
  }
  return true;
}

bool can_be_true(const Catalog& c, const std::vector<const logic::Expr*>& exprs, bool& decided) {
  bool found = false;
  decided = for_each_assignment(c, exprs, [&](const std::vector<Value>& slots) {
    for (const auto* e : exprs) {
      logic::Outcome o = e->evaluate(slots);
      if (!o.ok() || logic::truthy(o.value) != Tri::True) return false;
    }
    found = true;
    return true;
  });
  return found;
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
    bool decided;
    if (all.size() > 1 && !can_be_true(c, all, decided) && decided)
      problems.push_back({Severity::Warning, p.file, "/conditions", "the conditions can never all be true together: the program can never be eligible"});
    for (const auto& m : p.measures) {
      if (m.amount) question_slots(c, *m.amount, used_by_programs);
      if (m.applies_if) question_slots(c, *m.applies_if, used_by_programs);
    }
  }
  // A question matters if a program reads it, or a question that matters waits for it.
  std::set<int> used = used_by_programs;
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
