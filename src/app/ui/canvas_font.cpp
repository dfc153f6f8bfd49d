#include "canvas_font.hpp"

#include <cmath>

#include <emscripten.h>

#include "imgui_internal.h"
#include "misc/freetype/imgui_freetype.h"

// The glyph canvas and the font stack live in web/shisaku.js (Module['glyphContext']).
EM_JS(void, js_font_vmetrics, (float px, float* out), {
  var g = Module['glyphContext'](px);
  var m = g.measureText('\u6F22Mg');
  HEAPF32[out >> 2] = m.fontBoundingBoxAscent;
  HEAPF32[(out >> 2) + 1] = m.fontBoundingBoxDescent;
});

EM_JS(void, js_glyph_metrics, (unsigned cp, float px, float* out), {
  var g = Module['glyphContext'](px);
  var m = g.measureText(String.fromCodePoint(cp));
  var i = out >> 2;
  HEAPF32[i] = m.width;
  HEAPF32[i + 1] = m.actualBoundingBoxLeft;
  HEAPF32[i + 2] = m.actualBoundingBoxRight;
  HEAPF32[i + 3] = m.actualBoundingBoxAscent;
  HEAPF32[i + 4] = m.actualBoundingBoxDescent;
});

EM_JS(void, js_glyph_pixels, (unsigned cp, float px, int w, int h, float x, float y, unsigned char* dst), {
  var g = Module['glyphContext'](px, w, h);
  g.clearRect(0, 0, w, h);
  g.fillText(String.fromCodePoint(cp), x, y);
  var d = g.getImageData(0, 0, w, h).data;
  for (var i = 0, n = w * h; i < n; i++) HEAPU8[dst + i] = d[i * 4 + 3];
});

namespace shisaku::app {
namespace {

constexpr int kPad = 1;
bool g_cjk = true;

// The glyphs a layout pass met (record_glyphs): laid out with their advance only, drawn later
// (warm_glyphs).
struct Recorded {
  ImFontBaked* baked;
  ImWchar codepoint;
};
bool g_recording = false;
ImVector<Recorded> g_recorded;
int g_warmed = -1;  // how many recorded glyphs warm_glyphs has drawn; -1: not started

bool src_init(ImFontAtlas*, ImFontConfig*) { return true; }
bool contains_glyph(ImFontAtlas*, ImFontConfig*, ImWchar c) { return g_cjk || c < 0x2E80; }

bool baked_init(ImFontAtlas*, ImFontConfig*, ImFontBaked* baked, void*) {
  // ImGui lays lines out FontSize apart, so share that height between ascent and descent in the
  // font's own proportion (as its stb_truetype loader does).
  float m[2] = {0, 0};
  js_font_vmetrics(baked->Size, m);
  float total = m[0] + m[1];
  float ascent = total > 0 ? baked->Size * m[0] / total : baked->Size * 0.88f;
  baked->Ascent = std::ceil(ascent);
  baked->Descent = baked->Ascent - baked->Size;
  return true;
}

bool load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar codepoint, ImFontGlyph* out_glyph,
                float* out_advance_x) {
  // Rasterise at the device's density so text stays sharp on high-DPI screens.
  if (!contains_glyph(atlas, src, codepoint)) return false;
  const float density = src->RasterizerDensity * baked->RasterizerDensity;
  const float raster_px = baked->Size * density;
  float m[5];
  js_glyph_metrics(codepoint, raster_px, m);
  const float advance = m[0] / density;
  if (out_advance_x) {
    *out_advance_x = advance;
    return true;
  }
  out_glyph->Codepoint = codepoint;
  out_glyph->AdvanceX = advance;
  // The fallback and ellipsis glyphs are never drawn again: drawn now.
  const ImFont* font = baked->ContainerFont;
  if (g_recording && codepoint != font->FallbackChar && codepoint != font->EllipsisChar) {
    g_recorded.push_back({baked, codepoint});
    return true;  // laid out, not drawn
  }
  const float left = m[1], right = m[2], ascent = m[3], descent = m[4];
  const int w = static_cast<int>(std::ceil(left + right)) + 2 * kPad;
  const int h = static_cast<int>(std::ceil(ascent + descent)) + 2 * kPad;
  if (left + right <= 0 || ascent + descent <= 0) return true;  // a space: advance only

  ImFontAtlasRectId pack_id = ImFontAtlasPackAddRect(atlas, w, h);
  if (pack_id == ImFontAtlasRectId_Invalid) return false;
  ImTextureRect* r = ImFontAtlasPackGetRect(atlas, pack_id);
  ImFontAtlasBuilder* builder = atlas->Builder;
  builder->TempBuffer.resize(w * h);
  const float origin_x = kPad + left, origin_y = kPad + ascent;
  js_glyph_pixels(codepoint, raster_px, w, h, origin_x, origin_y, builder->TempBuffer.Data);

  out_glyph->X0 = -origin_x / density;
  out_glyph->Y0 = baked->Ascent - origin_y / density;
  out_glyph->X1 = out_glyph->X0 + r->w / density;
  out_glyph->Y1 = out_glyph->Y0 + r->h / density;
  out_glyph->Visible = true;
  out_glyph->PackId = pack_id;
  ImFontAtlasBakedSetFontGlyphBitmap(atlas, baked, src, out_glyph, r, builder->TempBuffer.Data, ImTextureFormat_Alpha8, w);
  return true;
}

const ImFontLoader* canvas_loader() {
  static ImFontLoader loader;
  loader.Name = "browser canvas";
  loader.FontSrcInit = src_init;
  loader.FontSrcContainsGlyph = contains_glyph;
  loader.FontBakedInit = baked_init;
  loader.FontBakedLoadGlyph = load_glyph;
  return &loader;
}

}  // namespace

const ImFontLoader* browser_font_loader() { return canvas_loader(); }

void record_glyphs(bool on) {
  g_recording = on;
  if (on) {
    g_recorded.clear();
    g_warmed = -1;
  }
}

int warm_glyphs(ImFontAtlas* atlas, double budget_ms) {
  if (g_warmed < 0) {
    // Forget the glyphs laid out without their pixels, so that they load again, in full.
    for (const Recorded& r : g_recorded)
      if (ImFontGlyph* glyph = r.baked->FindGlyphNoFallback(r.codepoint))
        ImFontAtlasBakedDiscardFontGlyph(atlas, r.baked->ContainerFont, r.baked, glyph);
    g_warmed = 0;
  }
  const double until = emscripten_get_now() + budget_ms;
  while (g_warmed < g_recorded.Size && emscripten_get_now() < until) {
    const Recorded& r = g_recorded[g_warmed++];
    r.baked->FindGlyph(r.codepoint);
  }
  return g_recorded.Size - g_warmed;
}

ImFont* add_canvas_font(ImFontAtlas* atlas, bool cjk) {
  g_cjk = cjk;
  ImFontConfig cfg;
  cfg.FontLoader = canvas_loader();
  cfg.FontDataOwnedByAtlas = true;  // no data to copy
  cfg.SizePixels = 17.0f;
  ImFormatString(cfg.Name, IM_ARRAYSIZE(cfg.Name), "browser fonts");
  return atlas->AddFont(&cfg);
}

}  // namespace shisaku::app

// The build defines IMGUI_ENABLE_FREETYPE (src/app/CMakeLists.txt) so that ImGui asks here for
// its default loader instead of linking stb_truetype.
const ImFontLoader* ImGuiFreeType::GetFontLoader() { return shisaku::app::browser_font_loader(); }
