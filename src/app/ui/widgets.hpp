// Widgets for Japanese text and touch: text that wraps with 禁則処理, big choice buttons whose
// labels wrap, bars for amounts, and drag-to-scroll.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "line_break.hpp"

namespace shisaku::app::widgets {

// Line spans of `s` wrapped to `width` in the current font.
std::vector<LineSpan> wrap(std::string_view s, float width);
void text(std::string_view s, ImU32 color = 0);  // wrapped to the available width
void heading(std::string_view s, float scale = 1.35f);
void muted(std::string_view s);
// A full-width (or `width`) button whose label wraps; at least a finger's height.
bool choice(const char* id, std::string_view label, bool selected = false, float width = 0);
bool button(const char* label, bool primary = false, float width = 0);
void progress(float fraction, std::string_view overlay);
// Lets a finger or mouse drag scroll the current window, cancelling a button press it began.
void drag_scroll();
void separator_space();

// A clickable card: a title that wraps, then one line of coloured parts (status, ministry,
// amount), then optionally an amount bar. Returns true when clicked.
// Interactive items drawn in the last frame with their labels and rectangles (device pixels):
// the end-to-end tests click them by label, as a person would.
struct DrawnItem {
  std::string label;
  ImVec2 min, max;
  bool focused;  // has the keyboard focus, shown
};
const std::vector<DrawnItem>& drawn_items();
void begin_frame_items();  // called at the start of each frame
// Records the last item, and draws a thick ring around it when it has the keyboard focus:
// every interactive widget calls it after drawing itself.
void note_item(std::string_view label);

struct Part {
  std::string text;
  ImU32 color;
};
bool card(const char* id, std::string_view title, const std::vector<Part>& parts, bool bar, double lo, double hi, double scale_max);

}  // namespace shisaku::app::widgets
