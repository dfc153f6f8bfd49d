// Colours and sizes: a calm default theme and a high-contrast one, scaled for the screen's
// pixel density and the user's text size.
#pragma once

#include "imgui.h"

namespace shisaku::app::theme {

struct Palette {
  ImU32 text, text_muted, background, panel, accent, accent_text, eligible, unknown, ineligible, bar, bar_range, link, border,
      selected, error;
};

// Sets ImGui's style for the contrast and scale (device pixels per CSS pixel × text scale).
void apply(bool high_contrast, float dpr, float text_scale);
const Palette& palette();
// CSS pixels → device pixels at the current scale.
float px(float css);
// Base text size in CSS pixels.
constexpr float kFontSize = 17.0f;

}  // namespace shisaku::app::theme
