// Entering a number on a touch screen: a keypad (typed digits work too), a unit for amounts in
// yen (万円 / 千円 / 円, so nobody keys eight zeros), the value echoed the way amounts are written
// (3,000万円), and every refusal said in the person's language, with the question's name and its
// range, for as long as the entry is wrong.
#include <cmath>
#include <cstdlib>
#include <string>

#include "format.hpp"
#include "screens.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::screens {
namespace {

std::string unit_text(const App& app, const Question& q) {
  const auto& units = app.wizard.catalog().meta.units;
  auto unit = units.find(q.unit);
  return unit != units.end() ? unit->second.in(app.lang()) : "";
}

// 「0〜200人」, 「0円〜1億円」, "0–200 people", "¥0–¥100,000,000".
std::string range_text(const App& app, const Question& q) {
  const bool ja = app.lang() == Lang::Ja;
  auto one = [&](double v) {
    if (q.unit == "yen") return format_yen(v, app.lang());
    return std::fabs(v) >= 1000 && v == std::floor(v) ? group_thousands(static_cast<long long>(v)) : logic::number_to_string(v);
  };
  std::string unit = q.unit == "yen" || q.unit == "ratio" ? "" : unit_text(app, q);
  if (!ja && !unit.empty()) unit = " " + unit;  // "0–200 people"
  return one(q.min) + (ja ? "〜" : "–") + one(q.max) + unit;
}

std::string name_of(const App& app, const Question& q) {
  return q.short_label.empty() ? std::string(app.lang() == Lang::Ja ? "この値" : "This value") : q.short_label.in(app.lang());
}

}  // namespace

Draft& draft_for(App& app, const Question& q) {
  Draft& d = app.draft;
  if (d.slot == q.slot) return d;
  d = Draft{};
  d.slot = q.slot;
  const logic::Value* v = app.wizard.answers().value(q.slot);
  if (q.type == QuestionType::Number) {
    // Amounts in yen are keyed in 万円 unless the answer is not a round number of them.
    double n = v ? v->as_number() : 0;
    if (q.unit == "yen") d.multiplier = std::fmod(n, 10000) == 0 ? 10000 : std::fmod(n, 1000) == 0 ? 1000 : 1;
    if (v) d.number = logic::number_to_string(n / d.multiplier);
  }
  if (q.type == QuestionType::Multi && v)
    for (const auto& e : v->as_array()) d.choices.push_back(e.as_string());
  return d;
}

std::optional<std::string> number_problem(const App& app, const Question& q, const std::string& digits, double multiplier) {
  const bool ja = app.lang() == Lang::Ja;
  const std::string name = name_of(app, q), range = range_text(app, q);
  if (digits.empty() || digits == ".") return std::nullopt;
  if (digits[0] == '-')
    return ja ? "マイナスの値は入力できません。" + name + "は" + range + "で入力してください。"
              : "Negative values are not accepted: enter " + name + " between " + range + ".";
  double v = std::strtod(digits.c_str(), nullptr) * multiplier;
  if ((q.has_min && v < q.min) || (q.has_max && v > q.max) || !std::isfinite(v))
    return ja ? name + "は" + range + "の範囲で入力してください。" : "Enter " + name + " between " + range + ".";
  if (q.integer && v != std::floor(v)) return ja ? name + "は整数で入力してください。" : "Enter " + name + " as a whole number.";
  return std::nullopt;
}

