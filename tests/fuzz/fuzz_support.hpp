// What the fuzz targets share: the rules they run against, and a way to fail loudly.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "catalog.hpp"
#include "rules_dir.hpp"

namespace shisaku::fuzz {

// A broken invariant is a finding: abort, so libFuzzer saves the input as a crash.
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "invariant broken: %s\n", what.c_str());
  std::abort();
}

// The files of a rules directory of the source tree (tests/fixtures/good, rules); aborts when
// they cannot be read, since every input would be meaningless.
inline std::vector<RulesFile> source_rules(const std::string& relative_dir) {
  std::string error;
  auto files = cli::read_rules_dir(std::string(SHISAKU_SOURCE_DIR) + "/" + relative_dir, error);
  if (!error.empty() || files.empty()) fail("cannot read " + relative_dir + ": " + error);
  return files;
}

// The project's rules when they load (today's rules/ may be mid-edit), else the test fixture.
inline const Catalog& fuzz_catalog() {
  static const Catalog catalog = [] {
    for (const char* dir : {"rules", "tests/fixtures/good"}) {
      LoadResult r = load_catalog(source_rules(dir));
      if (r.catalog) return std::move(*r.catalog);
      std::fprintf(stderr, "fuzz: %s does not load, trying the next rules\n", dir);
    }
    fail("no rules load");
  }();
  return catalog;
}

}  // namespace shisaku::fuzz
