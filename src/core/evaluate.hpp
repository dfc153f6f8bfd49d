// Evaluation of an answer set against the catalog: each program's status, the reasons, the
// estimate, and which question to ask next (see docs/decisions/0004-next-question.md).
#pragma once

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

struct ProgramResult {
  const Program* program = nullptr;
  Status status = Status::Unknown;
  Span<ConditionResult> conditions;
  int met = 0;
  int not_met = 0;
  int unanswered = 0;
  Span<MeasureResult> measures;
  Estimate headline;  // the first applicable yen amount, for sorting and the results list
  // Questions (slots) whose answers could still change the status or the headline estimate,
  // each askable now (ask_if holds) or leading to one that is.
  Span<int> settling;
  std::vector<std::string> errors;  // evaluation errors (a rule bug), shown, never hidden

  bool decided() const { return status != Status::Unknown && !(status == Status::Eligible && headline.partial()); }
};

struct Evaluation {
  Evaluation() = default;
  Evaluation(Evaluation&&) = default;
  Evaluation& operator=(Evaluation&&) = default;
  Evaluation(const Evaluation&) = delete;  // the programs' spans point into this one's storage
  Evaluation& operator=(const Evaluation&) = delete;

  std::vector<ProgramResult> programs;  // catalog order
  std::optional<int> next_question;     // slot
  // Whether any remaining question can still change a program's status (the others only
  // refine estimates): when false, every program that can be decided is decided.
  bool status_open = false;
  std::vector<int> remaining;           // every question still worth asking, most useful first
  // Unanswered questions that could still matter, including those not askable yet (waiting for
  // an earlier answer): the progress bar's estimate of what is left.
  int relevant_unanswered = 0;
  int eligible = 0, ineligible = 0, unknown = 0;

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
};

// Slot values for an answer set: answers, Unknown or [min, max] for unanswered numbers, and
// the derived definitions.
std::vector<logic::Value> slot_values(const Catalog& catalog, const Answers& answers);
// Fills the definition slots from the question slots.
void compute_definitions(const Catalog& catalog, std::vector<logic::Value>& slots);

}  // namespace shisaku