std::optional<double> number_entry(App& app, const Question& q, Draft& d, bool confirm_button) {
  ImGuiIO& io = ImGui::GetIO();
  const bool yen = q.unit == "yen";
  const bool ja = app.lang() == Lang::Ja;
  // A key is taken only if what it leaves is still a number in range (or could become one).
  auto press = [&](char key) {
    std::string next = d.number;
    if (key == '\b') {
      if (!next.empty()) next.pop_back();
    } else if (key == '-') {
      if (!next.empty()) return;
      next = "-";
    } else if (key == '.') {
      if (q.integer || next.find('.') != std::string::npos) return;
      next += next.empty() ? "0." : ".";
    } else if (next.size() < 15) {
      next = next == "0" ? std::string(1, key) : next + key;
    }
    // Too big already can only get bigger: refuse the digit, and say why.
    double v = next.empty() || next == "-" ? 0 : std::strtod(next.c_str(), nullptr) * d.multiplier;
    if (key != '\b' && next[0] != '-' && q.has_max && v > q.max) {
      d.refusal = *number_problem(app, q, next, d.multiplier);
      return;
    }
    d.refusal.clear();
    d.number = next;
  };
  for (ImWchar c : io.InputQueueCharacters)
    if ((c >= '0' && c <= '9') || c == '.' || c == '-') press(static_cast<char>(c));
  if (ImGui::IsKeyPressed(ImGuiKey_Backspace)) press('\b');

  if (yen) {
    // The unit the digits are in.
    static const std::pair<double, UiText> kUnits[] = {{10000, {"万円", "×¥10,000"}}, {1000, {"千円", "×¥1,000"}}, {1, {"円", "yen"}}};
    for (std::size_t i = 0; i < 3; ++i) {
      if (i) ImGui::SameLine();
      ImGui::PushID(static_cast<int>(i));
      if (widgets::chip("unit", kUnits[i].second.in(app.lang()), d.multiplier == kUnits[i].first)) {
        d.multiplier = kUnits[i].first;
        d.refusal.clear();
      }
      ImGui::PopID();
    }
  }
  const std::string unit = yen ? (d.multiplier == 10000 ? (ja ? "万円" : "× ¥10,000") : d.multiplier == 1000 ? (ja ? "千円" : "× ¥1,000") : (ja ? "円" : "yen"))
                               : unit_text(app, q);
  std::string shown = (d.number.empty() ? std::string("—") : d.number) + " " + unit;
  ImGui::PushFont(nullptr, ImGui::GetStyle().FontSizeBase * 1.6f);
  ImGui::TextUnformatted(shown.c_str());
  ImGui::PopFont();
  std::optional<std::string> problem = number_problem(app, q, d.number, d.multiplier);
  const bool valid = !d.number.empty() && d.number != "-" && d.number != "." && !problem;
  // The value as amounts are written, so 30000000 reads 3,000万円.
  if (valid && yen) widgets::text((ja ? "＝ " : "= ") + format_yen(std::strtod(d.number.c_str(), nullptr) * d.multiplier, app.lang()));
  if (!d.refusal.empty())
    widgets::text(d.refusal, theme::palette().error);
  else if (problem)
    widgets::text(*problem, theme::palette().error);
  else
    widgets::muted(range_text(app, q));

  static const char* kKeys[] = {"7", "8", "9", "4", "5", "6", "1", "2", "3", "0", ".", "⌫"};
  float avail = std::min(ImGui::GetContentRegionAvail().x, theme::px(360));
  float gap = ImGui::GetStyle().ItemSpacing.x;
  float key_w = (avail - 2 * gap) / 3;
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    bool disabled = kKeys[i][0] == '.' && (q.integer || d.number.find('.') != std::string::npos);
    ImGui::BeginDisabled(disabled);
    // Lower keys on a short screen, so 決定 stays in view above the bar.
    const float key_h = theme::px(ImGui::GetMainViewport()->Size.y < theme::px(800) ? 40 : 48);
    bool pressed = ImGui::Button(kKeys[i], ImVec2(key_w, key_h));
    widgets::note_item(kKeys[i]);
    if (pressed) press(i == 11 ? '\b' : kKeys[i][0]);
    ImGui::EndDisabled();
  }
  const double value = valid ? std::strtod(d.number.c_str(), nullptr) * d.multiplier : 0;
  if (!confirm_button) return valid ? std::optional<double>(value) : std::nullopt;
  // Enter confirms what was typed; while the keyboard focus is shown, Enter presses the
  // focused key instead (ImGui's navigation), so it must not confirm as well.
  bool enter = !io.NavVisible && (ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter));
  ImGui::BeginDisabled(!valid);
  bool confirmed = widgets::button(app.t(ui::kConfirm), true, avail) || enter;
  ImGui::EndDisabled();
  return confirmed && valid ? std::optional<double>(value) : std::nullopt;
}

}  // namespace shisaku::app::screens
