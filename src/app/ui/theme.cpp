#include "theme.hpp"

namespace shisaku::app::theme {
namespace {

Palette g_palette;
float g_scale = 1.0f;

constexpr ImU32 rgb(unsigned v) { return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, 0xFF); }

const Palette kCalm{rgb(0x1F2328), rgb(0x57606A), rgb(0xF6F8FA), rgb(0xFFFFFF), rgb(0x0B5CAD), rgb(0xFFFFFF),
                    rgb(0x1A7F37), rgb(0x9A6700), rgb(0x6E7781), rgb(0x2F81F7), rgb(0xB6D4FB), rgb(0x0B5CAD),
                    rgb(0xD0D7DE), rgb(0xDDF4FF), rgb(0xB3261E)};
const Palette kHighContrast{rgb(0xFFFFFF), rgb(0xFFFFFF), rgb(0x000000), rgb(0x000000), rgb(0xFFFF00), rgb(0x000000),
                            rgb(0x7CFC00), rgb(0xFFD700), rgb(0xFFFFFF), rgb(0xFFFF00), rgb(0x808000), rgb(0x00FFFF),
                            rgb(0xFFFFFF), rgb(0x333300), rgb(0xFF9E9E)};

ImVec4 f(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

}  // namespace

float px(float css) { return css * g_scale; }
const Palette& palette() { return g_palette; }

void apply(bool high_contrast, float dpr, float text_scale) {
  g_palette = high_contrast ? kHighContrast : kCalm;
  g_scale = dpr * text_scale;
  ImGuiStyle style;  // fresh defaults, then our choices, then scaled once
  ImGui::StyleColorsLight(&style);
  const Palette& p = g_palette;
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = f(p.text);
  c[ImGuiCol_TextDisabled] = f(p.text_muted);
  c[ImGuiCol_WindowBg] = f(p.background);
  c[ImGuiCol_ChildBg] = f(p.background);
  c[ImGuiCol_PopupBg] = f(p.panel);
  c[ImGuiCol_Border] = f(p.border);
  c[ImGuiCol_FrameBg] = f(p.panel);
  c[ImGuiCol_FrameBgHovered] = f(p.selected);
  c[ImGuiCol_FrameBgActive] = f(p.selected);
  c[ImGuiCol_Button] = f(p.panel);
  c[ImGuiCol_ButtonHovered] = f(p.selected);
  c[ImGuiCol_ButtonActive] = f(p.selected);
  c[ImGuiCol_Header] = f(p.selected);
  c[ImGuiCol_HeaderHovered] = f(p.selected);
  c[ImGuiCol_HeaderActive] = f(p.selected);
  c[ImGuiCol_CheckMark] = f(p.accent);
  c[ImGuiCol_PlotHistogram] = f(p.bar);
  c[ImGuiCol_ScrollbarBg] = f(p.background);
  c[ImGuiCol_NavCursor] = f(high_contrast ? p.accent : rgb(0xBF3989));
  c[ImGuiCol_Separator] = f(p.border);
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(10, 8);
  style.ItemSpacing = ImVec2(10, 10);
  style.FrameRounding = 6;
  style.ChildRounding = 6;
  style.FrameBorderSize = 1;
  style.WindowBorderSize = 0;
  style.ScrollbarSize = 16;
  style.ScrollbarRounding = 8;
  style.ScaleAllSizes(g_scale);
  style.FontSizeBase = kFontSize;
  style.FontScaleMain = text_scale;
  style.FontScaleDpi = dpr;
  ImGui::GetStyle() = style;
}

}  // namespace shisaku::app::theme
