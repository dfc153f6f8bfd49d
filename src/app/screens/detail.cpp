#include <algorithm>
#include <cctype>
#include <string>

#include "format.hpp"
#include "report.hpp"
#include "screens.hpp"
#include "ui/qr.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/bridge.hpp"

namespace shisaku::app::screens {
namespace {

// The seeds mark bold text with **: a person reads the words only.
std::string plain(std::string s) {
  for (std::size_t at; (at = s.find("**")) != std::string::npos;) s.erase(at, 2);
  return s;
}

// The recipient these answers name, else every possible one ("都道府県・市区町村").
std::string recipient_label(const CodeList& applicants, const Estimate& e, Lang lang) {
  if (e.recipient) return label_of(applicants, *e.recipient, lang);
  std::string out;
  for (const auto& code : e.measure->recipients)
    out += (out.empty() ? "" : lang == Lang::Ja ? "・" : " or ") + label_of(applicants, code, lang);
  return out;
}

// "03-5253-5391" → "03-5253-5391"; only digits, + and - reach a tel: link.
std::string tel_digits(const std::string& phone) {
  std::string out;
  for (char ch : phone)
    if ((ch >= '0' && ch <= '9') || ch == '+' || ch == '-') out += ch;
  return out;
}

void cited(App& app, const SourceRef& s) { widgets::muted(paren(citation_text(app.wizard.catalog(), s, app.lang()), app.lang())); }

// 「次にすること」: who applies and through whom, when, what to prepare — as far as the seeds
// say it; whatever they do not say is named in one line rather than left out silently.
void next_steps(App& app, const Program& p) {
  widgets::heading(app.t(ui::kNextSteps), 1.15f);
  const Lang lang = app.lang();
  const UiText* titles[] = {&ui::kStepApply, &ui::kStepWhen, &ui::kStepPrepare};
  std::string missing;
  for (StepKind kind : {StepKind::Apply, StepKind::When, StepKind::Prepare}) {
    bool any = false;
    for (const auto& step : p.next_steps) {
      if (step.kind != kind) continue;
      if (!any) widgets::text(std::string("■ ") + titles[static_cast<int>(kind)]->in(lang));
      any = true;
      ImGui::Indent(theme::px(14));
      widgets::text(step.text.in(lang));
      cited(app, step.source);
      ImGui::Unindent(theme::px(14));
    }
    if (any) continue;
    std::string name = titles[static_cast<int>(kind)]->in(lang);
    // In a list within a sentence: "when, what to prepare", not "When, What to prepare".
    if (lang == Lang::En && !name.empty()) name[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(name[0])));
    missing += (missing.empty() ? "" : lang == Lang::Ja ? "・" : ", ") + name;
  }
  if (!missing.empty()) widgets::muted(std::string(app.t(ui::kStepsNotInSeed)) + " " + missing);
}

void contacts(App& app, const Program& p) {
  widgets::heading(app.t(ui::kContacts), 1.15f);
  int i = 0;
  for (const auto& ct : p.contacts) {
    ImGui::PushID(i++);
    widgets::text(ct.division.in(app.lang()));
    if (ct.phone.empty() && ct.url.empty() && ct.email.empty()) widgets::muted(app.t(ui::kNoContactInSeed));
    // Tap to call, tap to open, copy: real links over the canvas (web::links); a kiosk shows the
    // number in large type and the address as a QR code for the visitor's phone.
    auto copy = [&](const std::string& text, const char* id) {
      if (app.settings.kiosk) return;
      ImGui::PushID(id);
      widgets::flow_next(app.t(ui::kCopy));
      if (widgets::button(app.t(ui::kCopy))) {
        web::copy_text(text);
        app.notify(app.t(ui::kCopied), 2);
      }
      ImGui::PopID();
    };
    if (!ct.phone.empty()) {
      widgets::muted(app.t(ui::kPhone));
      if (app.settings.kiosk) {
        ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
        widgets::text(ct.phone);
        ImGui::PopFont();
      } else {
        widgets::link(ct.phone, "tel:" + tel_digits(ct.phone), 1.25f);
      }
      copy(ct.phone, "copy-phone");
    }
    if (!ct.email.empty()) {
      widgets::text(ct.email);
      copy(ct.email, "copy-email");
    }
    if (!ct.url.empty()) {
      if (app.settings.kiosk) {
        // Kiosks never open links: the visitor takes the address away on their phone.
        widgets::muted(app.t(ui::kScanToOpen));
        widgets::qr_code(ct.url, theme::px(160));
        widgets::muted(ct.url);
      } else {
        widgets::link(ct.url, ct.url);
        copy(ct.url, "copy-url");
      }
    }
    ImGui::Dummy(ImVec2(0, theme::px(4)));
    ImGui::PopID();
  }
}

// The questions an amount reads, entered here: the amount follows each keystroke.
void amount_inputs(App& app, const ProgramResult& r) {
  const Catalog& c = app.wizard.catalog();
  const Answers& answers = app.wizard.answers();
  std::vector<int> slots(r.amount_settling.begin(), r.amount_settling.end());
  for (const auto& mr : r.measures)
    if (mr.applies != logic::Tri::False)
      for (int s : mr.measure->inputs)
        if (answers.answered(s) && std::find(slots.begin(), slots.end(), s) == slots.end()) slots.push_back(s);
  if (slots.empty()) return;
  // Folded until wanted: the contacts come right after the amount.
  bool open = app.draft.slot >= 0 && std::find(slots.begin(), slots.end(), app.draft.slot) != slots.end();
  if (open) ImGui::SetNextItemOpen(true);
  if (!widgets::fold(app.t(ui::kEstimateHere), "estimate")) return;
  for (int s : slots) {
    const Question& q = c.questions[static_cast<std::size_t>(s)];
    ImGui::PushID(s);
    widgets::text(q.text.in(app.lang()));
    ImGui::Indent(theme::px(14));
    auto set = [&](const nlohmann::json& v) { app.wizard.set_in_place(q.id, v); };
    const logic::Value* current = answers.value(s);
    switch (q.type) {
      case QuestionType::Boolean:
        if (widgets::chip("yes", app.t(ui::kYes), current && current->as_bool())) set(true);
        widgets::flow_next(app.t(ui::kNo));
        if (widgets::chip("no", app.t(ui::kNo), current && !current->as_bool())) set(false);
        break;
      case QuestionType::Single:
        for (std::size_t i = 0; i < q.options.size(); ++i) {
          if (i) widgets::flow_next(q.options[i].label.in(app.lang()));
          bool on = current && current->as_string() == q.options[i].value;
          if (widgets::chip(q.options[i].value.c_str(), q.options[i].label.in(app.lang()), on)) set(q.options[i].value);
        }
        break;
      case QuestionType::Number: {
        if (app.draft.slot != s) {
          // One keypad at a time: the others show their value and open on a tap.
          std::string shown = current ? answers.describe(s, app.lang()) : app.t(ui::kUnanswered);
          if (q.unit == "yen" && current) shown = format_yen(current->as_number(), app.lang());
          if (widgets::button((shown + "  ✎##open").c_str())) draft_for(app, q);
          break;
        }
        if (std::optional<double> v = number_entry(app, q, app.draft, false))
          if (!current || current->as_number() != *v) set(*v);
        if (widgets::button(app.t(ui::kDismiss))) app.draft = Draft{};
        break;
      }
      case QuestionType::Multi:
        break;  // no amount reads a multiple choice (the validator's lints would name one)
    }
    ImGui::Unindent(theme::px(14));
    ImGui::PopID();
  }
}

void estimate_summary(App& app, const ProgramResult& r) {
  if (r.status == Status::Ineligible) return;  // no amount beside 対象外
  const Catalog& c = app.wizard.catalog();
  std::string line = amount_line(c, r, app.lang());
  if (!line.empty()) {
    widgets::muted(app.t(ui::kEstimate));
    ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.3f);
    widgets::text(line);
    ImGui::PopFont();
    if (r.total.measure)
      widgets::muted(label_of(c.meta.amount_meanings, r.total.measure->meaning, app.lang()) +
                     (r.total.parts > 1 ? paren(parts_total(r.total.parts, app.lang()), app.lang()) : ""));
  }
  amount_inputs(app, r);
}

