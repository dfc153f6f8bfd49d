#include "wizard.hpp"

#include <algorithm>

#include "report.hpp"

namespace shisaku::app {

const char* screen_name(Screen s) {
  switch (s) {
    case Screen::Start:
      return "start";
    case Screen::Question:
      return "question";
    case Screen::Results:
      return "results";
    case Screen::Detail:
      return "detail";
    case Screen::Recap:
      return "recap";
    case Screen::Catalog:
      return "catalog";
  }
  return "start";
}

Wizard::Wizard(const Catalog& catalog) : catalog_(&catalog), evaluator_(catalog), answers_(catalog) { reevaluate(); }

void Wizard::reevaluate() {
  evaluation_ = evaluator_.evaluate(answers_);
  ++revision_;
}

void Wizard::set_screen(Screen s) {
  if (s != screen_ && screen_ != Screen::Question) screens_.push_back(screen_);
  screen_ = s;
  ++revision_;
}

void Wizard::go_to_next_question() {
  if (evaluation_.next_question) {
    question_ = *evaluation_.next_question;
    screen_ = Screen::Question;
  } else {
    question_ = -1;
    screen_ = Screen::Results;
  }
  ++revision_;
}

void Wizard::start() {
  screens_.push_back(Screen::Start);
  go_to_next_question();
}

std::optional<std::string> Wizard::answer(const std::string& question_id, const nlohmann::json& value) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  if (auto err = answers_.set(q->slot, value)) return err;
  asked_.erase(std::remove(asked_.begin(), asked_.end(), q->slot), asked_.end());
  asked_.push_back(q->slot);
  reevaluate();
  go_to_next_question();
  return std::nullopt;
}

std::optional<std::string> Wizard::skip(const std::string& question_id) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  answers_.skip(q->slot);
  asked_.erase(std::remove(asked_.begin(), asked_.end(), q->slot), asked_.end());
  asked_.push_back(q->slot);
  reevaluate();
  go_to_next_question();
  return std::nullopt;
}

void Wizard::back() {
  if (screen_ == Screen::Question || screen_ == Screen::Results) {
    // Back through the questions: show the previous one with its answer, still set.
    auto it = std::find(asked_.begin(), asked_.end(), question_);
    if (screen_ == Screen::Results) it = asked_.end();
    if (it != asked_.begin() && !asked_.empty()) {
      question_ = *std::prev(it);
      screen_ = Screen::Question;
      ++revision_;
      return;
    }
    screen_ = Screen::Start;
    screens_.clear();
    ++revision_;
    return;
  }
  if (!screens_.empty()) {
    screen_ = screens_.back();
    screens_.pop_back();
  } else {
    screen_ = Screen::Start;
  }
  ++revision_;
}

void Wizard::show_results() { set_screen(Screen::Results); }
void Wizard::show_recap() { set_screen(Screen::Recap); }
void Wizard::show_catalog() { set_screen(Screen::Catalog); }

void Wizard::show_detail(const std::string& program_id) {
  if (!catalog_->program(program_id)) return;
  detail_program_ = program_id;
  set_screen(Screen::Detail);
}

std::optional<std::string> Wizard::ask(const std::string& question_id) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  if (screen_ != Screen::Question) screens_.push_back(screen_);
  question_ = q->slot;
  screen_ = Screen::Question;
  ++revision_;
  return std::nullopt;
}

void Wizard::restart() {
  answers_.reset();
  asked_.clear();
  screens_.clear();
  question_ = -1;
  detail_program_.clear();
  screen_ = Screen::Start;
  reevaluate();
}

const Question* Wizard::current_question() const {
  if (screen_ != Screen::Question || question_ < 0) return nullptr;
  return &catalog_->questions[static_cast<std::size_t>(question_)];
}

const ProgramResult* Wizard::detail_program() const {
  for (const auto& r : evaluation_.programs)
    if (r.program->id == detail_program_) return &r;
  return nullptr;
}

int Wizard::progress_done() const { return static_cast<int>(asked_.size()); }

int Wizard::progress_total() const {
  int pending = std::max(static_cast<int>(evaluation_.remaining.size()), evaluation_.relevant_unanswered);
  if (screen_ == Screen::Question && question_ >= 0 &&
      std::find(evaluation_.remaining.begin(), evaluation_.remaining.end(), question_) == evaluation_.remaining.end())
    ++pending;  // revisiting an answered question
  return progress_done() + pending;
}

std::string Wizard::fragment() const {
  std::string view = screen_name(screen_);
  if (screen_ == Screen::Question && question_ >= 0) view += ":" + catalog_->questions[static_cast<std::size_t>(question_)].id;
  if (screen_ == Screen::Detail) view += ":" + detail_program_;
  return "a=" + share_code() + "&v=" + view;
}

ShareError Wizard::restore(const std::string& fragment, std::string& detail) {
  std::string code, view;
  std::string f = fragment;
  if (!f.empty() && f[0] == '#') f.erase(0, 1);
  std::size_t pos = 0;
  while (pos <= f.size()) {
    std::size_t amp = f.find('&', pos);
    std::string part = f.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    if (part.rfind("a=", 0) == 0) code = part.substr(2);
    if (part.rfind("v=", 0) == 0) view = part.substr(2);
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  ShareError why = ShareError::None;
  auto restored = Answers::from_share_string(*catalog_, code, why, detail);
  if (!restored) return why;
  std::string name = view.substr(0, view.find(':'));
  std::string arg = view.find(':') == std::string::npos ? "" : view.substr(view.find(':') + 1);
  answers_ = std::move(*restored);
  asked_.clear();
  for (const auto& q : catalog_->questions)
    if (answers_.answered(q.slot) || answers_.skipped(q.slot)) asked_.push_back(q.slot);
  screens_.clear();
  reevaluate();
  if (name == "question" && catalog_->question(arg)) {
    screens_.push_back(Screen::Start);
    question_ = catalog_->question(arg)->slot;
    screen_ = Screen::Question;
  } else if (name == "detail" && catalog_->program(arg)) {
    detail_program_ = arg;
    screens_.push_back(Screen::Results);
    screen_ = Screen::Detail;
  } else if (name == "recap") {
    screens_.push_back(Screen::Results);
    screen_ = Screen::Recap;
  } else if (name == "catalog") {
    screens_.push_back(Screen::Start);
    screen_ = Screen::Catalog;
  } else if (name == "start") {
    screen_ = Screen::Start;
  } else {
    screen_ = Screen::Results;
  }
  ++revision_;
  return ShareError::None;
}

nlohmann::json Wizard::state_json(Lang lang) const {
  nlohmann::json j = {{"screen", screen_name(screen_)},
                      {"answers", answers_.to_json()["answers"]},
                      {"skipped", answers_.to_json()["skipped"]},
                      {"progress", {{"done", progress_done()}, {"total", progress_total()}}},
                      {"counts", {{"eligible", evaluation_.eligible}, {"unknown", evaluation_.unknown}, {"ineligible", evaluation_.ineligible}}},
                      {"fragment", fragment()}};
  if (const Question* q = current_question()) j["question"] = question_json(*catalog_, *q, lang);
  if (screen_ == Screen::Detail) j["program"] = detail_program_;
  return j;
}

}  // namespace shisaku::app
