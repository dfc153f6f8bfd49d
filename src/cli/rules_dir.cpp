#include "rules_dir.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace shisaku::cli {

bool read_file(const std::string& path, std::string& out) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return true;
}

std::vector<RulesFile> read_rules_dir(const std::string& dir, std::string& error) {
  std::vector<RulesFile> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error = "no rules directory at " + dir;
    return files;
  }
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec) || it->path().extension() != ".json") continue;
    std::string text;
    if (!read_file(it->path().string(), text)) {
      error = "cannot read " + it->path().string();
      return {};
    }
    files.push_back({fs::relative(it->path(), dir, ec).generic_string(), std::move(text)});
  }
  if (ec) error = "cannot list " + dir + ": " + ec.message();
  std::sort(files.begin(), files.end(), [](const RulesFile& a, const RulesFile& b) { return a.path < b.path; });
  return files;
}

std::map<std::string, std::string> read_seeds(const std::string& dir) {
  std::map<std::string, std::string> seeds;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return seeds;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string text;
    if (e.path().extension() == ".txt" && read_file(e.path().string(), text)) seeds[e.path().filename().string()] = std::move(text);
  }
  return seeds;
}

std::string default_rules_dir() {
  if (const char* env = std::getenv("SHISAKU_RULES")) return env;
  std::error_code ec;
  if (fs::is_regular_file("rules/meta.json", ec)) return "rules";
#ifdef SHISAKU_SOURCE_RULES_DIR
  return SHISAKU_SOURCE_RULES_DIR;
#else
  return "rules";
#endif
}

std::string default_seeds_dir(const std::string& rules_dir) {
  if (const char* env = std::getenv("SHISAKU_SEEDS")) return env;
  std::error_code ec;
  fs::path p = fs::absolute(rules_dir, ec).parent_path().parent_path() / "shared" / "seeds";
  return fs::is_directory(p, ec) ? p.string() : std::string();
}

}  // namespace shisaku::cli
