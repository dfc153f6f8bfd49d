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
    if (!missing.empty()) s += "（未回答：" + missing + "）";
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

std::vector<ResultSection> result_sections(const Catalog& c, const Evaluation& ev, bool by_amount) {
  // The interview's order: families as it takes them, programs as each family lists them.
  std::vector<int> order(ev.programs.size(), static_cast<int>(ev.programs.size()));
  int n = 0;
  for (int f : ev.family_order)
    for (int p : c.interview.families[static_cast<std::size_t>(f)].programs) order[static_cast<std::size_t>(p)] = n++;
  auto amount_key = [&](int p) {
    const Total& t = ev.programs[static_cast<std::size_t>(p)].total;
    // Exact totals lead; one that waits for answers never does.
    return t.kind == Total::Kind::Exact ? std::make_pair(2, t.known) : t.kind == Total::Kind::Partial ? std::make_pair(1, t.known) : std::make_pair(0, 0.0);
  };
  auto sorted = [&](std::vector<int> list, bool by_status) {
    std::stable_sort(list.begin(), list.end(), [&](int a, int b) {
      const ProgramResult& ra = ev.programs[static_cast<std::size_t>(a)];
      const ProgramResult& rb = ev.programs[static_cast<std::size_t>(b)];
      if (by_status && ra.status != rb.status) return ra.status == Status::Eligible;
      if (by_amount && amount_key(a) != amount_key(b)) return amount_key(a) > amount_key(b);
      return order[static_cast<std::size_t>(a)] < order[static_cast<std::size_t>(b)];
    });
    return list;
  };
  std::vector<ResultSection> out;
  std::vector<std::vector<int>> by_group(c.meta.support_groups.size() + 1);
  std::vector<int> not_eligible, set_aside;
  for (std::size_t i = 0; i < ev.programs.size(); ++i) {
    const ProgramResult& r = ev.programs[i];
    if (!r.in_scope())
      set_aside.push_back(static_cast<int>(i));
    else if (r.status == Status::Ineligible)
      not_eligible.push_back(static_cast<int>(i));
    else {
      int g = support_group_of(c, *r.program);
      by_group[g < 0 ? by_group.size() - 1 : static_cast<std::size_t>(g)].push_back(static_cast<int>(i));
    }
  }
  for (std::size_t g = 0; g < by_group.size(); ++g)
    if (!by_group[g].empty()) out.push_back({ResultSection::Kind::Support, g < c.meta.support_groups.size() ? static_cast<int>(g) : -1, sorted(by_group[g], true)});
  if (!not_eligible.empty()) out.push_back({ResultSection::Kind::NotEligible, -1, sorted(not_eligible, false)});
  if (!set_aside.empty()) out.push_back({ResultSection::Kind::SetAside, -1, sorted(set_aside, true)});
  return out;
}

json evaluation_json(const Catalog& c, const Evaluation& ev, Lang lang) {
  json programs = json::array();
  for (const auto& r : ev.programs) programs.push_back(program_result_json(c, r, lang));
  json remaining = json::array(), amounts = json::array();
  for (int s : ev.remaining) remaining.push_back(c.slot_name(s));
  for (int s : ev.amount_questions) amounts.push_back(c.slot_name(s));
  json sections = json::array();
  for (const auto& section : result_sections(c, ev)) {
    static const char* kKinds[] = {"support", "not_eligible", "set_aside"};
    json ids = json::array();
    for (int i : section.programs) ids.push_back(c.programs[static_cast<std::size_t>(i)].id);
    sections.push_back({{"kind", kKinds[static_cast<int>(section.kind)]},
                        {"group", section.group >= 0 ? json(c.meta.support_groups[static_cast<std::size_t>(section.group)].id) : json()},
                        {"title", section_title(c, section, lang)},
                        {"programs", ids}});
  }
  // The programs the sources only name, in the chosen themes: listed, never evaluated.
  json listed = json::array();
  for (int i : ev.listings_in_scope) {
    const Listing& l = c.listings[static_cast<std::size_t>(i)];
    listed.push_back({{"id", l.id}, {"name", l.name.in(lang)}, {"ministry", l.ministry}, {"themes", l.themes}, {"note", l.note.in(lang)}});
  }
  return {{"rules_version", c.meta.rules_version + "+" + c.fingerprint},
          {"counts", {{"eligible", ev.eligible}, {"unknown", ev.unknown}, {"ineligible", ev.ineligible}, {"in_scope", ev.in_scope}}},
          {"next_question", next_question_json(c, ev, lang)},
          {"remaining_questions", remaining},
          {"amount_questions", amounts},
          {"sections", sections},
          {"listed", listed},
          {"programs", programs}};
}

