#include "support.hpp"

#include <algorithm>
#include <stdexcept>

#include "rules_dir.hpp"
#include "rules_lint.hpp"

namespace shisaku::test {

std::string source_dir() { return SHISAKU_TEST_SOURCE_DIR; }
std::string shared_dir() { return SHISAKU_TEST_SHARED_DIR; }
std::string fixtures_dir() { return source_dir() + "/tests/fixtures"; }

std::vector<RulesFile> rules_files(const std::string& dir, const std::string& overlay_dir) {
  std::string error;
  auto files = cli::read_rules_dir(dir, error);
  if (!error.empty()) throw std::runtime_error(error);
  if (overlay_dir.empty()) return files;
  auto overlay = cli::read_rules_dir(overlay_dir, error);
  if (!error.empty()) throw std::runtime_error(error);
  for (auto& o : overlay) {
    if (o.path == "expect.json") continue;
    auto it = std::find_if(files.begin(), files.end(), [&](const RulesFile& f) { return f.path == o.path; });
    if (it != files.end())
      *it = o;
    else
      files.push_back(o);
  }
  return files;
}

LoadResult load_fixture(const std::string& overlay_dir) {
  LoadOptions opts;
  opts.seeds = cli::read_seeds(fixtures_dir() + "/seeds");
  return load_and_lint(rules_files(fixtures_dir() + "/good", overlay_dir), opts);
}

const Catalog& demo_catalog() {
  static LoadResult r = load_fixture();
  if (!r.catalog) {
    std::string all;
    for (const auto& p : r.problems) all += p.to_string() + "\n";
    throw std::runtime_error("the good fixture does not load:\n" + all);
  }
  return *r.catalog;
}

LoadResult load_real_rules() {
  LoadOptions opts;
  opts.seeds = cli::read_seeds(shared_dir() + "/seeds");
  if (opts.seeds.size() < 5) throw std::runtime_error("seeds not found in " + shared_dir() + "/seeds");
  return load_and_lint(rules_files(source_dir() + "/rules"), opts);
}

}  // namespace shisaku::test
