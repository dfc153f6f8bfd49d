#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "format.hpp"
#include "report.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool passes(const App& app, const ProgramResult& r) {
  const ResultsFilter& f = app.results_filter;
  const Program& p = *r.program;
  if (!f.theme.empty() && !contains(p.themes, f.theme)) return false;
  if (f.group >= 0 && support_group_of(app.wizard.catalog(), p) != f.group) return false;
  if (!f.ministry.empty() && p.ministry != f.ministry) return false;
  if (f.novelty && !is_new_or_expanded(p, newest_fiscal_year(app.wizard.catalog()))) return false;
  return true;
}

// One row of chips over the values present in the results; "" / -1: all.
template <class V>
void chip_row(App& app, const char* id, const char* title, const std::vector<std::pair<V, std::string>>& values, V& current, V all) {
  widgets::muted(title);
  ImGui::PushID(id);
  std::vector<std::pair<V, std::string>> chips = {{all, app.t(ui::kAll)}};
  chips.insert(chips.end(), values.begin(), values.end());
  for (std::size_t i = 0; i < chips.size(); ++i) {
    if (i) widgets::flow_next(chips[i].second);
    ImGui::PushID(static_cast<int>(i));
    if (widgets::chip("chip", chips[i].second, current == chips[i].first)) current = chips[i].first;
    ImGui::PopID();
  }
  ImGui::PopID();
}

void filters(App& app) {
  const Catalog& c = app.wizard.catalog();
  const Evaluation& ev = app.wizard.evaluation();
  std::set<std::string> themes, ministries;
  std::set<int> groups;
  for (const auto& r : ev.programs) {
    if (!r.in_scope()) continue;
    themes.insert(r.program->themes.begin(), r.program->themes.end());
    ministries.insert(r.program->ministry);
    groups.insert(support_group_of(c, *r.program));
  }
  std::vector<std::pair<std::string, std::string>> theme_chips, ministry_chips;
  for (const auto& [code, label] : c.meta.themes)
    if (themes.count(code)) theme_chips.push_back({code, label.in(app.lang())});
  for (const auto& [code, label] : c.meta.ministries)
    if (ministries.count(code)) ministry_chips.push_back({code, label.in(app.lang())});
  std::vector<std::pair<int, std::string>> group_chips;
  for (int g : groups)
    if (g >= 0) group_chips.push_back({g, c.meta.support_groups[static_cast<std::size_t>(g)].label.in(app.lang())});
  ResultsFilter& f = app.results_filter;
  if (widgets::chip("novelty", std::string("★ ") + app.t(ui::kNewView), f.novelty)) f.novelty = !f.novelty;
  chip_row(app, "theme", app.t(ui::kFilterTheme), theme_chips, f.theme, std::string());
  chip_row(app, "group", app.t(ui::kFilterKind), group_chips, f.group, -1);
  chip_row(app, "ministry", app.t(ui::kFilterMinistry), ministry_chips, f.ministry, std::string());
}

// The questions that would settle a card that needs answers, one tap away.
void settle_links(App& app, const ProgramResult& r) {
  const Catalog& c = app.wizard.catalog();
  ImGui::PushID(r.program->id.c_str());
  ImGui::Indent(theme::px(12));
  for (std::size_t i = 0; i < r.status_settling.size() && i < 3; ++i) {
    const Question& q = c.questions[static_cast<std::size_t>(r.status_settling[i])];
    ImGui::PushID(static_cast<int>(i));
    if (widgets::choice("settle", std::string("→ ") + q.text.in(app.lang()), false)) app.wizard.ask(q.id, r.program->id);
    ImGui::PopID();
  }
  ImGui::Unindent(theme::px(12));
  ImGui::PopID();
}

}  // namespace

