// A person's way through the interview: the questions shown one after another, each answered
// from a prepared answer set (a question it has no answer for is "わからない"), until every
// program in scope is decided. What `shisaku walk` prints, what the interview benchmark
// measures and what the persona tests check.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "evaluate.hpp"

namespace shisaku {

struct WalkStep {
  int slot = -1;
  int chapter = -1;
  bool basic = false;         // in a basic chapter (who and where, interests, the area)
  bool answered = false;      // false: the answer set had none, so it was skipped
  std::vector<int> serves;    // the programs it was asked for (Evaluation::next_decides)
};

struct Walk {
  std::vector<WalkStep> steps;
  Evaluation final;
  // Per program: the number of questions shown when it first became eligible (0: before any;
  // -1: never).
  std::vector<int> eligible_after;
  // Questions outside the basic chapters that served no program in the chosen themes.
  int off_topic = 0;
  // Times the interview left a program and came back to it: the program a question is asked
  // for (the first it serves, outside the basic chapters and the gates) went from A to
  // another and later back to A.
  int returns = 0;
  std::vector<int> returned_to;  // the programs it came back to
};

// Answers every question the interview shows from `answers` ({id: value}); refused or missing
// answers are skipped. Stops when no question is left, or after a question per question.
Walk walk_interview(const Catalog& catalog, const Evaluator& evaluator, const nlohmann::json& answers);

}  // namespace shisaku
