#include <cmath>
#include <string>

#include "format.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {

const char* status_label(const App& app, Status s) {
  switch (s) {
    case Status::Eligible:
      return app.t(ui::kStatusEligible);
    case Status::Unknown:
      return app.t(ui::kStatusUnknown);
    case Status::Ineligible:
      return app.t(ui::kStatusIneligible);
  }
  return "";
}

ImU32 status_color(Status s) {
  const auto& p = theme::palette();
  return s == Status::Eligible ? p.eligible : s == Status::Unknown ? p.unknown : p.ineligible;
}

void program_row(App& app, const ProgramResult& r, double scale_max) {
  const Program& p = *r.program;
  const auto& meta = app.wizard.catalog().meta;
  std::vector<widgets::Part> parts;
  parts.push_back({status_label(app, r.status), status_color(r.status)});
  auto ministry = meta.ministries.find(p.ministry);
  if (ministry != meta.ministries.end()) parts.push_back({ministry->second.in(app.lang()), theme::palette().text_muted});
  bool bar = false;
  if (r.headline.kind != Estimate::Kind::None) {
    parts.push_back({format_estimate(r.headline, app.lang()), theme::palette().text});
    bar = r.headline.unit == "yen" && r.headline.kind != Estimate::Kind::Unknown && scale_max > 0;
  }
  if (widgets::card(p.id.c_str(), p.name.in(app.lang()), parts, bar, r.headline.min, r.headline.max, scale_max))
    app.wizard.show_detail(p.id);
}

}  // namespace shisaku::app::screens
