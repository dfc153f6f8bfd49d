// Japanese line breaking (禁則処理): width respected, no line starts with closing punctuation
// or small kana, none ends with an opening bracket, numbers stay whole.
#include <catch2/catch.hpp>

#include <string>

#include "line_break.hpp"

using namespace shisaku::app;

namespace {
// Every Japanese character is 1 wide, ASCII 0.5.
float advance(unsigned cp) { return cp < 0x80 ? 0.5f : 1.0f; }

std::vector<std::string> lines(const std::string& text, float width) {
  std::vector<std::string> out;
  for (const auto& l : break_lines(text, width, advance)) out.push_back(text.substr(l.begin, l.end - l.begin));
  return out;
}
}  // namespace

TEST_CASE("Japanese text without spaces wraps at the width", "[line_break]") {
  auto l = lines("あいうえおかきくけこさしすせそ", 5);
  REQUIRE(l.size() == 3);
  CHECK(l[0] == "あいうえお");
  CHECK(l[2] == "さしすせそ");
}

TEST_CASE("closing punctuation hangs instead of starting a line", "[line_break]") {
  auto l = lines("あいうえお。かきくけこ", 5);
  REQUIRE(l.size() == 2);
  CHECK(l[0] == "あいうえお。");
  CHECK(l[1] == "かきくけこ");
}

TEST_CASE("small kana and long vowel marks pull the previous character along", "[line_break]") {
  auto l = lines("あいうえシャ", 5);
  CHECK(l == std::vector<std::string>{"あいうえ", "シャ"});
  l = lines("あいうえスー", 5);
  CHECK(l == std::vector<std::string>{"あいうえ", "スー"});
}

TEST_CASE("an opening bracket never ends a line", "[line_break]") {
  auto l = lines("あいうえ「かき」", 5);
  CHECK(l[0] == "あいうえ");
  CHECK(l[1] == "「かき」");
}

TEST_CASE("numbers and Latin words stay whole", "[line_break]") {
  auto l = lines("上限は5,500万円です", 5);
  for (const auto& s : l) CHECK((s.find("5,500") != std::string::npos || s.find('5') == std::string::npos));
  // …and keep the counter or unit after them.
  l = lines("あいうえ148件です", 5);
  CHECK(l == std::vector<std::string>{"あいうえ", "148件です"});
  l = lines("あいう5,500万円", 5);
  CHECK(l == std::vector<std::string>{"あいう", "5,500万円"});
  l = lines("see the README file", 4);
  CHECK(l == std::vector<std::string>{"see the", "README", "file"});
}

TEST_CASE("explicit newlines and over-long words", "[line_break]") {
  CHECK(lines("あい\nう", 10) == std::vector<std::string>{"あい", "う"});
  CHECK(lines("abcdefghijkl", 2).size() == 3);
  CHECK(lines("", 5).size() == 1);
}

TEST_CASE("no line but the last starts with a prohibited character, on real text", "[line_break]") {
  std::string t = "都市部の人などが一定期間（2週間～1か月程度）地方に滞在し、働いて収入を得ながら、地域住民との交流や学びの場などを通じて地域での暮らしを体感していただくもの。";
  for (float w : {4.f, 5.f, 7.f, 9.f, 13.f}) {
    auto spans = break_lines(t, w, advance);
    for (std::size_t i = 1; i < spans.size(); ++i) {
      std::size_t b = spans[i].begin;
      unsigned cp = 0;
      auto c = static_cast<unsigned char>(t[b]);
      if (c >= 0xE0) cp = ((c & 0x0F) << 12) | ((t[b + 1] & 0x3F) << 6) | (t[b + 2] & 0x3F);
      INFO("width " << w << " line " << i);
      CHECK(!may_not_start_line(cp));
    }
  }
}

TEST_CASE("a middle dot (·, as between a chapter's number and title) does not start a line", "[line_break]") {
  CHECK(may_not_start_line(0x00B7));
  // Two cells a line: the dot stays on the line of the character before it.
  CHECK(lines("あい·う", 2) == std::vector<std::string>{"あ", "い·", "う"});
  CHECK(lines("あい·う", 3) == std::vector<std::string>{"あい·", "う"});
}
