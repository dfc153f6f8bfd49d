// Glyphs drawn by the browser: an ImGui 1.92 font loader that rasterises each glyph on demand
// with Canvas 2D in the page's own fonts (Hiragino, Yu Gothic, Noto Sans CJK …). The app then
// downloads no font at all for Japanese; see docs/decisions/0002-font-strategy.md.
#pragma once

#include "imgui.h"

namespace shisaku::app {

const ImFontLoader* browser_font_loader();

// Adds the browser-drawn font as the default font of the atlas. Without `cjk`, Japanese
// characters have no glyph (they show as "?"), as on a device that lacks a Japanese font.
ImFont* add_canvas_font(ImFontAtlas* atlas, bool cjk = true);

// Start-up in short tasks. While recording, a glyph met for the first time is measured and laid
// out but not drawn, and kept in a list; warm_glyphs then draws them, for at most `budget_ms`
// per call, and says how many are left (0: the screen laid out while recording can be drawn
// without drawing a glyph). Recording again starts a new list.
void record_glyphs(bool on);
int warm_glyphs(ImFontAtlas* atlas, double budget_ms);

}  // namespace shisaku::app
