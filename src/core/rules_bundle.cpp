#include "rules_bundle.hpp"

#include <algorithm>
#include <set>
#include <utility>

#include "json_text.hpp"

namespace shisaku {
namespace {

using nlohmann::json;

// Program fields shown only on a program's own page, in exports and in the printable page.
const std::set<std::string> kProgramDetails = {"summary", "supports", "contacts", "sources", "budget",
                                               "next_steps", "caveats", "related"};
// A card's badge needs a novelty's year and kind; what changed, and where it says so, are details.
const std::set<std::string> kNoveltyDetails = {"text", "source"};
const std::set<std::string> kFigureDetails = {"label", "fiscal_year", "source", "history"};
const std::set<std::string> kConditionDetails = {"text", "source"};
const std::set<std::string> kMeasureDetails = {"label", "per", "note"};

bool is_text(const json& j) {
  if (!j.is_object() || j.empty() || j.size() > 2) return false;
  for (auto it = j.begin(); it != j.end(); ++it)
    if ((it.key() != "ja" && it.key() != "en") || !it.value().is_string()) return false;
  return true;
}

// Keeps one language of every {"ja", "en"} text.
json one_language(const json& j, const char* lang) {
  if (is_text(j)) return j.contains(lang) ? json{{lang, j[lang]}} : j;
  if (j.is_object()) {
    json out = json::object();
    for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = one_language(it.value(), lang);
    return out;
  }
  if (j.is_array()) {
    json out = json::array();
    for (const auto& e : j) out.push_back(one_language(e, lang));
    return out;
  }
  return j;
}

// The program with only its core fields (keep_details false) or only its details.
json split_program(const json& p, bool keep_details) {
  auto pick = [&](const json& obj, const std::set<std::string>& details, bool keep_ids) {
    json out = json::object();
    for (auto it = obj.begin(); it != obj.end(); ++it) {
      bool is_detail = details.count(it.key()) > 0;
      if (is_detail == keep_details || (keep_ids && it.key() == "id")) out[it.key()] = it.value();
    }
    return out;
  };
  json out = pick(p, kProgramDetails, true);
  for (const char* list : {"conditions", "measures", "novelty"}) {
    auto it = p.find(list);
    if (it == p.end() || !it->is_array()) continue;
    const std::string name = list;
    const auto& details = name == "conditions" ? kConditionDetails : name == "measures" ? kMeasureDetails : kNoveltyDetails;
    json items = json::array();
    for (const auto& e : *it) items.push_back(e.is_object() ? pick(e, details, true) : e);
    out[list] = items;
  }
  if (auto it = p.find("figures"); it != p.end() && it->is_object()) {
    json figures = json::object();
    for (auto f = it->begin(); f != it->end(); ++f) figures[f.key()] = f.value().is_object() ? pick(f.value(), kFigureDetails, false) : f.value();
    out["figures"] = figures;
  }
  return out;
}

// Objects merge key by key, arrays item by item (parts keep the order of the whole). What is
// new moves in whole: the first part is not copied.
void merge(json& into, json&& from) {
  if (into.is_object() && from.is_object()) {
    for (auto it = from.begin(); it != from.end(); ++it) merge(into[it.key()], std::move(it.value()));
  } else if (into.is_array() && from.is_array() && into.size() == from.size()) {
    for (std::size_t i = 0; i < from.size(); ++i) merge(into[i], std::move(from[i]));
  } else {
    into = std::move(from);
  }
}

int lang_index(Lang l) { return l == Lang::Ja ? 0 : 1; }
int part_index(BundlePart p) { return p == BundlePart::Core ? 0 : 1; }

}  // namespace

std::string bundle_file_name(Lang lang, BundlePart part) {
  return std::string(part == BundlePart::Core ? "rules." : "rules-details.") + (lang == Lang::Ja ? "ja" : "en") + ".json";
}

json bundle_part(const std::vector<RulesFile>& files, const std::string& fingerprint, Lang lang, BundlePart part) {
  const char* code = lang == Lang::Ja ? "ja" : "en";
  json out = {{"fingerprint", fingerprint}, {"lang", code}, {"part", part == BundlePart::Core ? "core" : "details"}, {"files", json::object()}};
  Problems ignored;
  for (const auto& f : files) {
    auto j = parse_json(f.text, f.path, ignored);
    if (!j) continue;
    bool program = f.path.rfind("programs/", 0) == 0;
    if (part == BundlePart::Details && !program) continue;  // questions, definitions and meta are core
    json content = program ? split_program(*j, part == BundlePart::Details) : *j;
    out["files"][f.path] = one_language(content, code);
  }
  return out;
}

bool RulesBundle::add(json part, Problems& problems) {
  auto bad = [&](const std::string& why) {
    problems.push_back({Severity::Error, "rules bundle", "", why});
    return false;
  };
  if (!part.is_object() || !part.contains("files") || !part["files"].is_object()) return bad("not a rules bundle part");
  std::string fingerprint = part.value("fingerprint", std::string());
  std::string lang = part.value("lang", std::string());
  std::string which = part.value("part", std::string());
  if (fingerprint.empty() || (lang != "ja" && lang != "en") || (which != "core" && which != "details"))
    return bad("a bundle part names its fingerprint, lang (ja/en) and part (core/details)");
  if (!fingerprint_.empty() && fingerprint != fingerprint_)
    return bad("this part belongs to other rules (" + fingerprint + ", expected " + fingerprint_ + ")");
  fingerprint_ = fingerprint;
  merge(merged_, std::move(part["files"]));
  have_[lang == "ja" ? 0 : 1][which == "core" ? 0 : 1] = true;
  return true;
}

bool RulesBundle::has(Lang lang, BundlePart part) const { return have_[lang_index(lang)][part_index(part)]; }

bool RulesBundle::complete() const { return have_[0][0] && have_[0][1] && have_[1][0] && have_[1][1]; }

LoadResult RulesBundle::load() const {
  std::vector<ParsedRulesFile> files;
  for (auto it = merged_.begin(); it != merged_.end(); ++it) files.push_back({it.key(), &it.value()});
  LoadOptions options;
  options.partial = !complete();
  options.fingerprint = fingerprint_;
  return load_catalog(files, options);
}

}  // namespace shisaku
