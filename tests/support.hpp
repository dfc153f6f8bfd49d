// Helpers shared by the tests: where things are, and loading fixtures.
#pragma once

#include <string>
#include <vector>

#include "catalog.hpp"

namespace shisaku::test {

std::string source_dir();  // the project root
std::string shared_dir();  // ../shared (seeds, JsonLogic suites)
std::string fixtures_dir();

// The files of `dir`, with the files of `overlay_dir` (if given) replacing or adding to them.
std::vector<RulesFile> rules_files(const std::string& dir, const std::string& overlay_dir = "");
LoadResult load_fixture(const std::string& overlay_dir = "");
// The good fixture, valid; fails the test if it is not.
const Catalog& demo_catalog();
// The project's real rules, checked against the seeds.
LoadResult load_real_rules();

}  // namespace shisaku::test
