// Evaluation of an answer set against the catalog: each program's status, the reasons, the
// estimate, and which question to ask next (see docs/decisions/0004-next-question.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "answers.hpp"
#include "catalog.hpp"

namespace shisaku {

enum class Status { Eligible, Ineligible, Unknown };
const char* status_name(Status s);  // "eligible", "ineligible", "unknown"

// A run of results stored in their Evaluation, valid while it lives (an Evaluation moves but
// is never copied). One evaluation makes a few allocations instead of one or more per program.
template <class T>
class Span {
 public:
  Span() = default;
  Span(const T* first, std::size_t size) : first_(first), size_(size) {}
  Span(const std::vector<T>& v) : first_(v.data()), size_(v.size()) {}  // NOLINT: a view of it
  const T* begin() const { return first_; }
  const T* end() const { return first_ + size_; }
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](std::size_t i) const { return first_[i]; }

 private:
  const T* first_ = nullptr;
  std::size_t size_ = 0;
};

struct ConditionResult {
  const Condition* condition = nullptr;
  logic::Tri state = logic::Tri::Unknown;
  Span<int> missing;  // question slots still needed (unknown conditions only)
};

struct Estimate {
  enum class Kind { None, Exact, Range, Unknown } kind = Kind::None;
  double min = 0;
  double max = 0;  // +infinity when unbounded above
  std::string_view unit;  // "yen" or "ratio" (the measure's)
  const Measure* measure = nullptr;
  // Who receives it with these answers (one of the measure's recipients); nullptr when it has
  // several and the answers do not say which.
  const std::string* recipient = nullptr;
  const std::vector<int>* inputs = nullptr;  // question slots the amount reads (answered or not)
  bool partial() const { return kind == Kind::Range || kind == Kind::Unknown; }
};

struct MeasureResult {
  const Measure* measure = nullptr;
  logic::Tri applies = logic::Tri::True;
  Estimate estimate;
};

// Whether the interview is about a program: its themes were chosen (or all were) and its
// family's gate was not answered "no". A program set aside asks nothing but keeps whatever
// status the answers give.
enum class Scope { InScope, ThemeNotChosen, GateDeclined };
const char* scope_name(Scope s);  // "in_scope", "theme_not_chosen", "gate_declined"

// What a program gives in total with these answers: its headline measure, or the sum of the
// measures its `total_of` lists (each counted when it applies).
struct Total {
  enum class Kind { None, Exact, Partial } kind = Kind::None;  // Partial: some part waits for answers
  double known = 0;     // the sum of the parts already known
  int parts = 0;        // measures counted so far
  std::string_view unit;
  const Measure* measure = nullptr;  // the headline measure
};

struct ProgramResult {
  const Program* program = nullptr;
  Status status = Status::Unknown;
  Scope scope = Scope::InScope;
  Span<ConditionResult> conditions;
  int met = 0;
  int not_met = 0;
  int unanswered = 0;
  Span<MeasureResult> measures;
  Estimate headline;  // the first applicable yen amount
  Total total;
  // Questions (slots) whose answers could still change the status, each askable now (ask_if
  // holds) or leading to one that is; and those that could only refine the amounts.
  Span<int> status_settling;
  Span<int> amount_settling;
  std::vector<std::string> errors;  // evaluation errors (a rule bug), shown, never hidden

  bool in_scope() const { return scope == Scope::InScope; }
  bool decided() const { return status != Status::Unknown && !(status == Status::Eligible && headline.partial()); }
};

struct Evaluation {
  Evaluation() = default;
  Evaluation(Evaluation&&) = default;
  Evaluation& operator=(Evaluation&&) = default;
  Evaluation(const Evaluation&) = delete;  // the programs' spans point into this one's storage
  Evaluation& operator=(const Evaluation&) = delete;

  std::vector<ProgramResult> programs;  // catalog order
  // The interview (docs/decisions/0007-interview-chapters.md): the questions that can still
  // change the status of a program in scope, in the order they will be asked, each with the
  // chapter it is asked in. The first is the next question; none once every program in scope
  // is decided as far as it can be.
  std::optional<int> next_question;     // slot
  std::vector<int> remaining;
  std::vector<int> remaining_chapter;   // per remaining question: its chapter (InterviewSpec)
  // The questions that only refine the amounts of eligible programs in scope (the optional
  // last chapter), in the order it asks them.
  std::vector<int> amount_questions;
  // For the next question: the programs in scope whose status it can change, the one the
  // interview is on first (indices into programs).
  std::vector<int> next_decides;
  // The families in the order the interview takes them (the chosen themes first).
  std::vector<int> family_order;
  bool status_open() const { return next_question.has_value(); }
  int eligible = 0, ineligible = 0, unknown = 0;
  int in_scope = 0;                     // programs in scope
  int in_scope_eligible = 0, in_scope_unknown = 0;  // of them, eligible; waiting for answers
  // The programs the sources only name (Catalog::listings) in the chosen themes.
  std::vector<int> listings_in_scope;

  // What the programs' spans point into.
  std::vector<ConditionResult> condition_results;
  std::vector<MeasureResult> measure_results;
  std::vector<int> slot_lists;
};

class Evaluator {
 public:
  explicit Evaluator(const Catalog& catalog);
  Evaluation evaluate(const Answers& answers) const;

 private:
  // Orders what is left to ask into the interview's chapters (fills next_question, remaining,
  // amount_questions, next_decides and family_order).
  void plan_interview(const Catalog& c, const Answers& answers, const std::vector<logic::Tri>& ask, const std::vector<int>& status_score,
                      std::uint64_t chosen, Evaluation& ev) const;

  const Catalog* catalog_;
  std::size_t condition_count_, measure_count_;  // over all programs: the evaluation's pools
  // The distinct rules (by Expr::same_shape) among conditions, ask_ifs and applies_ifs, and
  // the shape of each: per condition and per measure in catalog order, per question (-1: none).
  std::vector<const logic::Expr*> shapes_;
  std::vector<int> condition_shape_, applies_shape_, ask_shape_;
  // Per measure in catalog order, read once here rather than compared as text each evaluation:
  // an amount in yen (a headline candidate), money only local governments receive.
  std::vector<char> in_yen_, to_local_government_;
  int applicant_slot_ = -1;  // the "applicant" question's slot (-1: the rules have none)
  // For the scope: each program's themes, and its first (primary) theme, as bits of the themes
  // in meta.json order; per option of the interests question, its theme's bit (0: "all").
  std::vector<std::uint64_t> theme_bits_, primary_theme_bits_, listing_theme_bits_;
  std::vector<std::uint64_t> interest_option_bits_;
  // Per program, its measures counted in its total (indices into its measures).
  std::vector<std::vector<int>> total_parts_;
  // The evaluation with no answers, whose results stand for every rule that reads nothing
  // answered since (evaluate.cpp).
  std::shared_ptr<const struct EvaluationAtStart> at_start_;
};

// The programs in scope whose status the question can still change (for a gate: its family's
// open programs; indices into programs, `first` first when it is among them), and the eligible
// ones whose amounts it can refine.
std::vector<int> programs_decided_by(const Catalog& catalog, const Evaluation& ev, int slot, int first = -1);
std::vector<int> programs_refined_by(const Evaluation& ev, int slot);

// Slot values for an answer set: answers, Unknown or [min, max] for unanswered numbers, and
// the derived definitions.
std::vector<logic::Value> slot_values(const Catalog& catalog, const Answers& answers);
// Fills the definition slots from the question slots.
void compute_definitions(const Catalog& catalog, std::vector<logic::Value>& slots);

}  // namespace shisaku
