// Reading rules/ and the seeds from disk (the core itself never touches files).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalog.hpp"

namespace shisaku::cli {

// Every *.json below `dir`, paths relative to it with '/' separators. Sets `error` when the
// directory cannot be read.
std::vector<RulesFile> read_rules_dir(const std::string& dir, std::string& error);
// Seed texts by file name from `dir` (empty when it does not exist).
std::map<std::string, std::string> read_seeds(const std::string& dir);
bool read_file(const std::string& path, std::string& out);
// Where rules/ is when --rules is not given: $SHISAKU_RULES, ./rules, or the source tree's.
std::string default_rules_dir();
// ../shared/seeds next to the project, when present.
std::string default_seeds_dir(const std::string& rules_dir);

}  // namespace shisaku::cli
