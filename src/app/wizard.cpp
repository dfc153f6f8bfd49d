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

namespace {

template <class C>
bool contains(const C& c, int x) {
  return std::find(c.begin(), c.end(), x) != c.end();
}

}  // namespace

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

void Wizard::show_question(int slot) {
  question_ = slot;
  screen_ = Screen::Question;
  ++revision_;
}

void Wizard::go_to_next_question() {
  if (evaluation_.next_question) {
    show_question(*evaluation_.next_question);
    return;
  }
  question_ = -1;
  amounts_ = false;
  screen_ = Screen::Results;
  ++revision_;
}

int Wizard::chapter_of_current() const {
  if (question_ < 0) return -1;
  const InterviewSpec& iv = catalog_->interview;
  const auto& rem = evaluation_.remaining;
  if (!amounts_) {
    auto it = std::find(rem.begin(), rem.end(), question_);
    if (it != rem.end()) return evaluation_.remaining_chapter[static_cast<std::size_t>(it - rem.begin())];
  }
  if (amounts_ || contains(evaluation_.amount_questions, question_)) return iv.amounts_chapter();
  int filed = iv.chapter_of[static_cast<std::size_t>(question_)];
  return filed >= 0 ? filed : iv.amounts_chapter();
}

void Wizard::note_asked(int slot) {
  int chapter = slot == question_ ? chapter_of_current() : catalog_->interview.chapter_of[static_cast<std::size_t>(slot)];
  asked_.erase(std::remove_if(asked_.begin(), asked_.end(), [slot](const Asked& a) { return a.slot == slot; }), asked_.end());
  asked_.push_back({slot, chapter});
}

void Wizard::start() {
  screens_.push_back(Screen::Start);
  return_.reset();
  amounts_ = false;
  go_to_next_question();
}

void Wizard::advance() {
  if (return_) {
    Return ret = *return_;
    // A card that still needs answers asks its next question before going back to it.
    if (!ret.program.empty() && ret.screen == Screen::Results) {
      for (const auto& r : evaluation_.programs) {
        if (r.program->id != ret.program || r.status != Status::Unknown || r.status_settling.empty()) continue;
        int next = r.status_settling[0];
        for (int q : evaluation_.remaining)
          if (contains(r.status_settling, q)) {
            next = q;
            break;
          }
        show_question(next);
        return;
      }
    }
    return_.reset();
    question_ = -1;
    screen_ = ret.screen;
    focus_program_ = ret.program;
    ++revision_;
    return;
  }
  if (amounts_) {
    if (!evaluation_.amount_questions.empty()) {
      show_question(evaluation_.amount_questions.front());
      return;
    }
    amounts_ = false;
    question_ = -1;
    screen_ = Screen::Results;
    ++revision_;
    return;
  }
  go_to_next_question();
}

std::optional<std::string> Wizard::answer(const std::string& question_id, const nlohmann::json& value) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  if (auto err = answers_.set(q->slot, value)) return err;
  note_asked(q->slot);
  reevaluate();
  advance();
  return std::nullopt;
}

std::optional<std::string> Wizard::skip(const std::string& question_id) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  answers_.skip(q->slot);
  note_asked(q->slot);
  reevaluate();
  advance();
  return std::nullopt;
}

std::optional<std::string> Wizard::set_in_place(const std::string& question_id, const nlohmann::json& value) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  if (value.is_null()) {
    answers_.clear(q->slot);
    asked_.erase(std::remove_if(asked_.begin(), asked_.end(), [q](const Asked& a) { return a.slot == q->slot; }), asked_.end());
  } else {
    if (auto err = answers_.set(q->slot, value)) return err;
    note_asked(q->slot);
  }
  reevaluate();
  return std::nullopt;
}

