#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {
namespace {

double sort_key(const ProgramResult& r) {
  if (r.headline.kind == Estimate::Kind::None || r.headline.kind == Estimate::Kind::Unknown || r.headline.unit != "yen") return -1;
  return std::isfinite(r.headline.max) ? r.headline.max : r.headline.min;
}

void group(App& app, Status status, const char* title, double scale_max) {
  std::vector<const ProgramResult*> rows;
  for (const auto& r : app.wizard.evaluation().programs)
    if (r.status == status) rows.push_back(&r);
  if (app.sort_by_amount)
    std::stable_sort(rows.begin(), rows.end(), [](auto* a, auto* b) { return sort_key(*a) > sort_key(*b); });
  std::string heading = std::string(title) + " (" + std::to_string(rows.size()) + ")";
  widgets::heading(heading, 1.15f);
  const Catalog& c = app.wizard.catalog();
  for (const ProgramResult* r : rows) {
    program_row(app, *r, scale_max);
    if (status == Status::Unknown && !r->settling.empty()) {
      // The questions that would settle it, one click away.
      ImGui::PushID(r->program->id.c_str());
      ImGui::Indent(theme::px(12));
      for (std::size_t i = 0; i < r->settling.size() && i < 3; ++i) {
        const Question& q = c.questions[static_cast<std::size_t>(r->settling[i])];
        std::string label = std::string("→ ") + q.text.in(app.lang());
        ImGui::PushID(static_cast<int>(i));
        if (widgets::choice("settle", label, false)) app.wizard.ask(q.id);
        ImGui::PopID();
      }
      ImGui::Unindent(theme::px(12));
      ImGui::PopID();
    }
  }
}

}  // namespace

void results(App& app) {
  const Evaluation& ev = app.wizard.evaluation();
  widgets::heading(app.t(ui::kResults), 1.5f);
  std::string counts = std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(ev.eligible) + (app.lang() == Lang::Ja ? "件・" : " · ") +
                       app.t(ui::kLiveUnknown) + " " + std::to_string(ev.unknown) + (app.lang() == Lang::Ja ? "件・" : " · ") +
                       app.t(ui::kStatusIneligible) + " " + std::to_string(ev.ineligible) + (app.lang() == Lang::Ja ? "件" : "");
  widgets::text(counts);

  float w = (ImGui::GetContentRegionAvail().x - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (widgets::button(app.sort_by_amount ? app.t(ui::kSortDefault) : app.t(ui::kSortByAmount), false, w))
    app.sort_by_amount = !app.sort_by_amount;
  ImGui::SameLine();
  if (widgets::button(app.t(ui::kRecap), false, w)) app.wizard.show_recap();
  ImGui::SameLine();
  if (widgets::button(app.settings.kiosk ? app.t(ui::kTakeResults) : app.t(ui::kShare), true, w)) app.show_share = true;
  if (ev.next_question) {
    std::string more = std::to_string(ev.remaining.size()) + (app.lang() == Lang::Ja ? " 問で、さらに絞り込めます" : " more questions could narrow this down");
    if (widgets::button(more.c_str(), false, ImGui::GetContentRegionAvail().x)) app.wizard.ask(app.wizard.catalog().questions[*ev.next_question].id);
  }
  widgets::separator_space();

  double scale_max = 0;
  for (const auto& r : ev.programs)
    if (r.status != Status::Ineligible) scale_max = std::max(scale_max, sort_key(r));

  group(app, Status::Eligible, app.t(ui::kEligible), scale_max);
  widgets::separator_space();
  group(app, Status::Unknown, app.t(ui::kUnknown), scale_max);
  widgets::separator_space();
  std::string label = std::string(app.t(ui::kIneligible)) + " (" + std::to_string(ev.ineligible) + ")";
  if (ImGui::CollapsingHeader(label.c_str())) {
    for (const auto& r : ev.programs)
      if (r.status == Status::Ineligible) program_row(app, r, scale_max);
  }
  ImGui::Dummy(ImVec2(0, theme::px(8)));
  if (widgets::button(app.t(ui::kBack), false, ImGui::GetContentRegionAvail().x)) app.wizard.back();
}

}  // namespace shisaku::app::screens
