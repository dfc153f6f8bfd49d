// The wizard's state and its moves, over the rules core and without any drawing: which screen
// is shown, which question is current, the answers, the evaluation (recomputed on every answer,
// never per frame), and the way back. The ImGui screens read it and call its moves; the
// JavaScript API (window.shisaku) drives the same moves, so tests and embedders see exactly
// what a person sees. The order of the questions is the core's (Evaluation::remaining), so the
// app, the JS API and the CLI always agree.
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

// Where the interview is, for the question screen: "chapter 3 of 6, about 2 questions left in it".
struct ChapterProgress {
  int chapter = -1;  // InterviewSpec chapter index
  int number = 0;    // 1-based position among the chapters of this interview
  int count = 0;     // chapters of this interview (visited, current and to come); 0 until the interests are chosen
  int left = 0;      // questions still to come in this chapter after this one (an estimate; 0 with count)
};

class Wizard {
 public:
  explicit Wizard(const Catalog& catalog);

  // ---- moves ----
  void start();  // first question (or the results when nothing needs asking)
  // Sets the answer to the current or any question, re-evaluates and moves on: to the next
  // question of the interview, of the amounts chapter, or of the program it was asked for; or
  // back to the screen it was asked from. A refused value changes nothing and returns why.
  std::optional<std::string> answer(const std::string& question_id, const nlohmann::json& value);
  // "わからない": keeps the question unknown and moves on the same way.
  std::optional<std::string> skip(const std::string& question_id);
  // An answer entered in place (the detail's amount inputs): re-evaluates, stays on the screen.
  // A null value takes the answer back.
  std::optional<std::string> set_in_place(const std::string& question_id, const nlohmann::json& value);
  void back();
  void show_results();
  void show_start();  // the answers stay (the start screen offers to continue)
  void show_detail(const std::string& program_id);
  void show_recap();
  void show_catalog();
  // From the recap, a card or a detail: ask this question now, then come back there (a card
  // that still needs answers asks its next question first). `program`: the card it was asked
  // for ("" when none).
  std::optional<std::string> ask(const std::string& question_id, const std::string& program = "");
  // The optional last chapter: the questions that refine the amounts of eligible programs.
  void start_amounts();
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
  // The program a screen should bring into view (the card an answer was asked for), once.
  const std::string& focus_program() const { return focus_program_; }
  void clear_focus() { focus_program_.clear(); }
  bool in_amounts() const { return amounts_; }
  // The chapter of the question on screen and how much of it is left.
  ChapterProgress progress() const;
  // The programs the question on screen decides (in scope, status open), the one the
  // interview is on first; in the amounts chapter, those whose amounts it refines.
  std::vector<int> decides() const;
  // Questions answered or skipped so far.
  int answered_count() const { return static_cast<int>(asked_.size()); }
  // Bumped on every change of state: the UI redraws and re-mirrors when it moves.
  unsigned revision() const { return revision_; }

  // The whole state as JSON (window.shisaku.state()).
  nlohmann::json state_json(Lang lang) const;

 private:
  struct Asked {
    int slot;
    int chapter;  // the chapter it was asked in
  };
  struct Return {
    Screen screen = Screen::Results;
    std::string program;  // the card it was asked for
  };
  void reevaluate();
  void advance();  // after an answer or a skip
  void go_to_next_question();
  void show_question(int slot);
  void set_screen(Screen s);
  int chapter_of_current() const;
  void note_asked(int slot);

  const Catalog* catalog_;
  Evaluator evaluator_;
  Answers answers_;
  Evaluation evaluation_;
  Screen screen_ = Screen::Start;
  int question_ = -1;             // slot of the current question
  bool amounts_ = false;          // in the amounts chapter
  std::optional<Return> return_;  // where an asked question returns to
  std::vector<Asked> asked_;      // questions answered or skipped, in order
  std::vector<Screen> screens_;   // screens to go back to (results → detail …)
  std::string detail_program_;
  std::string focus_program_;
  unsigned revision_ = 0;
};

}  // namespace shisaku::app
