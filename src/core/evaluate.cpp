#include "evaluate.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

namespace shisaku {
namespace {

using logic::Tri;
using logic::Value;

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

// The evaluation with no answers: the slots, and on them each shape's truth and each measure's
// amount (per measure in catalog order). A rule none of whose slots has changed since is not
// evaluated again; until the interview reaches them most are not, and an evaluation takes half
// the time. Checked along every persona's answers (test_personas.cpp).
// (Parallel vectors of types the core has anyway: each new vector type costs the download.)
struct EvaluationAtStart {
  std::vector<Value> slots;
  std::vector<Tri> truth;  // per shape
  std::vector<std::vector<int>> truth_missing;
  std::vector<std::string> truth_error;  // empty: none
  std::vector<logic::Outcome> amount;  // per measure
  std::vector<std::vector<int>> amount_missing;
};

namespace {

std::string error_text(std::optional<Value> error) {
  if (!error) return {};
  logic::Outcome o;
  o.error = std::move(error);
  return o.error_text();
}

// Which slots still hold their value from the start, and so which rules need no evaluation.
class Unchanged {
 public:
  Unchanged(const EvaluationAtStart& start, const std::vector<Value>& slots) : start_(start), same_(slots.size()) {
    for (std::size_t s = 0; s < slots.size(); ++s) same_[s] = slots[s] == start.slots[s];
  }
  bool since_start(const logic::Expr& e) const {
    const auto& used = e.slots_used();
    return std::all_of(used.begin(), used.end(), [&](int s) { return same_[static_cast<std::size_t>(s)] != 0; });
  }
  const EvaluationAtStart& start() const { return start_; }

 private:
  const EvaluationAtStart& start_;
  std::vector<char> same_;
};

// The truth of each distinct rule shape (see Evaluator) with these answers, and the answers it
// still waits for, worked out the first time a condition, an ask_if or an applies_if asks.
// An evaluation error (a rule bug) counts as unknown and is kept for every user to report.
class Truths {
 public:
  Truths(const std::vector<const logic::Expr*>& shapes, const std::vector<Value>& slots, const Unchanged& unchanged)
      : shapes_(shapes), slots_(slots), unchanged_(unchanged), state_(shapes.size(), kNotYet), span_(shapes.size()) {}

  Tri truth(int shape) {
    const signed char state = state_[static_cast<std::size_t>(shape)];
    return state != kNotYet ? static_cast<Tri>(state) : first_truth(shape);
  }
  // The unanswered slots an unknown truth waits for; valid until the next truth().
  Span<int> missing(int shape) const {
    const auto& [first, count] = span_[static_cast<std::size_t>(shape)];
    return {pool_.data() + first, count};
  }
  // Reports an evaluation error of the shape, if it had one, as `what id: error`.
  void report_error(int shape, std::vector<std::string>& errors, const char* what, const std::string& id) const {
    if (errors_.empty()) return;  // the rules are valid: no error, and no loop
    for (const auto& [s, text] : errors_)
      if (s == shape) errors.push_back(what + id + ": " + text);
  }

 private:
  // Kept out of line: truth() is called from many places, and only the first call per shape
  // does this work (inlined everywhere, it costs the download 5 KB).
  [[gnu::noinline]] Tri first_truth(int shape) {
    const auto index = static_cast<std::size_t>(shape);
    Tri t;
    std::string error;
    if (unchanged_.since_start(*shapes_[index])) {
      const EvaluationAtStart& start = unchanged_.start();
      t = start.truth[index];
      scratch_ = start.truth_missing[index];
      error = start.truth_error[index];
    } else {
      std::optional<Value> raised;
      t = shapes_[index]->evaluate_truth(slots_, &raised, &scratch_);
      error = error_text(std::move(raised));
    }
    if (!error.empty()) errors_.emplace_back(shape, std::move(error));
    span_[index] = {pool_.size(), scratch_.size()};
    pool_.insert(pool_.end(), scratch_.begin(), scratch_.end());
    state_[index] = static_cast<signed char>(t);
    return t;
  }

