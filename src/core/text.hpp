// Bilingual text and the language switch.
#pragma once

#include <string>

namespace shisaku {

enum class Lang { Ja, En };

struct Text {
  std::string ja;
  std::string en;
  // The other language stands in when one is missing (a single-language rules bundle).
  const std::string& in(Lang lang) const {
    if (lang == Lang::En) return en.empty() ? ja : en;
    return ja.empty() ? en : ja;
  }
  bool empty() const { return ja.empty() && en.empty(); }
};

}  // namespace shisaku
