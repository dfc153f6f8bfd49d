// Checks beyond the format: citations against the seed texts, and lints that find rules that
// can never matter (a question no rule reads, a condition that can never hold, a question
// that can never be asked).
#pragma once

#include <string>

#include "catalog.hpp"
#include "diagnostics.hpp"

namespace shisaku {

// Empty when `quote` occurs in lines [first, last] of `seed_text` (ignoring whitespace and the
// seeds' ** bold markers); otherwise what is wrong.
std::string check_quote(const std::string& seed_text, int first, int last, const std::string& quote);

void lint_catalog(const Catalog& catalog, Problems& problems);

// Loads the rules and, when they load, lints them too (what `shisaku validate` reports). The
// app loads without linting: lints matter to rule authors, not to a person answering.
LoadResult load_and_lint(const std::vector<RulesFile>& files, const LoadOptions& options);

}  // namespace shisaku
