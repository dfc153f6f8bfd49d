#include "qr.hpp"

#include <map>
#include <vector>

#include "imgui.h"
#include "qrcodegen.hpp"

namespace shisaku::app::widgets {
namespace {

struct Matrix {
  int size = 0;
  std::vector<bool> dark;
};

// Encoding happens once per text, not per frame.
const Matrix* matrix_for(const std::string& text) {
  static std::map<std::string, Matrix> cache;
  auto it = cache.find(text);
  if (it != cache.end()) return &it->second;
  if (text.size() > 1500) return nullptr;  // far below version 40's capacity, so encodeText cannot throw
  qrcodegen::QrCode qr = qrcodegen::QrCode::encodeText(text.c_str(), qrcodegen::QrCode::Ecc::MEDIUM);
  Matrix m;
  m.size = qr.getSize();
  m.dark.resize(static_cast<std::size_t>(m.size * m.size));
  for (int y = 0; y < m.size; ++y)
    for (int x = 0; x < m.size; ++x) m.dark[static_cast<std::size_t>(y * m.size + x)] = qr.getModule(x, y);
  if (cache.size() > 32) cache.clear();
  return &cache.emplace(text, std::move(m)).first->second;
}

}  // namespace

bool qr_code(const std::string& text, float size) {
  const Matrix* m = matrix_for(text);
  if (!m) return false;
  ImVec2 pos = ImGui::GetCursorScreenPos();
  ImGui::Dummy(ImVec2(size, size));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const int quiet = 4;  // the quiet zone QR readers need
  float cell = size / static_cast<float>(m->size + 2 * quiet);
  dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), IM_COL32_WHITE);
  for (int y = 0; y < m->size; ++y)
    for (int x = 0; x < m->size; ++x)
      if (m->dark[static_cast<std::size_t>(y * m->size + x)]) {
        ImVec2 a(pos.x + (x + quiet) * cell, pos.y + (y + quiet) * cell);
        dl->AddRectFilled(a, ImVec2(a.x + cell, a.y + cell), IM_COL32_BLACK);
      }
  return true;
}

}  // namespace shisaku::app::widgets
