#include <string>

#include "format.hpp"
#include "screens.hpp"
#include "ui/qr.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app::screens {
namespace {

std::string cite(const SourceRef& s) {
  std::string out = s.file.substr(0, 3) + " L" + std::to_string(s.first_line) + "–" + std::to_string(s.last_line);
  if (!s.fiscal_year.empty()) out += " (" + s.fiscal_year + ")";
  return out;
}

std::string label_of(const CodeList& list, const std::string& code, Lang lang) {
  auto it = list.find(code);
  return it == list.end() ? code : it->second.in(lang);
}

// The recipient these answers name, else every possible one ("都道府県・市区町村").
std::string recipient_label(const CodeList& applicants, const Estimate& e, Lang lang) {
  if (e.recipient) return label_of(applicants, *e.recipient, lang);
  std::string out;
  for (const auto& code : e.measure->recipients)
    out += (out.empty() ? "" : lang == Lang::Ja ? "・" : " or ") + label_of(applicants, code, lang);
  return out;
}

void conditions(App& app, const ProgramResult& r) {
  std::string title = std::string(app.t(ui::kConditions)) + "  " + std::to_string(r.met) + " / " + std::to_string(r.conditions.size());
  widgets::heading(title, 1.1f);
  const auto& p = theme::palette();
  for (const auto& cr : r.conditions) {
    const char* mark = cr.state == logic::Tri::True ? "○" : cr.state == logic::Tri::False ? "×" : "？";
    ImU32 color = cr.state == logic::Tri::True ? p.eligible : cr.state == logic::Tri::False ? p.ineligible : p.unknown;
    const char* word = cr.state == logic::Tri::True ? app.t(ui::kMet) : cr.state == logic::Tri::False ? app.t(ui::kNotMet) : app.t(ui::kUnanswered);
    widgets::text(std::string(mark) + " " + cr.condition->text.in(app.lang()) + "（" + word + "）", color);
    if (cr.state == logic::Tri::Unknown) {
      ImGui::PushID(cr.condition->id.c_str());
      ImGui::Indent(theme::px(16));
      for (int s : cr.missing) {
        const Question& q = app.wizard.catalog().questions[static_cast<std::size_t>(s)];
        ImGui::PushID(s);
        if (widgets::choice("ask", std::string("→ ") + q.text.in(app.lang()))) app.wizard.ask(q.id);
        ImGui::PopID();
      }
      ImGui::Unindent(theme::px(16));
      ImGui::PopID();
    }
  }
}

void estimate(App& app, const ProgramResult& r) {
  widgets::heading(app.t(ui::kEstimate), 1.1f);
  const Catalog& c = app.wizard.catalog();
  Lang lang = app.lang();
  for (const auto& mr : r.measures) {
    const Measure& m = *mr.measure;
    ImGui::PushID(m.id.c_str());
    std::string head = "■ " + m.label.in(lang) + "（" + label_of(c.meta.measure_kinds, m.kind, lang) + "）";
    widgets::text(head);
    ImGui::Indent(theme::px(14));
    if (mr.applies == logic::Tri::False) widgets::muted(lang == Lang::Ja ? "この回答では適用されません" : "Does not apply with these answers");
    if (mr.applies == logic::Tri::Unknown) widgets::muted(lang == Lang::Ja ? "適用されるかは回答しだい" : "Applies depending on your answers");
    if (mr.estimate.kind != Estimate::Kind::None) {
      ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.25f);
      widgets::text(format_estimate(mr.estimate, lang));
      ImGui::PopFont();
    }
    widgets::text(std::string(app.t(ui::kMeaning)) + ": " + label_of(c.meta.amount_meanings, m.meaning, lang) + " / " +
                  app.t(ui::kRecipient) + ": " + recipient_label(c.meta.applicants, mr.estimate, lang) +
                  (m.per.empty() ? "" : " / " + m.per.in(lang)));
    for (const auto& name : m.figures_used) {
      const Figure* f = r.program->figure(name);
      if (!f) continue;
      std::string line = "・" + f->label.in(lang) + ": " + format_amount(f->value, f->unit, lang) + " [" + f->fiscal_year + "] " +
                         cite(f->source) + "「" + f->source.quote + "」";
      widgets::muted(line);
      for (const auto& h : f->history)
        widgets::muted(std::string("　") + app.t(ui::kHistory) + ": " + format_amount(h.value, f->unit, lang) + " [" + h.fiscal_year + "] " +
                       cite(h.source));
    }
    for (int s : mr.estimate.inputs ? *mr.estimate.inputs : std::vector<int>{}) {
      std::string d = c.questions[static_cast<std::size_t>(s)].text.in(lang) + " → " +
                      (app.wizard.answers().answered(s) ? app.wizard.answers().describe(s, lang) : app.t(ui::kUnanswered));
      widgets::muted("・" + d);
    }
    if (!m.note.empty()) widgets::muted(std::string(app.t(ui::kNote)) + ": " + m.note.in(lang));
    ImGui::Unindent(theme::px(14));
    ImGui::PopID();
  }
}