void Wizard::back() {
  if (screen_ == Screen::Question && return_) {
    // Asked from a card, the recap or a detail: back is back there.
    screen_ = return_->screen;
    focus_program_ = return_->program;
    return_.reset();
    question_ = -1;
    ++revision_;
    return;
  }
  if (screen_ == Screen::Question || screen_ == Screen::Results) {
    // Back through the questions: show the previous one with its answer, still set.
    auto it = std::find_if(asked_.begin(), asked_.end(), [this](const Asked& a) { return a.slot == question_; });
    if (screen_ == Screen::Results) it = asked_.end();
    if (it != asked_.begin() && !asked_.empty()) {
      const Asked& previous = *std::prev(it);
      // Leaving the amounts chapter backwards returns to the results it started from.
      if (amounts_ && screen_ == Screen::Question && previous.chapter != catalog_->interview.amounts_chapter()) {
        amounts_ = false;
        question_ = -1;
        screen_ = Screen::Results;
        ++revision_;
        return;
      }
      show_question(previous.slot);
      return;
    }
    screen_ = Screen::Start;
    screens_.clear();
    amounts_ = false;
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

void Wizard::show_results() {
  amounts_ = false;
  return_.reset();
  set_screen(Screen::Results);
}
void Wizard::show_recap() { set_screen(Screen::Recap); }
void Wizard::show_start() {
  screens_.clear();
  return_.reset();
  amounts_ = false;
  question_ = -1;
  screen_ = Screen::Start;
  ++revision_;
}
void Wizard::show_catalog() { set_screen(Screen::Catalog); }

void Wizard::show_detail(const std::string& program_id) {
  if (!catalog_->program(program_id)) return;
  detail_program_ = program_id;
  set_screen(Screen::Detail);
}

std::optional<std::string> Wizard::ask(const std::string& question_id, const std::string& program) {
  const Question* q = catalog_->question(question_id);
  if (!q) return "there is no question \"" + question_id + "\"";
  if (screen_ != Screen::Question && screen_ != Screen::Start) return_ = Return{screen_, program};
  amounts_ = false;
  show_question(q->slot);
  return std::nullopt;
}

void Wizard::start_amounts() {
  return_.reset();
  amounts_ = true;
  advance();
}

void Wizard::restart() {
  answers_.reset();
  asked_.clear();
  screens_.clear();
  question_ = -1;
  amounts_ = false;
  return_.reset();
  detail_program_.clear();
  focus_program_.clear();
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

ChapterProgress Wizard::progress() const {
  ChapterProgress p;
  p.chapter = chapter_of_current();
  if (p.chapter < 0) return p;
  // The chapters of this interview: those visited, then those still to come.
  std::vector<int> outline;
  auto add = [&](int ch) {
    if (ch >= 0 && !contains(outline, ch)) outline.push_back(ch);
  };
  for (const Asked& a : asked_) add(a.chapter);
  add(p.chapter);
  for (int ch : evaluation_.remaining_chapter) add(ch);
  const int amounts = catalog_->interview.amounts_chapter();
  if (!evaluation_.amount_questions.empty()) add(amounts);
  p.number = static_cast<int>(std::find(outline.begin(), outline.end(), p.chapter) - outline.begin()) + 1;
  p.count = static_cast<int>(outline.size());
  // Before the interests are chosen, what is left depends on them: no count to show yet.
  const int interests = catalog_->interview.interests;
  const bool chosen = interests < 0 || answers_.answered(interests) || answers_.skipped(interests);
  if (!chosen) {
    p.count = 0;
    return p;
  }
  if (p.chapter == amounts) {
    p.left = static_cast<int>(evaluation_.amount_questions.size()) - (contains(evaluation_.amount_questions, question_) ? 1 : 0);
  } else {
    for (std::size_t i = 0; i < evaluation_.remaining.size(); ++i)
      if (evaluation_.remaining_chapter[i] == p.chapter && evaluation_.remaining[i] != question_) ++p.left;
  }
  return p;
}

std::vector<int> Wizard::decides() const {
  if (question_ < 0) return {};
  if (amounts_ || chapter_of_current() == catalog_->interview.amounts_chapter()) return programs_refined_by(evaluation_, question_);
  if (evaluation_.next_question && *evaluation_.next_question == question_) return evaluation_.next_decides;
  int first = -1;
  if (return_)
    for (std::size_t i = 0; i < evaluation_.programs.size(); ++i)
      if (evaluation_.programs[i].program->id == return_->program) first = static_cast<int>(i);
  return programs_decided_by(*catalog_, evaluation_, question_, first);
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
    if (answers_.answered(q.slot) || answers_.skipped(q.slot)) asked_.push_back({q.slot, catalog_->interview.chapter_of[static_cast<std::size_t>(q.slot)]});
  screens_.clear();
  return_.reset();
  amounts_ = false;
  focus_program_.clear();
  reevaluate();
  if (name == "question" && catalog_->question(arg)) {
    screens_.push_back(Screen::Start);
    question_ = catalog_->question(arg)->slot;
    screen_ = Screen::Question;
    // A question of the amounts chapter resumes that chapter.
    amounts_ = !contains(evaluation_.remaining, question_) && contains(evaluation_.amount_questions, question_);
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
  const InterviewSpec& iv = catalog_->interview;
  nlohmann::json answers = answers_.to_json();
  nlohmann::json j = {{"screen", screen_name(screen_)},
                      {"answers", answers["answers"]},
                      {"skipped", answers["skipped"]},
                      {"counts", {{"eligible", evaluation_.eligible}, {"unknown", evaluation_.unknown}, {"ineligible", evaluation_.ineligible},
                                  {"in_scope", evaluation_.in_scope}}},
                      {"amounts", amounts_},
                      {"amount_questions", evaluation_.amount_questions.size()},
                      {"fragment", fragment()}};
  if (const Question* q = current_question()) {
    j["question"] = question_json(*catalog_, *q, lang);
    ChapterProgress p = progress();
    j["chapter"] = {{"id", iv.chapter_id(p.chapter)}, {"title", iv.chapter_title(p.chapter).in(lang)}, {"number", p.number}, {"count", p.count}, {"left", p.left}};
    nlohmann::json decided = nlohmann::json::array();
    for (int i : decides()) decided.push_back(catalog_->programs[static_cast<std::size_t>(i)].id);
    j["decides"] = decided;
  }
  if (screen_ == Screen::Detail) j["program"] = detail_program_;
  if (!focus_program_.empty()) j["focus"] = focus_program_;
  return j;
}

}  // namespace shisaku::app
