// Line breaking for Japanese and mixed text: Japanese has no spaces, so a line may break
// between any two characters, except that no line starts with closing punctuation or small
// kana (、。」）ー ッ …) and none ends with an opening bracket (「（ …) — 禁則処理. Latin words and
// numbers such as "5,500万円"'s "5,500" stay whole. Pure: widths come from a callback, so the
// same code serves the ImGui screens and the native tests.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace shisaku::app {

struct LineSpan {
  std::size_t begin;  // byte offsets into the text; end excludes trailing spaces
  std::size_t end;
};

using AdvanceFn = std::function<float(unsigned codepoint)>;

// Closing punctuation 、。」 and similar may hang past `max_width` (ぶら下げ) rather than
// start a line.
std::vector<LineSpan> break_lines(std::string_view text, float max_width, const AdvanceFn& advance);

bool may_not_start_line(unsigned codepoint);
bool may_not_end_line(unsigned codepoint);

}  // namespace shisaku::app
