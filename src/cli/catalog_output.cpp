#include "catalog_output.hpp"

#include <nlohmann/json.hpp>

#include "format.hpp"
#include "json_text.hpp"
#include "report.hpp"

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

std::string seed_title(const Catalog& c, const SourceRef& s, Lang lang) {
  for (const auto& seed : c.meta.seeds)
    if (seed.file == s.file) return seed.title.in(lang);
  return s.file;
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
      measures.push_back({{"id", m.id}, {"kind", m.kind}, {"label", m.label.in(lang)}, {"meaning", m.meaning}, {"recipients", m.recipients}});
    json contacts = json::array();
    for (const auto& ct : p.contacts)
      contacts.push_back({{"division", ct.division.in(lang)}, {"phone", ct.phone}, {"url", ct.url}, {"email", ct.email}});
    json sources = json::array();
    for (const auto& s : p.sources) sources.push_back(cite(s));
    json caveats = json::array();
    for (const auto& t : p.caveats) caveats.push_back(t.in(lang));
    json steps = json::array(), novelty = json::array();
    for (const auto& st : p.next_steps) steps.push_back({{"step", step_kind_name(st.kind)}, {"text", st.text.in(lang)}, {"source", cite(st.source)}});
    for (const auto& n : p.novelty)
      novelty.push_back({{"fiscal_year", n.fiscal_year}, {"kind", novelty_kind_name(n.kind)}, {"text", n.text.in(lang)}, {"source", cite(n.source)}});
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
                        {"next_steps", steps},
                        {"novelty", novelty},
                        {"caveats", caveats}});
  }
  json listed = json::array();
  for (const auto& l : c.listings)
    listed.push_back({{"id", l.id}, {"name", l.name.in(lang)}, {"ministry", label(c.meta.ministries, l.ministry, lang)}, {"themes", l.themes},
                      {"note", l.note.in(lang)}, {"source", cite(l.source)}});
  return json_text(json{{"rules_version", c.meta.rules_version + "+" + c.fingerprint}, {"count", c.programs.size()}, {"programs", programs},
                        {"listed", listed}},
                   2) +
         "\n";
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
  // Programs a seed only names: no conditions, figures or contacts to list.
  for (const auto& l : c.listings)
    out += csv_cell(l.id) + "," + csv_cell(l.name.in(lang)) + "," + csv_cell(label(c.meta.ministries, l.ministry, lang)) + ",," +
           csv_cell(joined_labels(c.meta.themes, l.themes, lang)) + "," + csv_cell(l.note.in(lang)) + ",,," + csv_cell(cite(l.source)) + "\n";
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
  if (!c.listings.empty()) out += ja ? "\n## 資料に名称のみ掲載の施策\n\n" : "\n## Programmes the sources only name\n\n";
  for (const auto& l : c.listings)
    out += "- " + l.name.in(lang) + " (`" + l.id + "`, " + label(c.meta.ministries, l.ministry, lang) + ") — " + l.note.in(lang) + " " + cite(l.source) + "\n";
  return out;
}

namespace {

std::string esc(const std::string& s) { return html_escape(s); }

// One program as an <article>: what a visitor without JavaScript (or a search engine) needs
// to decide whether to call the contact.
std::string program_html(const Catalog& c, const Program& p, Lang lang) {
  bool ja = lang == Lang::Ja;
  auto heading = [](const char* text) { return std::string("<h4>") + text + "</h4>\n"; };
  std::string h = "<article id=\"" + esc(p.id) + "\" data-program=\"" + esc(p.id) + "\">\n<h3>" + esc(p.name.in(lang)) + "</h3>\n";
  if (std::string badge = novelty_badge(p, lang); !badge.empty())
    h += "<p class=\"note\">" + esc(badge + (p.latest_novelty()->text.empty() ? "" : (ja ? "：" : ": ") + p.latest_novelty()->text.in(lang))) + "</p>\n";
  h += std::string("<dl>") + (ja ? "<dt>所管</dt><dd>" : "<dt>Ministry</dt><dd>") + esc(label(c.meta.ministries, p.ministry, lang)) + "</dd>" +
       (ja ? "<dt>対象</dt><dd>" : "<dt>Who applies</dt><dd>") + esc(joined_labels(c.meta.applicants, p.applicants, lang)) + "</dd>" +
       (ja ? "<dt>分野</dt><dd>" : "<dt>Themes</dt><dd>") + esc(joined_labels(c.meta.themes, p.themes, lang)) + "</dd></dl>\n";
  h += "<p>" + esc(p.summary.in(lang)) + "</p>\n";
  if (!p.supports.empty()) h += std::string("<p><b>") + (ja ? "支援の対象" : "What it supports") + ":</b> " + esc(p.supports.in(lang)) + "</p>\n";
  if (!p.conditions.empty()) {
    h += heading(ja ? "条件" : "Conditions") + "<ul>\n";
    for (const auto& cond : p.conditions) h += "<li>" + esc(cond.text.in(lang)) + " <small>(" + esc(cite(cond.source)) + ")</small></li>\n";
    h += "</ul>\n";
  }
  h += heading(ja ? "支援内容と金額" : "Support and amounts") + "<ul>\n";
  for (const auto& m : p.measures) {
    h += "<li>" + esc(m.label.in(lang)) + " (" + esc(label(c.meta.measure_kinds, m.kind, lang)) + ")";
    if (!m.note.empty()) h += "<br><small>" + esc(m.note.in(lang)) + "</small>";
    h += "</li>\n";
  }
  for (const auto& f : p.figures) h += "<li>" + esc(figure_line(f, lang)) + "</li>\n";
  for (const auto& b : p.budget)
    h += std::string("<li>") + (ja ? "予算: " : "Budget: ") + esc(b.label.in(lang) + " " + format_amount(b.value, b.unit, lang)) + " [" +
         esc(b.fiscal_year + ", " + cite(b.source)) + "]</li>\n";
  h += "</ul>\n";
  if (!p.next_steps.empty()) {
    h += heading(ja ? "次にすること" : "What to do next") + "<ul>\n";
    for (const auto& d : p.next_steps) h += "<li>" + esc(d.text.in(lang)) + " <small>(" + esc(cite(d.source)) + ")</small></li>\n";
    h += "</ul>\n";
  }
  h += heading(ja ? "問合せ先" : "Contacts") + "<ul>\n";
  for (const auto& ct : p.contacts) {
    h += "<li>" + esc(ct.division.in(lang));
    if (!ct.phone.empty()) h += std::string(ja ? " 電話 " : " phone ") + "<a href=\"tel:" + esc(ct.phone) + "\">" + esc(ct.phone) + "</a>";
    if (!ct.email.empty()) h += " " + esc(ct.email);
    if (!ct.url.empty()) h += " <a href=\"" + esc(ct.url) + "\" rel=\"noopener noreferrer\">" + esc(ct.url) + "</a>";
    h += "</li>\n";
  }
  h += "</ul>\n" + heading(ja ? "出典" : "Sources") + "<ul>\n";
  for (const auto& src : p.sources)
    h += "<li>" + esc(seed_title(c, src, lang)) + " — " + esc(cite(src)) + (src.quote.empty() ? "" : "<br><q>" + esc(src.quote) + "</q>") + "</li>\n";
  h += "</ul>\n";
  if (!p.caveats.empty()) {
    h += heading(ja ? "注意事項" : "Caveats") + "<ul>\n";
    for (const auto& t : p.caveats) h += "<li>" + esc(t.in(lang)) + "</li>\n";
    h += "</ul>\n";
  }
  return h + "</article>\n";
}

}  // namespace

