#include <algorithm>
#include <string>

#include "format.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app::screens {
namespace {

// A combo over a code list; "" means all.
void filter_combo(App& app, const char* label, const CodeList& codes, std::string& value) {
  std::string preview = value.empty() ? app.t(ui::kAll) : codes.at(value).in(app.lang());
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  ImGui::TextUnformatted(label);
  ImGui::PushID(label);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginCombo("##combo", preview.c_str(), ImGuiComboFlags_HeightLarge)) {
    if (ImGui::Selectable(app.t(ui::kAll), value.empty())) value.clear();
    for (const auto& [code, text] : codes)
      if (ImGui::Selectable(text.in(app.lang()).c_str(), value == code)) value = code;
    ImGui::EndCombo();
  }
  ImGui::PopID();
}

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool found(const std::string& search, const std::string& hay) {
  if (search.empty()) return true;
  std::string needle = search, lower_hay = hay;
  std::transform(needle.begin(), needle.end(), needle.begin(), [](unsigned char ch) { return std::tolower(ch); });
  std::transform(lower_hay.begin(), lower_hay.end(), lower_hay.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return lower_hay.find(needle) != std::string::npos;
}

bool matches(const App& app, const Program& p) {
  const CatalogFilter& f = app.filter;
  if (!f.theme.empty() && !contains(p.themes, f.theme)) return false;
  if (!f.ministry.empty() && p.ministry != f.ministry) return false;
  if (!f.applicant.empty() && !contains(p.applicants, f.applicant)) return false;
  if (f.novelty && !is_new_or_expanded(p, newest_fiscal_year(app.wizard.catalog()))) return false;
  return found(f.search, p.name.ja + " " + p.name.en + " " + p.summary.ja + " " + p.summary.en + " " + p.id);
}

// A program the sources only name has no applicants and no novelty to filter by.
bool matches(const App& app, const Listing& l) {
  const CatalogFilter& f = app.filter;
  if (!f.theme.empty() && !contains(l.themes, f.theme)) return false;
  if (!f.ministry.empty() && l.ministry != f.ministry) return false;
  if (!f.applicant.empty() || f.novelty) return false;
  return found(f.search, l.name.ja + " " + l.name.en + " " + l.id);
}

}  // namespace

void catalog(App& app) {
  app.details_ready();  // searching reads the summaries: fetch them while the list shows
  const Catalog& c = app.wizard.catalog();
  if (widgets::button(app.t(ui::kBack))) app.wizard.back();
  widgets::heading(app.filter.novelty ? app.t(ui::kNewView) : app.t(ui::kCatalog), 1.4f);
  if (widgets::chip("novelty", std::string("★ ") + app.t(ui::kNewView), app.filter.novelty)) app.filter.novelty = !app.filter.novelty;
  filter_combo(app, app.t(ui::kFilterTheme), c.meta.themes, app.filter.theme);
  filter_combo(app, app.t(ui::kFilterMinistry), c.meta.ministries, app.filter.ministry);
  filter_combo(app, app.t(ui::kFilterApplicant), c.meta.applicants, app.filter.applicant);

  // The search field is a real DOM <input> laid over this space, so Japanese IME works. A
  // kiosk takes no typing: its visitors filter with the lists above.
  if (!app.settings.kiosk) {
    ImGui::TextUnformatted(app.t(ui::kSearch));
    ImVec2 pos = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFrameHeight() + theme::px(4);
    ImGui::Dummy(ImVec2(w, h));
    float dpr = static_cast<float>(web::device_pixel_ratio());
    bool visible = !app.show_share && app.message.empty() && ImGui::IsItemVisible();
    web::search_box(pos.x / dpr, pos.y / dpr, w / dpr, h / dpr, visible, app.t(ui::kSearch));
  }

  int shown = 0;
  std::vector<const ProgramResult*> rows;
  for (const auto& r : app.wizard.evaluation().programs)
    if (matches(app, *r.program)) rows.push_back(&r);
  shown = static_cast<int>(rows.size());
  std::vector<const Listing*> listed;
  for (const auto& l : c.listings)
    if (matches(app, l)) listed.push_back(&l);
  widgets::muted(std::to_string(shown + static_cast<int>(listed.size())) + " / " + std::to_string(c.programs.size() + c.listings.size()) + " " +
                 app.t(ui::kProgramsShown));
  for (const ProgramResult* r : rows) program_row(app, *r);
  if (!listed.empty()) {
    widgets::heading(std::string(app.t(ui::kListed)) + " (" + std::to_string(listed.size()) + ")", 1.15f);
    for (const Listing* l : listed) listing_row(app, *l);
  }
}

}  // namespace shisaku::app::screens