void breakdown(App& app, const ProgramResult& r) {
  const Catalog& c = app.wizard.catalog();
  const Lang lang = app.lang();
  const bool eligible_or_open = r.status != Status::Ineligible;
  widgets::heading(std::string(app.t(ui::kEstimate)) + (lang == Lang::Ja ? "の内訳" : ": breakdown"), 1.15f);
  for (const auto& mr : r.measures) {
    const Measure& m = *mr.measure;
    ImGui::PushID(m.id.c_str());
    widgets::text("■ " + m.label.in(lang) + paren(label_of(c.meta.measure_kinds, m.kind, lang), lang));
    ImGui::Indent(theme::px(14));
    // An amount only for a measure that applies, of a program that may apply.
    const bool applies = eligible_or_open && mr.applies != logic::Tri::False;
    if (mr.applies == logic::Tri::False) widgets::muted(lang == Lang::Ja ? "この回答では適用されません" : "Does not apply with these answers");
    if (mr.applies == logic::Tri::Unknown && eligible_or_open) widgets::muted(lang == Lang::Ja ? "適用されるかは回答しだい" : "Applies depending on your answers");
    if (applies && mr.estimate.kind != Estimate::Kind::None) {
      ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.15f);
      widgets::text(format_estimate(mr.estimate, lang));
      ImGui::PopFont();
    }
    widgets::muted(std::string(app.t(ui::kMeaning)) + (lang == Lang::Ja ? "：" : ": ") + label_of(c.meta.amount_meanings, m.meaning, lang) + " / " +
                   app.t(ui::kRecipient) + (lang == Lang::Ja ? "：" : ": ") + recipient_label(c.meta.applicants, mr.estimate, lang) +
                   (m.per.empty() ? "" : " / " + m.per.in(lang)));
    for (const auto& name : m.figures_used) {
      const Figure* f = r.program->figure(name);
      if (!f) continue;
      widgets::muted("・" + f->label.in(lang) + (lang == Lang::Ja ? "：" : ": ") + format_amount(f->value, f->unit, lang) +
                     paren(citation_text(c, f->source, lang) + (lang == Lang::Ja ? "「" + plain(f->source.quote) + "」" : " “" + plain(f->source.quote) + "”"), lang));
      for (const auto& h : f->history)
        widgets::muted(std::string("　") + app.t(ui::kHistory) + (lang == Lang::Ja ? "：" : ": ") + format_amount(h.value, f->unit, lang) +
                       paren(citation_text(c, h.source, lang), lang));
    }
    if (!m.note.empty()) widgets::muted(std::string(app.t(ui::kNote)) + (lang == Lang::Ja ? "：" : ": ") + m.note.in(lang));
    ImGui::Unindent(theme::px(14));
    ImGui::PopID();
  }
}

