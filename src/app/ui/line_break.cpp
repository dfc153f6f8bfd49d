#include "line_break.hpp"

#include <algorithm>

namespace shisaku::app {
namespace {

struct Unit {
  std::size_t begin, end;  // bytes
  unsigned first, last;    // first and last code point
  float width;
  bool space;
  bool newline;
};

unsigned decode(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 1;
  if (i + static_cast<std::size_t>(len) > s.size()) len = 1;
  unsigned cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += static_cast<std::size_t>(len);
  return cp;
}

// Characters that break anywhere (CJK ideographs, kana, full-width forms and punctuation).
bool breaks_anywhere(unsigned cp) { return cp >= 0x2E80 || (cp >= 0x2000 && cp <= 0x206F && cp != 0x2010 && cp != 0x2011); }

bool is_ideograph(unsigned cp) { return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF); }

bool is_space(unsigned cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }

// Latin words and numbers stay together; every Japanese character is its own unit.
std::vector<Unit> segment(std::string_view text, const AdvanceFn& advance) {
  std::vector<Unit> units;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    unsigned cp = decode(text, i);
    if (cp == '\n') {
      units.push_back({start, i, cp, cp, 0, false, true});
      continue;
    }
    if (cp == '\r') continue;
    Unit u{start, i, cp, cp, advance(cp), is_space(cp), false};
    if (!u.space && !breaks_anywhere(cp)) {
      while (i < text.size()) {
        std::size_t j = i;
        unsigned next = decode(text, j);
        if (next == '\n' || is_space(next) || breaks_anywhere(next)) break;
        u.width += advance(next);
        u.last = next;
        i = j;
        u.end = i;
      }
      // A number keeps the counter or unit that follows it: "148件", "5,500万" never split.
      if (u.last >= '0' && u.last <= '9' && i < text.size()) {
        std::size_t j = i;
        unsigned next = decode(text, j);
        if (is_ideograph(next)) {
          u.width += advance(next);
          u.last = next;
          i = j;
          u.end = i;
        }
      }
    }
    units.push_back(u);
  }
  return units;
}

// Closing punctuation that may hang past the right edge instead of being pushed down.
bool may_hang(unsigned cp) {
  return cp == 0x3001 || cp == 0x3002 || cp == 0xFF0C || cp == 0xFF0E || cp == 0x300D || cp == 0x300F || cp == 0xFF09 ||
         cp == 0x3011;
}

}  // namespace

bool may_not_start_line(unsigned cp) {
  static const unsigned kList[] = {
      0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x002C, 0x002E, 0x300D, 0x300F, 0xFF09, 0x3011, 0x3015, 0x3009, 0x300B, 0xFF3D, 0xFF5D, 0x3017,
      0x3019, 0x30FB, 0x30FC, 0x2025, 0x2026, 0x301C, 0xFF5E, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0x0021, 0x003F, 0x003A, 0x003B, 0x0029,
      0x005D, 0x007D, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E, 0x3095, 0x3096, 0x30A1, 0x30A3,
      0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x3005, 0x203C,
      0x2047, 0x2048, 0x2049, 0xFF05, 0x0025, 0x2019, 0x201D, 0x00B7};
  return std::find(std::begin(kList), std::end(kList), cp) != std::end(kList);
}

bool may_not_end_line(unsigned cp) {
  static const unsigned kList[] = {0x300C, 0x300E, 0xFF08, 0x3010, 0x3014, 0x3008, 0x300A, 0xFF3B, 0xFF5B, 0x3016, 0x3018,
                                   0x0028, 0x005B, 0x007B, 0x2018, 0x201C, 0xFFE5, 0x00A5, 0xFF04};
  return std::find(std::begin(kList), std::end(kList), cp) != std::end(kList);
}

std::vector<LineSpan> break_lines(std::string_view text, float max_width, const AdvanceFn& advance) {
  std::vector<LineSpan> lines;
  std::vector<Unit> units = segment(text, advance);
  std::vector<Unit> line;  // units of the line being filled
  float width = 0;

  auto flush = [&] {
    while (!line.empty() && line.back().space) line.pop_back();
    std::size_t b = line.empty() ? 0 : line.front().begin;
    std::size_t e = line.empty() ? 0 : line.back().end;
    if (line.empty() && !lines.empty()) b = e = lines.back().end;
    lines.push_back({b, e});
    line.clear();
    width = 0;
  };
  auto push = [&](const Unit& u) {
    if (line.empty() && u.space) return;  // no leading spaces on a wrapped line
    line.push_back(u);
    width += u.width;
  };

  for (std::size_t k = 0; k < units.size(); ++k) {
    const Unit& u = units[k];
    if (u.newline) {
      flush();
      continue;
    }
    if (u.space || width + u.width <= max_width || line.empty()) {
      if (!u.space && line.empty() && u.width > max_width && u.end - u.begin > 1) {
        // A word wider than the line: cut it by characters.
        std::size_t i = u.begin;
        while (i < u.end) {
          std::size_t s = i;
          unsigned cp = decode(text, i);
          Unit c{s, i, cp, cp, advance(cp), false, false};
          if (!line.empty() && width + c.width > max_width) flush();
          push(c);
        }
        continue;
      }
      push(u);
      continue;
    }
    // u does not fit.
    if (may_hang(u.first) && u.end - u.begin <= 3) {
      push(u);  // hang 、。」 past the edge (ぶら下げ)
      continue;
    }
    std::vector<Unit> carry;
    // 追い出し: move units to the next line while it would start with a prohibited character
    // or this line would end with an opening bracket.
    if (may_not_start_line(u.first))
      while (line.size() > 1 && carry.size() < 4) {
        carry.insert(carry.begin(), line.back());
        line.pop_back();
        if (!may_not_start_line(carry.front().first)) break;
      }
    while (line.size() > 1 && may_not_end_line(line.back().last) && carry.size() < 4) {
      carry.insert(carry.begin(), line.back());
      line.pop_back();
    }
    flush();
    for (const auto& c : carry) push(c);
    push(u);
  }
  if (!line.empty() || lines.empty()) flush();
  return lines;
}

}  // namespace shisaku::app
