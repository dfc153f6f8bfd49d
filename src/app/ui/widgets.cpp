#include "widgets.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "imgui_internal.h"
#include "line_break.hpp"
#include "theme.hpp"

namespace shisaku::app::widgets {
namespace {
// Filled while a frame is drawn; the JavaScript API reads it between frames, when it is whole.
std::vector<DrawnItem> g_items;
}  // namespace

const std::vector<DrawnItem>& drawn_items() { return g_items; }
void begin_frame_items() { g_items.clear(); }
void note_item(std::string_view label) {
  bool focused = ImGui::IsItemFocused() && GImGui->NavCursorVisible;
  g_items.push_back({std::string(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), focused});
  // ImGui's own focus rectangle is 2 device pixels thin: half a CSS pixel on a phone. Draw a
  // ring that a keyboard user can find at a glance.
  if (focused) {
    float gap = theme::px(3), thickness = theme::px(3);
    ImVec2 min(ImGui::GetItemRectMin().x - gap, ImGui::GetItemRectMin().y - gap), max(ImGui::GetItemRectMax().x + gap, ImGui::GetItemRectMax().y + gap);
    ImGui::GetWindowDrawList()->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_NavCursor), ImGui::GetStyle().FrameRounding + gap, 0, thickness);
  }
}

std::vector<LineSpan> wrap(std::string_view s, float width) {
  float size = ImGui::GetFontSize();
  ImFontBaked* baked = ImGui::GetFontBaked();
  return break_lines(s, width, [&](unsigned cp) { return baked->GetCharAdvance(static_cast<ImWchar>(cp)) * size / baked->Size; });
}

void text(std::string_view s, ImU32 color) {
  // Keep one character of room at the right for punctuation that hangs (ぶら下げ).
  float width = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize(), ImGui::GetFontSize() * 2);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  for (const auto& line : wrap(s, width)) ImGui::TextUnformatted(s.data() + line.begin, s.data() + line.end);
  if (color) ImGui::PopStyleColor();
}

void heading(std::string_view s, float scale) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * scale);
  text(s);
  ImGui::PopFont();
}

void muted(std::string_view s) { text(s, theme::palette().text_muted); }

bool choice(const char* id, std::string_view label, bool selected, float width) {
  const ImGuiStyle& style = ImGui::GetStyle();
  if (width <= 0) width = ImGui::GetContentRegionAvail().x;
  float pad = theme::px(14);
  auto lines = wrap(label, width - 2 * pad - ImGui::GetFontSize());
  float line_h = ImGui::GetTextLineHeight();
  float height = std::max(theme::px(52), static_cast<float>(lines.size()) * line_h + 2 * theme::px(12));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  // InvisibleButton leaves keyboard navigation off unless asked.
  bool pressed = ImGui::InvisibleButton(id, ImVec2(width, height), ImGuiButtonFlags_EnableNav);
  bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  const auto& p = theme::palette();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImU32 bg = selected ? p.selected : (active || hovered) ? p.selected : p.panel;
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), bg, style.FrameRounding);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), selected ? p.accent : p.border, style.FrameRounding,
              0, selected ? theme::px(3) : theme::px(1));
  float y = pos.y + (height - lines.size() * line_h) / 2;
  for (const auto& l : lines) {
    dl->AddText(ImVec2(pos.x + pad, y), p.text, label.data() + l.begin, label.data() + l.end);
    y += line_h;
  }
  note_item(label);
  return pressed;
}

bool button(const char* label, bool primary, float width) {
  const auto& p = theme::palette();
  if (primary) {
    ImGui::PushStyleColor(ImGuiCol_Button, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, p.accent);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, p.accent);
    ImGui::PushStyleColor(ImGuiCol_Text, p.accent_text);
  }
  bool pressed = ImGui::Button(label, ImVec2(width, std::max(theme::px(44), ImGui::GetFrameHeight())));
  note_item(label);
  if (primary) ImGui::PopStyleColor(4);
  return pressed;
}

void progress(float fraction, std::string_view overlay) {
  std::string o(overlay);
  ImGui::ProgressBar(std::clamp(fraction, 0.0f, 1.0f), ImVec2(-1, theme::px(10)), "");
  muted(o);
}

void drag_scroll() {
  ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem | ImGuiHoveredFlags_ChildWindows)) return;
  if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, theme::px(8))) return;
  // The press that began the drag must not become a click.
  if (ImGui::GetActiveID() != 0 && ImGui::GetActiveID() != ImGui::GetWindowScrollbarID(ImGui::GetCurrentWindow(), ImGuiAxis_Y))
    ImGui::ClearActiveID();
  ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
}

void separator_space() {
  ImGui::Dummy(ImVec2(0, theme::px(6)));
  ImGui::Separator();
  ImGui::Dummy(ImVec2(0, theme::px(6)));
}

bool card(const char* id, std::string_view title, const std::vector<Part>& parts, bool bar, double lo, double hi, double scale_max) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto& p = theme::palette();
  float width = ImGui::GetContentRegionAvail().x;
  float pad = theme::px(12);
  float line_h = ImGui::GetTextLineHeight();
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.08f);
  auto lines = wrap(title, width - 2 * pad - ImGui::GetFontSize());
  float title_h = ImGui::GetTextLineHeight();
  ImGui::PopFont();
  float bar_h = bar ? theme::px(14) : 0;
  float height = pad + lines.size() * title_h + theme::px(4) + line_h + bar_h + pad;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id, ImVec2(width, height), ImGuiButtonFlags_EnableNav);
  bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), hot ? p.selected : p.panel, style.FrameRounding);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), p.border, style.FrameRounding);
  float y = pos.y + pad;
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.08f);
  for (const auto& l : lines) {
    dl->AddText(ImVec2(pos.x + pad, y), p.text, title.data() + l.begin, title.data() + l.end);
    y += title_h;
  }
  ImGui::PopFont();
  y += theme::px(4);
  float x = pos.x + pad;
  for (const auto& part : parts) {
    if (part.text.empty()) continue;
    dl->AddText(ImVec2(x, y), part.color, part.text.c_str());
    x += ImGui::CalcTextSize(part.text.c_str()).x + theme::px(12);
  }
  y += line_h;
  if (bar && scale_max > 0) {
    float bw = width - 2 * pad, bh = theme::px(8);
    ImVec2 b(pos.x + pad, y + theme::px(3));
    auto x_of = [&](double v) { return b.x + static_cast<float>(std::min(1.0, std::max(0.0, v / scale_max))) * bw; };
    dl->AddRectFilled(b, ImVec2(b.x + bw, b.y + bh), p.border, bh / 2);
    double top = std::isfinite(hi) ? hi : scale_max;
    if (top > lo) dl->AddRectFilled(ImVec2(x_of(lo), b.y), ImVec2(std::max(x_of(top), x_of(lo) + 2), b.y + bh), p.bar_range, bh / 2);
    if (lo > 0) dl->AddRectFilled(b, ImVec2(std::max(x_of(lo), b.x + 2), b.y + bh), p.bar, bh / 2);
  }
  note_item(title);
  return pressed;
}

}  // namespace shisaku::app::widgets
