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

float widest(std::string_view s, const std::vector<LineSpan>& lines) {
  float w = 0;
  for (const auto& l : lines) w = std::max(w, ImGui::CalcTextSize(s.data() + l.begin, s.data() + l.end).x);
  return w;
}
}  // namespace

const std::vector<DrawnItem>& drawn_items() { return g_items; }
void begin_frame_items() { g_items.clear(); }
void note_item(std::string_view label, float text_w, bool focus_ring) {
  if (text_w < 0) text_w = ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 2 * ImGui::GetStyle().FramePadding.x;
  bool focused = focus_ring && ImGui::IsItemFocused() && GImGui->NavCursorVisible;
  const ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const bool visible = min.y >= clip.Min.y - 1 && std::min(max.y, min.y + theme::px(40)) <= clip.Max.y + 1;
  g_items.push_back({std::string(label), min, max, focused, {}, text_w, visible});
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

bool fold(std::string_view label, const char* id) {
  const ImGuiStyle style = ImGui::GetStyle();  // a copy: the padding is changed below
  // The arrow and the gap after it take a font size and the padding before and after.
  const float arrow = ImGui::GetFontSize() + 2 * style.FramePadding.x;
  const float room = ImGui::GetContentRegionAvail().x - arrow - style.FramePadding.x;
  std::string shown;
  float widest = 0;
  for (const LineSpan& l : wrap(label, room)) {
    if (!shown.empty()) shown += '\n';
    std::string_view line = label.substr(l.begin, l.end - l.begin);
    shown.append(line);
    widest = std::max(widest, ImGui::CalcTextSize(line.data(), line.data() + line.size()).x);
  }
  // At least a finger's height, as the buttons.
  const float lines = static_cast<float>(std::count(shown.begin(), shown.end(), '\n') + 1);
  const float pad_y = std::max(style.FramePadding.y, (theme::px(44) - lines * ImGui::GetFontSize()) / 2);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(style.FramePadding.x, pad_y));
  const bool open = ImGui::CollapsingHeader((shown + "###" + id).c_str());
  ImGui::PopStyleVar();
  note_item(label, arrow + widest + style.FramePadding.x, false);
  return open;
}

void text(std::string_view s, ImU32 color) {
  // Keep one character of room at the right for punctuation that hangs (ぶら下げ).
  float width = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize(), ImGui::GetFontSize() * 2);
  if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
  for (const auto& line : wrap(s, width)) ImGui::TextUnformatted(s.data() + line.begin, s.data() + line.end);
  if (color) ImGui::PopStyleColor();
}

void link(std::string_view s, const std::string& href, float scale) {
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * scale);
  const ImU32 color = theme::palette().link;
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  float width = std::max(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize(), ImGui::GetFontSize() * 2);
  for (const auto& line : wrap(s, width)) {
    ImGui::TextUnformatted(s.data() + line.begin, s.data() + line.end);
    ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y - 1), ImVec2(max.x, max.y - 1), color, std::max(1.0f, theme::px(1)));
    // Only what is in view: a link scrolled under the top bar must not cover its buttons.
    if (ImGui::IsItemVisible() && ImGui::IsRectVisible(min, max)) {
      ImRect clip = ImGui::GetCurrentWindow()->ClipRect;
      if (min.y >= clip.Min.y && max.y <= clip.Max.y) g_items.push_back({std::string(s), min, max, false, href, max.x - min.x, true});
    }
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();
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
  float line_h = ImGui::GetTextLineHeight() + theme::px(3);  // wrapped lines get a little air
  float height = std::max(theme::px(52), static_cast<float>(lines.size()) * line_h - theme::px(3) + 2 * theme::px(12));
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
  float y = pos.y + (height - (lines.size() * line_h - theme::px(3))) / 2;
  for (const auto& l : lines) {
    dl->AddText(ImVec2(pos.x + pad, y), p.text, label.data() + l.begin, label.data() + l.end);
    y += line_h;
  }
  note_item(label, widest(label, lines) + 2 * pad);
  return pressed;
}

