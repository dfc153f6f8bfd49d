#include "catalog.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <set>

#include "json_text.hpp"
#include "rules_lint.hpp"  // check_quote

namespace shisaku {

namespace {
// A Japanese phone number as the seeds write them: 10 or 11 digits in hyphenated groups
// (03-5253-5391, 0120-123-456), or 11-12 with the country code (+81-3-5253-5391).
bool is_phone_number(const std::string& s) {
  int digits = 0;
  char previous = '-';
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char ch = s[i];
    if (ch == '+' && i == 0) {
      previous = ch;
      continue;
    }
    if (ch == '-' && (previous == '-' || previous == '+')) return false;
    if (ch != '-' && (ch < '0' || ch > '9')) return false;
    digits += ch != '-';
    previous = ch;
  }
  return previous != '-' && digits >= 10 && digits <= 12;
}

using nlohmann::json;

std::string pointer_key(const std::string& key) {
  std::string out;
  for (char ch : key) out += ch == '~' ? std::string("~0") : ch == '/' ? std::string("~1") : std::string(1, ch);
  return out;
}

std::string join(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

bool is_snake_id(const std::string& s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; });
}

bool is_fiscal_year(const std::string& s) {
  if (s.size() < 2 || s.size() > 3 || (s[0] != 'R' && s[0] != 'H')) return false;
  return std::all_of(s.begin() + 1, s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// R8 → 8; Heisei years count before Reiwa (H31 = R1).
int fiscal_year_number(const std::string& fy) {
  int n = std::atoi(fy.c_str() + 1);
  return fy[0] == 'H' ? n - 31 : n;
}

// Reads typed fields out of one file's JSON, recording what is wrong and where.
class Reader {
 public:
  // `partial`: a part of a web bundle (one language; details may be absent).
  Reader(std::string file, Problems& problems, bool partial = false)
      : file_(std::move(file)), problems_(problems), partial_(partial) {}

  bool partial() const { return partial_; }

  const std::string& file() const { return file_; }
  void error(const std::string& path, const std::string& msg) { problems_.push_back({Severity::Error, file_, path, msg}); }
  void warn(const std::string& path, const std::string& msg) { problems_.push_back({Severity::Warning, file_, path, msg}); }

  const json* field(const json& obj, const std::string& key, const std::string& path, bool required) {
    auto it = obj.find(key);
    if (it == obj.end()) {
      if (required) error(path, "missing \"" + key + "\"");
      return nullptr;
    }
    return &*it;
  }

  std::string str(const json& obj, const std::string& key, const std::string& path, bool required) {
    const json* f = field(obj, key, path, required);
    if (!f) return {};
    if (!f->is_string()) {
      error(path + "/" + pointer_key(key), "must be a string");
      return {};
    }
    return f->get<std::string>();
  }

  bool number(const json& obj, const std::string& key, const std::string& path, bool required, double& out) {
    const json* f = field(obj, key, path, required);
    if (!f) return false;
    if (!f->is_number()) {
      error(path + "/" + pointer_key(key), "must be a number");
      return false;
    }
    out = f->get<double>();
    if (!std::isfinite(out)) {
      error(path + "/" + pointer_key(key), "must be a finite number");
      return false;
    }
    return true;
  }

  Text text(const json& obj, const std::string& key, const std::string& path, bool required) {
    const json* f = field(obj, key, path, required);
    if (!f) return {};
    return text_value(*f, path + "/" + pointer_key(key));
  }

  Text text_value(const json& f, const std::string& path) {
    Text t;
    if (!f.is_object()) {
      error(path, "must be a text object {\"ja\": …, \"en\": …}");
      return t;
    }
    if (partial_ && (f.contains("ja") || f.contains("en"))) {
      t.ja = str(f, "ja", path, false);
      t.en = str(f, "en", path, false);
      return t;
    }
    t.ja = str(f, "ja", path, true);
    t.en = str(f, "en", path, true);
    if (t.ja.empty() || t.en.empty()) {
      if (f.contains("ja") && f.contains("en")) error(path, "texts in both languages must not be empty");
    }
    return t;
  }

  std::vector<std::string> strings(const json& obj, const std::string& key, const std::string& path, bool required) {
    std::vector<std::string> out;
    const json* f = field(obj, key, path, required);
    if (!f) return out;
    if (!f->is_array()) {
      error(path + "/" + pointer_key(key), "must be an array of strings");
      return out;
    }
    for (std::size_t i = 0; i < f->size(); ++i) {
      const json& e = (*f)[i];
      if (!e.is_string())
        error(path + "/" + pointer_key(key) + "/" + std::to_string(i), "must be a string");
      else
        out.push_back(e.get<std::string>());
    }
    return out;
  }

  const json* array(const json& obj, const std::string& key, const std::string& path, bool required) {
    const json* f = field(obj, key, path, required);
    if (f && !f->is_array()) {
      error(path + "/" + pointer_key(key), "must be an array");
      return nullptr;
    }
    return f;
  }

  SourceRef source(const json& f, const std::string& path, bool require_year) {
    SourceRef s;
    if (!f.is_object()) {
      error(path, "a citation must be an object {file, lines, fiscal_year, quote}");
      return s;
    }
    s.file = str(f, "file", path, true);
    s.quote = str(f, "quote", path, true);
    s.fiscal_year = str(f, "fiscal_year", path, require_year);
    if (!s.fiscal_year.empty() && !is_fiscal_year(s.fiscal_year))
      error(path + "/fiscal_year", "fiscal year must look like \"R8\" (令和8年度), not \"" + s.fiscal_year + "\"");
    const json* lines = field(f, "lines", path, true);
    if (lines) {
      if (!lines->is_array() || lines->size() != 2 || !(*lines)[0].is_number_integer() || !(*lines)[1].is_number_integer()) {
        error(path + "/lines", "lines must be [first, last] (integers)");
      } else {
        s.first_line = (*lines)[0].get<int>();
        s.last_line = (*lines)[1].get<int>();
        if (s.first_line < 1 || s.last_line < s.first_line) error(path + "/lines", "lines must satisfy 1 ≤ first ≤ last");
      }
    }
    return s;
  }

  void code(const std::string& value, const CodeList& list, const char* list_name, const std::string& path) {
    if (list.count(value)) return;
    std::vector<std::string> known;
    for (const auto& kv : list) known.push_back(kv.first);
    error(path, "\"" + value + "\" is not in meta.json " + list_name + " (" + join(known) + ")");
  }

 private:
  std::string file_;
  Problems& problems_;
  bool partial_;
};

// nlohmann's own DOM builder with a depth limit: it stops at the first syntax error or past
// kMaxJsonDepth levels, so the tree it leaves is never deeper than that. One pass over the
// text (the web app's start-up is mostly parsing). The base's methods are not virtual:
// sax_parse calls these through the derived type.
class DepthLimitedParser : public nlohmann::detail::json_sax_dom_parser<json> {
  using Base = nlohmann::detail::json_sax_dom_parser<json>;

 public:
  explicit DepthLimitedParser(json& out) : Base(out, /*allow_exceptions=*/false) {}
  std::string syntax_error;
  bool too_deep = false;

  bool start_object(std::size_t n) { return enter() && Base::start_object(n); }
  bool end_object() { return leave() && Base::end_object(); }
  bool start_array(std::size_t n) { return enter() && Base::start_array(n); }
  bool end_array() { return leave() && Base::end_array(); }
  bool parse_error(std::size_t position, const std::string& token, const nlohmann::detail::exception& ex) {
    syntax_error = ex.what();
    return Base::parse_error(position, token, ex);
  }

 private:
  std::size_t depth_ = 0;
  bool enter() {
    too_deep = ++depth_ > kMaxJsonDepth;
    return !too_deep;
  }
  bool leave() {
    --depth_;
    return true;
  }
};

std::uint64_t fnv1a(std::uint64_t h, const std::string& s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

CodeList code_list(Reader& r, const json& meta, const char* key) {
  CodeList out;
  const json* f = r.field(meta, key, "", true);
  if (!f) return out;
  if (!f->is_object()) {
    r.error(std::string("/") + key, "must be an object of code → {ja, en}");
    return out;
  }
  for (auto it = f->begin(); it != f->end(); ++it)
    out[it.key()] = r.text_value(it.value(), std::string("/") + key + "/" + pointer_key(it.key()));
  return out;
}

class Loader {
 public:
  Loader(const LoadOptions& options, Problems& problems) : options_(options), problems_(problems) {}

  std::optional<Catalog> load(const std::vector<RulesFile>& files) {
    std::vector<nlohmann::json> contents;
    contents.reserve(files.size());  // stable addresses for the ParsedRulesFile pointers
    std::vector<ParsedRulesFile> parsed;
    for (const auto& f : files)
      if (auto j = parse_json(f.text, f.path, problems_)) {
        contents.push_back(std::move(*j));
        parsed.push_back({f.path, &contents.back()});
      }
    return load(parsed);
  }

  std::optional<Catalog> load(const std::vector<ParsedRulesFile>& files) {
    std::vector<const ParsedRulesFile*> sorted;
    for (const auto& f : files) sorted.push_back(&f);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->path < b->path; });

    std::uint64_t h = 1469598103934665603ULL;
    std::vector<std::pair<const ParsedRulesFile*, const json*>> questions, definitions, programs, listings;
    std::pair<const ParsedRulesFile*, const json*> interview{nullptr, nullptr};
    bool have_meta = false;
    for (const ParsedRulesFile* f : sorted) {
      const json& content = *f->content;
      // Hash the canonical form, so rules/ and a bundle of it agree. A part of a web
      // bundle names the fingerprint of the whole rules it was cut from instead.
      if (options_.fingerprint.empty()) h = fnv1a(fnv1a(h, f->path), json_text(content));
      if (f->path == "meta.json") {
        have_meta = true;
        read_meta(*f, content);
      } else if (starts_with(f->path, "questions/")) {
        questions.emplace_back(f, &content);
      } else if (starts_with(f->path, "definitions/")) {
        definitions.emplace_back(f, &content);
      } else if (starts_with(f->path, "programs/")) {
        programs.emplace_back(f, &content);
      } else if (starts_with(f->path, "listed/")) {
        listings.emplace_back(f, &content);
      } else if (f->path == "interview.json") {
        interview = {f, &content};
      } else {
        problems_.push_back({Severity::Error, f->path, "",
                             "unexpected file: rules/ holds meta.json, interview.json, questions/, definitions/, programs/ and listed/ only"});
      }
    }
    if (!have_meta) problems_.push_back({Severity::Error, "meta.json", "", "missing: the rules need meta.json"});
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    cat_.fingerprint = options_.fingerprint.empty() ? std::string(hex).substr(0, 8) : options_.fingerprint;

    for (auto& [f, j] : questions) read_questions(*f, *j);
    for (auto& [f, j] : definitions) read_definitions_header(*f, *j);
    // ask_if and definitions compile once every id is known.
    compile_questions();
    compile_definitions();
    for (auto& [f, j] : programs) read_program(*f, *j);
    std::sort(cat_.programs.begin(), cat_.programs.end(),
              [](const Program& a, const Program& b) { return std::tie(a.ministry, a.id) < std::tie(b.ministry, b.id); });
    for (auto& [f, j] : listings) read_listings(*f, *j);
    std::sort(cat_.listings.begin(), cat_.listings.end(),
              [](const Listing& a, const Listing& b) { return std::tie(a.ministry, a.id) < std::tie(b.ministry, b.id); });
    if (interview.first)
      read_interview(*interview.first, *interview.second);
    else
      problems_.push_back({Severity::Error, "interview.json", "", "missing: the rules need interview.json (the interview's chapters)"});
    file_questions_by_chapter();

    if (has_errors(problems_)) return std::nullopt;
    return std::move(cat_);
  }

 private:
  static bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

  void read_meta(const ParsedRulesFile& f, const json& j) {
    Reader r(f.path, problems_, options_.partial);
    if (!j.is_object()) return r.error("", "meta.json must be an object");
    cat_.meta.rules_version = r.str(j, "rules_version", "", true);
    cat_.meta.title = r.text(j, "title", "", true);
    if (const json* seeds = r.array(j, "seeds", "", true)) {
      for (std::size_t i = 0; i < seeds->size(); ++i) {
        const json& s = (*seeds)[i];
        std::string p = "/seeds/" + std::to_string(i);
        if (!s.is_object()) {
          r.error(p, "must be an object");
          continue;
        }
        cat_.meta.seeds.push_back({r.str(s, "file", p, true), r.text(s, "title", p, true), r.str(s, "fiscal_year", p, true)});
      }
    }
    cat_.meta.ministries = code_list(r, j, "ministries");
    cat_.meta.themes = code_list(r, j, "themes");
    cat_.meta.applicants = code_list(r, j, "applicants");
    cat_.meta.measure_kinds = code_list(r, j, "measure_kinds");
    cat_.meta.amount_meanings = code_list(r, j, "amount_meanings");
    cat_.meta.units = code_list(r, j, "units");
    std::set<std::string> grouped;
    if (const json* groups = r.array(j, "support_groups", "", true)) {
      for (std::size_t i = 0; i < groups->size(); ++i) {
        const json& g = (*groups)[i];
        std::string gp = "/support_groups/" + std::to_string(i);
        if (!g.is_object()) {
          r.error(gp, "a support group is an object {id, label, kinds}");
          continue;
        }
        Meta::SupportGroup out{r.str(g, "id", gp, true), r.text(g, "label", gp, true), r.strings(g, "kinds", gp, true)};
        for (std::size_t k = 0; k < out.kinds.size(); ++k) {
          r.code(out.kinds[k], cat_.meta.measure_kinds, "measure_kinds", gp + "/kinds/" + std::to_string(k));
          if (!grouped.insert(out.kinds[k]).second) r.error(gp + "/kinds/" + std::to_string(k), "measure kind \"" + out.kinds[k] + "\" is in two support groups");
        }
        cat_.meta.support_groups.push_back(std::move(out));
      }
      for (const auto& [kind, label] : cat_.meta.measure_kinds)
        if (!grouped.count(kind)) r.error("/support_groups", "measure kind \"" + kind + "\" is in no support group (the results group programs by them)");
    }
  }

  bool claim_id(Reader& r, const std::string& id, const std::string& path) {
    if (!is_snake_id(id)) {
      r.error(path, "id \"" + id + "\" must be snake_case ascii (a-z, 0-9, _), starting with a letter");
      return false;
    }
    auto [it, inserted] = slot_ids_.emplace(id, r.file() + " " + path);
    if (!inserted) {
      r.error(path, "duplicate id \"" + id + "\" (first defined in " + it->second + ")");
      return false;
    }
    return true;
  }

  void read_questions(const ParsedRulesFile& f, const json& j) {
    Reader r(f.path, problems_, options_.partial);
    if (!j.is_array()) return r.error("", "a questions file must be an array of questions");
    for (std::size_t i = 0; i < j.size(); ++i) {
      const json& q = j[i];
      std::string p = "/" + std::to_string(i);
      if (!q.is_object()) {
        r.error(p, "a question must be an object");
        continue;
      }
      Question out;
      out.file = f.path;
      out.id = r.str(q, "id", p, true);
      if (!claim_id(r, out.id, p + "/id")) continue;
      out.text = r.text(q, "text", p, true);
      out.help = r.text(q, "help", p, false);
      out.short_label = r.text(q, "short", p, false);
      std::string type = r.str(q, "type", p, true);
      if (type == "boolean")
        out.type = QuestionType::Boolean;
      else if (type == "single")
        out.type = QuestionType::Single;
      else if (type == "multi")
        out.type = QuestionType::Multi;
      else if (type == "number")
        out.type = QuestionType::Number;
      else if (!type.empty())
        r.error(p + "/type", "type must be boolean, single, multi or number, not \"" + type + "\"");

      const json* opts = r.array(q, "options", p, out.type == QuestionType::Single || out.type == QuestionType::Multi);
      if (opts && (out.type == QuestionType::Boolean || out.type == QuestionType::Number))
        r.error(p + "/options", "only single and multi questions have options");
      if (opts) {
        std::set<std::string> seen;
        for (std::size_t k = 0; k < opts->size(); ++k) {
          const json& o = (*opts)[k];
          std::string op = p + "/options/" + std::to_string(k);
          if (!o.is_object()) {
            r.error(op, "an option must be an object {value, label}");
            continue;
          }
          Option opt{r.str(o, "value", op, true), r.text(o, "label", op, true), r.text(o, "help", op, false), {}};
          opt.interned = cat_.interner->text(opt.value);
          if (!seen.insert(opt.value).second) r.error(op + "/value", "duplicate option value \"" + opt.value + "\"");
          out.options.push_back(std::move(opt));
        }
        if (opts->empty()) r.error(p + "/options", "a choice question needs options");
        if (opts->size() > 63) r.error(p + "/options", "at most 63 options (share links store choices as a bit mask)");
      }
      if (out.type == QuestionType::Number) {
        out.unit = r.str(q, "unit", p, true);
        if (!out.unit.empty()) r.code(out.unit, cat_.meta.units, "units", p + "/unit");
        out.has_min = r.number(q, "min", p, true, out.min);
        out.has_max = r.number(q, "max", p, true, out.max);
        r.number(q, "step", p, false, out.step);
        if (const json* integer = r.field(q, "integer", p, false)) out.integer = integer->is_boolean() && integer->get<bool>();
        if (out.has_min && out.has_max && out.min > out.max) r.error(p, "min must not exceed max");
      } else {
        for (const char* k : {"unit", "min", "max", "step"})
          if (q.contains(k)) r.error(p + "/" + k, std::string("only number questions have \"") + k + "\"");
      }
      out.slot = static_cast<int>(cat_.questions.size());
      cat_.questions.push_back(std::move(out));
      pending_ask_if_.push_back(q.contains("ask_if") ? std::optional<json>(q["ask_if"]) : std::nullopt);
      question_paths_.push_back(p);
    }
  }

  void read_definitions_header(const ParsedRulesFile& f, const json& j) {
    Reader r(f.path, problems_, options_.partial);
    if (!j.is_array()) return r.error("", "a definitions file must be an array");
    for (std::size_t i = 0; i < j.size(); ++i) {
      const json& d = j[i];
      std::string p = "/" + std::to_string(i);
      if (!d.is_object()) {
        r.error(p, "a definition must be an object {id, text, logic}");
        continue;
      }
      Definition out;
      out.file = f.path;
      out.id = r.str(d, "id", p, true);
      if (!claim_id(r, out.id, p + "/id")) continue;
      out.text = r.text(d, "text", p, true);
      if (!d.contains("logic")) r.error(p, "missing \"logic\"");
      pending_definitions_.push_back({d.contains("logic") ? d["logic"] : json(), p});
      cat_.definitions.push_back(std::move(out));
    }
  }

  // Resolves a variable name to a slot; definitions only when declared before `definition_limit`.
  logic::Resolution resolve_slot(const std::string& name, std::size_t definition_limit) const {
    logic::Resolution r;
    for (const auto& q : cat_.questions)
      if (q.id == name) {
        r.kind = logic::Resolution::Kind::Slot;
        r.slot = q.slot;
        return r;
      }
    for (std::size_t i = 0; i < cat_.definitions.size(); ++i)
      if (cat_.definitions[i].id == name) {
        if (i >= definition_limit) {
          r.error = "definition \"" + name + "\" is used before it is defined (or refers to itself); definitions may only use earlier ones";
          return r;
        }
        r.kind = logic::Resolution::Kind::Slot;
        r.slot = static_cast<int>(cat_.questions.size() + i);
        return r;
      }
    r.error = "unknown question or definition \"" + name + "\"";
    return r;
  }

  logic::Expr compile(Reader& r, const json& rule, const std::string& path, const logic::Resolver& resolver) {
    logic::CompileOptions opts;
    opts.resolver = resolver;
    opts.portable_only = true;
    opts.interner = cat_.interner.get();
    logic::Expr e = logic::Expr::compile(rule, opts);
    for (const auto& d : e.diagnostics()) r.error(path + d.path, d.message);
    check_types(r, e.root(), path);
    return e;
  }

  logic::Resolver slots_only(std::size_t definition_limit) const {
    return [this, definition_limit](const std::vector<std::string>& names) {
      if (names[0] == "figures") {
        logic::Resolution r;
        r.error = "figures can only be used inside a program";
        return r;
      }
      return resolve_slot(names[0], definition_limit);
    };
  }

  void compile_questions() {
    for (std::size_t i = 0; i < cat_.questions.size(); ++i) {
      if (!pending_ask_if_[i]) continue;
      Reader r(cat_.questions[i].file, problems_, options_.partial);
      cat_.questions[i].ask_if = compile(r, *pending_ask_if_[i], question_paths_[i] + "/ask_if", slots_only(cat_.definitions.size()));
      for (int s : cat_.questions[i].ask_if->slots_used())
        if (s == cat_.questions[i].slot) r.error(question_paths_[i] + "/ask_if", "a question's ask_if cannot depend on the question itself");
    }
  }

  void compile_definitions() {
    for (std::size_t i = 0; i < cat_.definitions.size(); ++i) {
      Definition& d = cat_.definitions[i];
      d.slot = static_cast<int>(cat_.questions.size() + i);
      Reader r(d.file, problems_, options_.partial);
      d.logic = compile(r, pending_definitions_[i].first, pending_definitions_[i].second + "/logic", slots_only(i));
    }
  }

  // Comparisons of an answer with a literal: the literal must be a value the question can have.
  void check_types(Reader& r, const logic::Node& n, const std::string& path) {
    using logic::Op;
    auto question_of = [&](const logic::Node& a) -> const Question* {
      if (a.op != Op::Slot || !a.path.empty() || !cat_.is_question_slot(a.slot)) return nullptr;
      return &cat_.questions[static_cast<std::size_t>(a.slot)];
    };
    auto check_literal = [&](const Question& q, const logic::Value& v, bool element_of_multi) {
      switch (q.type) {
        case QuestionType::Boolean:
          if (!v.is_bool()) r.error(path, "type mismatch: \"" + q.id + "\" is a yes/no question, compared with " + json_text(v.to_json()));
          break;
        case QuestionType::Number:
          if (!v.is_number()) r.error(path, "type mismatch: \"" + q.id + "\" is a number question, compared with " + json_text(v.to_json()));
          break;
        case QuestionType::Multi:
          if (!element_of_multi) {
            r.error(path, "type mismatch: \"" + q.id + "\" is a multiple-choice question (an array); test it with in/some");
            break;
          }
          [[fallthrough]];
        case QuestionType::Single:
          if (!v.is_string() || !q.option(v.as_string())) {
            std::vector<std::string> known;
            for (const auto& o : q.options) known.push_back(o.value);
            r.error(path, "option value " + json_text(v.to_json()) + " is not among the options of \"" + q.id + "\" (" + join(known) + ")");
          }
          break;
      }
    };
    switch (n.op) {
      case Op::Eq:
      case Op::Ne:
      case Op::StrictEq:
      case Op::StrictNe:
        for (std::size_t i = 0; i < n.args.size(); ++i) {
          const Question* q = question_of(n.args[i]);
          if (!q) continue;
          for (std::size_t k = 0; k < n.args.size(); ++k)
            if (k != i && n.args[k].op == Op::Literal) check_literal(*q, n.args[k].literal, false);
        }
        break;
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge:
        for (const auto& a : n.args)
          if (const Question* q = question_of(a); q && q->type != QuestionType::Number)
            r.error(path, "type mismatch: \"" + q->id + "\" is not a number question but is compared with " + logic::op_name(n.op));
        break;
      case Op::In:
        if (n.args.size() == 2 && !n.dynamic_args) {
          if (const Question* q = question_of(n.args[0]); q && n.args[1].op == Op::Literal && n.args[1].literal.is_array()) {
            if (q->type == QuestionType::Multi)
              r.error(path, "type mismatch: \"" + q->id + "\" is a multiple-choice question; test an option with {\"in\": [option, {\"var\": \"" + q->id + "\"}]}");
            else
              for (const auto& v : n.args[1].literal.as_array()) check_literal(*q, v, false);
          }
          if (const Question* q = question_of(n.args[1]); q && n.args[0].op == Op::Literal) {
            if (q->type != QuestionType::Multi)
              r.error(path, "type mismatch: \"" + q->id + "\" is not a multiple-choice question; use == or in with a list");
            else
              check_literal(*q, n.args[0].literal, true);
          }
        }
        break;
      default:
        break;
    }
    for (const auto& a : n.args) check_types(r, a, path);
  }

  void check_source(Reader& r, const SourceRef& s, const std::string& path) {
    if (s.file.empty()) return;
    bool listed = std::any_of(cat_.meta.seeds.begin(), cat_.meta.seeds.end(), [&](const Meta::Seed& m) { return m.file == s.file; });
    if (!listed) {
      r.error(path + "/file", "\"" + s.file + "\" is not a seed listed in meta.json");
      return;
    }
    auto it = options_.seeds.find(s.file);
    if (it == options_.seeds.end() || s.first_line < 1) return;
    std::string problem = check_quote(it->second, s.first_line, s.last_line, s.quote);
    if (!problem.empty()) r.error(path, problem);
  }

  SourceRef read_source(Reader& r, const json& obj, const std::string& key, const std::string& path, bool require_year, bool required = true) {
    const json* f = r.field(obj, key, path, required);
    if (!f) return {};
    SourceRef s = r.source(*f, path + "/" + key, require_year);
    check_source(r, s, path + "/" + key);
    return s;
  }

  void read_program(const ParsedRulesFile& f, const json& j) {
    Reader r(f.path, problems_, options_.partial);
    if (!j.is_object()) return r.error("", "a program file must be one object");
    Program p;
    p.file = f.path;
    p.id = r.str(j, "id", "", true);
    std::string stem = f.path.substr(f.path.rfind('/') + 1);
    stem = stem.substr(0, stem.rfind('.'));
    if (!is_snake_id(p.id))
      r.error("/id", "id \"" + p.id + "\" must be snake_case ascii");
    else if (p.id != stem)
      r.error("/id", "id \"" + p.id + "\" must equal the file name (" + stem + ")");
    if (!program_ids_.insert(p.id).second) r.error("/id", "duplicate program id \"" + p.id + "\"");
    p.name = r.text(j, "name", "", true);
    // A core part of a web bundle carries no details (summaries, contacts, sources …).
    const bool details = !r.partial();
    p.summary = r.text(j, "summary", "", details);
    p.supports = r.text(j, "supports", "", details);
    p.ministry = r.str(j, "ministry", "", true);
    if (!p.ministry.empty()) {
      r.code(p.ministry, cat_.meta.ministries, "ministries", "/ministry");
      auto slash = f.path.find('/');
      auto second = f.path.find('/', slash + 1);
      if (second != std::string::npos && f.path.substr(slash + 1, second - slash - 1) != p.ministry)
        r.error("/ministry", "program files live in programs/<ministry>/: expected programs/" + p.ministry + "/");
    }
    p.applicants = r.strings(j, "applicants", "", true);
    for (std::size_t i = 0; i < p.applicants.size(); ++i) r.code(p.applicants[i], cat_.meta.applicants, "applicants", "/applicants/" + std::to_string(i));
    if (p.applicants.empty() && j.contains("applicants")) r.error("/applicants", "name at least one applicant");
    p.themes = r.strings(j, "themes", "", true);
    for (std::size_t i = 0; i < p.themes.size(); ++i) r.code(p.themes[i], cat_.meta.themes, "themes", "/themes/" + std::to_string(i));
    p.related = r.strings(j, "related", "", false);

    if (const json* contacts = r.array(j, "contacts", "", details)) {
      if (contacts->empty()) r.error("/contacts", "a program needs at least one contact");
      for (std::size_t i = 0; i < contacts->size(); ++i) {
        const json& c = (*contacts)[i];
        std::string cp = "/contacts/" + std::to_string(i);
        if (!c.is_object()) {
          r.error(cp, "a contact must be an object");
          continue;
        }
        Contact out{r.text(c, "division", cp, true), r.str(c, "phone", cp, false), r.str(c, "url", cp, false), r.str(c, "email", cp, false), {}};
        out.source = read_source(r, c, "source", cp, false);
        if (!out.url.empty() && out.url.rfind("https://", 0) != 0 && out.url.rfind("http://", 0) != 0)
          r.error(cp + "/url", "a URL must start with https:// or http://");
        if (!out.phone.empty() && !is_phone_number(out.phone))
          r.error(cp + "/phone", "a phone number must be written as the seed gives it, digits and hyphens (03-5253-5391): the app makes it a tel: link");
        p.contacts.push_back(std::move(out));
      }
    }
    if (const json* sources = r.array(j, "sources", "", details)) {
      if (sources->empty()) r.error("/sources", "a program needs at least one source");
      for (std::size_t i = 0; i < sources->size(); ++i) {
        std::string sp = "/sources/" + std::to_string(i);
        SourceRef s = r.source((*sources)[i], sp, true);
        check_source(r, s, sp);
        p.sources.push_back(std::move(s));
      }
    }
    read_figures(r, j, p);

    // figures.<name> resolves to the figure's value; the names used are recorded per expression.
    std::vector<std::string>* figures_used = nullptr;
    logic::Resolver resolver = [&](const std::vector<std::string>& names) {
      if (names[0] != "figures") return resolve_slot(names[0], cat_.definitions.size());
      logic::Resolution res;
      if (names.size() < 2) {
        res.error = "write figures.<name>";
        return res;
      }
      const Figure* fig = p.figure(names[1]);
      if (!fig) {
        res.error = "unknown figure \"" + names[1] + "\" (define it under \"figures\")";
        return res;
      }
      if (names.size() > 2) {
        res.error = "a figure is a number: write figures." + names[1];
        return res;
      }
      if (figures_used && std::find(figures_used->begin(), figures_used->end(), fig->name) == figures_used->end())
        figures_used->push_back(fig->name);
      res.kind = logic::Resolution::Kind::Constant;
      res.constant = logic::Value(fig->value);
      res.consumed = 2;
      return res;
    };

    if (const json* conditions = r.array(j, "conditions", "", true)) {
      std::set<std::string> ids;
      for (std::size_t i = 0; i < conditions->size(); ++i) {
        const json& c = (*conditions)[i];
        std::string cp = "/conditions/" + std::to_string(i);
        if (!c.is_object()) {
          r.error(cp, "a condition must be an object {id, text, logic, source}");
          continue;
        }
        Condition out;
        out.id = r.str(c, "id", cp, true);
        if (!out.id.empty() && !ids.insert(out.id).second) r.error(cp + "/id", "duplicate condition id \"" + out.id + "\"");
        out.text = r.text(c, "text", cp, details);
        if (const json* lg = r.field(c, "logic", cp, true)) out.logic = compile(r, *lg, cp + "/logic", resolver);
        out.source = read_source(r, c, "source", cp, true, details);
        p.conditions.push_back(std::move(out));
      }
    }
    if (const json* measures = r.array(j, "measures", "", true)) {
      if (measures->empty()) r.error("/measures", "a program needs at least one measure (what it gives)");
      std::set<std::string> ids;
      for (std::size_t i = 0; i < measures->size(); ++i) {
        const json& m = (*measures)[i];
        std::string mp = "/measures/" + std::to_string(i);
        if (!m.is_object()) {
          r.error(mp, "a measure must be an object");
          continue;
        }
        Measure out;
        out.id = r.str(m, "id", mp, true);
        if (!out.id.empty() && !ids.insert(out.id).second) r.error(mp + "/id", "duplicate measure id \"" + out.id + "\"");
        out.kind = r.str(m, "kind", mp, true);
        if (!out.kind.empty()) r.code(out.kind, cat_.meta.measure_kinds, "measure_kinds", mp + "/kind");
        out.label = r.text(m, "label", mp, details);
        out.meaning = r.str(m, "meaning", mp, true);
        if (!out.meaning.empty()) r.code(out.meaning, cat_.meta.amount_meanings, "amount_meanings", mp + "/meaning");
        // recipient: an applicant code, or a list of them (whichever applies receives it)
        if (const json* rc = r.field(m, "recipient", mp, true)) {
          const std::string rp = mp + "/recipient";
          if (rc->is_string()) {
            out.recipients.push_back(rc->get<std::string>());
            r.code(out.recipients.back(), cat_.meta.applicants, "applicants", rp);
          } else if (rc->is_array() && !rc->empty()) {
            for (std::size_t i = 0; i < rc->size(); ++i) {
              const json& e = (*rc)[i];
              const std::string ep = rp + "/" + std::to_string(i);
              if (!e.is_string()) {
                r.error(ep, "must be a string");
              } else if (std::find(out.recipients.begin(), out.recipients.end(), e.get<std::string>()) != out.recipients.end()) {
                r.error(ep, "\"" + e.get<std::string>() + "\" is listed twice");
              } else {
                out.recipients.push_back(e.get<std::string>());
                r.code(out.recipients.back(), cat_.meta.applicants, "applicants", ep);
              }
            }
          } else {
            r.error(rp, "must be an applicant code or a non-empty list of them");
          }
        }
        out.per = r.text(m, "per", mp, false);
        out.note = r.text(m, "note", mp, false);
        if (const json* a = r.field(m, "applies_if", mp, false)) out.applies_if = compile(r, *a, mp + "/applies_if", resolver);
        if (const json* a = r.field(m, "amount", mp, false)) {
          figures_used = &out.figures_used;
          out.amount = compile(r, *a, mp + "/amount", resolver);
          figures_used = nullptr;
          for (int s : out.amount->slots_used())
            if (cat_.is_question_slot(s)) out.inputs.push_back(s);
          out.unit = r.str(m, "unit", mp, true);
          if (!out.unit.empty() && out.unit != "yen" && out.unit != "ratio")
            r.error(mp + "/unit", "an amount is in \"yen\" or \"ratio\", not \"" + out.unit + "\"");
        } else if (m.contains("unit")) {
          r.error(mp + "/unit", "a measure without an amount has no unit");
        }
        p.measures.push_back(std::move(out));
      }
    }
    if (const json* steps = r.array(j, "next_steps", "", false)) {
      for (std::size_t i = 0; i < steps->size(); ++i) {
        const json& s = (*steps)[i];
        std::string sp = "/next_steps/" + std::to_string(i);
        if (!s.is_object()) {
          r.error(sp, "must be an object {step, text, source}");
          continue;
        }
        NextStep out;
        std::string step = r.str(s, "step", sp, true);
        if (step == "apply")
          out.kind = StepKind::Apply;
        else if (step == "when")
          out.kind = StepKind::When;
        else if (step == "prepare")
          out.kind = StepKind::Prepare;
        else if (!step.empty())
          r.error(sp + "/step", "step must be apply (who applies, through whom), when or prepare, not \"" + step + "\"");
        out.text = r.text(s, "text", sp, true);
        out.source = read_source(r, s, "source", sp, true);
        p.next_steps.push_back(std::move(out));
      }
    }
    read_novelty(r, j, p);
    p.total_of = r.strings(j, "total_of", "", false);
    const Measure* first_part = nullptr;
    for (std::size_t i = 0; i < p.total_of.size(); ++i) {
      const std::string tp = "/total_of/" + std::to_string(i);
      auto m = std::find_if(p.measures.begin(), p.measures.end(), [&](const Measure& x) { return x.id == p.total_of[i]; });
      if (m == p.measures.end()) {
        r.error(tp, "unknown measure \"" + p.total_of[i] + "\"");
        continue;
      }
      if (!m->amount || m->unit != "yen") r.error(tp, "measure \"" + m->id + "\" has no amount in yen to add up");
      if (!first_part) first_part = &*m;
      if (m->meaning != first_part->meaning) r.error(tp, "the measures of a total share one meaning (all caps on eligible cost, all grants …)");
      if (std::count(p.total_of.begin(), p.total_of.end(), p.total_of[i]) > 1) r.error(tp, "measure \"" + p.total_of[i] + "\" is listed twice");
    }
    if (p.total_of.size() == 1) r.error("/total_of", "a total adds up two or more measures");
    if (const json* budget = r.array(j, "budget", "", false)) {
      for (std::size_t i = 0; i < budget->size(); ++i) {
        const json& b = (*budget)[i];
        std::string bp = "/budget/" + std::to_string(i);
        if (!b.is_object()) {
          r.error(bp, "must be an object {value, unit, label, fiscal_year, source}");
          continue;
        }
        Budget out;
        r.number(b, "value", bp, true, out.value);
        out.unit = r.str(b, "unit", bp, true);
        if (!out.unit.empty()) r.code(out.unit, cat_.meta.units, "units", bp + "/unit");
        out.label = r.text(b, "label", bp, true);
        out.fiscal_year = r.str(b, "fiscal_year", bp, true);
        if (!out.fiscal_year.empty() && !is_fiscal_year(out.fiscal_year)) r.error(bp + "/fiscal_year", "fiscal year must look like \"R8\"");
        out.source = read_source(r, b, "source", bp, false);
        p.budget.push_back(std::move(out));
      }
    }
    if (const json* caveats = r.array(j, "caveats", "", false))
      for (std::size_t i = 0; i < caveats->size(); ++i) p.caveats.push_back(r.text_value((*caveats)[i], "/caveats/" + std::to_string(i)));

    static const std::set<std::string> known = {"id", "name", "summary", "supports", "ministry", "applicants", "themes", "contacts",
                                                "sources", "conditions", "figures", "measures", "next_steps", "budget", "caveats",
                                                "novelty", "related", "total_of"};
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!known.count(it.key())) r.error("/" + pointer_key(it.key()), "unknown field \"" + it.key() + "\"");
    cat_.programs.push_back(std::move(p));
  }

  // novelty: [{fiscal_year, kind, text?, source}], one entry per fiscal year, oldest first.
  void read_novelty(Reader& r, const json& j, Program& p) {
    const json* list = r.array(j, "novelty", "", false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const json& n = (*list)[i];
      std::string np = "/novelty/" + std::to_string(i);
      if (!n.is_object()) {
        r.error(np, "must be an object {fiscal_year, kind, text, source}");
        continue;
      }
      Novelty out;
      out.fiscal_year = r.str(n, "fiscal_year", np, true);
      if (!out.fiscal_year.empty() && !is_fiscal_year(out.fiscal_year)) r.error(np + "/fiscal_year", "fiscal year must look like \"R8\"");
      std::string kind = r.str(n, "kind", np, true);
      if (kind == "new")
        out.kind = NoveltyKind::New;
      else if (kind == "expanded")
        out.kind = NoveltyKind::Expanded;
      else if (kind == "extended")
        out.kind = NoveltyKind::Extended;
      else if (kind == "changed")
        out.kind = NoveltyKind::Changed;
      else if (kind == "unchanged")
        out.kind = NoveltyKind::Unchanged;
      else if (!kind.empty())
        r.error(np + "/kind", "kind must be new, expanded, extended, changed or unchanged, not \"" + kind + "\"");
      // What changed is said for every change; "unchanged" needs no words.
      out.text = r.text(n, "text", np, out.kind != NoveltyKind::Unchanged && !r.partial());
      out.source = read_source(r, n, "source", np, true, !r.partial());
      if (!out.source.fiscal_year.empty() && !out.fiscal_year.empty() && out.source.fiscal_year != out.fiscal_year)
        r.error(np + "/source/fiscal_year", "the citation's fiscal year (" + out.source.fiscal_year + ") differs from the entry's (" + out.fiscal_year + ")");
      if (!p.novelty.empty() && !out.fiscal_year.empty() && fiscal_year_number(p.novelty.back().fiscal_year) >= fiscal_year_number(out.fiscal_year))
        r.error(np + "/fiscal_year", "one entry per fiscal year, oldest first");
      p.novelty.push_back(std::move(out));
    }
  }

  // listed/*.json: an array of programs a seed only names.
  void read_listings(const ParsedRulesFile& f, const json& j) {
    Reader r(f.path, problems_, options_.partial);
    if (!j.is_array()) return r.error("", "a listed file must be an array of {id, name, ministry, themes, note, source}");
    for (std::size_t i = 0; i < j.size(); ++i) {
      const json& e = j[i];
      std::string lp = "/" + std::to_string(i);
      if (!e.is_object()) {
        r.error(lp, "must be an object");
        continue;
      }
      Listing out;
      out.file = f.path;
      out.id = r.str(e, "id", lp, true);
      if (!is_snake_id(out.id))
        r.error(lp + "/id", "id \"" + out.id + "\" must be snake_case ascii");
      else if (!program_ids_.insert(out.id).second)
        r.error(lp + "/id", "duplicate program id \"" + out.id + "\"");
      out.name = r.text(e, "name", lp, true);
      out.ministry = r.str(e, "ministry", lp, true);
      if (!out.ministry.empty()) r.code(out.ministry, cat_.meta.ministries, "ministries", lp + "/ministry");
      out.themes = r.strings(e, "themes", lp, true);
      for (std::size_t k = 0; k < out.themes.size(); ++k) r.code(out.themes[k], cat_.meta.themes, "themes", lp + "/themes/" + std::to_string(k));
      out.note = r.text(e, "note", lp, !r.partial());
      out.source = read_source(r, e, "source", lp, true, !r.partial());
      for (auto it = e.begin(); it != e.end(); ++it)
        if (!std::set<std::string>{"id", "name", "ministry", "themes", "note", "source"}.count(it.key()))
          r.error(lp + "/" + pointer_key(it.key()), "unknown field \"" + it.key() + "\" (a listed program has no conditions or amounts)");
      cat_.listings.push_back(std::move(out));
    }
  }

  int question_slot(Reader& r, const json& id, const std::string& path) {
    if (!id.is_string()) {
      r.error(path, "must be a question id");
      return -1;
    }
    const Question* q = cat_.question(id.get<std::string>());
    if (!q) r.error(path, "unknown question \"" + id.get<std::string>() + "\"");
    return q ? q->slot : -1;
  }

  // interview.json: the basic chapters, the interests question, the families with their gates.
  void read_interview(const ParsedRulesFile& f, const json& j) {
    Reader r(f.path, problems_, options_.partial);
    InterviewSpec& iv = cat_.interview;
    if (!j.is_object()) return r.error("", "interview.json must be an object {basics, interests, families, amounts}");
    std::set<int> placed;  // questions in a basic chapter or gating a family
    if (const json* basics = r.array(j, "basics", "", true)) {
      for (std::size_t i = 0; i < basics->size(); ++i) {
        const json& c = (*basics)[i];
        std::string cp = "/basics/" + std::to_string(i);
        if (!c.is_object()) {
          r.error(cp, "a chapter is an object {id, title, questions}");
          continue;
        }
        BasicChapter out{r.str(c, "id", cp, true), r.text(c, "title", cp, true), {}};
        if (const json* qs = r.array(c, "questions", cp, true))
          for (std::size_t k = 0; k < qs->size(); ++k) {
            int slot = question_slot(r, (*qs)[k], cp + "/questions/" + std::to_string(k));
            if (slot < 0) continue;
            if (!placed.insert(slot).second) r.error(cp + "/questions/" + std::to_string(k), "a question belongs to one chapter");
            out.questions.push_back(slot);
          }
        iv.basics.push_back(std::move(out));
      }
    }
    if (const json* interests = r.field(j, "interests", "", true)) {
      iv.interests = question_slot(r, *interests, "/interests");
      if (iv.interests >= 0) check_interests_question(r, cat_.questions[static_cast<std::size_t>(iv.interests)]);
      for (std::size_t i = 0; i < iv.basics.size(); ++i)
        if (std::find(iv.basics[i].questions.begin(), iv.basics[i].questions.end(), iv.interests) != iv.basics[i].questions.end())
          iv.purpose_chapter = static_cast<int>(i);
      if (iv.interests >= 0 && iv.purpose_chapter < 0) r.error("/interests", "the interests question must be in one of the basic chapters");
    }
    iv.family_of.assign(cat_.programs.size(), -1);
    std::map<std::string, int> program_index;
    for (std::size_t i = 0; i < cat_.programs.size(); ++i) program_index[cat_.programs[i].id] = static_cast<int>(i);
    std::set<std::string> family_ids;
    if (const json* families = r.array(j, "families", "", true)) {
      for (std::size_t i = 0; i < families->size(); ++i) {
        const json& fj = (*families)[i];
        std::string fp = "/families/" + std::to_string(i);
        if (!fj.is_object()) {
          r.error(fp, "a family is an object {id, title, gate?, programs}");
          continue;
        }
        Family fam{r.str(fj, "id", fp, true), r.text(fj, "title", fp, true), -1, {}};
        if (!fam.id.empty() && !family_ids.insert(fam.id).second) r.error(fp + "/id", "duplicate family id \"" + fam.id + "\"");
        if (const json* gate = r.field(fj, "gate", fp, false)) {
          fam.gate = question_slot(r, *gate, fp + "/gate");
          if (fam.gate >= 0 && cat_.questions[static_cast<std::size_t>(fam.gate)].type != QuestionType::Boolean)
            r.error(fp + "/gate", "a gate is a yes/no question (\"no\" sets the family aside)");
          if (fam.gate >= 0 && !placed.insert(fam.gate).second) r.error(fp + "/gate", "a gate question gates one family and sits in no chapter");
        }
        const int family = static_cast<int>(iv.families.size());
        for (const std::string& id : r.strings(fj, "programs", fp, true)) {
          auto it = program_index.find(id);
          if (it == program_index.end()) {
            r.error(fp + "/programs", "unknown program \"" + id + "\"");
            continue;
          }
          int& owner = iv.family_of[static_cast<std::size_t>(it->second)];
          if (owner >= 0) r.error(fp + "/programs", "program \"" + id + "\" is already in family \"" + iv.families[static_cast<std::size_t>(owner)].id + "\"");
          owner = family;
          fam.programs.push_back(it->second);
        }
        if (fam.programs.empty()) r.error(fp + "/programs", "a family holds at least one program");
        iv.families.push_back(std::move(fam));
      }
    }
    if (!r.partial())
      for (std::size_t i = 0; i < cat_.programs.size(); ++i)
        if (iv.family_of[i] < 0)
          r.error("/families", "program \"" + cat_.programs[i].id + "\" is in no family: every program is asked about in one family's chapter");
    if (const json* amounts = r.field(j, "amounts", "", true)) iv.amounts_title = r.text(*amounts, "title", "/amounts", true);
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!std::set<std::string>{"basics", "interests", "families", "amounts"}.count(it.key()))
        r.error("/" + pointer_key(it.key()), "unknown field \"" + it.key() + "\"");
  }

  // Where the recap files each question (InterviewSpec::chapter_of).
  void file_questions_by_chapter() {
    InterviewSpec& iv = cat_.interview;
    iv.chapter_of.assign(cat_.questions.size(), -1);
    for (std::size_t c = 0; c < iv.basics.size(); ++c)
      for (int s : iv.basics[c].questions) iv.chapter_of[static_cast<std::size_t>(s)] = static_cast<int>(c);
    for (const Family& f : iv.families)
      if (f.gate >= 0) iv.chapter_of[static_cast<std::size_t>(f.gate)] = iv.purpose_chapter;
    auto file_under = [&](const logic::Expr& e, int chapter) {
      std::vector<int> stack(e.slots_used().begin(), e.slots_used().end());
      while (!stack.empty()) {
        int s = stack.back();
        stack.pop_back();
        if (cat_.is_question_slot(s)) {
          int& at = iv.chapter_of[static_cast<std::size_t>(s)];
          if (at < 0) at = chapter;
        } else {
          for (int d : cat_.definitions[static_cast<std::size_t>(s) - cat_.questions.size()].logic.slots_used()) stack.push_back(d);
        }
      }
    };
    for (std::size_t f = 0; f < iv.families.size(); ++f)
      for (int p : iv.families[f].programs)
        for (const auto& cond : cat_.programs[static_cast<std::size_t>(p)].conditions) file_under(cond.logic, iv.family_chapter(static_cast<int>(f)));
    for (const auto& p : cat_.programs)
      for (const auto& m : p.measures) {
        if (m.applies_if) file_under(*m.applies_if, iv.amounts_chapter());
        if (m.amount) file_under(*m.amount, iv.amounts_chapter());
      }
    // A question asked only to open another (ask_if) goes with the first question it opens.
    for (bool moved = true; moved;) {
      moved = false;
      for (const auto& q : cat_.questions) {
        if (!q.ask_if || iv.chapter_of[static_cast<std::size_t>(q.slot)] < 0) continue;
        for (int s : q.ask_if->slots_used())
          if (cat_.is_question_slot(s) && iv.chapter_of[static_cast<std::size_t>(s)] < 0) {
            iv.chapter_of[static_cast<std::size_t>(s)] = iv.chapter_of[static_cast<std::size_t>(q.slot)];
            moved = true;
          }
      }
    }
  }

  // The interests question: several themes, or all of them.
  void check_interests_question(Reader& r, const Question& q) {
    if (q.type != QuestionType::Multi) return r.error("/interests", "the interests question \"" + q.id + "\" must be a multi-choice question");
    std::set<std::string> options;
    for (const auto& o : q.options) options.insert(o.value);
    for (const auto& [theme, label] : cat_.meta.themes)
      if (!options.count(theme)) r.error("/interests", "the interests question has no option for the theme \"" + theme + "\"");
    for (const auto& o : options)
      if (o != kAllThemes && !cat_.meta.themes.count(o))
        r.error("/interests", "option \"" + o + "\" of \"" + q.id + "\" is neither a theme of meta.json nor \"" + kAllThemes + "\"");
    if (!options.count(kAllThemes)) r.error("/interests", "the interests question needs the option \"" + std::string(kAllThemes) + "\" (すべて)");
  }

  void read_figures(Reader& r, const json& j, Program& p) {
    const json* figures = r.field(j, "figures", "", false);
    if (!figures) return;
    if (!figures->is_object()) return r.error("/figures", "figures must be an object of name → figure");
    for (auto it = figures->begin(); it != figures->end(); ++it) {
      std::string fp = "/figures/" + pointer_key(it.key());
      const json& fj = it.value();
      if (!is_snake_id(it.key())) r.error(fp, "figure names are snake_case");
      if (!fj.is_object()) {
        r.error(fp, "a figure must be an object {value, unit, label, fiscal_year, source}");
        continue;
      }
      Figure fig;
      fig.name = it.key();
      r.number(fj, "value", fp, true, fig.value);
      fig.unit = r.str(fj, "unit", fp, true);
      if (!fig.unit.empty()) r.code(fig.unit, cat_.meta.units, "units", fp + "/unit");
      fig.label = r.text(fj, "label", fp, !r.partial());
      fig.fiscal_year = r.str(fj, "fiscal_year", fp, !r.partial());
      if (!fig.fiscal_year.empty() && !is_fiscal_year(fig.fiscal_year))
        r.error(fp + "/fiscal_year", "fiscal year must look like \"R8\" (令和8年度)");
      fig.source = read_source(r, fj, "source", fp, false, !r.partial());
      if (const json* hist = r.array(fj, "history", fp, false)) {
        for (std::size_t i = 0; i < hist->size(); ++i) {
          const json& h = (*hist)[i];
          std::string hp = fp + "/history/" + std::to_string(i);
          if (!h.is_object()) {
            r.error(hp, "must be an object {value, fiscal_year, source}");
            continue;
          }
          FigureVersion v;
          r.number(h, "value", hp, true, v.value);
          v.fiscal_year = r.str(h, "fiscal_year", hp, true);
          if (!v.fiscal_year.empty() && !is_fiscal_year(v.fiscal_year)) r.error(hp + "/fiscal_year", "fiscal year must look like \"R7\"");
          v.source = read_source(r, h, "source", hp, false);
          fig.history.push_back(std::move(v));
        }
      }
      p.figures.push_back(std::move(fig));
    }
  }

  const LoadOptions& options_;
  Problems& problems_;
  Catalog cat_;
  std::map<std::string, std::string> slot_ids_;
  std::set<std::string> program_ids_;
  std::vector<std::optional<json>> pending_ask_if_;
  std::vector<std::string> question_paths_;
  std::vector<std::pair<json, std::string>> pending_definitions_;
};

}  // namespace

