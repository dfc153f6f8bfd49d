#include "report.hpp"

#include <cmath>

#include "format.hpp"

namespace shisaku {
namespace {

using nlohmann::json;

json source_json(const SourceRef& s) {
  json j = {{"file", s.file}, {"lines", std::to_string(s.first_line) + "-" + std::to_string(s.last_line)}};
  if (!s.fiscal_year.empty()) j["fiscal_year"] = s.fiscal_year;
  if (!s.quote.empty()) j["quote"] = s.quote;
  return j;
}

const char* tri_word(logic::Tri t) {
  switch (t) {
    case logic::Tri::True:
      return "met";
    case logic::Tri::False:
      return "not_met";
    default:
      return "unanswered";
  }
}

json estimate_json(const Catalog& c, const ProgramResult& r, const Estimate& e, Lang lang) {
  if (e.kind == Estimate::Kind::None) return nullptr;
  json j = {{"unit", std::string(e.unit)}, {"text", format_estimate(e, lang)}};
  j["min"] = e.kind == Estimate::Kind::Unknown ? json() : json(e.min);
  j["max"] = (e.kind == Estimate::Kind::Unknown || !std::isfinite(e.max)) ? json() : json(e.max);
  j["kind"] = e.kind == Estimate::Kind::Exact ? "exact" : e.kind == Estimate::Kind::Range ? "range" : "unknown";
  if (e.measure) {
    j["measure"] = e.measure->id;
    j["label"] = e.measure->label.in(lang);
    j["meaning"] = e.measure->meaning;
    j["meaning_text"] = c.meta.amount_meanings.count(e.measure->meaning) ? c.meta.amount_meanings.at(e.measure->meaning).in(lang) : "";
    j["recipient"] = e.recipient ? json(*e.recipient) : json();
    j["recipients"] = e.measure->recipients;
    json figures = json::array();
    for (const auto& name : e.measure->figures_used) {
      const Figure* f = r.program->figure(name);
      if (!f) continue;
      json fj = {{"name", f->name}, {"value", f->value}, {"unit", f->unit}, {"text", format_amount(f->value, f->unit, lang)},
                 {"label", f->label.in(lang)}, {"fiscal_year", f->fiscal_year}, {"source", source_json(f->source)}};
      figures.push_back(fj);
    }
    j["figures"] = figures;
  }
  json inputs = json::array();
  if (e.inputs)
    for (int s : *e.inputs) inputs.push_back(c.slot_name(s));
  j["inputs"] = inputs;
  return j;
}

json total_json(const Catalog& c, const ProgramResult& r, Lang lang) {
  if (r.total.kind == Total::Kind::None) return nullptr;
  json needs = json::array();
  for (int s : r.amount_settling) needs.push_back(c.slot_name(s));
  return {{"kind", r.total.kind == Total::Kind::Exact ? "exact" : "partial"},
          {"known", r.total.known},
          {"parts", r.total.parts},
          {"meaning", r.total.measure ? r.total.measure->meaning : ""},
          {"text", format_total(r.total, lang)},
          {"needs", needs},
          {"needs_text", needs_text(c, r, lang)}};
}

json support_group(const Catalog& c, const Program& p) {
  int g = support_group_of(c, p);
  return g < 0 ? json() : json(c.meta.support_groups[static_cast<std::size_t>(g)].id);
}

}  // namespace

json question_json(const Catalog& /*catalog*/, const Question& q, Lang lang) {
  static const char* kTypes[] = {"boolean", "single", "multi", "number"};
  json j = {{"id", q.id}, {"type", kTypes[static_cast<int>(q.type)]}, {"text", q.text.in(lang)}, {"help", q.help.in(lang)}};
  if (!q.options.empty()) {
    json opts = json::array();
    for (const auto& o : q.options) opts.push_back({{"value", o.value}, {"label", o.label.in(lang)}});
    j["options"] = opts;
  }
  if (q.type == QuestionType::Number) {
    j["unit"] = q.unit;
    j["min"] = q.min;
    j["max"] = q.max;
  }
  return j;
}

std::string reasons_summary(const Catalog& c, const ProgramResult& r, Lang lang) {
  int total = static_cast<int>(r.conditions.size());
  std::string missing;
  for (const auto& cr : r.conditions)
    for (int s : cr.missing)
      if (missing.find(c.slot_name(s)) == std::string::npos) missing += (missing.empty() ? "" : ", ") + c.slot_name(s);
  if (lang == Lang::Ja) {
    std::string s = std::to_string(total) + "条件中" + std::to_string(r.met) + "件を満たす";
    if (r.not_met) s += "・" + std::to_string(r.not_met) + "件を満たさない";
    if (!missing.empty()) s += "（未回答: " + missing + "）";
    return s;
  }
  std::string s = std::to_string(r.met) + " of " + std::to_string(total) + " met";
  if (r.not_met) s += "; " + std::to_string(r.not_met) + " not met";
  if (!missing.empty()) s += "; unanswered: " + missing;
  return s;
}

json program_result_json(const Catalog& c, const ProgramResult& r, Lang lang) {
  const Program& p = *r.program;
  json reasons = json::array();
  for (const auto& cr : r.conditions) {
    json m = json::array();
    for (int s : cr.missing) m.push_back(c.slot_name(s));
    reasons.push_back({{"id", cr.condition->id}, {"text", cr.condition->text.in(lang)}, {"state", tri_word(cr.state)}, {"missing", m}});
  }
  json measures = json::array();
  for (const auto& mr : r.measures) {
    json mj = {{"id", mr.measure->id}, {"kind", mr.measure->kind}, {"label", mr.measure->label.in(lang)},
               {"applies", tri_word(mr.applies)}, {"recipient", mr.estimate.recipient ? json(*mr.estimate.recipient) : json()},
               {"recipients", mr.measure->recipients}, {"meaning", mr.measure->meaning}};
    if (mr.estimate.kind != Estimate::Kind::None) mj["estimate"] = estimate_json(c, r, mr.estimate, lang);
    measures.push_back(mj);
  }
  json contacts = json::array();
  for (const auto& ct : p.contacts)
    contacts.push_back({{"division", ct.division.in(lang)}, {"phone", ct.phone}, {"url", ct.url}, {"email", ct.email}});
  json sources = json::array();
  for (const auto& s : p.sources) sources.push_back(source_json(s));
  json settling = json::array(), refining = json::array();
  for (int s : r.status_settling) settling.push_back(c.slot_name(s));
  for (int s : r.amount_settling) refining.push_back(c.slot_name(s));
  json caveats = json::array();
  for (const auto& t : p.caveats) caveats.push_back(t.in(lang));
  json j = {{"id", p.id},
            {"name", p.name.in(lang)},
            {"ministry", p.ministry},
            {"status", status_name(r.status)},
            {"scope", scope_name(r.scope)},
            {"in_scope", r.in_scope()},
            {"kind", support_group(c, p)},
            {"reasons", reasons},
            {"reasons_summary", reasons_summary(c, r, lang)},
            {"estimate", estimate_json(c, r, r.headline, lang)},
            {"total", total_json(c, r, lang)},
            {"measures", measures},
            {"contacts", contacts},
            {"sources", sources},
            {"settling_questions", settling},
            {"amount_questions", refining},
            {"caveats", caveats}};
  if (!r.errors.empty()) j["errors"] = r.errors;
  return j;
}

json question_in_chapter_json(const Catalog& c, int slot, int chapter, const std::vector<int>& programs, const char* programs_key, Lang lang) {
  json j = question_json(c, c.questions[static_cast<std::size_t>(slot)], lang);
  j["chapter"] = {{"id", c.interview.chapter_id(chapter)}, {"title", c.interview.chapter_title(chapter).in(lang)}};
  json list = json::array();
  for (int p : programs) list.push_back({{"id", c.programs[static_cast<std::size_t>(p)].id}, {"name", c.programs[static_cast<std::size_t>(p)].name.in(lang)}});
  j[programs_key] = list;
  return j;
}

json next_question_json(const Catalog& c, const Evaluation& ev, Lang lang) {
  if (!ev.next_question) return nullptr;
  return question_in_chapter_json(c, *ev.next_question, ev.remaining_chapter.front(), ev.next_decides, "decides", lang);
}

json remaining_questions_json(const Catalog& c, const Evaluation& ev, Lang lang) {
  json out = json::array();
  for (std::size_t i = 0; i < ev.remaining.size(); ++i)
    out.push_back(question_in_chapter_json(c, ev.remaining[i], ev.remaining_chapter[i], programs_decided_by(c, ev, ev.remaining[i]), "decides", lang));
  return out;
}

json amount_questions_json(const Catalog& c, const Evaluation& ev, Lang lang) {
  json out = json::array();
  for (int s : ev.amount_questions)
    out.push_back(question_in_chapter_json(c, s, c.interview.amounts_chapter(), programs_refined_by(ev, s), "refines", lang));
  return out;
}

json evaluation_json(const Catalog& c, const Evaluation& ev, Lang lang) {
  json programs = json::array();
  for (const auto& r : ev.programs) programs.push_back(program_result_json(c, r, lang));
  json remaining = json::array(), amounts = json::array();
  for (int s : ev.remaining) remaining.push_back(c.slot_name(s));
  for (int s : ev.amount_questions) amounts.push_back(c.slot_name(s));
  return {{"rules_version", c.meta.rules_version + "+" + c.fingerprint},
          {"counts", {{"eligible", ev.eligible}, {"unknown", ev.unknown}, {"ineligible", ev.ineligible}, {"in_scope", ev.in_scope}}},
          {"next_question", next_question_json(c, ev, lang)},
          {"remaining_questions", remaining},
          {"amount_questions", amounts},
          {"programs", programs}};
}

std::string evaluation_text(const Catalog& c, const Evaluation& ev, Lang lang) {
  std::string out;
  bool ja = lang == Lang::Ja;
  out += ja ? "該当 " + std::to_string(ev.eligible) + " 件・要確認 " + std::to_string(ev.unknown) + " 件・対象外 " + std::to_string(ev.ineligible) + " 件\n"
            : std::to_string(ev.eligible) + " eligible, " + std::to_string(ev.unknown) + " need more answers, " + std::to_string(ev.ineligible) + " not eligible\n";
  for (Status group : {Status::Eligible, Status::Unknown, Status::Ineligible}) {
    const char* heading = group == Status::Eligible ? (ja ? "\n■ 該当" : "\n# Eligible")
                          : group == Status::Unknown ? (ja ? "\n■ 要確認（回答が必要）" : "\n# Needs more answers")
                                                      : (ja ? "\n■ 対象外" : "\n# Not eligible");
    out += std::string(heading) + "\n";
    for (const auto& r : ev.programs) {
      if (r.status != group) continue;
      out += "- " + r.program->name.in(lang) + " [" + r.program->id + "]";
      if (r.headline.kind != Estimate::Kind::None) out += "  " + format_estimate(r.headline, lang);
      out += "\n    " + reasons_summary(c, r, lang) + "\n";
      for (const auto& e : r.errors) out += "    ! " + e + "\n";
    }
  }
  if (ev.next_question) {
    const Question& q = c.questions[static_cast<std::size_t>(*ev.next_question)];
    out += std::string(ja ? "\n次の質問: " : "\nNext question: ") + q.text.in(lang) + " [" + q.id + "]\n";
  }
  return out;
}

namespace {

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string contacts_line(const Program& p, Lang lang) {
  std::string out;
  for (const auto& ct : p.contacts) {
    if (!out.empty()) out += " / ";
    out += ct.division.in(lang);
    for (const std::string* f : {&ct.phone, &ct.email, &ct.url})
      if (!f->empty()) out += " " + *f;
  }
  return out;
}

std::string sources_line(const Program& p) {
  std::string out;
  for (const auto& s : p.sources)
    out += (out.empty() ? "" : "; ") + s.file + " L" + std::to_string(s.first_line) + "-" + std::to_string(s.last_line) + " (" + s.fiscal_year + ")";
  return out;
}

const char* status_text(Status s, Lang lang) {
  bool ja = lang == Lang::Ja;
  return s == Status::Eligible ? (ja ? "該当" : "Eligible") : s == Status::Unknown ? (ja ? "要確認" : "Needs more answers") : (ja ? "対象外" : "Not eligible");
}

}  // namespace

std::string html_escape(const std::string& s) {
  std::string out;
  for (char ch : s) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string evaluation_csv(const Catalog& c, const Evaluation& ev, Lang lang) {
  bool ja = lang == Lang::Ja;
  std::string out = ja ? "状況,施策,ID,府省庁,支援額の目安,問合せ先,出典\r\n" : "status,programme,id,ministry,estimate,contacts,sources\r\n";
  for (Status group : {Status::Eligible, Status::Unknown, Status::Ineligible})
    for (const auto& r : ev.programs) {
      if (r.status != group) continue;
      const Program& p = *r.program;
      auto m = c.meta.ministries.find(p.ministry);
      out += csv_cell(status_text(r.status, lang)) + "," + csv_cell(p.name.in(lang)) + "," + csv_cell(p.id) + "," +
             csv_cell(m == c.meta.ministries.end() ? p.ministry : m->second.in(lang)) + "," + csv_cell(format_estimate(r.headline, lang)) + "," +
             csv_cell(contacts_line(p, lang)) + "," + csv_cell(sources_line(p)) + "\r\n";
    }
  return out;
}

std::string evaluation_html(const Catalog& c, const Evaluation& ev, const Answers& answers, Lang lang) {
  bool ja = lang == Lang::Ja;
  std::string h = std::string("<!doctype html><html lang=\"") + (ja ? "ja" : "en") + "\"><meta charset=\"utf-8\"><title>" +
                  (ja ? "施策ナビ 結果" : "shisaku-navi results") +
                  "</title><link rel=\"stylesheet\" href=\"programs.css\"><h1>" +
                  (ja ? "施策ナビ 結果" : "shisaku-navi results") + "</h1><p><small>rules " + html_escape(c.meta.rules_version + "+" + c.fingerprint) +
                  "</small></p><h2>" + (ja ? "回答" : "Answers") + "</h2><ul>";
  for (const auto& q : c.questions)
    if (answers.answered(q.slot) || answers.skipped(q.slot))
      h += "<li>" + html_escape(q.text.in(lang)) + " — <b>" + html_escape(answers.describe(q.slot, lang)) + "</b>";
  h += "</ul>";
  for (Status group : {Status::Eligible, Status::Unknown, Status::Ineligible}) {
    h += std::string("<h2>") + status_text(group, lang) + "</h2>";
    for (const auto& r : ev.programs) {
      if (r.status != group) continue;
      const Program& p = *r.program;
      h += "<h3>" + html_escape(p.name.in(lang)) + "</h3><p>" + html_escape(p.summary.in(lang)) + "</p>";
      if (r.headline.kind != Estimate::Kind::None) h += "<p><b>" + html_escape(format_estimate(r.headline, lang)) + "</b></p>";
      h += "<p><small>" + html_escape(reasons_summary(c, r, lang)) + "<br>" + html_escape(contacts_line(p, lang)) + "<br>" + html_escape(sources_line(p)) + "</small></p>";
      for (const auto& cv : p.caveats) h += "<p class=note>※ " + html_escape(cv.in(lang)) + "</p>";
    }
  }
  return h + "</html>";
}

}  // namespace shisaku
