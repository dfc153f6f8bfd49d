// One function per screen; each reads the wizard and calls its moves, and computes nothing
// about eligibility itself.
#pragma once

#include <optional>
#include <string>

#include "app.hpp"
#include "imgui.h"

namespace shisaku::app::screens {

void start(App& app);
void question(App& app);
void question_bar(App& app);  // 戻る / わからない, fixed under the question
void results(App& app);
void detail(App& app);
void recap(App& app);
void catalog(App& app);
// The share / export panel (a modal over any screen).
void share(App& app);

// Shared pieces.
const char* status_label(const App& app, Status s);
ImU32 status_color(Status s);
std::string label_of(const CodeList& list, const std::string& code, Lang lang);
// The kind of its main measure (「特別交付税措置」), and whom to call in one line.
std::string kind_label(const App& app, const ProgramResult& r);
std::string contact_line(const App& app, const Program& p);
// A program as a card (opens its detail): status, kind, novelty, ministry; its total or what
// the total waits for; whom to call.
void program_row(App& app, const ProgramResult& r);
// A program the sources only name: 「資料には名称のみ」, the ministry to ask, where it is listed.
void listing_row(App& app, const Listing& l);

// The draft of an answer being entered; another question starts from its saved answer.
Draft& draft_for(App& app, const Question& q);
// Why a typed number is refused, in the person's language with the question's name and range
// (「受入れ人数は0〜200人の範囲で入力してください。」); nullopt when it is fine.
std::optional<std::string> number_problem(const App& app, const Question& q, const std::string& digits, double multiplier);
// A number question's keypad with its unit and messages. With `confirm_button`, returns the
// value when 「決定」 (or Enter) is pressed; without, returns it whenever the entry is valid.
std::optional<double> number_entry(App& app, const Question& q, Draft& draft, bool confirm_button);

}  // namespace shisaku::app::screens