  static constexpr signed char kNotYet = -1;
  const std::vector<const logic::Expr*>& shapes_;
  const std::vector<Value>& slots_;
  const Unchanged& unchanged_;
  std::vector<signed char> state_;                         // a Tri, or kNotYet
  std::vector<std::pair<std::size_t, std::size_t>> span_;  // (first, count) in pool_
  std::vector<int> pool_, scratch_;
  std::vector<std::pair<int, std::string>> errors_;
};

void add_unique(std::vector<int>& v, int x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

// Replaces definition slots by the question slots they depend on (now).
class MissingExpander {
 public:
  MissingExpander(const Catalog& c, const std::vector<Value>& slots) : c_(c), slots_(slots), cache_(c.definitions.size()) {}

  // Appends the question slots behind `raw` to `out` (each once).
  void expand_into(Span<int> raw, std::vector<int>& out) {
    for (int s : raw) {
      if (c_.is_question_slot(s)) {
        add_unique(out, s);
        continue;
      }
      for (int q : definition(s)) add_unique(out, q);
    }
  }
  // The question slots a definition slot depends on now.
  const std::vector<int>& definition(int slot) {
    auto& cached = cache_[static_cast<std::size_t>(slot) - c_.questions.size()];
    if (!cached) cached = expand(c_.definitions[static_cast<std::size_t>(slot) - c_.questions.size()].logic.missing_slots_for_truth(slots_));
    return *cached;
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
  // `ask`: whether each question can be asked now; `ask_shape`: its ask_if's shape in `truths`.
  CreditTargets(const Catalog& c, const Answers& answers, const std::vector<Tri>& ask, const std::vector<int>& ask_shape,
                const Truths& truths, MissingExpander& expander)
      : c_(c), answers_(answers), ask_(ask), ask_shape_(ask_shape), truths_(truths), expander_(expander),
        span_(c.questions.size(), {-1, 0}), seen_(c.questions.size(), false) {}

  // Valid until the next call.
  Span<int> of(int q) {
    auto& span = span_[static_cast<std::size_t>(q)];
    if (span.first < 0) span = compute(q);
    return {pool_.data() + span.first, static_cast<std::size_t>(span.second)};
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
        for (int w : truths_.missing(ask_shape_[us])) {
          if (c_.is_question_slot(w))
            frontier_.push_back(w);
          else
            for (int d : expander_.definition(w)) frontier_.push_back(d);
        }
      }
    }
    for (int s : visited_) seen_[static_cast<std::size_t>(s)] = false;
    return {start, static_cast<int>(pool_.size()) - start};
  }

  const Catalog& c_;
  const Answers& answers_;
  const std::vector<Tri>& ask_;
  const std::vector<int>& ask_shape_;
  const Truths& truths_;
  MissingExpander& expander_;
  std::vector<std::pair<int, int>> span_;  // (first, count) in pool_; first -1: not worked out yet
  std::vector<int> pool_, frontier_, visited_;
  std::vector<char> seen_;
};

const Value kNoAnswer = Value::unknown();

const Value& applicant_of(const std::vector<Value>& slots, int applicant_slot) {
  return applicant_slot < 0 ? kNoAnswer : slots[static_cast<std::size_t>(applicant_slot)];
}

// The recipient with these answers: the only one, or the applicant when it is among several.
const std::string* recipient_of(const Measure& m, const Value& applicant) {
  if (m.recipients.size() == 1) return &m.recipients.front();
  if (applicant.is_string())
    for (const auto& r : m.recipients)
      if (r == applicant.as_string()) return &r;
  return nullptr;
}

// The estimate from the amount's outcome `o` (unused when the measure has no amount).
Estimate estimate_of(const Measure& m, const logic::Outcome& o, const Value& applicant, std::vector<std::string>& errors) {
  Estimate e;
  e.measure = &m;
  e.recipient = recipient_of(m, applicant);
  if (!m.amount) return e;
  e.unit = m.unit;
  e.inputs = &m.inputs;
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

bool is_local_government(const std::string& code) { return code == "prefecture" || code == "municipality"; }

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

const char* scope_name(Scope s) {
  switch (s) {
    case Scope::InScope:
      return "in_scope";
    case Scope::ThemeNotChosen:
      return "theme_not_chosen";
    case Scope::GateDeclined:
      return "gate_declined";
  }
  return "in_scope";
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


Evaluator::Evaluator(const Catalog& catalog)
    : catalog_(&catalog), condition_count_(catalog.condition_count()), measure_count_(catalog.measure_count()) {
  // One shape per distinct rule: identical conditions, ask_ifs and applies_ifs (who may
  // apply, above all) share one evaluation.
  std::unordered_multimap<std::size_t, int> by_hash;
  auto shape_of = [&](const logic::Expr& e) {
    const std::size_t h = e.shape_hash();
    for (auto [it, end] = by_hash.equal_range(h); it != end; ++it)
      if (shapes_[static_cast<std::size_t>(it->second)]->same_shape(e)) return it->second;
    shapes_.push_back(&e);
    by_hash.emplace(h, static_cast<int>(shapes_.size()) - 1);
    return static_cast<int>(shapes_.size()) - 1;
  };
  for (const auto& q : catalog.questions) ask_shape_.push_back(q.ask_if ? shape_of(*q.ask_if) : -1);
  if (const Question* applicant = catalog.question("applicant")) applicant_slot_ = applicant->slot;
  // Themes as bits, in meta.json order (the loader allows at most 63 options, and themes are
  // options of the interests question).
  std::map<std::string, std::uint64_t> theme_bit;
  for (const auto& [code, label] : catalog.meta.themes) theme_bit[code] = theme_bit.size() < 64 ? 1ULL << theme_bit.size() : 0;
  auto bits_of = [&](const std::vector<std::string>& themes) {
    std::uint64_t b = 0;
    for (const auto& t : themes) b |= theme_bit[t];
    return b;
  };
  if (catalog.interview.interests >= 0)
    for (const auto& o : catalog.questions[static_cast<std::size_t>(catalog.interview.interests)].options)
      interest_option_bits_.push_back(o.value == kAllThemes ? 0 : theme_bit[o.value]);
  for (const auto& p : catalog.programs) {
    for (const auto& cond : p.conditions) condition_shape_.push_back(shape_of(cond.logic));
    for (const auto& m : p.measures) {
      applies_shape_.push_back(m.applies_if ? shape_of(*m.applies_if) : -1);
      in_yen_.push_back(m.unit == "yen");
      to_local_government_.push_back(std::all_of(m.recipients.begin(), m.recipients.end(), is_local_government));
    }
    theme_bits_.push_back(bits_of(p.themes));
    primary_theme_bits_.push_back(p.themes.empty() ? 0 : theme_bit[p.themes.front()]);
    std::vector<int> parts;
    for (const auto& id : p.total_of)
      for (std::size_t i = 0; i < p.measures.size(); ++i)
        if (p.measures[i].id == id) parts.push_back(static_cast<int>(i));
    total_parts_.push_back(std::move(parts));
  }
  for (const auto& l : catalog.listings) listing_theme_bits_.push_back(bits_of(l.themes));
  auto start = std::make_shared<EvaluationAtStart>();
  start->slots = slot_values(catalog, Answers(catalog));
  for (const logic::Expr* shape : shapes_) {
    std::optional<Value> error;
    start->truth_missing.emplace_back();
    start->truth.push_back(shape->evaluate_truth(start->slots, &error, &start->truth_missing.back()));
    start->truth_error.push_back(error_text(std::move(error)));
  }
  for (const auto& p : catalog.programs)
    for (const auto& m : p.measures) {
      start->amount_missing.emplace_back();
      start->amount.push_back(m.amount ? m.amount->evaluate(start->slots, start->amount_missing.back()) : logic::Outcome{});
    }
  at_start_ = std::move(start);
}

namespace {

// The themes the interests answer keeps in scope: every theme while it is unanswered, skipped,
// empty or holds "all".
std::uint64_t chosen_themes(const Catalog& c, const Answers& answers, const std::vector<std::uint64_t>& option_bits) {
  const int slot = c.interview.interests;
  const Value* v = slot >= 0 ? answers.value(slot) : nullptr;
  if (!v || !v->is_array() || v->as_array().empty()) return ~0ULL;
  const Question& q = c.questions[static_cast<std::size_t>(slot)];
  std::uint64_t bits = 0;
  for (const auto& e : v->as_array()) {
    int i = q.option_index(e.as_string());
    if (i < 0) continue;
    if (option_bits[static_cast<std::size_t>(i)] == 0) return ~0ULL;  // "all"
    bits |= option_bits[static_cast<std::size_t>(i)];
  }
  return bits;
}

bool answered_no(const Answers& answers, int slot) {
  const Value* v = slot >= 0 ? answers.value(slot) : nullptr;
  return v && v->is_bool() && !v->as_bool();
}

}  // namespace

Evaluation Evaluator::evaluate(const Answers& answers) const {
  const Catalog& c = *catalog_;
  const InterviewSpec& iv = c.interview;
  std::vector<Value> slots = slot_values(c, answers);
  const Unchanged unchanged(*at_start_, slots);
  Truths truths(shapes_, slots, unchanged);
  MissingExpander expander(c, slots);
  // Whether each question can be asked now (its ask_if holds).
  std::vector<Tri> ask(c.questions.size(), Tri::True);
  for (std::size_t q = 0; q < ask.size(); ++q)
    if (ask_shape_[q] >= 0) ask[q] = truths.truth(ask_shape_[q]);
  CreditTargets credit_targets(c, answers, ask, ask_shape_, truths, expander);
  const std::uint64_t chosen = chosen_themes(c, answers, interest_option_bits_);

  const Value& applicant = applicant_of(slots, applicant_slot_);
  // Money a local government receives is not a company's or a person's estimate, even when they
  // take part in the program (e.g. the host municipality's allocation for a seconded employee).
  const bool applicant_not_local_government = applicant.is_string() && !is_local_government(applicant.as_string());
  Evaluation ev;
  ev.programs.reserve(c.programs.size());
  // Reserved in full, so the spans taken while filling them stay valid. The slot lists grow:
  // their spans are recorded as (first, count) and pointed at the end.
  ev.condition_results.reserve(condition_count_);
  ev.slot_lists.reserve(condition_count_ * 4);  // room for a typical no-answer evaluation
  ev.measure_results.reserve(measure_count_);
  std::vector<std::pair<std::size_t, std::size_t>> missing_at, status_at, amount_at;
  missing_at.reserve(condition_count_);
  status_at.reserve(c.programs.size());
  amount_at.reserve(c.programs.size());
  // Per question: how many programs in scope whose status it can change.
  std::vector<int> status_score(c.questions.size(), 0);
  std::vector<int> settled_by(c.questions.size(), -1);  // the last program whose settling has the question

  // scratch, kept to reuse their memory
  std::vector<int> status_missing, estimate_missing, amount_missing, expanded;
  status_missing.reserve(32);
  // An amount's outcome (and with `missing`, the unanswered slots it still depends on).
  auto amount_outcome = [&](const Measure& m, std::size_t measure_index, std::vector<int>* missing) {
    if (!m.amount) return logic::Outcome{};
    if (unchanged.since_start(*m.amount)) {
      if (missing) *missing = at_start_->amount_missing[measure_index];
      return at_start_->amount[measure_index];
    }
    return missing ? m.amount->evaluate(slots, *missing) : m.amount->evaluate(slots);
  };
  estimate_missing.reserve(32);
  for (const auto& p : c.programs) {
    const int program_index = static_cast<int>(ev.programs.size());
    const auto pi = static_cast<std::size_t>(program_index);
    ProgramResult r;
    r.program = &p;
    const int family = pi < iv.family_of.size() ? iv.family_of[pi] : -1;
    if ((theme_bits_[pi] & chosen) == 0)
      r.scope = Scope::ThemeNotChosen;
    else if (family >= 0 && answered_no(answers, iv.families[static_cast<std::size_t>(family)].gate))
      r.scope = Scope::GateDeclined;
    bool any_false = false, any_unknown = false;
    status_missing.clear();
    const std::size_t first_condition = ev.condition_results.size();
    for (const auto& cond : p.conditions) {
      ConditionResult cr;
      cr.condition = &cond;
      const int shape = condition_shape_[ev.condition_results.size()];
      cr.state = truths.truth(shape);
      truths.report_error(shape, r.errors, "condition ", cond.id);
      const std::size_t first_missing = ev.slot_lists.size();
      if (cr.state == Tri::Unknown) {
        Span<int> missing = truths.missing(shape);
        // Sorted, so a definition (slots after the questions') would come last.
        if (!missing.empty() && !c.is_question_slot(missing[missing.size() - 1])) {
          expanded.clear();
          expander.expand_into(missing, expanded);
          missing = expanded;
        }
        for (int s : missing) {
          ev.slot_lists.push_back(s);
          add_unique(status_missing, s);
        }
      }
      missing_at.emplace_back(first_missing, ev.slot_lists.size() - first_missing);
      any_false = any_false || cr.state == Tri::False;
      any_unknown = any_unknown || cr.state == Tri::Unknown;
      r.met += cr.state == Tri::True;
      r.not_met += cr.state == Tri::False;
      r.unanswered += cr.state == Tri::Unknown;
      ev.condition_results.push_back(cr);
    }
    r.conditions = {ev.condition_results.data() + first_condition, p.conditions.size()};
    r.status = any_false ? Status::Ineligible : any_unknown ? Status::Unknown : Status::Eligible;

    estimate_missing.clear();
    const std::size_t first_measure = ev.measure_results.size();
    for (const auto& m : p.measures) {
      MeasureResult mr;
      mr.measure = &m;
      const std::size_t measure_index = ev.measure_results.size();
      const int applies_shape = applies_shape_[measure_index];
      if (applies_shape >= 0) {
        mr.applies = truths.truth(applies_shape);
        truths.report_error(applies_shape, r.errors, "applies_if of measure ", m.id);
      }
      const bool counts_for_applicant = in_yen_[measure_index] && !(to_local_government_[measure_index] && applicant_not_local_government);
      const bool in_total = total_parts_[pi].empty()
                                ? false
                                : std::find(total_parts_[pi].begin(), total_parts_[pi].end(), static_cast<int>(measure_index - first_measure)) !=
                                      total_parts_[pi].end();
      bool headline_candidate = r.headline.kind == Estimate::Kind::None && m.amount && mr.applies != Tri::False && counts_for_applicant;
      const bool refine = headline_candidate || (in_total && mr.applies != Tri::False && counts_for_applicant);
      mr.estimate = estimate_of(m, amount_outcome(m, measure_index, refine ? &amount_missing : nullptr), applicant, r.errors);
      if (refine) {
        if (headline_candidate) r.headline = mr.estimate;
        if (mr.applies == Tri::Unknown) expander.expand_into(truths.missing(applies_shape), estimate_missing);
        if (mr.estimate.partial()) expander.expand_into(amount_missing, estimate_missing);
      }
      if (in_total && mr.applies != Tri::False && counts_for_applicant && mr.estimate.kind != Estimate::Kind::None) {
        r.total.parts++;
        if (mr.applies == Tri::True && mr.estimate.kind != Estimate::Kind::Unknown) r.total.known += mr.estimate.min;
        if (mr.applies != Tri::True || mr.estimate.partial()) r.total.kind = Total::Kind::Partial;
      }
      ev.measure_results.push_back(std::move(mr));
    }
    r.measures = {ev.measure_results.data() + first_measure, p.measures.size()};
    if (total_parts_[pi].empty() && r.headline.kind != Estimate::Kind::None) {
      // The headline alone: known is what it is at least.
      r.total.parts = 1;
      r.total.known = r.headline.kind == Estimate::Kind::Unknown ? 0 : r.headline.min;
      r.total.kind = r.headline.partial() ? Total::Kind::Partial : Total::Kind::Exact;
    } else if (r.total.parts > 0 && r.total.kind == Total::Kind::None) {
      r.total.kind = Total::Kind::Exact;
    }
    if (r.total.kind != Total::Kind::None) {
      r.total.unit = "yen";
      r.total.measure = r.headline.measure;
    }

    // The questions that could settle it: those that can change its status, then those that
    // only refine its amounts; each once. Only programs in scope count towards what to ask.
    const std::size_t first_status = ev.slot_lists.size();
    std::size_t first_amount = first_status;
    if (r.status != Status::Ineligible) {
      auto settle = [&](const std::vector<int>& missing, std::vector<int>* score) {
        for (int s : missing)
          for (int t : credit_targets.of(s)) {
            const auto ut = static_cast<std::size_t>(t);
            if (settled_by[ut] != program_index) {
              settled_by[ut] = program_index;
              ev.slot_lists.push_back(t);
              if (score && r.in_scope()) ++(*score)[ut];
            }
          }
      };
      settle(status_missing, &status_score);
      first_amount = ev.slot_lists.size();
      settle(estimate_missing, nullptr);
    }
    status_at.emplace_back(first_status, first_amount - first_status);
    amount_at.emplace_back(first_amount, ev.slot_lists.size() - first_amount);
    ev.eligible += r.status == Status::Eligible;
    ev.ineligible += r.status == Status::Ineligible;
    ev.unknown += r.status == Status::Unknown;
    ev.in_scope += r.in_scope();
    ev.in_scope_eligible += r.in_scope() && r.status == Status::Eligible;
    ev.in_scope_unknown += r.in_scope() && r.status == Status::Unknown;
    ev.programs.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < ev.condition_results.size(); ++i)
    ev.condition_results[i].missing = {ev.slot_lists.data() + missing_at[i].first, missing_at[i].second};
  for (std::size_t i = 0; i < ev.programs.size(); ++i) {
    ev.programs[i].status_settling = {ev.slot_lists.data() + status_at[i].first, status_at[i].second};
    ev.programs[i].amount_settling = {ev.slot_lists.data() + amount_at[i].first, amount_at[i].second};
  }
  plan_interview(c, answers, ask, status_score, chosen, ev);
  for (std::size_t i = 0; i < listing_theme_bits_.size(); ++i)
    if (listing_theme_bits_[i] & chosen) ev.listings_in_scope.push_back(static_cast<int>(i));
  return ev;
}

void Evaluator::plan_interview(const Catalog& c, const Answers& answers, const std::vector<Tri>& ask, const std::vector<int>& status_score,
                               std::uint64_t chosen, Evaluation& ev) const {
  const InterviewSpec& iv = c.interview;
  // Families: those the person said they plan to use (gate "yes") first, then the chosen
  // themes (a program's first theme weighs more), then the declared order. The ranking reads
  // only the purpose chapter's answers, so it holds still while the interview goes through the
  // families.
  std::vector<int> rank(iv.families.size(), 0);
  for (std::size_t f = 0; f < iv.families.size(); ++f) {
    for (int p : iv.families[f].programs) {
      const auto up = static_cast<std::size_t>(p);
      rank[f] = std::max(rank[f], (primary_theme_bits_[up] & chosen) ? 2 : (theme_bits_[up] & chosen) ? 1 : 0);
    }
    const Value* gate = iv.families[f].gate >= 0 ? answers.value(iv.families[f].gate) : nullptr;
    if (gate && gate->is_bool() && gate->as_bool()) rank[f] = 3;
    ev.family_order.push_back(static_cast<int>(f));
  }
  std::stable_sort(ev.family_order.begin(), ev.family_order.end(), [&](int a, int b) { return rank[static_cast<std::size_t>(a)] > rank[static_cast<std::size_t>(b)]; });

  std::vector<char> listed(c.questions.size(), false);
  auto pending = [&](int q) {
    const auto uq = static_cast<std::size_t>(q);
    return !listed[uq] && ask[uq] == Tri::True && !answers.answered(q) && !answers.skipped(q);
  };
  auto add = [&](int q, int chapter) {
    if (!pending(q)) return;
    listed[static_cast<std::size_t>(q)] = true;
    ev.remaining.push_back(q);
    ev.remaining_chapter.push_back(chapter);
  };
  auto open = [&](const ProgramResult& r) { return r.status == Status::Unknown && !r.status_settling.empty(); };
  // A family's gate is worth asking while one of its programs in a chosen theme is open.
  auto family_open = [&](const Family& f) {
    return std::any_of(f.programs.begin(), f.programs.end(), [&](int p) {
      const ProgramResult& r = ev.programs[static_cast<std::size_t>(p)];
      return r.scope != Scope::ThemeNotChosen && open(r);
    });
  };
  // 1. The basic chapters, in their fixed order: a question is asked when it can change the
  // status of a program in scope; the interests question always. The gates follow the
  // interests question, in the families' order.
  for (std::size_t ch = 0; ch < iv.basics.size(); ++ch) {
    for (int q : iv.basics[ch].questions)
      if ((q == iv.interests && ev.ineligible < static_cast<int>(ev.programs.size())) || status_score[static_cast<std::size_t>(q)] > 0)
        add(q, static_cast<int>(ch));
    if (static_cast<int>(ch) == iv.purpose_chapter)
      for (int f : ev.family_order) {
        const Family& fam = iv.families[static_cast<std::size_t>(f)];
        if (fam.gate >= 0 && family_open(fam)) add(fam.gate, static_cast<int>(ch));
      }
  }
  // 2. One family at a time, one program at a time: the program's own questions, those that
  // can change the most statuses first.
  std::vector<int> own;
  for (int f : ev.family_order) {
    for (int p : iv.families[static_cast<std::size_t>(f)].programs) {
      const ProgramResult& r = ev.programs[static_cast<std::size_t>(p)];
      if (!r.in_scope() || !open(r)) continue;
      own.clear();
      for (int q : r.status_settling)
        if (pending(q)) own.push_back(q);
      // By (score, question), in place: a program has a handful of questions, and a library sort
      // would allocate a buffer (stable_sort) or weigh on the download (sort).
      auto before = [&](int a, int b) {
        return std::make_pair(-status_score[static_cast<std::size_t>(a)], a) < std::make_pair(-status_score[static_cast<std::size_t>(b)], b);
      };
      for (std::size_t i = 1; i < own.size(); ++i)
        for (std::size_t j = i; j > 0 && before(own[j], own[j - 1]); --j) std::swap(own[j], own[j - 1]);
      for (int q : own) add(q, iv.family_chapter(f));
    }
  }
  if (!ev.remaining.empty()) {
    ev.next_question = ev.remaining.front();
    const int chapter = ev.remaining_chapter.front();
    int first = -1;  // the program the interview is on
    if (chapter >= static_cast<int>(iv.basics.size()))
      for (int p : iv.families[static_cast<std::size_t>(chapter) - iv.basics.size()].programs) {
        const ProgramResult& r = ev.programs[static_cast<std::size_t>(p)];
        if (first < 0 && r.in_scope() && std::find(r.status_settling.begin(), r.status_settling.end(), *ev.next_question) != r.status_settling.end())
          first = p;
      }
    ev.next_decides = programs_decided_by(c, ev, *ev.next_question, first);
  }
  // 3. The amounts chapter: what refines the amounts of the eligible programs in scope, in the
  // same order.
  for (int f : ev.family_order)
    for (int p : iv.families[static_cast<std::size_t>(f)].programs) {
      const ProgramResult& r = ev.programs[static_cast<std::size_t>(p)];
      if (!r.in_scope() || r.status != Status::Eligible) continue;
      for (int q : r.amount_settling)
        if (pending(q)) {
          listed[static_cast<std::size_t>(q)] = true;
          ev.amount_questions.push_back(q);
        }
    }
}

std::vector<int> programs_decided_by(const Catalog& c, const Evaluation& ev, int slot, int first) {
  std::vector<int> out;
  // A gate decides no status: it is asked for its family's programs that are still open.
  for (const Family& f : c.interview.families)
    if (f.gate == slot)
      for (int p : f.programs) {
        const ProgramResult& r = ev.programs[static_cast<std::size_t>(p)];
        if (r.scope != Scope::ThemeNotChosen && r.status == Status::Unknown) out.push_back(p);
      }
  for (std::size_t i = 0; i < ev.programs.size(); ++i) {
    const ProgramResult& r = ev.programs[i];
    if (!r.in_scope() || r.status != Status::Unknown) continue;
    if (std::find(r.status_settling.begin(), r.status_settling.end(), slot) != r.status_settling.end()) out.push_back(static_cast<int>(i));
  }
  auto it = std::find(out.begin(), out.end(), first);
  if (it != out.end()) std::rotate(out.begin(), it, it + 1);
  return out;
}

std::vector<int> programs_refined_by(const Evaluation& ev, int slot) {
  std::vector<int> out;
  for (std::size_t i = 0; i < ev.programs.size(); ++i) {
    const ProgramResult& r = ev.programs[i];
    if (r.in_scope() && r.status == Status::Eligible &&
        std::find(r.amount_settling.begin(), r.amount_settling.end(), slot) != r.amount_settling.end())
      out.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace shisaku