const char* status_text(Status s, Lang lang) {
  bool ja = lang == Lang::Ja;
  return s == Status::Eligible ? (ja ? "該当" : "Eligible") : s == Status::Unknown ? (ja ? "要確認" : "Needs answers") : (ja ? "対象外" : "Not eligible");
}

std::string section_title(const Catalog& c, const ResultSection& s, Lang lang) {
  bool ja = lang == Lang::Ja;
  switch (s.kind) {
    case ResultSection::Kind::Support:
      return s.group >= 0 ? c.meta.support_groups[static_cast<std::size_t>(s.group)].label.in(lang) : (ja ? "その他の支援" : "Other support");
    case ResultSection::Kind::NotEligible:
      return ja ? "選んだ分野で対象外の施策" : "Not eligible, in the fields you chose";
    case ResultSection::Kind::SetAside:
      return ja ? "選ばなかった分野・予定のない施策" : "Fields not chosen or not planned";
  }
  return "";
}

std::string amount_line(const Catalog& c, const ProgramResult& r, Lang lang) {
  if (r.status == Status::Ineligible) return "";  // no amount beside 対象外
  std::string total = format_total(r.total, lang), needs = needs_text(c, r, lang);
  if (needs.empty()) return total;
  return total.empty() ? paren(needs, lang).substr(lang == Lang::Ja ? 0 : 1) : total + paren(needs, lang);
}

