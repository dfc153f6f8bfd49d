#include <string>

#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app::screens {

void recap(App& app) {
  const Catalog& c = app.wizard.catalog();
  const Answers& a = app.wizard.answers();
  if (widgets::button(app.t(ui::kBack))) app.wizard.back();
  widgets::heading(app.t(ui::kRecap), 1.4f);
  if (a.answered_count() == 0) widgets::muted(app.t(ui::kRecapEmpty));
  for (const auto& q : c.questions) {
    if (!a.answered(q.slot) && !a.skipped(q.slot)) continue;
    ImGui::PushID(q.slot);
    widgets::text(q.text.in(app.lang()));
    ImGui::Indent(theme::px(14));
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.1f);
    widgets::text(a.describe(q.slot, app.lang()), theme::palette().accent);
    ImGui::PopFont();
    if (widgets::button(app.t(ui::kEdit))) app.wizard.ask(q.id);
    ImGui::Unindent(theme::px(14));
    ImGui::Dummy(ImVec2(0, theme::px(4)));
    ImGui::PopID();
  }
  widgets::separator_space();
  float w = ImGui::GetContentRegionAvail().x;
  if (widgets::button(app.t(ui::kSeeResults), true, w)) app.wizard.show_results();
  if (widgets::button(app.t(ui::kRestart), false, w)) {
    app.wizard.restart();
    if (app.settings.share_in_url) web::clear_url_state();
  }
}

}  // namespace shisaku::app::screens
