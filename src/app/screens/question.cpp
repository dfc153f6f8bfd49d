#include <algorithm>
#include <cstdlib>
#include <string>

#include "format.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {
namespace {

// Where the interview is: "3 / 6 地域の条件 · この章はあと2問".
std::string chapter_line(const App& app) {
  ChapterProgress p = app.wizard.progress();
  if (p.chapter < 0) return "";
  const bool ja = app.lang() == Lang::Ja;
  std::string title = app.wizard.catalog().interview.chapter_title(p.chapter).in(app.lang());
  if (p.count == 0) return std::string(app.t(ui::kChapter)) + " " + std::to_string(p.number) + "　" + title;
  std::string left = p.left == 0 ? app.t(ui::kChapterLastQuestion)
                                 : std::string(app.t(ui::kChapterLeft)) + (ja ? " " : " ") + std::to_string(p.left) + (ja ? "問" : p.left == 1 ? " question" : " questions");
  return std::string(app.t(ui::kChapter)) + " " + std::to_string(p.number) + " / " + std::to_string(p.count) + "　" + title + " · " + left;
}

// Which programs the question decides, and why: 「地域おこし協力隊 ほか2件の判定に使います」.
void decides(App& app, const Question& q) {
  const Catalog& c = app.wizard.catalog();
  const Evaluation& ev = app.wizard.evaluation();
  const Lang lang = app.lang();
  const bool ja = lang == Lang::Ja;
  std::vector<int> programs = app.wizard.decides();
  if (programs.empty()) return;
  const bool amounts = app.wizard.progress().chapter == c.interview.amounts_chapter();
  std::string line;
  if (programs.size() > 5 && app.wizard.progress().chapter < static_cast<int>(c.interview.basics.size())) {
    // A basic question (who, where) decides much: naming one of them, or its condition, would mislead.
    line = ja ? std::to_string(programs.size()) + app.t(ui::kDecidesMany) : std::to_string(programs.size()) + " " + app.t(ui::kDecidesMany);
    widgets::text(line, theme::palette().accent);
    return;
  } else {
    const std::string first = c.programs[static_cast<std::size_t>(programs.front())].name.in(lang);
    const std::string more = programs.size() > 1 ? (ja ? " ほか" + std::to_string(programs.size() - 1) + "件" : " and " + std::to_string(programs.size() - 1) + " more") : "";
    line = ja ? "「" + first + "」" + more + (amounts ? app.t(ui::kRefines) : app.t(ui::kDecides))
              : std::string(amounts ? "Refines the amount of " : "Decides ") + first + more;
  }
  widgets::text(line, theme::palette().accent);
  // Why: the condition of the program it is asked for that waits for this answer (a detail of
  // the rules: it shows once they are in).
  if (!app.details_ready()) return;
  const ProgramResult& r = ev.programs[static_cast<std::size_t>(programs.front())];
  for (const auto& cr : r.conditions)
    if (cr.state == logic::Tri::Unknown && std::find(cr.missing.begin(), cr.missing.end(), q.slot) != cr.missing.end() && !cr.condition->text.empty()) {
      widgets::muted(std::string(app.t(ui::kConditions)) + (ja ? "：" : ": ") + cr.condition->text.in(lang));
      break;
    }
}

void answer(App& app, const Question& q, const nlohmann::json& value) {
  // The screens only offer valid answers; a refusal here is a bug, said without the core's words.
  if (app.wizard.answer(q.id, value)) app.notify(app.lang() == Lang::Ja ? "この回答は受け付けられませんでした。" : "This answer could not be accepted.", 6);
  app.draft = Draft{};
}

void yes_no(App& app, const Question& q) {
  const logic::Value* current = app.wizard.answers().value(q.slot);
  if (widgets::choice("yes", app.t(ui::kYes), current && current->as_bool())) answer(app, q, true);
  if (widgets::choice("no", app.t(ui::kNo), current && !current->as_bool())) answer(app, q, false);
}

void single(App& app, const Question& q) {
  const logic::Value* current = app.wizard.answers().value(q.slot);
  for (const auto& o : q.options) {
    bool selected = current && current->as_string() == o.value;
    if (widgets::choice(o.value.c_str(), o.label.in(app.lang()), selected)) answer(app, q, o.value);
  }
}

// The ticks are a draft until "OK" makes them the answer. On the interests question, 「すべて」
// and the single themes exclude each other.
void multi(App& app, const Question& q) {
  std::vector<std::string>& ticked = draft_for(app, q).choices;
  const bool interests = q.slot == app.wizard.catalog().interview.interests;
  for (const auto& o : q.options) {
    bool on = std::find(ticked.begin(), ticked.end(), o.value) != ticked.end();
    std::string label = std::string(on ? "☑ " : "☐ ") + o.label.in(app.lang());
    if (widgets::choice(o.value.c_str(), label, on)) {
      if (on) {
        ticked.erase(std::remove(ticked.begin(), ticked.end(), o.value), ticked.end());
      } else {
        if (interests) ticked.erase(std::remove_if(ticked.begin(), ticked.end(), [&](const std::string& t) { return (t == kAllThemes) != (o.value == kAllThemes); }), ticked.end());
        ticked.push_back(o.value);
      }
    }
  }
  // 決定 is in the bar under the question (question_bar): a long list (the interests question
  // has 16 options) would push it below the fold.
}

void number(App& app, const Question& q) {
  if (std::optional<double> v = number_entry(app, q, draft_for(app, q), true)) answer(app, q, *v);
}

}  // namespace

void question(App& app) {
  const Question* q = app.wizard.current_question();
  if (!q) return;
  ChapterProgress p = app.wizard.progress();
  widgets::progress(p.count ? static_cast<float>(p.number - 1) / static_cast<float>(p.count) : 0, chapter_line(app));
  ImGui::Dummy(ImVec2(0, theme::px(6)));
  widgets::heading(q->text.in(app.lang()), 1.3f);
  decides(app, *q);
  if (!q->help.empty()) {
    ImGui::PushID("help");
    if (widgets::fold(app.t(ui::kHelp), "help")) widgets::text(q->help.in(app.lang()));
    ImGui::PopID();
  }
  ImGui::Dummy(ImVec2(0, theme::px(4)));
  ImGui::PushID(q->id.c_str());
  switch (q->type) {
    case QuestionType::Boolean:
      yes_no(app, *q);
      break;
    case QuestionType::Single:
      single(app, *q);
      break;
    case QuestionType::Multi:
      multi(app, *q);
      break;
    case QuestionType::Number:
      number(app, *q);
      break;
  }
  ImGui::PopID();
  ImGui::Dummy(ImVec2(0, theme::px(8)));
  widgets::muted(app.t(ui::kSkipHelp));
  if (widgets::button(app.t(ui::kSeeResults), false, ImGui::GetContentRegionAvail().x)) app.wizard.show_results();
}

// 戻る and わからない (and 決定 for a question with several answers), in the bar under the
// question (App::frame keeps it on screen).
void question_bar(App& app) {
  const Question* q = app.wizard.current_question();
  if (!q) return;
  if (q->type == QuestionType::Multi && widgets::button(app.t(ui::kConfirm), true, ImGui::GetContentRegionAvail().x))
    answer(app, *q, draft_for(app, *q).choices);
  int pressed = widgets::button_row({app.t(ui::kBack), app.t(ui::kSkip)});
  if (pressed == 0) app.wizard.back();
  if (pressed == 1) app.wizard.skip(q->id);
}

}  // namespace shisaku::app::screens
