#include "app.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "format.hpp"
#include "imgui_internal.h"
#include "report.hpp"
#include "screens/screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app {
namespace {

std::string esc(const std::string& s) { return html_escape(s); }

// The screen-reader mirror: the same state as real DOM text in an aria-live region, and the
// kiosk's idle warning (without its ticking seconds, which would be read out every second).
std::string mirror_html(const App& app, bool idle_warning) {
  const Wizard& w = app.wizard;
  const Evaluation& ev = w.evaluation();
  Lang lang = app.lang();
  // The programs in scope, as the results and the top bar count them.
  std::string counts = std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(ev.in_scope_eligible) + ", " + app.t(ui::kLiveUnknown) + " " +
                       std::to_string(ev.in_scope_unknown);
  std::string h = idle_warning ? "<p role=\"alert\" data-idle-warning>" + esc(app.t(ui::kIdleWarning)) + "</p>" : "";
  h += "<p data-screen=\"" + std::string(screen_name(w.screen())) + "\">" + esc(counts) + "</p>";
  switch (w.screen()) {
    case Screen::Start:
      h += "<h1>" + esc(app.t(ui::kAppName)) + "</h1><p>" + esc(app.t(ui::kIntro)) + "</p>";
      break;
    case Screen::Question: {
      const Question* q = w.current_question();
      if (!q) break;
      ChapterProgress p = w.progress();
      h += "<p data-chapter=\"" + esc(w.catalog().interview.chapter_id(p.chapter)) + "\">" + esc(w.catalog().interview.chapter_title(p.chapter).in(lang)) + " (" +
           std::to_string(p.number) + "/" + std::to_string(p.count) + ")</p>";
      h += "<h2 data-question=\"" + esc(q->id) + "\">" + esc(q->text.in(lang)) + "</h2><p>" + esc(q->help.in(lang)) + "</p><ul>";
      if (q->type == QuestionType::Boolean) h += "<li>" + esc(app.t(ui::kYes)) + "<li>" + esc(app.t(ui::kNo));
      for (const auto& o : q->options) h += "<li>" + esc(o.label.in(lang));
      h += "</ul>";
      break;
    }
    case Screen::Results:
    case Screen::Recap:
    case Screen::Catalog:
      // The results as the screen lists them: by kind of support, the rest after.
      for (const ResultSection& section : result_sections(w.catalog(), ev, app.sort_by_amount)) {
        h += "<h2>" + esc(section_title(w.catalog(), section, lang)) + "</h2><ul>";
        for (int i : section.programs) {
          const ProgramResult& r = ev.programs[static_cast<std::size_t>(i)];
          std::string amount = amount_line(w.catalog(), r, lang);
          h += "<li data-program=\"" + esc(r.program->id) + "\">" + esc(std::string(status_text(r.status, lang)) + " " + r.program->name.in(lang)) +
               (amount.empty() ? "" : " — " + esc(amount));
        }
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

App::App(const Catalog& catalog, Settings s, double now) : wizard(catalog), initial_settings(s), settings(s), last_input_time(now) {}

bool App::details_ready() {
  if (!has_rules || has_rules(lang(), BundlePart::Details)) return true;
  if (want_rules) want_rules(lang(), BundlePart::Details);
  return false;
}

void App::set_lang(Lang l) {
  settings.lang = l;
  if (has_rules && !has_rules(l, BundlePart::Core) && want_rules) want_rules(l, BundlePart::Core);
}

void App::rebind(const Catalog& catalog) {
  Wizard fresh(catalog);
  std::string detail;
  if (wizard.answers().answered_count() > 0 || wizard.screen() != Screen::Start) fresh.restore(wizard.fragment(), detail);
  wizard = std::move(fresh);
  mirrored.clear();  // mirror the new texts
}

void App::open(Pending what) {
  if (!rules_loaded) {
    pending = what;
    return;
  }
  if (what == Pending::Start) wizard.start();
  if (what == Pending::Catalog) wizard.show_catalog();
}

void App::rules_arrived() {
  rules_loaded = true;
  Pending p = std::exchange(pending, Pending::None);
  if (wizard.screen() != Screen::Start) return;  // a share link took the visitor elsewhere
  if (p == Pending::None && settings.view_new) return open_new_view();
  open(p);
}

void App::open_new_view() {
  filter = CatalogFilter{};
  filter.novelty = true;
  wizard.show_catalog();
}

void App::notify(std::string text, double seconds) {
  message = std::move(text);
  message_until = seconds > 0 ? ImGui::GetTime() + seconds : 0;
}

void App::note_input(double now, bool pressed) {
  last_input_time = now;
  if (pressed) touched_since_reset = true;
}

std::optional<double> App::seconds_until_reset(double now) const {
  if (!settings.kiosk) return std::nullopt;
  // Untouched since the last reset (on the start screen, or the view the kiosk opens on):
  // nothing to forget, so no countdown and no frames.
  bool blank = wizard.answers().answered_count() == 0 && !show_share;
  if (blank && !touched_since_reset) return std::nullopt;
  return settings.idle_seconds - (now - last_input_time);
}

std::optional<double> App::countdown(double now) const {
  // The last 15 seconds, or the last third of a shorter timeout.
  double warning = std::min(15.0, settings.idle_seconds / 3.0);
  std::optional<double> left = seconds_until_reset(now);
  if (!left || *left > warning) return std::nullopt;
  return std::max(0.0, *left);
}

void App::kiosk_reset(double now) {
  wizard.restart();
  settings = initial_settings;
  filter = CatalogFilter{};
  results_filter = ResultsFilter{};
  sort_by_amount = show_share = false;
  draft = Draft{};
  message.clear();
  // ImGui's own memory of the visit: open sections, scroll positions, a half-pressed button.
  for (ImGuiWindow* window : GImGui->Windows) {
    window->StateStorage.Clear();
    ImGui::SetScrollY(window, 0);
  }
  ImGui::ClearActiveID();
  last_input_time = now;
  touched_since_reset = false;
  web::clear_storage();
  if (settings.view_new && rules_loaded) open_new_view();
}

namespace {

void top_bar(App& app, double now) {
  const auto& p = theme::palette();
  bool kiosk = app.settings.kiosk;
  // A kiosk has no hover: the contrast control says what it does; targets are finger-sized.
  std::string contrast = kiosk ? std::string("◐ ") + app.t(ui::kContrast) : "◐";
  std::vector<std::string> labels = {app.t(ui::kLanguage), app.t(ui::kFontSmaller), app.t(ui::kFontLarger), contrast};
  if (kiosk && app.seconds_until_reset(now)) labels.push_back(app.t(ui::kKioskRestart));
  float min_h = kiosk ? theme::px(52) : 0;
  auto width_of = [&](const std::string& l) { return std::max(ImGui::CalcTextSize(l.c_str()).x + ImGui::GetStyle().FramePadding.x * 2, min_h); };
  float controls = 0;
  for (const auto& l : labels) controls += width_of(l) + ImGui::GetStyle().ItemSpacing.x;
  ImGui::PushStyleColor(ImGuiCol_Text, p.accent);
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
  float name_w = ImGui::CalcTextSize(app.t(ui::kAppName)).x + ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  // Texts on this row sit on the middle of the controls, which a kiosk makes taller.
  float& text_offset = ImGui::GetCurrentWindow()->DC.CurrLineTextBaseOffset;
  text_offset = std::max(text_offset, (min_h - ImGui::GetTextLineHeight()) / 2);
  ImGui::TextUnformatted(app.t(ui::kAppName));
  ImGui::PopFont();
  ImGui::PopStyleColor();
  float room = ImGui::GetContentRegionAvail().x - name_w - controls;
  if (app.wizard.screen() != Screen::Start) {
    const Evaluation& ev = app.wizard.evaluation();
    // The programs in scope, as the results count them (not those set aside).
    std::string counts = std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(ev.in_scope_eligible) + " · " + app.t(ui::kLiveUnknown) +
                         " " + std::to_string(ev.in_scope_unknown);
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
  auto control = [&](std::size_t i) {
    if (i) ImGui::SameLine();
    bool pressed = ImGui::Button(labels[i].c_str(), ImVec2(width_of(labels[i]), min_h));
    widgets::note_item(labels[i]);
    return pressed;
  };
  if (control(0)) app.set_lang(app.lang() == Lang::Ja ? Lang::En : Lang::Ja);
  if (control(1)) app.settings.text_scale = std::max(0.8f, app.settings.text_scale - 0.1f);
  if (control(2)) app.settings.text_scale = std::min(1.8f, app.settings.text_scale + 0.1f);
  if (control(3)) app.settings.high_contrast = !app.settings.high_contrast;
  if (!kiosk && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.t(ui::kContrast));
  if (labels.size() > 4 && control(4)) app.kiosk_reset(now);
  ImGui::Separator();
  app.content_top = ImGui::GetCursorScreenPos().y;
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

std::string seconds_left(const App& app, double seconds) {
  std::string n = std::to_string(static_cast<int>(std::ceil(seconds)));
  return app.lang() == Lang::Ja ? "あと " + n + " 秒" : n + " s left";
}

void kiosk_countdown(App& app, double now) {
  std::optional<double> left = app.countdown(now);
  if (!left) return;
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(vp->Size.x - theme::px(24), theme::px(560)), 0));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::palette().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, theme::px(3));
  ImGui::Begin("##idle", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  widgets::heading(app.t(ui::kIdleWarning), 1.3f);
  widgets::heading(seconds_left(app, *left), 2.0f);
  if (widgets::button(app.t(ui::kIdleContinue), true, ImGui::GetContentRegionAvail().x)) app.last_input_time = now;
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace

void App::frame(double now) {
  if (std::optional<double> left = seconds_until_reset(now); left && *left <= 0) kiosk_reset(now);
  // A new screen or question: it starts at the top, and for a moment takes no touch or click,
  // so a second tap meant for the old screen (a double tap, a quick repeat) does not land on
  // whatever now sits under the finger. Keys are not held back.
  std::string view = std::string(screen_name(wizard.screen())) + (wizard.current_question() ? wizard.current_question()->id : "") +
                     (wizard.screen() == Screen::Detail && wizard.detail_program() ? wizard.detail_program()->program->id : "");
  const bool new_view = view != shown_view;
  if (new_view) {
    view_since = first_view_since = shown_view.empty() ? -kNewScreenGuard : now;  // the first screen takes input at once
    shown_view = view;
    draft = Draft{};  // what was keyed on the last screen belongs to it
  }
  if (now - view_since < kNewScreenGuard) {
    ImGuiIO& io = ImGui::GetIO();
    // A finger still hammering (quick repeated taps) keeps the screen guarded, up to a second.
    if ((io.MouseClicked[0] || io.MouseClicked[1]) && now - first_view_since < 1.0) view_since = now;
    for (int b = 0; b < 3; ++b) io.MouseClicked[b] = io.MouseReleased[b] = io.MouseDown[b] = false;
  }
  ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##main", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
  top_bar(*this, now);

  float max_w = theme::px(settings.kiosk ? 1000 : 760);
  float avail = ImGui::GetContentRegionAvail().x;
  float column = std::min(avail, max_w);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) / 2);
  // Flattened: Tab and the arrow keys move between the top bar and the screen as one list.
  // A question keeps 戻る and わからない in a bar at the bottom of the screen, never below the fold.
  const bool bottom_bar = wizard.screen() == Screen::Question && wizard.current_question();
  // Two rows for a question with several answers: its 決定 above 戻る／わからない.
  const float bar_rows = bottom_bar && wizard.current_question()->type == QuestionType::Multi ? 2.0f : 1.0f;
  const float bar_h = bottom_bar ? bar_rows * (std::max(theme::px(44), ImGui::GetFrameHeight()) + ImGui::GetStyle().ItemSpacing.y) +
                                       ImGui::GetStyle().ItemSpacing.y + theme::px(4)
                                 : 0;
  ImGui::BeginChild("content", ImVec2(column, -bar_h), ImGuiChildFlags_NavFlattened, ImGuiWindowFlags_NoSavedSettings);
  // A new screen or question starts at the top.
  if (new_view) {
    ImGui::SetScrollY(0);
    // For a keyboard user, the focus goes to the new screen's first item (the one it was on is
    // gone). Not for a finger or a mouse: focusing would scroll to that item (the English start
    // screen would open with its heading scrolled away).
    if (GImGui->NavCursorVisible) ImGui::SetKeyboardFocusHere();
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
  if (bottom_bar) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - column) / 2);
    ImGui::BeginChild("bar", ImVec2(column, 0), ImGuiChildFlags_NavFlattened, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar);
    ImGui::Dummy(ImVec2(0, theme::px(2)));
    screens::question_bar(*this);
    ImGui::EndChild();
  }
  ImGui::End();

  screens::share(*this);
  message_overlay(*this);
  kiosk_countdown(*this, now);

  // The links the screen drew get real <a> elements over them, unless something covers them
  // (a kiosk opens no link at all: it shows QR codes).
  std::vector<web::Link> links;
  const bool covered = show_share || !message.empty() || countdown(now).has_value() || settings.kiosk;
  const float dpr = static_cast<float>(web::device_pixel_ratio());
  if (!covered)
    for (const auto& it : widgets::drawn_items())
      if (!it.href.empty()) links.push_back({it.min.x / dpr, it.min.y / dpr, (it.max.x - it.min.x) / dpr, (it.max.y - it.min.y) / dpr, it.href, it.label});
  web::links(links);

  // Mirror and URL follow the state, once per change (not per frame); before the rules are in,
  // the URL still holds the link to restore.
  if (!rules_loaded) return;
  bool warning = countdown(now).has_value();
  std::string key = std::to_string(wizard.revision()) + (lang() == Lang::En ? "en" : "ja") + (warning ? "!" : "");
  if (key != mirrored) {
    mirrored = key;
    web::mirror(mirror_html(*this, warning));
    if (settings.share_in_url) {
      // The first sync after loading (a restored link) replaces the entry it came with.
      const bool push = url_synced;
      url_synced = true;
      bool blank = wizard.screen() == Screen::Start && wizard.answers().answered_count() == 0;
      if (blank)
        web::clear_url_state(push);
      else
        web::set_fragment(wizard.fragment(), push);
    }
  }
}

}  // namespace shisaku::app
