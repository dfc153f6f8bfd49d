#include <algorithm>
#include <cstdlib>
#include <string>

#include "format.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {
namespace {

std::string counts_line(const App& app) {
  const Evaluation& ev = app.wizard.evaluation();
  return std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(ev.eligible) + (app.lang() == Lang::Ja ? "件・" : " · ") +
         app.t(ui::kLiveUnknown) + " " + std::to_string(ev.unknown) + (app.lang() == Lang::Ja ? "件" : "");
}

void answer(App& app, const Question& q, const nlohmann::json& value) {
  if (auto err = app.wizard.answer(q.id, value)) app.notify(*err, 6);
  app.draft = Draft{};
}

// The draft belongs to one question: another question starts from its saved answer.
Draft& draft_for(App& app, const Question& q) {
  Draft& d = app.draft;
  if (d.slot == q.slot) return d;
  d = Draft{};
  d.slot = q.slot;
  if (const logic::Value* v = app.wizard.answers().value(q.slot)) {
    if (q.type == QuestionType::Number) d.number = logic::number_to_string(v->as_number());
    if (q.type == QuestionType::Multi)
      for (const auto& e : v->as_array()) d.choices.push_back(e.as_string());
  }
  return d;
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

// The ticks are a draft until "OK" makes them the answer.
void multi(App& app, const Question& q) {
  std::vector<std::string>& ticked = draft_for(app, q).choices;
  for (const auto& o : q.options) {
    bool on = std::find(ticked.begin(), ticked.end(), o.value) != ticked.end();
    std::string label = std::string(on ? "☑ " : "☐ ") + o.label.in(app.lang());
    if (widgets::choice(o.value.c_str(), label, on)) {
      if (on)
        ticked.erase(std::remove(ticked.begin(), ticked.end(), o.value), ticked.end());
      else
        ticked.push_back(o.value);
    }
  }
  if (widgets::button(app.t(ui::kConfirm), true, ImGui::GetContentRegionAvail().x)) answer(app, q, ticked);
}

// A keypad, so a touch screen needs no keyboard; typed digits work too.
void number(App& app, const Question& q) {
  std::string& s = draft_for(app, q).number;
  ImGuiIO& io = ImGui::GetIO();
  for (ImWchar c : io.InputQueueCharacters)
    if ((c >= '0' && c <= '9') || (c == '.' && !q.integer && s.find('.') == std::string::npos)) s += static_cast<char>(c);
  if (ImGui::IsKeyPressed(ImGuiKey_Backspace) && !s.empty()) s.pop_back();

  const auto& units = app.wizard.catalog().meta.units;
  auto unit = units.find(q.unit);
  std::string unit_text = unit != units.end() ? unit->second.in(app.lang()) : "";
  std::string shown = (s.empty() ? std::string("—") : s) + " " + unit_text;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopFont();
  std::string range = logic::number_to_string(q.min) + " 〜 " + logic::number_to_string(q.max) + " " + unit_text;
  widgets::muted(range);

  static const char* kKeys[] = {"7", "8", "9", "4", "5", "6", "1", "2", "3", "0", ".", "⌫"};
  float avail = std::min(ImGui::GetContentRegionAvail().x, theme::px(360));
  float gap = ImGui::GetStyle().ItemSpacing.x;
  float key_w = (avail - 2 * gap) / 3;
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    bool disabled = (kKeys[i][0] == '.' && (q.integer || s.find('.') != std::string::npos));
    ImGui::BeginDisabled(disabled);
    bool pressed = ImGui::Button(kKeys[i], ImVec2(key_w, theme::px(52)));
    widgets::note_item(kKeys[i]);
    if (pressed) {
      if (i == 11) {
        if (!s.empty()) s.pop_back();
      } else if (s.size() < 15) {
        s += kKeys[i];
      }
    }
    ImGui::EndDisabled();
  }
  // Enter confirms what was typed; while the keyboard focus is shown, Enter presses the
  // focused key instead (ImGui's navigation), so it must not confirm as well.
  bool enter = !io.NavVisible && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
  ImGui::BeginDisabled(s.empty() || s == ".");
  if ((widgets::button(app.t(ui::kConfirm), true, avail) || enter) && !s.empty() && s != ".") answer(app, q, std::strtod(s.c_str(), nullptr));
  ImGui::EndDisabled();
}

}  // namespace

void question(App& app) {
  const Question* q = app.wizard.current_question();
  if (!q) return;
  float fraction = app.wizard.progress_total() ? static_cast<float>(app.wizard.progress_done()) / app.wizard.progress_total() : 0;
  std::string progress = std::to_string(app.wizard.progress_done()) + " / " + std::to_string(app.wizard.progress_total()) + " " +
                         app.t(ui::kProgress) + "   " + counts_line(app);
  widgets::progress(fraction, progress);
  ImGui::Dummy(ImVec2(0, theme::px(6)));
  widgets::heading(q->text.in(app.lang()), 1.3f);
  if (!q->help.empty()) {
    ImGui::PushID("help");
    if (ImGui::CollapsingHeader(app.t(ui::kHelp))) widgets::text(q->help.in(app.lang()));
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
  float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) / 2;
  if (widgets::button(app.t(ui::kBack), false, w)) app.wizard.back();
  ImGui::SameLine();
  if (widgets::button(app.t(ui::kSkip), false, w)) app.wizard.skip(q->id);
  widgets::muted(app.t(ui::kSkipHelp));
  if (widgets::button(app.t(ui::kSeeResults), false, ImGui::GetContentRegionAvail().x)) app.wizard.show_results();
}

}  // namespace shisaku::app::screens
