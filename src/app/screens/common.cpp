#include <string>

#include "format.hpp"
#include "report.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {

const char* status_label(const App& app, Status s) { return status_text(s, app.lang()); }

ImU32 status_color(Status s) {
  const auto& p = theme::palette();
  return s == Status::Eligible ? p.eligible : s == Status::Unknown ? p.unknown : p.ineligible;
}

std::string label_of(const CodeList& list, const std::string& code, Lang lang) {
  auto it = list.find(code);
  return it == list.end() ? code : it->second.in(lang);
}

std::string kind_label(const App& app, const ProgramResult& r) {
  const Measure* m = r.headline.measure ? r.headline.measure : r.program->measures.empty() ? nullptr : &r.program->measures.front();
  return m ? label_of(app.wizard.catalog().meta.measure_kinds, m->kind, app.lang()) : "";
}

std::string contact_line(const App& app, const Program& p) {
  if (p.contacts.empty()) return "";
  const bool ja = app.lang() == Lang::Ja;
  // A desk in every prefecture: the card does not pick one; the detail lists them.
  if (p.contacts.size() > 3)
    return std::string(app.t(ui::kContactShort)) + (ja ? "：" + std::to_string(p.contacts.size()) + "か所の窓口（詳細に一覧）"
                                                       : ": " + std::to_string(p.contacts.size()) + " desks (listed in the details)");
  const Contact& ct = p.contacts.front();
  std::string reach = !ct.phone.empty() ? ct.phone : !ct.url.empty() ? ct.url : ct.email;
  if (reach.empty()) return std::string(app.t(ui::kNoContactInSeed)) + paren(ct.division.in(app.lang()), app.lang());
  return std::string(app.t(ui::kContactShort)) + (app.lang() == Lang::Ja ? "：" : ": ") + ct.division.in(app.lang()) + " " + reach;
}

void program_row(App& app, const ProgramResult& r) {
  const Program& p = *r.program;
  const Catalog& c = app.wizard.catalog();
  const auto& pal = theme::palette();
  const Lang lang = app.lang();
  std::vector<std::vector<widgets::Part>> rows;
  // Status, kind, what is new, ministry.
  std::vector<widgets::Part> head = {{status_label(app, r.status), status_color(r.status)}, {kind_label(app, r), pal.text}};
  if (std::string badge = novelty_badge(p, lang); !badge.empty()) head.push_back({"★ " + badge, pal.accent});
  head.push_back({label_of(c.meta.ministries, p.ministry, lang), pal.text_muted});
  if (r.scope != Scope::InScope) head.push_back({app.t(r.scope == Scope::ThemeNotChosen ? ui::kThemeNotChosen : ui::kGateDeclined), pal.text_muted});
  rows.push_back(std::move(head));
  // What it gives in total, or what the total waits for; nothing beside 対象外.
  if (r.status != Status::Ineligible) {
    std::vector<widgets::Part> amount;
    std::string total = format_total(r.total, lang), needs = needs_text(c, r, lang);
    if (!total.empty()) {
      amount.push_back({total, pal.text, 1.2f});
      if (r.total.measure)
        amount.push_back({label_of(c.meta.amount_meanings, r.total.measure->meaning, lang) +
                              (r.total.parts > 1 ? paren(parts_total(r.total.parts, lang), lang) : ""),
                          pal.text_muted});
    }
    if (!needs.empty()) amount.push_back({needs, pal.unknown});
    if (!amount.empty()) rows.push_back(std::move(amount));
  }
  // Whom to call (the details part of the rules: shown once it is in).
  if (app.details_ready() && r.status != Status::Ineligible) rows.push_back({{contact_line(app, p), pal.text_muted}});
  if (widgets::card(p.id.c_str(), p.name.in(lang), rows)) app.wizard.show_detail(p.id);
  // A card an answer was asked for comes back into view.
  if (app.wizard.focus_program() == p.id) {
    ImGui::SetScrollHereY(0.25f);
    app.wizard.clear_focus();
  }
}

void listing_row(App& app, const Listing& l) {
  const auto& pal = theme::palette();
  const Lang lang = app.lang();
  std::vector<std::vector<widgets::Part>> rows = {
      {{app.t(ui::kNameOnly), pal.unknown}, {label_of(app.wizard.catalog().meta.ministries, l.ministry, lang), pal.text_muted}}};
  if (app.details_ready()) {
    rows.push_back({{l.note.in(lang), pal.text_muted}});
    rows.push_back({{citation_text(app.wizard.catalog(), l.source, lang), pal.text_muted}});
  }
  widgets::card(l.id.c_str(), l.name.in(lang), rows, false);
}

}  // namespace shisaku::app::screens