namespace {

// The lines of a label in the current font, each drawn centred in `width`.
struct Label {
  std::vector<LineSpan> lines;
  float height;
};
Label layout_label(std::string_view s, float width) {
  float inner = std::max(width - 2 * ImGui::GetStyle().FramePadding.x, ImGui::GetFontSize());
  Label l{wrap(s, inner), 0};
  // Wrapped lines get a little air between them.
  l.height = static_cast<float>(l.lines.size()) * ImGui::GetTextLineHeight() + static_cast<float>(l.lines.size() - 1) * theme::px(3);
  return l;
}

void draw_label(ImDrawList* dl, std::string_view s, const Label& l, ImVec2 min, ImVec2 max, ImU32 color) {
  float y = min.y + (max.y - min.y - l.height) / 2;
  for (const auto& line : l.lines) {
    float w = ImGui::CalcTextSize(s.data() + line.begin, s.data() + line.end).x;
    dl->AddText(ImVec2(min.x + (max.x - min.x - w) / 2, y), color, s.data() + line.begin, s.data() + line.end);
    y += ImGui::GetTextLineHeight() + theme::px(3);
  }
}

}  // namespace

bool button(const char* label, bool primary, float width) {
  const auto& p = theme::palette();
  const ImGuiStyle& style = ImGui::GetStyle();
  std::string_view text(label);
  // "Label##id": the part after ## keeps the id unique and is not shown.
  std::size_t hidden = text.find("##");
  std::string_view shown = text.substr(0, hidden);
  float natural = ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x + 2 * style.FramePadding.x;
  if (width <= 0) width = std::min(natural, ImGui::GetContentRegionAvail().x);
  Label l = layout_label(shown, width);
  float height = std::max(theme::px(44), l.height + 2 * style.FramePadding.y);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(label, ImVec2(width, height), ImGuiButtonFlags_EnableNav);
  bool hot = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  ImU32 bg = primary ? p.accent : ImGui::GetColorU32(active ? ImGuiCol_ButtonActive : hot ? ImGuiCol_ButtonHovered : ImGuiCol_Button);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + width, pos.y + height);
  dl->AddRectFilled(pos, max, bg, style.FrameRounding);
  if (primary && (hot || active)) dl->AddRect(pos, max, p.text, style.FrameRounding, 0, theme::px(2));
  draw_label(dl, shown, l, pos, max, primary ? p.accent_text : p.text);
  note_item(shown, widest(shown, l.lines) + 2 * style.FramePadding.x);
  return pressed;
}

int button_row(const std::vector<std::string>& labels, int primary) {
  const ImGuiStyle& style = ImGui::GetStyle();
  float avail = ImGui::GetContentRegionAvail().x;
  float gap = style.ItemSpacing.x;
  float each = (avail - gap * static_cast<float>(labels.size() - 1)) / static_cast<float>(labels.size());
  bool side_by_side = true;
  for (const auto& l : labels) {
    std::string_view shown = std::string_view(l).substr(0, l.find("##"));
    if (ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x + 2 * style.FramePadding.x > each) side_by_side = false;
  }
  int pressed = -1;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (i && side_by_side) ImGui::SameLine();
    if (button(labels[i].c_str(), static_cast<int>(i) == primary, side_by_side ? each : avail)) pressed = static_cast<int>(i);
  }
  return pressed;
}

bool chip(const char* id, std::string_view label, bool on) {
  const auto& p = theme::palette();
  const ImGuiStyle& style = ImGui::GetStyle();
  float pad = theme::px(10);
  float w = std::min(ImGui::CalcTextSize(label.data(), label.data() + label.size()).x + 2 * pad, ImGui::GetContentRegionAvail().x);
  Label l = layout_label(label, w + 2 * style.FramePadding.x - 2 * pad);
  float h = std::max(theme::px(36), l.height + theme::px(12));
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = ImGui::InvisibleButton(id, ImVec2(w, h), ImGuiButtonFlags_EnableNav);
  bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 max(pos.x + w, pos.y + h);
  dl->AddRectFilled(pos, max, on ? p.accent : hot ? p.selected : p.panel, h / 2);
  dl->AddRect(pos, max, on ? p.accent : p.border, h / 2, 0, theme::px(1));
  draw_label(dl, label, l, pos, max, on ? p.accent_text : p.text);
  note_item(label, widest(label, l.lines) + 2 * pad);
  return pressed;
}

