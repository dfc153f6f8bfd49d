// The rules as the web app downloads them: split by language, and into a core (what the
// wizard needs to ask, evaluate and list) and details (summaries, contacts, sources, caveats,
// figure citations), so the first visit downloads only the core in the page's language. Parts
// merge back into the whole; see docs/decisions/0005-rules-bundles.md.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "catalog.hpp"

namespace shisaku {

enum class BundlePart { Core, Details };

// "rules.ja.json", "rules-details.en.json" …: the part's file name in dist/.
std::string bundle_file_name(Lang lang, BundlePart part);

// {"fingerprint": …, "lang": "ja", "part": "core", "files": {path: content}}
nlohmann::json bundle_part(const std::vector<RulesFile>& files, const std::string& fingerprint, Lang lang, BundlePart part);

// Rules parts gathered so far, merged into one document, and loaded from it.
class RulesBundle {
 public:
  // Adds a part; false (with a problem) when it is not a part of the same rules.
  bool add(nlohmann::json part, Problems& problems);
  bool has(Lang lang, BundlePart part) const;
  // True once both parts in both languages are in: the whole rules.
  bool complete() const;
  LoadResult load() const;

 private:
  nlohmann::json merged_ = nlohmann::json::object();
  std::string fingerprint_;
  bool have_[2][2] = {{false, false}, {false, false}};  // [lang][part]
};

}  // namespace shisaku