const Option* Question::option(const std::string& value) const {
  for (const auto& o : options)
    if (o.value == value) return &o;
  return nullptr;
}

int Question::option_index(const std::string& value) const {
  for (std::size_t i = 0; i < options.size(); ++i)
    if (options[i].value == value) return static_cast<int>(i);
  return -1;
}

const char* step_kind_name(StepKind k) {
  switch (k) {
    case StepKind::Apply:
      return "apply";
    case StepKind::When:
      return "when";
    case StepKind::Prepare:
      return "prepare";
  }
  return "apply";
}

const char* novelty_kind_name(NoveltyKind k) {
  switch (k) {
    case NoveltyKind::New:
      return "new";
    case NoveltyKind::Expanded:
      return "expanded";
    case NoveltyKind::Extended:
      return "extended";
    case NoveltyKind::Changed:
      return "changed";
    case NoveltyKind::Unchanged:
      return "unchanged";
  }
  return "unchanged";
}

const std::string& InterviewSpec::chapter_id(int chapter) const {
  static const std::string amounts = "amounts", none;
  if (chapter >= 0 && chapter < static_cast<int>(basics.size())) return basics[static_cast<std::size_t>(chapter)].id;
  if (chapter >= static_cast<int>(basics.size()) && chapter < amounts_chapter()) return families[static_cast<std::size_t>(chapter) - basics.size()].id;
  return chapter == amounts_chapter() ? amounts : none;
}

