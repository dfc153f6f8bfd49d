// Bilingual text and the language switch.
#pragma once

#include <string>

namespace shisaku {

enum class Lang { Ja, En };

struct Text {
  std::string ja;
  std::string en;
  const std::string& in(Lang lang) const { return (lang == Lang::En && !en.empty()) ? en : ja; }
  bool empty() const { return ja.empty() && en.empty(); }
};

}  // namespace shisaku