void contacts(App& app, const Program& p) {
  widgets::heading(app.t(ui::kContacts), 1.1f);
  int i = 0;
  for (const auto& ct : p.contacts) {
    ImGui::PushID(i++);
    widgets::text(ct.division.in(app.lang()));
    if (!ct.phone.empty()) {
      ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * (app.settings.kiosk ? 1.6f : 1.1f));
      std::string phone = std::string(app.t(ui::kPhone)) + " " + ct.phone;
      ImGui::TextUnformatted(phone.c_str());
      ImGui::PopFont();
    }
    if (!ct.email.empty()) widgets::text(ct.email);
    if (!ct.url.empty()) {
      if (app.settings.kiosk) {
        // Kiosks never open links: the visitor takes the address away on their phone.
        widgets::muted(app.t(ui::kScanToOpen));
        widgets::qr_code(ct.url, theme::px(160));
        widgets::muted(ct.url);
      } else {
        widgets::muted(ct.url);
        if (widgets::button(app.t(ui::kOpenSite))) web::open_url(ct.url);
      }
    }
    ImGui::Dummy(ImVec2(0, theme::px(4)));
    ImGui::PopID();
  }
}

}  // namespace

void detail(App& app) {
  const ProgramResult* r = app.wizard.detail_program();
  if (!r) {
    app.wizard.back();
    return;
  }
  const Program& p = *r->program;
  Lang lang = app.lang();
  if (widgets::button(app.t(ui::kBack))) app.wizard.back();
  if (!app.details_ready()) {
    widgets::heading(p.name.in(lang), 1.4f);
    widgets::muted(app.t(ui::kLoadingDetails));
    return;
  }
  widgets::heading(p.name.in(lang), 1.4f);
  ImGui::PushStyleColor(ImGuiCol_Text, status_color(r->status));
  ImGui::TextUnformatted(status_label(app, r->status));
  ImGui::PopStyleColor();
  widgets::muted(label_of(app.wizard.catalog().meta.ministries, p.ministry, lang));
  widgets::heading(app.t(ui::kSummary), 1.1f);
  widgets::text(p.summary.in(lang));
  widgets::heading(app.t(ui::kSupports), 1.1f);
  widgets::text(p.supports.in(lang));
  widgets::separator_space();
  conditions(app, *r);
  widgets::separator_space();
  estimate(app, *r);
  if (!p.next_steps.empty() || !p.budget.empty()) {
    widgets::separator_space();
    for (const auto& s : p.next_steps) widgets::text(std::string(app.t(ui::kSchedule)) + ": " + s.text.in(lang));
    for (const auto& b : p.budget)
      widgets::text(std::string(app.t(ui::kBudget)) + ": " + b.label.in(lang) + " " + format_amount(b.value, b.unit, lang) + " [" + b.fiscal_year + "] " +
                    cite(b.source));
  }
  widgets::separator_space();
  contacts(app, p);
  widgets::separator_space();
  widgets::heading(app.t(ui::kSources), 1.1f);
  for (const auto& s : p.sources) {
    std::string seed_title;
    for (const auto& seed : app.wizard.catalog().meta.seeds)
      if (seed.file == s.file) seed_title = seed.title.in(lang);
    widgets::muted("・" + seed_title + " — " + s.file + " L" + std::to_string(s.first_line) + "–" + std::to_string(s.last_line) + " [" + s.fiscal_year + "]");
    widgets::muted("　「" + s.quote + "」");
  }
  if (!p.caveats.empty()) {
    widgets::separator_space();
    widgets::heading(app.t(ui::kCaveats), 1.1f);
    for (const auto& c : p.caveats) widgets::text("※ " + c.in(lang), theme::palette().unknown);
  }
  ImGui::Dummy(ImVec2(0, theme::px(8)));
  if (widgets::button(app.t(ui::kBack), false, ImGui::GetContentRegionAvail().x)) app.wizard.back();
}

}  // namespace shisaku::app::screens
