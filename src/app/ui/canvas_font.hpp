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

}  // namespace shisaku::app