void flow_next(std::string_view next_label) {
  float next_w = ImGui::CalcTextSize(next_label.data(), next_label.data() + next_label.size()).x + 2 * theme::px(10);
  float x2 = ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + next_w;
  if (x2 < ImGui::GetCurrentWindow()->WorkRect.Max.x) ImGui::SameLine();
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

bool card(const char* id, std::string_view title, const std::vector<std::vector<Part>>& rows, bool interactive) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const auto& p = theme::palette();
  const float width = ImGui::GetContentRegionAvail().x;
  const float pad = theme::px(12), gap = theme::px(10), leading = theme::px(3);
  const float inner = width - 2 * pad;
  // Lay everything out first: the card's height is known before it is drawn.
  struct Placed {
    const Part* part;
    LineSpan span;
    float x, y, size;
  };
  std::vector<Placed> placed;
  float y = pad;
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.08f);
  float title_h = ImGui::GetTextLineHeight();
  auto title_lines = wrap(title, inner - ImGui::GetFontSize());
  const float widest_title = widest(title, title_lines);
  ImGui::PopFont();
  y += static_cast<float>(title_lines.size()) * (title_h + leading) - leading + theme::px(6);
  for (const auto& row : rows) {
    float x = 0, row_h = 0;
    auto new_line = [&] {
      y += row_h + leading;
      x = 0;
      row_h = 0;
    };
    for (const auto& part : row) {
      if (part.text.empty()) continue;
      ImGui::PushFont(nullptr, style.FontSizeBase * part.scale);
      const float w = ImGui::CalcTextSize(part.text.c_str()).x, lh = ImGui::GetTextLineHeight();
      if (w <= inner) {
        if (x > 0 && x + w > inner) new_line();
        placed.push_back({&part, {0, part.text.size()}, x, y, ImGui::GetFontSize()});
        x += w + gap;
        row_h = std::max(row_h, lh);
      } else {
        // Longer than the card: it wraps on lines of its own.
        if (x > 0) new_line();
        for (const auto& line : wrap(part.text, inner - ImGui::GetFontSize())) {
          placed.push_back({&part, line, 0, y, ImGui::GetFontSize()});
          row_h = lh;
          new_line();
        }
      }
      ImGui::PopFont();
    }
    y += row_h + theme::px(4);
  }
  const float height = y + pad - theme::px(4);
  ImVec2 pos = ImGui::GetCursorScreenPos();
  bool pressed = false, hot = false;
  if (interactive) {
    pressed = ImGui::InvisibleButton(id, ImVec2(width, height), ImGuiButtonFlags_EnableNav);
    hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  } else {
    ImGui::Dummy(ImVec2(width, height));
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), hot ? p.selected : p.panel, style.FrameRounding);
  dl->AddRect(pos, ImVec2(pos.x + width, pos.y + height), p.border, style.FrameRounding);
  ImGui::PushFont(nullptr, style.FontSizeBase * 1.08f);
  float ty = pos.y + pad;
  for (const auto& l : title_lines) {
    dl->AddText(ImVec2(pos.x + pad, ty), p.text, title.data() + l.begin, title.data() + l.end);
    ty += title_h + leading;
  }
  ImGui::PopFont();
  for (const auto& pl : placed)
    dl->AddText(ImGui::GetFont(), pl.size, ImVec2(pos.x + pad + pl.x, pos.y + pl.y), pl.part->color, pl.part->text.c_str() + pl.span.begin,
                pl.part->text.c_str() + pl.span.end);
  note_item(title, widest_title + 2 * pad);
  return pressed;
}

}  // namespace shisaku::app::widgets