std::string evaluation_text(const Catalog& c, const Evaluation& ev, Lang lang, bool include_set_aside) {
  std::string out;
  bool ja = lang == Lang::Ja;
  const int eligible = ev.in_scope_eligible, unknown = ev.in_scope_unknown;
  out += ja ? "選んだ分野で 該当 " + std::to_string(eligible) + " 件・要確認 " + std::to_string(unknown) + " 件\n"
            : "In the fields you chose: " + std::to_string(eligible) + " eligible, " + std::to_string(unknown) + " need answers\n";
  for (const auto& section : result_sections(c, ev)) {
    if (section.kind == ResultSection::Kind::SetAside && !include_set_aside) continue;
    out += "\n■ " + section_title(c, section, lang) + " (" + std::to_string(section.programs.size()) + ")\n";
    for (int i : section.programs) {
      const ProgramResult& r = ev.programs[static_cast<std::size_t>(i)];
      out += "- [" + std::string(status_text(r.status, lang)) + "] " + r.program->name.in(lang) + " [" + r.program->id + "]";
      std::string amount = amount_line(c, r, lang);
      if (!amount.empty()) out += "  " + amount;
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

std::string sources_line(const Catalog& c, const Program& p, Lang lang) {
  std::string out;
  for (const auto& s : p.sources) out += (out.empty() ? "" : "; ") + citation_text(c, s, lang);
  return out;
}


}  // namespace

std::string citation_text(const Catalog& c, const SourceRef& s, Lang lang) {
  std::string title = s.file;
  // With the document's number ("資料003", "source 003"), which the rules' notes use for it.
  for (const auto& seed : c.meta.seeds)
    if (seed.file == s.file) {
      const std::string number = s.file.substr(0, s.file.find('_'));
      title = (lang == Lang::Ja ? "資料" + number + "「" + seed.title.in(lang) + "」" : "source " + number + ", " + seed.title.in(lang));
    }
  std::string year = s.fiscal_year.empty() ? "" : (lang == Lang::Ja ? "、" : ", ") + fiscal_year_text(s.fiscal_year, lang);
  std::string lines = s.first_line == s.last_line ? std::to_string(s.first_line) : std::to_string(s.first_line) + "–" + std::to_string(s.last_line);
  return title + (lang == Lang::Ja ? "（行 " : " (line" + std::string(s.first_line == s.last_line ? " " : "s ")) + lines + year + (lang == Lang::Ja ? "）" : ")");
}

std::string fiscal_year_text(const std::string& fy, Lang lang) {
  if (fy.size() < 2) return fy;
  const std::string n = fy.substr(1);
  if (lang == Lang::Ja) return std::string(fy[0] == 'R' ? "令和" : "平成") + n + "年度";
  int western = std::atoi(n.c_str()) + (fy[0] == 'R' ? 2018 : 1988);
  return "FY" + std::to_string(western);
}

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

std::string evaluation_csv(const Catalog& c, const Evaluation& ev, Lang lang, bool include_set_aside) {
  bool ja = lang == Lang::Ja;
  std::string out = ja ? "区分,状況,施策,ID,府省庁,支援の種類,支援額の目安,問合せ先,出典\r\n"
                       : "section,status,programme,id,ministry,kind of support,estimate,contacts,sources\r\n";
  for (const auto& section : result_sections(c, ev)) {
    if (section.kind == ResultSection::Kind::SetAside && !include_set_aside) continue;
    for (int i : section.programs) {
      const ProgramResult& r = ev.programs[static_cast<std::size_t>(i)];
      const Program& p = *r.program;
      auto m = c.meta.ministries.find(p.ministry);
      int g = support_group_of(c, p);
      out += csv_cell(section_title(c, section, lang)) + "," + csv_cell(status_text(r.status, lang)) + "," + csv_cell(p.name.in(lang)) + "," +
             csv_cell(p.id) + "," + csv_cell(m == c.meta.ministries.end() ? p.ministry : m->second.in(lang)) + "," +
             csv_cell(g < 0 ? "" : c.meta.support_groups[static_cast<std::size_t>(g)].label.in(lang)) + "," + csv_cell(amount_line(c, r, lang)) + "," +
             csv_cell(contacts_line(p, lang)) + "," + csv_cell(sources_line(c, p, lang)) + "\r\n";
    }
  }
  return out;
}

std::string evaluation_html(const Catalog& c, const Evaluation& ev, const Answers& answers, Lang lang, bool include_set_aside) {
  bool ja = lang == Lang::Ja;
  std::string h = std::string("<!doctype html><html lang=\"") + (ja ? "ja" : "en") + "\"><meta charset=\"utf-8\"><title>" +
                  (ja ? "施策ナビ 結果" : "shisaku-navi results") +
                  "</title><link rel=\"stylesheet\" href=\"programs.css\"><h1>" +
                  (ja ? "施策ナビ 結果" : "shisaku-navi results") + "</h1><p><small>rules " + html_escape(c.meta.rules_version + "+" + c.fingerprint) +
                  "</small></p>";
  auto program = [&](const ProgramResult& r) {
    const Program& p = *r.program;
    std::string a = "<h3>" + html_escape(p.name.in(lang)) + " <small>[" + status_text(r.status, lang) + "]</small></h3><p>" + html_escape(p.summary.in(lang)) + "</p>";
    std::string amount = amount_line(c, r, lang);
    if (!amount.empty()) a += "<p><b>" + html_escape(amount) + "</b></p>";
    a += "<p><small>" + html_escape(reasons_summary(c, r, lang)) + "<br>" + html_escape(contacts_line(p, lang)) + "<br>" +
         html_escape(sources_line(c, p, lang)) + "</small></p>";
    for (const auto& cv : p.caveats) a += "<p class=note>※ " + html_escape(cv.in(lang)) + "</p>";
    return a;
  };
  for (const auto& section : result_sections(c, ev)) {
    const bool folded = section.kind != ResultSection::Kind::Support;
    if (section.kind == ResultSection::Kind::SetAside && !include_set_aside) continue;
    std::string title = html_escape(section_title(c, section, lang)) + " (" + std::to_string(section.programs.size()) + ")";
    h += folded ? "<details><summary><h2>" + title + "</h2></summary>" : "<h2>" + title + "</h2>";
    for (int i : section.programs) h += program(ev.programs[static_cast<std::size_t>(i)]);
    if (folded) h += "</details>";
  }
  h += std::string("<h2>") + (ja ? "回答" : "Answers") + "</h2><ul>";
  for (const auto& q : c.questions)
    if (answers.answered(q.slot) || answers.skipped(q.slot))
      h += "<li>" + html_escape(q.text.in(lang)) + " — <b>" + html_escape(answers.describe(q.slot, lang)) + "</b>";
  h += "</ul>";
  return h + "</html>";
}

}  // namespace shisaku
