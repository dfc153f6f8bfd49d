#include "app.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "format.hpp"
#include "report.hpp"
#include "screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

// The screen-reader mirror: the same state as real DOM text in an aria-live region.
std::string mirror_html(const App& app) {
  const Wizard& w = app.wizard;
  const Evaluation& ev = w.evaluation();
  Lang lang = app.lang();
  std::string counts = std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(ev.eligible) + ", " + app.t(ui::kLiveUnknown) + " " +
                       std::to_string(ev.unknown);
  std::string h = "<p data-screen=\"" + std::string(screen_name(w.screen())) + "\">" + esc(counts) + "</p>";
  switch (w.screen()) {
    case Screen::Start:
      h += "<h1>" + esc(app.t(ui::kAppName)) + "</h1><p>" + esc(app.t(ui::kIntro)) + "</p>";
      break;
    case Screen::Question: {
      const Question* q = w.current_question();
      if (!q) break;
      h += "<h2 data-question=\"" + esc(q->id) + "\">" + esc(q->text.in(lang)) + "</h2><p>" + esc(q->help.in(lang)) + "</p><ul>";
      if (q->type == QuestionType::Boolean) h += "<li>" + esc(app.t(ui::kYes)) + "<li>" + esc(app.t(ui::kNo));
      for (const auto& o : q->options) h += "<li>" + esc(o.label.in(lang));
      h += "</ul>";
      break;
    }
    case Screen::Results:
    case Screen::Recap:
    case Screen::Catalog:
      for (Status s : {Status::Eligible, Status::Unknown}) {
        h += "<h2>" + esc(s == Status::Eligible ? app.t(ui::kEligible) : app.t(ui::kUnknown)) + "</h2><ul>";
        for (const auto& r : ev.programs)
          if (r.status == s)
            h += "<li data-program=\"" + esc(r.program->id) + "\">" + esc(r.program->name.in(lang)) +
                 (r.headline.kind == Estimate::Kind::None ? "" : " — " + esc(format_estimate(r.headline, lang)));
        h += "</ul>";
      }
      break;
    case Screen::Detail:
      if (const ProgramResult* r = w.detail_program())
        h += "<h2>" + esc(r->program->name.in(lang)) + "</h2><p>" + esc(reasons_summary(w.catalog(), *r, lang)) + "</p><p>" +
             esc(r->program->summary.in(lang)) + "</p>";
      break;
  }
  return h;
}

}  // namespace

App::App(const Catalog& catalog, Settings s) : wizard(catalog), settings(s) {}

void App::notify(std::string text, double seconds) {
  message = std::move(text);
  message_until = seconds > 0 ? ImGui::GetTime() + seconds : 0;
}

void App::kiosk_reset() {
  wizard.restart();
  show_share = false;
  message.clear();
  filter = CatalogFilter{};
  sort_by_amount = show_ineligible = false;
  pending_number.clear();
  web::clear_storage();
}

namespace {

void top_bar(App& app) {
  const auto& p = theme::palette();
  const char* labels[] = {app.t(ui::kLanguage), app.t(ui::kFontSmaller), app.t(ui::kFontLarger), "◐"};
  float controls = 0;
  for (const char* l : labels) controls += ImGui::CalcTextSize(l).x + ImGui::GetStyle().FramePadding.x * 2 + ImGui::GetStyle().ItemSpacing.x;
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
  float name_w = ImGui::CalcTextSize(app.t(ui::kAppName)).x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(app.t(ui::kAppName));
  ImGui::PopFont();
  ImGui::PopStyleColor();
  float room = ImGui::GetContentRegionAvail().x - name_w - controls;
  if (app.wizard.screen() != Screen::Start) {
    const Evaluation& ev = app.wizard.evaluation();
    std::string counts = std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(ev.eligible) + " · " + app.t(ui::kLiveUnknown) + " " +
                         std::to_string(ev.unknown);
    if (ImGui::CalcTextSize(counts.c_str()).x < room) {
      ImGui::SameLine();
      ImGui::TextDisabled("%s", counts.c_str());
    }
  }
  // Language, text size and contrast: right-aligned, or on their own row on a narrow screen.
  if (room > 0) {
    ImGui::SameLine();
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetContentRegionAvail().x - controls));
  }
  auto control = [](const char* label) {
    bool pressed = ImGui::Button(label);
    widgets::note_item(label);
    return pressed;
  };
  if (control(labels[0])) app.settings.lang = app.lang() == Lang::Ja ? Lang::En : Lang::Ja;
  ImGui::SameLine();
  if (control(labels[1])) app.settings.text_scale = std::max(0.8f, app.settings.text_scale - 0.1f);
  ImGui::SameLine();
  if (control(labels[2])) app.settings.text_scale = std::min(1.8f, app.settings.text_scale + 0.1f);
  ImGui::SameLine();
  if (control(labels[3])) app.settings.high_contrast = !app.settings.high_contrast;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t(ui::kContrast));
  ImGui::Separator();
}