void conditions(App& app, const ProgramResult& r) {
  std::string title = std::string(app.t(ui::kConditions)) + "  " + std::to_string(r.met) + " / " + std::to_string(r.conditions.size());
  widgets::heading(title, 1.15f);
  const auto& p = theme::palette();
  for (const auto& cr : r.conditions) {
    const char* mark = cr.state == logic::Tri::True ? "○" : cr.state == logic::Tri::False ? "×" : "？";
    ImU32 color = cr.state == logic::Tri::True ? p.eligible : cr.state == logic::Tri::False ? p.ineligible : p.unknown;
    const char* word = cr.state == logic::Tri::True ? app.t(ui::kMet) : cr.state == logic::Tri::False ? app.t(ui::kNotMet) : app.t(ui::kUnanswered);
    widgets::text(std::string(mark) + " " + cr.condition->text.in(app.lang()) + paren(word, app.lang()), color);
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

}  // namespace

void detail(App& app) {
  const ProgramResult* r = app.wizard.detail_program();
  if (!r) {
    app.wizard.back();
    return;
  }
  const Program& p = *r->program;
  const Catalog& c = app.wizard.catalog();
  const Lang lang = app.lang();
  const auto& pal = theme::palette();
  if (widgets::button(app.t(ui::kBack))) app.wizard.back();
  widgets::heading(p.name.in(lang), 1.4f);
  if (!app.details_ready()) {
    widgets::muted(app.t(ui::kLoadingDetails));
    return;
  }
  widgets::text(std::string(status_label(app, r->status)) + " · " + kind_label(app, *r) + " · " + label_of(c.meta.ministries, p.ministry, lang),
                status_color(r->status));
  if (r->scope != Scope::InScope) widgets::muted(app.t(r->scope == Scope::ThemeNotChosen ? ui::kThemeNotChosen : ui::kGateDeclined));
  // What a person came for first: how much, what to do, whom to call.
  estimate_summary(app, *r);
  widgets::separator_space();
  contacts(app, p);
  widgets::separator_space();
  next_steps(app, p);
  widgets::separator_space();
  widgets::heading(app.t(ui::kSummary), 1.15f);
  if (const Novelty* n = p.latest_novelty(); n && !n->text.empty()) {
    std::string badge = novelty_badge(p, lang);
    widgets::text((badge.empty() ? fiscal_year_text(n->fiscal_year, lang) : "★ " + badge) + (lang == Lang::Ja ? "：" : ": ") + n->text.in(lang), pal.accent);
  }
  widgets::text(p.summary.in(lang));
  widgets::separator_space();
  breakdown(app, *r);
  widgets::separator_space();
  conditions(app, *r);
  widgets::separator_space();
  widgets::heading(app.t(ui::kSupports), 1.15f);
  widgets::text(p.supports.in(lang));
  for (const auto& b : p.budget)
    widgets::muted(std::string(app.t(ui::kBudget)) + (lang == Lang::Ja ? "：" : ": ") + b.label.in(lang) + " " + format_amount(b.value, b.unit, lang) +
                   paren(citation_text(c, b.source, lang), lang));
  widgets::separator_space();
  widgets::heading(app.t(ui::kSources), 1.15f);
  for (const auto& s : p.sources) {
    widgets::text("・" + citation_text(c, s, lang));
    widgets::muted(lang == Lang::Ja ? "　「" + plain(s.quote) + "」" : "  “" + plain(s.quote) + "”");
  }
  if (!p.caveats.empty()) {
    widgets::separator_space();
    widgets::heading(app.t(ui::kCaveats), 1.15f);
    for (const auto& cv : p.caveats) widgets::text("※ " + cv.in(lang), pal.unknown);
  }
  ImGui::Dummy(ImVec2(0, theme::px(8)));
  if (widgets::button(app.t(ui::kBack), false, ImGui::GetContentRegionAvail().x)) app.wizard.back();
}

}  // namespace shisaku::app::screens
