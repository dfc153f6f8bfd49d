#include <string>

#include "report.hpp"
#include "screens.hpp"
#include "ui/qr.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app::screens {

void share(App& app) {
  if (!app.show_share) return;
  ImGuiViewport* vp = ImGui::GetMainViewport();
  float w = std::min(vp->Size.x - theme::px(24), theme::px(520));
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, app.content_top), ImGuiCond_Always, ImVec2(0.5f, 0));
  // On a phone the panel takes the whole screen below the top bar: no strip of the results
  // shows under its bottom edge. Elsewhere it is as tall as it needs, the rest dimmed.
  const float room = vp->Pos.y + vp->Size.y - app.content_top;
  const bool narrow = vp->Size.x < theme::px(600);
  ImGui::SetNextWindowSize(ImVec2(w, narrow ? room : 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, narrow ? room : room - theme::px(16)));
  // The dim layer behind (a window of its own, below the panel).
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x, app.content_top));
  ImGui::SetNextWindowSize(ImVec2(vp->Size.x, room));
  ImGui::SetNextWindowBgAlpha(0.25f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(0, 0, 0, 255));
  ImGui::Begin("##dim", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav);
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, app.content_top), ImGuiCond_Always, ImVec2(0.5f, 0));
  ImGui::SetNextWindowSize(ImVec2(w, narrow ? room : 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, narrow ? room : room - theme::px(16)));
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleColor(ImGuiCol_WindowBg, theme::palette().panel);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, theme::px(1));
  const char* title = app.settings.kiosk ? app.t(ui::kTakeResults) : app.t(ui::kShare);
  // A kiosk closes it with the big button below only: the title bar's × is too small for a finger.
  bool* closer = app.settings.kiosk ? nullptr : &app.show_share;
  if (ImGui::Begin(title, closer, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
    const Catalog& c = app.wizard.catalog();
    const Evaluation& ev = app.wizard.evaluation();
    std::string url = web::share_url(app.wizard.fragment());
    widgets::text(app.t(ui::kQrHint));
    float qr = std::min(ImGui::GetContentRegionAvail().x, theme::px(260));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - qr) / 2);
    widgets::qr_code(url, qr);
    float bw = ImGui::GetContentRegionAvail().x;
    if (!app.settings.kiosk) {
      widgets::muted(url);
      if (widgets::button(app.t(ui::kCopyLink), true, bw)) {
        web::copy_text(url);
        app.notify(app.t(ui::kCopied), 2);
      }
      // The exports carry contacts and sources: the details of the rules.
      if (app.details_ready()) {
        // The programs in scope first; those set aside only when asked for (folded on the page).
        bool& all = app.export_set_aside;
        if (widgets::choice("set-aside", std::string(all ? "☑ " : "☐ ") + app.t(ui::kIncludeSetAside), all, bw)) all = !all;
        if (widgets::button(app.t(ui::kExportText), false, bw))
          web::download("shisaku-results.txt", "text/plain;charset=utf-8", evaluation_text(c, ev, app.lang(), all));
        if (widgets::button(app.t(ui::kExportCsv), false, bw))
          web::download("shisaku-results.csv", "text/csv;charset=utf-8", "\xEF\xBB\xBF" + evaluation_csv(c, ev, app.lang(), all));
        if (widgets::button(app.t(ui::kPrint), false, bw)) web::open_printable(evaluation_html(c, ev, app.wizard.answers(), app.lang(), all));
      } else {
        widgets::muted(app.t(ui::kLoadingDetails));
      }
    }
    if (widgets::button(app.t(ui::kDismiss), false, bw)) app.show_share = false;
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace shisaku::app::screens