void message_overlay(App& app) {
  if (app.message.empty()) return;
  if (app.message_until > 0 && ImGui::GetTime() > app.message_until) {
    app.message.clear();
    return;
  }
  ImGuiViewport* vp = ImGui::GetMainViewport();
  float w = std::min(vp->Size.x - theme::px(24), theme::px(520));
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y - theme::px(16)), ImGuiCond_Always, ImVec2(0.5f, 1));
  ImGui::SetNextWindowSize(ImVec2(w, 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::palette().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, theme::px(2));
  ImGui::Begin("##message", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  widgets::text(app.message);
  if (widgets::button(app.t(ui::kDismiss))) app.message.clear();
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

void kiosk_countdown(App& app) {
  if (!app.settings.kiosk) return;
  double idle = ImGui::GetTime() - app.last_input_time;
  double left = app.settings.idle_seconds - idle;
  bool untouched = app.wizard.screen() == Screen::Start && app.wizard.answers().answered_count() == 0 && !app.show_share;
  if (untouched) return;
  if (left <= 0) {
    app.kiosk_reset();
    return;
  }
  if (left > 15) return;
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, theme::px(3));
  ImGui::Begin("##idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.5f);
  std::string text = std::string(app.t(ui::kIdleWarning)) + " " + std::to_string(static_cast<int>(std::ceil(left)));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopFont();
  if (widgets::button(app.t(ui::kDismiss), true, theme::px(240))) app.last_input_time = ImGui::GetTime();
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace

void App::frame() {
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##main", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  top_bar(*this);

  float max_w = theme::px(settings.kiosk ? 1000 : 760);
  float avail = ImGui::GetContentRegionAvail().x;
  float column = std::min(avail, max_w);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) / 2);
  ImGui::BeginChild("content", ImVec2(column, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
  // A new screen or question starts at the top.
  static std::string shown;
  std::string now = std::string(screen_name(wizard.screen())) + (wizard.current_question() ? wizard.current_question()->id : "") +
                    (wizard.screen() == Screen::Detail && wizard.detail_program() ? wizard.detail_program()->program->id : "");
  if (now != shown) {
    ImGui::SetScrollY(0);
    shown = now;
  }
  switch (wizard.screen()) {
    case Screen::Start:
      screens::start(*this);
      break;
    case Screen::Question:
      screens::question(*this);
      break;
    case Screen::Results:
      screens::results(*this);
      break;
    case Screen::Detail:
      screens::detail(*this);
      break;
    case Screen::Recap:
      screens::recap(*this);
      break;
    case Screen::Catalog:
      screens::catalog(*this);
      break;
  }
  if (wizard.screen() != Screen::Catalog) web::search_box(0, 0, 0, 0, false, "");
  ImGui::Dummy(ImVec2(0, theme::px(24)));
  widgets::drag_scroll();
  ImGui::EndChild();
  ImGui::End();

  screens::share(*this);
  message_overlay(*this);
  kiosk_countdown(*this);

  // Mirror and URL follow the state, once per change (not per frame).
  if (wizard.revision() != mirrored_revision || lang() != mirrored_lang) {
    mirrored_revision = wizard.revision();
    mirrored_lang = lang();
    web::mirror(mirror_html(*this));
    if (settings.share_in_url) {
      bool blank = wizard.screen() == Screen::Start && wizard.answers().answered_count() == 0;
      if (blank)
        web::clear_url_state();
      else
        web::set_fragment(wizard.fragment());
    }
  }
}

}  // namespace shisaku::app