const Text& InterviewSpec::chapter_title(int chapter) const {
  static const Text none;
  if (chapter >= 0 && chapter < static_cast<int>(basics.size())) return basics[static_cast<std::size_t>(chapter)].title;
  if (chapter >= static_cast<int>(basics.size()) && chapter < amounts_chapter()) return families[static_cast<std::size_t>(chapter) - basics.size()].title;
  return chapter == amounts_chapter() ? amounts_title : none;
}

int support_group_of(const Catalog& catalog, const Program& program) {
  const auto& groups = catalog.meta.support_groups;
  for (std::size_t g = 0; g < groups.size(); ++g)
    for (const auto& m : program.measures)
      if (std::find(groups[g].kinds.begin(), groups[g].kinds.end(), m.kind) != groups[g].kinds.end()) return static_cast<int>(g);
  return -1;
}

bool InterviewSpec::is_gate(int slot) const {
  return std::any_of(families.begin(), families.end(), [slot](const Family& f) { return f.gate == slot; });
}

const Figure* Program::figure(const std::string& name) const {
  for (const auto& f : figures)
    if (f.name == name) return &f;
  return nullptr;
}

const Question* Catalog::question(const std::string& id) const {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

const Program* Catalog::program(const std::string& id) const {
  for (const auto& p : programs)
    if (p.id == id) return &p;
  return nullptr;
}

std::size_t Catalog::condition_count() const {
  std::size_t n = 0;
  for (const auto& p : programs) n += p.conditions.size();
  return n;
}

std::size_t Catalog::measure_count() const {
  std::size_t n = 0;
  for (const auto& p : programs) n += p.measures.size();
  return n;
}

const std::string& Catalog::slot_name(int slot) const {
  if (is_question_slot(slot)) return questions[static_cast<std::size_t>(slot)].id;
  return definitions[static_cast<std::size_t>(slot) - questions.size()].id;
}

std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& file, Problems& problems) {
  nlohmann::json j;
  DepthLimitedParser parser(j);
  if (!nlohmann::json::sax_parse(text, &parser)) {
    std::string msg = parser.syntax_error;
    // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …"
    auto bracket = msg.find("] ");
    if (bracket != std::string::npos) msg = msg.substr(bracket + 2);
    problems.push_back({Severity::Error, file, "",
                        parser.too_deep ? "JSON nested deeper than " + std::to_string(kMaxJsonDepth) + " levels"
                                        : "malformed JSON: " + (msg.empty() ? std::string("cannot parse") : msg)});
    return std::nullopt;
  }
  return j;
}

