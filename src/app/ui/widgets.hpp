// Widgets for Japanese text and touch: text that wraps with 禁則処理, big choice buttons and
// buttons whose labels wrap, filter chips, program cards, and drag-to-scroll.
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
// A button whose label wraps onto more lines when it does not fit (never clipped); `width` 0:
// as wide as its label.
bool button(const char* label, bool primary = false, float width = 0);
// A header that folds what follows (ImGui's collapsing header) with a label that wraps onto more
// lines when it does not fit; `id` keeps its open state while the label changes.
bool fold(std::string_view label, const char* id);
// Buttons side by side in equal widths when their labels fit, stacked full width when not.
// Returns the index of the one pressed, or -1. `primary`: the index drawn as primary (-1: none).
int button_row(const std::vector<std::string>& labels, int primary = -1);
// A small toggle for filters; laid out in rows that wrap (call flow_next before each but the
// first of a row of chips).
bool chip(const char* id, std::string_view label, bool on);
void flow_next(std::string_view next_label);
void progress(float fraction, std::string_view overlay);
// Lets a finger or mouse drag scroll the current window, cancelling a button press it began.
void drag_scroll();
void separator_space();

// Interactive items drawn in the last frame with their labels and rectangles (device pixels):
// the end-to-end tests click them by label, as a person would.
struct DrawnItem {
  std::string label;
  ImVec2 min, max;
  bool focused;      // has the keyboard focus, shown
  std::string href;  // a link's address (tel:, https:); the page lays a real <a> over it
  float text_w;      // the widest line of its label as drawn, with padding: more than the width is clipped
  bool visible;      // within its window's visible area (not scrolled away, not under the question bar)
};
const std::vector<DrawnItem>& drawn_items();
void begin_frame_items();  // called at the start of each frame
// Records the last item, and draws a thick ring around it when it has the keyboard focus:
// every interactive widget calls it after drawing itself.
// `text_w`: the widest line of the label with its padding (default: the label on one line, as
// ImGui's own buttons draw it).
// `focus_ring` false: a fold, whose focus ImGui draws itself (and keeps after a mouse click on
// the screen's background, which the thick ring would then show).
void note_item(std::string_view label, float text_w = -1, bool focus_ring = true);
// Text that is a link (a phone number, an address): drawn wrapped in the link colour and
// underlined, and recorded with its rectangle so the page can lay a real <a> over it.
void link(std::string_view text, const std::string& href, float scale = 1.0f);

struct Part {
  std::string text;
  ImU32 color;
  float scale = 1.0f;  // of the text size
};
// A clickable card: its title (wrapping, with line spacing), then rows of parts; the parts of
// a row flow and wrap, so a long ministry name never pushes the amount off the card. Returns
// true when clicked.
// `interactive` false: a panel that only shows (nothing to open).
bool card(const char* id, std::string_view title, const std::vector<std::vector<Part>>& rows, bool interactive = true);

}  // namespace shisaku::app::widgets
