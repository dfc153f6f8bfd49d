#include "evaluate.hpp"

#include <algorithm>
#include <limits>

namespace shisaku {
namespace {

using logic::Tri;
using logic::Value;

constexpr double kInf = std::numeric_limits<double>::infinity();

// A condition's truth; an evaluation error (a rule bug) is reported and counts as unknown.
Tri truth_of(const logic::Expr& e, const std::vector<Value>& slots, std::vector<std::string>* errors, const char* what,
             const std::string& id, std::vector<int>* missing = nullptr) {
  std::optional<Value> error;
  Tri t = e.evaluate_truth(slots, &error, missing);
  if (error && errors) {
    logic::Outcome o;
    o.error = std::move(error);
    errors->push_back(what + id + ": " + o.error_text());
  }
  return t;
}

void add_unique(std::vector<int>& v, int x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// Replaces definition slots by the question slots they depend on (now).
class MissingExpander {
 public:
  MissingExpander(const Catalog& c, const std::vector<Value>& slots) : c_(c), slots_(slots), cache_(c.definitions.size()) {}

  std::vector<int> expand(const std::vector<int>& raw) {
    std::vector<int> out;
    out.reserve(raw.size());
    for (int s : raw) {
      if (c_.is_question_slot(s)) {
        add_unique(out, s);
        continue;
      }
      std::size_t d = static_cast<std::size_t>(s) - c_.questions.size();
      if (!cache_[d]) cache_[d] = expand(c_.definitions[d].logic.missing_slots_for_truth(slots_));
      for (int q : *cache_[d]) add_unique(out, q);
    }
    return out;
  }

 private:
  const Catalog& c_;
  const std::vector<Value>& slots_;
  std::vector<std::optional<std::vector<int>>> cache_;
};

Estimate estimate_of(const Measure& m, const std::vector<Value>& slots, std::vector<std::string>& errors) {
  Estimate e;
  e.measure = &m;
  if (!m.amount) return e;
  e.unit = m.unit;
  e.inputs = &m.inputs;
  logic::Outcome o = m.amount->evaluate(slots);
  if (!o.ok()) {
    errors.push_back("measure " + m.id + ": " + o.error_text());
    e.kind = Estimate::Kind::Unknown;
    return e;
  }
  double lo, hi;
  if (o.value.is_number()) {
    e.kind = Estimate::Kind::Exact;
    e.min = e.max = o.value.as_number();
  } else if (o.value.numeric_bounds(lo, hi) && std::isfinite(lo)) {
    e.kind = Estimate::Kind::Range;
    e.min = lo;
    e.max = hi;
  } else {
    e.kind = Estimate::Kind::Unknown;
  }
  return e;
}

// Money a local government receives is not a company's or a person's estimate, even when they
// take part in the program (e.g. the host municipality's allocation for a seconded employee).
bool goes_to_someone_else(const Measure& m, const std::vector<Value>& slots, int applicant_slot) {
  if (applicant_slot < 0 || (m.recipient != "prefecture" && m.recipient != "municipality")) return false;
  const Value& who = slots[static_cast<std::size_t>(applicant_slot)];
  return who.is_string() && who.as_string() != "prefecture" && who.as_string() != "municipality";
}

}  // namespace

const char* status_name(Status s) {
  switch (s) {
    case Status::Eligible:
      return "eligible";
    case Status::Ineligible:
      return "ineligible";
    case Status::Unknown:
      return "unknown";
  }
  return "unknown";
}

void compute_definitions(const Catalog& catalog, std::vector<Value>& slots) {
  for (const auto& d : catalog.definitions) {
    logic::Outcome o = d.logic.evaluate(slots);
    slots[static_cast<std::size_t>(d.slot)] = o.ok() ? o.value : Value::unknown();
  }
}

std::vector<Value> slot_values(const Catalog& catalog, const Answers& answers) {
  std::vector<Value> slots(catalog.slot_count());
  for (const auto& q : catalog.questions) {
    if (const Value* v = answers.value(q.slot)) {
      slots[static_cast<std::size_t>(q.slot)] = *v;
    } else if (q.type == QuestionType::Number) {
      slots[static_cast<std::size_t>(q.slot)] = Value::range(q.has_min ? q.min : -kInf, q.has_max ? q.max : kInf);
    } else {
      slots[static_cast<std::size_t>(q.slot)] = Value::unknown();
    }
  }
  compute_definitions(catalog, slots);
  return slots;
}

std::vector<Tri> askable(const Catalog& catalog, const std::vector<Value>& slots) {
  std::vector<Tri> out(catalog.questions.size(), Tri::True);
  for (const auto& q : catalog.questions)
    if (q.ask_if) out[static_cast<std::size_t>(q.slot)] = truth_of(*q.ask_if, slots, nullptr, "", q.id);
  return out;
}

Evaluation Evaluator::evaluate(const Answers& answers) const {
  const Catalog& c = *catalog_;
  std::vector<Value> slots = slot_values(c, answers);
  std::vector<Tri> ask = askable(c, slots);
  MissingExpander expander(c, slots);

  // A question that cannot be asked yet passes its credit to the questions its ask_if waits
  // for; one that will never be asked (ask_if false) or was skipped passes none. Worked out
  // once per question and evaluation.
  std::vector<std::optional<std::vector<int>>> targets_of(c.questions.size()), waits_for(c.questions.size());
  auto credit_targets = [&](int q) -> const std::vector<int>& {
    auto& cached = targets_of[static_cast<std::size_t>(q)];
    if (cached) return *cached;
    std::vector<int> out;
    std::vector<int> frontier{q};
    std::vector<bool> seen(c.questions.size(), false);
    while (!frontier.empty()) {
      int s = frontier.back();
      frontier.pop_back();
      if (seen[static_cast<std::size_t>(s)]) continue;
      seen[static_cast<std::size_t>(s)] = true;
      if (answers.answered(s) || answers.skipped(s)) continue;
      Tri a = ask[static_cast<std::size_t>(s)];
      if (a == Tri::True) {
        add_unique(out, s);
      } else if (a == Tri::Unknown) {
        auto& waits = waits_for[static_cast<std::size_t>(s)];
        if (!waits) waits = expander.expand(c.questions[static_cast<std::size_t>(s)].ask_if->missing_slots_for_truth(slots));
        frontier.insert(frontier.end(), waits->begin(), waits->end());
      }
    }
    cached = std::move(out);
    return *cached;
  };

  const Question* applicant = c.question("applicant");
  const int applicant_slot = applicant ? applicant->slot : -1;
  Evaluation ev;
  ev.programs.reserve(c.programs.size());
  std::vector<int> status_score(c.questions.size(), 0), estimate_score(c.questions.size(), 0);
  std::vector<bool> relevant(c.questions.size(), false);

  std::vector<int> status_missing, estimate_missing, raw_missing;  // scratch, kept to reuse their memory
  status_missing.reserve(32);
  estimate_missing.reserve(32);
  for (const auto& p : c.programs) {
    ProgramResult r;
    r.program = &p;
    r.conditions.reserve(p.conditions.size());
    r.measures.reserve(p.measures.size());
    bool any_false = false, any_unknown = false;
    status_missing.clear();
    for (const auto& cond : p.conditions) {
      ConditionResult cr;
      cr.condition = &cond;
      cr.state = truth_of(cond.logic, slots, &r.errors, "condition ", cond.id, &raw_missing);
      if (cr.state == Tri::Unknown) {
        cr.missing = expander.expand(raw_missing);
        for (int s : cr.missing) add_unique(status_missing, s);
      }
      any_false = any_false || cr.state == Tri::False;
      any_unknown = any_unknown || cr.state == Tri::Unknown;
      r.met += cr.state == Tri::True;
      r.not_met += cr.state == Tri::False;
      r.unanswered += cr.state == Tri::Unknown;
      r.conditions.push_back(std::move(cr));
    }
    r.status = any_false ? Status::Ineligible : any_unknown ? Status::Unknown : Status::Eligible;

    estimate_missing.clear();
    for (const auto& m : p.measures) {
      MeasureResult mr;
      mr.measure = &m;
      if (m.applies_if) mr.applies = truth_of(*m.applies_if, slots, &r.errors, "applies_if of measure ", m.id);
      mr.estimate = estimate_of(m, slots, r.errors);
      bool headline_candidate = m.amount && m.unit == "yen" && mr.applies != Tri::False && r.headline.kind == Estimate::Kind::None &&
                                !goes_to_someone_else(m, slots, applicant_slot);
      if (headline_candidate) {
        r.headline = mr.estimate;
        if (mr.applies == Tri::Unknown)
          for (int s : expander.expand(m.applies_if->missing_slots_for_truth(slots))) add_unique(estimate_missing, s);
        if (mr.estimate.partial())
          for (int s : expander.expand(m.amount->missing_slots(slots))) add_unique(estimate_missing, s);
      }
      r.measures.push_back(std::move(mr));
    }

    if (r.status != Status::Ineligible) {
      for (int s : status_missing) relevant[static_cast<std::size_t>(s)] = true;
      for (int s : estimate_missing) relevant[static_cast<std::size_t>(s)] = true;
      for (int s : status_missing)
        for (int t : credit_targets(s)) {
          add_unique(r.settling, t);
          ++status_score[static_cast<std::size_t>(t)];
        }
      for (int s : estimate_missing)
        for (int t : credit_targets(s)) {
          if (std::find(r.settling.begin(), r.settling.end(), t) == r.settling.end()) r.settling.push_back(t);
          ++estimate_score[static_cast<std::size_t>(t)];
        }
    }
    ev.eligible += r.status == Status::Eligible;
    ev.ineligible += r.status == Status::Ineligible;
    ev.unknown += r.status == Status::Unknown;
    ev.programs.push_back(std::move(r));
  }

  // Most programs whose status it can change first, then most estimates; ties: declared order.
  for (std::size_t q = 0; q < c.questions.size(); ++q)
    if (status_score[q] + estimate_score[q] > 0) ev.remaining.push_back(static_cast<int>(q));
  std::stable_sort(ev.remaining.begin(), ev.remaining.end(), [&](int a, int b) {
    auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    return std::tie(status_score[ua], estimate_score[ua]) > std::tie(status_score[ub], estimate_score[ub]);
  });
  if (!ev.remaining.empty()) ev.next_question = ev.remaining.front();
  ev.status_open = std::any_of(status_score.begin(), status_score.end(), [](int s) { return s > 0; });
  for (std::size_t q = 0; q < c.questions.size(); ++q)
    if (relevant[q] && !answers.skipped(static_cast<int>(q)) && ask[q] != Tri::False) ++ev.relevant_unanswered;
  return ev;
}

}  // namespace shisaku