void results(App& app) {
  const Catalog& c = app.wizard.catalog();
  const Evaluation& ev = app.wizard.evaluation();
  const Lang lang = app.lang();
  const bool ja = lang == Lang::Ja;
  app.details_ready();  // the cards' contact lines are details: fetch them while the list shows
  widgets::heading(app.t(ui::kResults), 1.5f);
  // What the person chose, and what it gave.
  std::string chosen;
  if (c.interview.interests >= 0 && app.wizard.answers().answered(c.interview.interests))
    chosen = app.wizard.answers().describe(c.interview.interests, lang);
  const int eligible = ev.in_scope_eligible, unknown = ev.in_scope_unknown;
  widgets::muted(std::string(app.t(ui::kChosenFields)) + (ja ? "：" : ": ") + (chosen.empty() ? app.t(ui::kAllFields) : chosen));
  widgets::text(std::string(app.t(ui::kLiveEligible)) + " " + std::to_string(eligible) + (ja ? "件・" : " · ") + app.t(ui::kLiveUnknown) + " " +
                std::to_string(unknown) + (ja ? "件" : ""));

  std::vector<std::string> actions;
  if (!ev.amount_questions.empty())
    actions.push_back(std::string(app.t(ui::kEstimateAmounts)) + (ja ? "（" : " (") + std::to_string(ev.amount_questions.size()) + (ja ? "問）" : ")"));
  if (ev.next_question)
    actions.push_back(ja ? "残りの質問に答える（" + std::to_string(ev.remaining.size()) + "問）" : "Answer the rest (" + std::to_string(ev.remaining.size()) + ")");
  if (!actions.empty()) {
    int pressed = widgets::button_row(actions, 0);
    if (pressed >= 0 && actions[static_cast<std::size_t>(pressed)].rfind(app.t(ui::kEstimateAmounts), 0) == 0)
      app.wizard.start_amounts();
    else if (pressed >= 0)
      app.wizard.ask(c.questions[static_cast<std::size_t>(*ev.next_question)].id);
  }
  int pressed = widgets::button_row({app.t(ui::kRecap), app.settings.kiosk ? app.t(ui::kTakeResults) : app.t(ui::kShare)});
  if (pressed == 0) app.wizard.show_recap();
  if (pressed == 1) app.show_share = true;
  ImGui::PushID("filters");
  const ResultsFilter& rf = app.results_filter;
  const bool filtered = !rf.theme.empty() || rf.group >= 0 || !rf.ministry.empty() || rf.novelty || app.sort_by_amount;
  if (widgets::fold(std::string(app.t(ui::kFilter)) + (filtered ? " ●" : ""), "filter")) {
    // The order: the interview's (your own programmes first) or by amount, exact totals first.
    widgets::muted(ja ? "並べ替え" : "Order");
    if (widgets::chip("order-suggested", app.t(ui::kSortDefault), !app.sort_by_amount)) app.sort_by_amount = false;
    widgets::flow_next(app.t(ui::kSortByAmount));
    if (widgets::chip("order-amount", app.t(ui::kSortByAmount), app.sort_by_amount)) app.sort_by_amount = true;
    filters(app);
  }
  ImGui::PopID();
  widgets::separator_space();

  int shown = 0;
  for (const ResultSection& section : result_sections(c, ev, app.sort_by_amount)) {
    std::vector<int> rows;
    for (int i : section.programs)
      if (passes(app, ev.programs[static_cast<std::size_t>(i)])) rows.push_back(i);
    if (rows.empty()) continue;
    shown += static_cast<int>(rows.size());
    std::string title = section_title(c, section, lang) + " (" + std::to_string(rows.size()) + ")";
    ImGui::PushID(static_cast<int>(section.kind) * 100 + section.group);
    if (section.kind == ResultSection::Kind::Support) {
      widgets::heading("■ " + title, 1.15f);
      for (int i : rows) {
        const ProgramResult& r = ev.programs[static_cast<std::size_t>(i)];
        program_row(app, r);
        if (r.status == Status::Unknown && !r.status_settling.empty()) settle_links(app, r);
      }
    } else {
      // The rest is folded; it opens by itself when the card an answer was asked for is in it.
      for (int i : rows)
        if (ev.programs[static_cast<std::size_t>(i)].program->id == app.wizard.focus_program()) ImGui::SetNextItemOpen(true);
      if (widgets::fold(title, "section"))
        for (int i : rows) program_row(app, ev.programs[static_cast<std::size_t>(i)]);
    }
    ImGui::PopID();
  }
  // Named only in the sources, in the chosen fields: folded at the end.
  std::vector<const Listing*> listed;
  for (int i : ev.listings_in_scope) {
    const Listing& l = c.listings[static_cast<std::size_t>(i)];
    const ResultsFilter& f = app.results_filter;
    if ((f.theme.empty() || std::find(l.themes.begin(), l.themes.end(), f.theme) != l.themes.end()) && (f.ministry.empty() || f.ministry == l.ministry) &&
        f.group < 0 && !f.novelty)
      listed.push_back(&l);
  }
  if (!listed.empty() && widgets::fold(std::string(app.t(ui::kListed)) + " (" + std::to_string(listed.size()) + ")", "listed"))
    for (const Listing* l : listed) listing_row(app, *l);
  if (shown == 0) widgets::muted(app.t(ui::kNoMatch));
  ImGui::Dummy(ImVec2(0, theme::px(8)));
  if (widgets::button(app.t(ui::kBack), false, ImGui::GetContentRegionAvail().x)) app.wizard.back();
}

}  // namespace shisaku::app::screens
