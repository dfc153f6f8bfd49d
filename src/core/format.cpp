#include "format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "logic/value.hpp"

namespace shisaku {

std::string group_thousands(long long n) {
  bool neg = n < 0;
  std::string digits = std::to_string(neg ? -n : n);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++count;
  }
  return neg ? "-" + out : out;
}

std::string paren(const std::string& inner, Lang lang) { return lang == Lang::Ja ? "（" + inner + "）" : " (" + inner + ")"; }

std::string parts_total(int parts, Lang lang) {
  return lang == Lang::Ja ? std::to_string(parts) + "項目の合計" : "total of " + std::to_string(parts) + " items";
}

std::string format_yen(double yen, Lang lang) {
  if (!std::isfinite(yen)) return lang == Lang::Ja ? "上限なし" : "no limit";
  // Beyond long long (about 9.2e18) llround has no answer and negating it would overflow.
  if (std::fabs(yen) >= 1e18) return logic::number_to_string(yen) + (lang == Lang::Ja ? "円" : " yen");
  long long v = std::llround(yen);
  if (lang == Lang::En) return (v < 0 ? "-¥" : "¥") + group_thousands(v < 0 ? -v : v);
  if (v == 0) return "0円";
  bool neg = v < 0;
  if (neg) v = -v;
  long long oku = v / 100000000, man = (v % 100000000) / 10000, en = v % 10000;
  std::string s;
  if (oku) s += group_thousands(oku) + "億";
  if (man) s += group_thousands(man) + "万";
  if (en) s += group_thousands(en);
  return (neg ? "-" : "") + s + "円";
}

std::string format_ratio(double r) {
  for (int d : {2, 3, 4}) {
    double n = r * d;
    if (std::fabs(n - std::round(n)) < 1e-9 && std::round(n) > 0 && std::round(n) < d)
      return std::to_string(static_cast<int>(std::round(n))) + "/" + std::to_string(d);
  }
  return logic::number_to_string(std::round(r * 1000) / 1000);
}

std::string format_amount(double value, std::string_view unit, Lang lang) {
  if (unit == "yen") return format_yen(value, lang);
  if (unit == "ratio") return format_ratio(value);
  return logic::number_to_string(value);
}

std::string format_estimate(const Estimate& e, Lang lang) {
  switch (e.kind) {
    case Estimate::Kind::None:
      return "";
    case Estimate::Kind::Exact:
      return format_amount(e.min, e.unit, lang);
    case Estimate::Kind::Range:
      if (!std::isfinite(e.max))
        return format_amount(e.min, e.unit, lang) + (lang == Lang::Ja ? "以上" : " or more");
      return format_amount(e.min, e.unit, lang) + (lang == Lang::Ja ? "〜" : "–") + format_amount(e.max, e.unit, lang);
    case Estimate::Kind::Unknown:
      return lang == Lang::Ja ? "回答に応じて算定" : "depends on your answers";
  }
  return "";
}

std::string format_total(const Total& t, Lang lang) {
  switch (t.kind) {
    case Total::Kind::None:
      return "";
    case Total::Kind::Exact:
      return format_yen(t.known, lang);
    case Total::Kind::Partial:
      return t.known > 0 ? format_yen(t.known, lang) + (lang == Lang::Ja ? "＋" : " +") : "";
  }
  return "";
}

std::string needs_text(const Catalog& c, const ProgramResult& r, Lang lang) {
  if (r.total.kind != Total::Kind::Partial) return "";
  const Text* label = nullptr;
  for (int s : r.amount_settling)
    if (!c.questions[static_cast<std::size_t>(s)].short_label.empty()) {
      label = &c.questions[static_cast<std::size_t>(s)].short_label;
      break;
    }
  const bool more = r.amount_settling.size() > 1;
  if (lang == Lang::Ja) {
    if (!label) return "回答を追加すると算出";
    return label->ja + (more ? "などを入れると算出" : "を入れると算出");
  }
  if (!label) return "more answers give the amount";
  return "enter " + label->en + (more ? " and more" : "") + " to work it out";
}

std::string novelty_badge(const Program& p, Lang lang) {
  const Novelty* n = p.latest_novelty();
  if (!n || n->kind == NoveltyKind::Unchanged || n->kind == NoveltyKind::Changed) return "";
  const bool ja = lang == Lang::Ja;
  const char* word = n->kind == NoveltyKind::New ? (ja ? "新規" : "New") : n->kind == NoveltyKind::Expanded ? (ja ? "拡充" : "Expanded") : (ja ? "延長" : "Extended");
  if (ja) return n->fiscal_year + word;
  // R8 → FY2026
  int western = std::atoi(n->fiscal_year.c_str() + 1) + (n->fiscal_year[0] == 'R' ? 2018 : 1988);
  return std::string(word) + " in FY" + std::to_string(western);
}

std::string newest_fiscal_year(const Catalog& c) {
  std::string newest;
  for (const auto& seed : c.meta.seeds)
    if (newest.empty() || std::atoi(seed.fiscal_year.c_str() + 1) > std::atoi(newest.c_str() + 1)) newest = seed.fiscal_year;
  return newest;
}

bool is_new_or_expanded(const Program& p, const std::string& fiscal_year) {
  for (const auto& n : p.novelty)
    if (n.fiscal_year == fiscal_year && (n.kind == NoveltyKind::New || n.kind == NoveltyKind::Expanded || n.kind == NoveltyKind::Extended)) return true;
  return false;
}

}  // namespace shisaku
