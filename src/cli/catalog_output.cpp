#include "catalog_output.hpp"

#include <nlohmann/json.hpp>

#include "format.hpp"

namespace shisaku::cli {
namespace {

using nlohmann::json;

std::string cite(const SourceRef& s) {
  std::string out = s.file + " L" + std::to_string(s.first_line) + "-" + std::to_string(s.last_line);
  if (!s.fiscal_year.empty()) out += " (" + s.fiscal_year + ")";
  return out;
}

std::string label(const CodeList& list, const std::string& code, Lang lang) {
  auto it = list.find(code);
  return it == list.end() ? code : it->second.in(lang);
}

std::string joined_labels(const CodeList& list, const std::vector<std::string>& codes, Lang lang) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : lang == Lang::Ja ? "・" : ", ") + label(list, c, lang);
  return out;
}

std::string figure_line(const Figure& f, Lang lang) {
  std::string s = f.label.in(lang) + ": " + format_amount(f.value, f.unit, lang) + " [" + f.fiscal_year + ", " + cite(f.source) + "]";
  for (const auto& h : f.history)
    s += (lang == Lang::Ja ? "（" : " (") + h.fiscal_year + ": " + format_amount(h.value, f.unit, lang) + (lang == Lang::Ja ? "）" : ")");
  return s;
}

std::string csv_cell(const std::string& s) {
  std::string out = "\"";
  for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

}  // namespace

std::string catalog_json(const Catalog& c, Lang lang) {
  json programs = json::array();
  for (const auto& p : c.programs) {
    json conditions = json::array();
    for (const auto& cond : p.conditions) conditions.push_back({{"id", cond.id}, {"text", cond.text.in(lang)}, {"source", cite(cond.source)}});
    json figures = json::array();
    for (const auto& f : p.figures)
      figures.push_back({{"name", f.name}, {"value", f.value}, {"unit", f.unit}, {"text", format_amount(f.value, f.unit, lang)},
                         {"label", f.label.in(lang)}, {"fiscal_year", f.fiscal_year}, {"source", cite(f.source)}});
    json measures = json::array();
    for (const auto& m : p.measures)
      measures.push_back({{"id", m.id}, {"kind", m.kind}, {"label", m.label.in(lang)}, {"meaning", m.meaning}, {"recipient", m.recipient}});
    json contacts = json::array();
    for (const auto& ct : p.contacts)
      contacts.push_back({{"division", ct.division.in(lang)}, {"phone", ct.phone}, {"url", ct.url}, {"email", ct.email}});
    json sources = json::array();
    for (const auto& s : p.sources) sources.push_back(cite(s));
    json caveats = json::array();
    for (const auto& t : p.caveats) caveats.push_back(t.in(lang));
    programs.push_back({{"id", p.id},
                        {"name", p.name.in(lang)},
                        {"ministry", label(c.meta.ministries, p.ministry, lang)},
                        {"applicants", p.applicants},
                        {"themes", p.themes},
                        {"summary", p.summary.in(lang)},
                        {"supports", p.supports.in(lang)},
                        {"conditions", conditions},
                        {"figures", figures},
                        {"measures", measures},
                        {"contacts", contacts},
                        {"sources", sources},
                        {"caveats", caveats}});
  }
  return json{{"rules_version", c.meta.rules_version + "+" + c.fingerprint}, {"count", c.programs.size()}, {"programs", programs}}.dump(2) + "\n";
}

std::string catalog_csv(const Catalog& c, Lang lang) {
  std::string out = "id,name,ministry,applicants,themes,conditions,figures,contacts,sources\n";
  for (const auto& p : c.programs) {
    std::string conditions, figures, contacts, sources;
    for (const auto& cond : p.conditions) conditions += (conditions.empty() ? "" : " / ") + cond.text.in(lang);
    for (const auto& f : p.figures) figures += (figures.empty() ? "" : " / ") + figure_line(f, lang);
    for (const auto& ct : p.contacts)
      contacts += (contacts.empty() ? "" : " / ") + ct.division.in(lang) + (ct.phone.empty() ? "" : " " + ct.phone) + (ct.url.empty() ? "" : " " + ct.url);
    for (const auto& s : p.sources) sources += (sources.empty() ? "" : " / ") + cite(s);
    out += csv_cell(p.id) + "," + csv_cell(p.name.in(lang)) + "," + csv_cell(label(c.meta.ministries, p.ministry, lang)) + "," +
           csv_cell(joined_labels(c.meta.applicants, p.applicants, lang)) + "," + csv_cell(joined_labels(c.meta.themes, p.themes, lang)) + "," +
           csv_cell(conditions) + "," + csv_cell(figures) + "," + csv_cell(contacts) + "," + csv_cell(sources) + "\n";
  }
  return out;
}

std::string catalog_markdown(const Catalog& c, Lang lang) {
  bool ja = lang == Lang::Ja;
  std::string out = "# " + c.meta.title.in(lang) + "\n\n" + (ja ? "施策数: " : "Programs: ") + std::to_string(c.programs.size()) +
                    " (rules " + c.meta.rules_version + "+" + c.fingerprint + ")\n";
  for (const auto& p : c.programs) {
    out += "\n## " + p.name.in(lang) + " (`" + p.id + "`)\n\n";
    out += std::string(ja ? "- 所管: " : "- Ministry: ") + label(c.meta.ministries, p.ministry, lang) + "\n";
    out += std::string(ja ? "- 対象: " : "- Who: ") + joined_labels(c.meta.applicants, p.applicants, lang) + "\n";
    out += std::string(ja ? "- 分野: " : "- Themes: ") + joined_labels(c.meta.themes, p.themes, lang) + "\n\n";
    out += p.summary.in(lang) + "\n\n";
    if (!p.conditions.empty()) {
      out += ja ? "**条件**\n\n" : "**Conditions**\n\n";
      for (const auto& cond : p.conditions) out += "- " + cond.text.in(lang) + " — " + cite(cond.source) + "\n";
      out += "\n";
    }
    out += ja ? "**支援内容**\n\n" : "**Support**\n\n";
    for (const auto& m : p.measures)
      out += "- " + m.label.in(lang) + " (" + label(c.meta.measure_kinds, m.kind, lang) + ")\n";
    for (const auto& f : p.figures) out += "  - " + figure_line(f, lang) + "\n";
    out += ja ? "\n**問合せ先**\n\n" : "\n**Contacts**\n\n";
    for (const auto& ct : p.contacts)
      out += "- " + ct.division.in(lang) + (ct.phone.empty() ? "" : " " + ct.phone) + (ct.url.empty() ? "" : " <" + ct.url + ">") +
             (ct.email.empty() ? "" : " " + ct.email) + "\n";
    out += ja ? "\n**出典**: " : "\n**Sources**: ";
    for (std::size_t i = 0; i < p.sources.size(); ++i) out += (i ? "; " : "") + cite(p.sources[i]);
    out += "\n";
    for (const auto& t : p.caveats) out += std::string("\n> ") + (ja ? "注意: " : "Note: ") + t.in(lang) + "\n";
  }
  return out;
}

}  // namespace shisaku::cli
