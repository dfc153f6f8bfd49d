// A problem found in a rules file or an input, located precisely enough to fix it.
#pragma once

#include <string>
#include <vector>

namespace shisaku {

enum class Severity { Error, Warning };

struct Problem {
  Severity severity = Severity::Error;
  std::string file;  // relative to the rules directory, e.g. "programs/soumu/local10000.json"
  std::string path;  // JSON pointer inside the file, e.g. "/conditions/0/logic/in/0"
  std::string message;

  std::string to_string() const {
    std::string s = (severity == Severity::Error ? "error: " : "warning: ") + file;
    if (!path.empty()) s += " at " + path;
    return s + ": " + message;
  }
};

using Problems = std::vector<Problem>;

inline bool has_errors(const Problems& problems) {
  for (const auto& p : problems)
    if (p.severity == Severity::Error) return true;
  return false;
}

}  // namespace shisaku
