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

  // Appends the question slots behind `raw` to `out` (each once).
  void expand_into(const std::vector<int>& raw, std::vector<int>& out) {
    for (int s : raw) {
      if (c_.is_question_slot(s)) {
        add_unique(out, s);
        continue;
      }
      std::size_t d = static_cast<std::size_t>(s) - c_.questions.size();
      if (!cache_[d]) cache_[d] = expand(c_.definitions[d].logic.missing_slots_for_truth(slots_));
      for (int q : *cache_[d]) add_unique(out, q);
    }
  }
  std::vector<int> expand(const std::vector<int>& raw) {
    std::vector<int> out;
    out.reserve(raw.size());
    expand_into(raw, out);
    return out;
  }

 private:
  const Catalog& c_;
  const std::vector<Value>& slots_;
  std::vector<std::optional<std::vector<int>>> cache_;
};

// The askable questions that take the credit for settling a question: the question itself
// when it can be asked now; when it cannot be asked yet, the questions its ask_if waits for;
// none when it never will be (ask_if false), or was answered or skipped. Worked out once per
// question and evaluation; the lists share one pool.
class CreditTargets {
 public:
  CreditTargets(const Catalog& c, const Answers& answers, const std::vector<Tri>& ask, const std::vector<Value>& slots,
                MissingExpander& expander)
      : c_(c), answers_(answers), ask_(ask), slots_(slots), expander_(expander),
        span_(c.questions.size(), {-1, 0}), seen_(c.questions.size(), false), waits_for_(c.questions.size()) {}

  struct List {
    const int* first;
    const int* last;
    const int* begin() const { return first; }
    const int* end() const { return last; }
  };
  // Valid until the next call.
  List of(int q) {
    auto& span = span_[static_cast<std::size_t>(q)];
    if (span.first < 0) span = compute(q);
    const int* base = pool_.data() + span.first;
    return {base, base + span.second};
  }

 private:
  std::pair<int, int> compute(int q) {
    const int start = static_cast<int>(pool_.size());
    frontier_.assign(1, q);
    visited_.clear();
    while (!frontier_.empty()) {
      const int s = frontier_.back();
      const auto us = static_cast<std::size_t>(s);
      frontier_.pop_back();
      if (seen_[us]) continue;
      seen_[us] = true;
      visited_.push_back(s);
      if (answers_.answered(s) || answers_.skipped(s)) continue;
      if (ask_[us] == Tri::True) {
        pool_.push_back(s);
      } else if (ask_[us] == Tri::Unknown) {
        auto& waits = waits_for_[us];
        if (!waits) waits = expander_.expand(c_.questions[us].ask_if->missing_slots_for_truth(slots_));
        frontier_.insert(frontier_.end(), waits->begin(), waits->end());
      }
    }
    for (int s : visited_) seen_[static_cast<std::size_t>(s)] = false;
    return {start, static_cast<int>(pool_.size()) - start};
  }

  const Catalog& c_;
  const Answers& answers_;
  const std::vector<Tri>& ask_;
  const std::vector<Value>& slots_;
  MissingExpander& expander_;
  std::vector<std::pair<int, int>> span_;  // (first, count) in pool_; first -1: not worked out yet
  std::vector<int> pool_, frontier_, visited_;
  std::vector<bool> seen_;
  std::vector<std::optional<std::vector<int>>> waits_for_;
};

// With `missing`, also the unanswered slots a partial estimate still depends on.
Estimate estimate_of(const Measure& m, const std::vector<Value>& slots, std::vector<std::string>& errors,
                     std::vector<int>* missing = nullptr) {
  Estimate e;
  e.measure = &m;
  if (!m.amount) return e;
  e.unit = m.unit;
  e.inputs = &m.inputs;
  logic::Outcome o = missing ? m.amount->evaluate(slots, *missing) : m.amount->evaluate(slots);
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

  CreditTargets credit_targets(c, answers, ask, slots, expander);

  const Question* applicant = c.question("applicant");
  const int applicant_slot = applicant ? applicant->slot : -1;
  Evaluation ev;
  ev.programs.reserve(c.programs.size());
  std::vector<int> status_score(c.questions.size(), 0), estimate_score(c.questions.size(), 0);
  std::vector<bool> relevant(c.questions.size(), false);

  // scratch, kept to reuse their memory
  std::vector<int> status_missing, estimate_missing, raw_missing, applies_missing, amount_missing;
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
      if (m.applies_if) mr.applies = truth_of(*m.applies_if, slots, &r.errors, "applies_if of measure ", m.id, &applies_missing);
      bool headline_candidate = m.amount && m.unit == "yen" && mr.applies != Tri::False && r.headline.kind == Estimate::Kind::None &&
                                !goes_to_someone_else(m, slots, applicant_slot);
      mr.estimate = estimate_of(m, slots, r.errors, headline_candidate ? &amount_missing : nullptr);
      if (headline_candidate) {
        r.headline = mr.estimate;
        if (mr.applies == Tri::Unknown)
          expander.expand_into(applies_missing, estimate_missing);
        if (mr.estimate.partial())
          expander.expand_into(amount_missing, estimate_missing);
      }
      r.measures.push_back(std::move(mr));
    }

    if (r.status != Status::Ineligible) {
      for (int s : status_missing) relevant[static_cast<std::size_t>(s)] = true;
      for (int s : estimate_missing) relevant[static_cast<std::size_t>(s)] = true;
      for (int s : status_missing)
        for (int t : credit_targets.of(s)) {
          add_unique(r.settling, t);
          ++status_score[static_cast<std::size_t>(t)];
        }
      for (int s : estimate_missing)
        for (int t : credit_targets.of(s)) {
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
