// The wizard's state and its moves, over the rules core and without any drawing: which screen
// is shown, which question is current, the answers, the evaluation (recomputed on every answer,
// never per frame), and the way back. The ImGui screens read it and call its moves; the
// JavaScript API (window.shisaku) drives the same moves, so tests and embedders see exactly
// what a person sees.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "answers.hpp"
#include "evaluate.hpp"

namespace shisaku::app {

enum class Screen { Start, Question, Results, Detail, Recap, Catalog };
const char* screen_name(Screen s);

class Wizard {
 public:
  explicit Wizard(const Catalog& catalog);

  // ---- moves ----
  void start();  // first question (or the results when nothing needs asking)
  // Sets the answer to the current or any question, re-evaluates and moves on to the next
  // question (or the results). A refused value changes nothing and returns why.
  std::optional<std::string> answer(const std::string& question_id, const nlohmann::json& value);
  // "わからない": keeps the question unknown and moves on.
  std::optional<std::string> skip(const std::string& question_id);
  void back();
  void show_results();
  void show_detail(const std::string& program_id);
  void show_recap();
  void show_catalog();
  // From the recap or a "needs more answers" program: ask this question now.
  std::optional<std::string> ask(const std::string& question_id);
  void restart();  // clears every answer and returns to the start

  // ---- share links ----
  std::string share_code() const { return answers_.to_share_string(); }
  // "a=<code>&v=<view>" — what the URL fragment holds.
  std::string fragment() const;
  // Restores answers and view from a fragment; on refusal nothing changes and the reason is
  // returned (ShareError + detail).
  ShareError restore(const std::string& fragment, std::string& detail);

  // ---- state ----
  Screen screen() const { return screen_; }
  const Catalog& catalog() const { return *catalog_; }
  const Answers& answers() const { return answers_; }
  const Evaluation& evaluation() const { return evaluation_; }
  // The question on screen (Screen::Question), or nullptr.
  const Question* current_question() const;
  const ProgramResult* detail_program() const;
  // Questions answered or skipped so far, and an estimate of how many remain.
  int progress_done() const;
  int progress_total() const;
  // Bumped on every change of state: the UI redraws and re-mirrors when it moves.
  unsigned revision() const { return revision_; }

  // The whole state as JSON (window.shisaku.state()).
  nlohmann::json state_json(Lang lang) const;

 private:
  void reevaluate();
  void go_to_next_question();
  void set_screen(Screen s);

  const Catalog* catalog_;
  Evaluator evaluator_;
  Answers answers_;
  Evaluation evaluation_;
  Screen screen_ = Screen::Start;
  int question_ = -1;             // slot of the current question
  std::vector<int> asked_;        // questions answered or skipped, in order
  std::vector<Screen> screens_;   // screens to go back to (results → detail …)
  std::string detail_program_;
  unsigned revision_ = 0;
};

}  // namespace shisaku::app
