#include <string>
#include <vector>

#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app::screens {

// The answers chapter by chapter, in the interview's order; each can be changed in place of
// where it was asked, and the recap comes back after the change.
void recap(App& app) {
  const Catalog& c = app.wizard.catalog();
  const InterviewSpec& iv = c.interview;
  const Answers& a = app.wizard.answers();
  if (widgets::button(app.t(ui::kBack))) app.wizard.back();
  widgets::heading(app.t(ui::kRecap), 1.4f);
  if (a.answered_count() == 0) widgets::muted(app.t(ui::kRecapEmpty));
  std::vector<int> chapters;
  for (int ch = 0; ch < static_cast<int>(iv.basics.size()); ++ch) chapters.push_back(ch);
  for (int f : app.wizard.evaluation().family_order) chapters.push_back(iv.family_chapter(f));
  chapters.push_back(iv.amounts_chapter());
  chapters.push_back(-1);  // anything filed nowhere
  for (int ch : chapters) {
    bool titled = false;
    for (const auto& q : c.questions) {
      if ((!a.answered(q.slot) && !a.skipped(q.slot)) || iv.chapter_of[static_cast<std::size_t>(q.slot)] != ch) continue;
      if (!titled && ch >= 0) widgets::heading(iv.chapter_title(ch).in(app.lang()), 1.15f);
      titled = true;
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
