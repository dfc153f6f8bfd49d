#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {

void start(App& app) {
  ImGui::Dummy(ImVec2(0, theme::px(12)));
  widgets::heading(app.t(ui::kAppName), 1.8f);
  widgets::heading(app.t(ui::kTagline), 1.15f);
  ImGui::Dummy(ImVec2(0, theme::px(8)));
  widgets::text(app.t(ui::kIntro));
  widgets::text(app.t(ui::kWhoFor));
  widgets::muted(app.t(ui::kPrivacy));
  ImGui::Dummy(ImVec2(0, theme::px(12)));
  float w = ImGui::GetContentRegionAvail().x;
  // The rules may come after the first frame (when slow to arrive): a press meanwhile is kept
  // until they are in.
  if (widgets::button(app.t(ui::kStart), true, w)) app.open(App::Pending::Start);
  if (app.wizard.answers().answered_count() > 0 && widgets::button(app.t(ui::kResume), false, w)) app.wizard.show_results();
  if (widgets::button(app.t(ui::kBrowseCatalog), false, w)) app.open(App::Pending::Catalog);
  ImGui::Dummy(ImVec2(0, theme::px(12)));
  if (!app.rules_loaded) {
    widgets::muted(app.t(app.pending == App::Pending::None ? ui::kLoadingRules : ui::kOpensWhenLoaded));
    return;
  }
  std::string count = std::to_string(app.wizard.catalog().programs.size()) +
                      (app.lang() == Lang::Ja ? "件の施策を収録（ルール " : " programmes (rules ") + app.wizard.catalog().meta.rules_version + ")";
  widgets::muted(count);
}

}  // namespace shisaku::app::screens