template <typename Files>
static LoadResult load_files(const Files& files, const LoadOptions& options) {
  LoadResult result;
  Loader loader(options, result.problems);
  result.catalog = loader.load(files);
  return result;
}

LoadResult load_catalog(const std::vector<RulesFile>& files, const LoadOptions& options) { return load_files(files, options); }
LoadResult load_catalog(const std::vector<ParsedRulesFile>& files, const LoadOptions& options) { return load_files(files, options); }

nlohmann::json bundle(const std::vector<RulesFile>& files) {
  nlohmann::json out = nlohmann::json::object();
  Problems ignored;
  for (const auto& f : files)
    if (auto j = parse_json(f.text, f.path, ignored)) out["files"][f.path] = std::move(*j);
  return out;
}

std::vector<RulesFile> unbundle(const std::string& bundle_text, Problems& problems) {
  std::vector<RulesFile> files;
  auto j = parse_json(bundle_text, "rules.json", problems);
  if (!j) return files;
  auto it = j->find("files");
  if (!j->is_object() || it == j->end() || !it->is_object()) {
    problems.push_back({Severity::Error, "rules.json", "/files", "a rules bundle is {\"files\": {path: content}}"});
    return files;
  }
  for (auto f = it->begin(); f != it->end(); ++f) files.push_back({f.key(), json_text(f.value())});
  return files;
}

}  // namespace shisaku
