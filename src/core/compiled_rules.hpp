// The rules as the web app downloads them: compiled at build time from the validated JSON into
// a compact binary the app reads without a JSON document, without validating and without
// compiling JsonLogic (docs/decisions/0008-compiled-rules.md). Split by language and into a
// core (what the wizard needs to ask, evaluate and list) and details (summaries, contacts,
// sources, caveats, condition texts, figure citations), so the first visit downloads only the
// core in the page's language. JSON stays the only source: a compiled part carries the
// fingerprint of the rules it was made from and is refused when it does not match, when it
// is of another format, or when a byte of it changed.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"

namespace shisaku {

enum class BundlePart { Core, Details };

// Bumped whenever what a part holds or how changes: an app refuses parts of another format.
constexpr std::uint8_t kCompiledRulesFormat = 1;

// "rules.ja.bin", "rules-details.en.bin" …: the part's file name in dist/.
std::string compiled_file_name(Lang lang, BundlePart part);

// One part of the whole rules (loaded with both languages and details), as bytes.
std::string compile_rules_part(const Catalog& whole, Lang lang, BundlePart part);

// A payload behind a valid header (what compile_rules_part does last; the fuzz target uses it
// to reach the reader past the checksum).
std::string wrap_compiled_part(std::string_view payload, const std::string& fingerprint, Lang lang, BundlePart part);

// The parts the app has received so far, and the catalog read from them.
class CompiledRules {
 public:
  // Adds the parts in `bytes` (one, or several one after the other, as the single-file build
  // carries them). False, with a problem naming the file, the byte and what is wrong, when
  // a part is not a compiled part of this format, is cut short or altered, or belongs to
  // other rules; nothing already added is lost.
  bool add(std::string_view bytes, const std::string& file, Problems& problems);
  bool has(Lang lang, BundlePart part) const;
  // True once both parts in both languages are in: the whole rules.
  bool complete() const;
  const std::string& fingerprint() const { return fingerprint_; }
  // The catalog from every part so far: the structure from the first core, then the texts and
  // details of the others. Empty (with a problem) before any core part.
  LoadResult load() const;

 private:
  struct Part {
    Lang lang;
    BundlePart part;
    std::string file;
    std::string payload;
  };
  std::vector<Part> parts_;
  std::string fingerprint_;
};

}  // namespace shisaku