std::string catalog_html(const Catalog& c, Lang lang) {
  bool ja = lang == Lang::Ja;
  std::string count = std::to_string(c.programs.size());
  std::string title = ja ? "地域活性化支援施策の一覧（" + count + " 件）— 施策ナビ" : "Regional revitalisation support programmes (" + count + ") — shisaku-navi";
  std::string h = std::string("<!doctype html>\n<html lang=\"") + (ja ? "ja" : "en") + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
                  // No script at all; the one stylesheet (programs.css) is the page's own.
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'\">\n" +
                  "<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"description\" content=\"" +
                  esc(ja ? "国の地域活性化支援施策 " + count + " 件の条件・支援額（年度つき）・問合せ先・出典の一覧。施策ナビで、使える施策を質問に答えて絞り込めます。"
                         : count + " national regional-revitalisation programmes with their conditions, amounts (with fiscal year), contacts and sources.") +
                  "\">\n<title>" + esc(title) + "</title>\n<link rel=\"stylesheet\" href=\"programs.css\">\n</head>\n<body>\n<header>\n<h1>" +
                  esc(title) + "</h1>\n<p>" +
                  (ja ? "この一覧は JavaScript なしで読めます。質問に答えて使える施策を絞り込むには、<a href=\"index.html\">施策ナビを開いてください</a>。"
                      : "This list needs no JavaScript. To find the programmes that apply to you by answering a few questions, "
                        "<a href=\"index.html\">open shisaku-navi</a>.") +
                  "</p>\n<p><small>rules " + esc(c.meta.rules_version + "+" + c.fingerprint) + "</small></p>\n</header>\n";
  // Programs come sorted by ministry: one section each, with a table of contents.
  std::vector<std::pair<std::string, int>> ministries;
  for (const auto& p : c.programs) {
    if (ministries.empty() || ministries.back().first != p.ministry) ministries.push_back({p.ministry, 0});
    ministries.back().second++;
  }
  h += std::string("<nav aria-label=\"") + (ja ? "府省庁別" : "By ministry") + "\">\n<h2>" + (ja ? "府省庁別" : "By ministry") + "</h2>\n<ul>\n";
  for (const auto& [code, n] : ministries)
    h += "<li><a href=\"#ministry-" + esc(code) + "\">" + esc(label(c.meta.ministries, code, lang)) + "</a> (" + std::to_string(n) + ")</li>\n";
  h += "</ul>\n</nav>\n<main>\n";
  std::string open;
  for (const auto& p : c.programs) {
    if (p.ministry != open) {
      if (!open.empty()) h += "</section>\n";
      open = p.ministry;
      h += "<section id=\"ministry-" + esc(open) + "\">\n<h2>" + esc(label(c.meta.ministries, open, lang)) + "</h2>\n";
    }
    h += program_html(c, p, lang);
  }
  if (!open.empty()) h += "</section>\n";
  if (!c.listings.empty()) {
    h += std::string("<section id=\"listed\">\n<h2>") + (ja ? "資料に名称のみ掲載の施策" : "Programmes the sources only name") + "</h2>\n";
    for (const auto& l : c.listings)
      h += "<article id=\"" + esc(l.id) + "\" data-listed=\"" + esc(l.id) + "\">\n<h3>" + esc(l.name.in(lang)) + "</h3>\n<p>" +
           esc(label(c.meta.ministries, l.ministry, lang) + " — " + l.note.in(lang)) + " <small>(" + esc(seed_title(c, l.source, lang) + " — " + cite(l.source)) +
           ")</small></p>\n</article>\n";
    h += "</section>\n";
  }
  return h + "</main>\n<footer><p><a href=\"index.html\">" + (ja ? "施策ナビ（質問に答えて探す）" : "shisaku-navi (answer questions to find programmes)") +
         "</a></p></footer>\n</body>\n</html>\n";
}

}  // namespace shisaku::cli
