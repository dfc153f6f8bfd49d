#include "settings.hpp"

#include <cstdlib>

namespace shisaku::app {

Settings Settings::from_query(const std::string& query) {
  Settings s;
  bool text_given = false;
  std::string q = query;
  if (!q.empty() && q[0] == '?') q.erase(0, 1);
  std::size_t pos = 0;
  while (pos < q.size()) {
    std::size_t amp = q.find('&', pos);
    std::string part = q.substr(pos, amp == std::string::npos ? std::string::npos : amp - pos);
    std::size_t eq = part.find('=');
    std::string key = part.substr(0, eq), value = eq == std::string::npos ? "" : part.substr(eq + 1);
    if (key == "lang") s.lang = value == "en" ? Lang::En : Lang::Ja;
    if (key == "kiosk") s.kiosk = value == "1" || value == "true";
    if (key == "idle") {
      int n = std::atoi(value.c_str());
      if (n >= 5 && n <= 3600) s.idle_seconds = n;
    }
    if (key == "contrast") s.high_contrast = value == "high";
    if (key == "font") s.cjk_glyphs = value != "nocjk";
    if (key == "view") s.view_new = value == "new";
    if (key == "text") {
      float f = static_cast<float>(std::atof(value.c_str()));
      if (f >= 0.75f && f <= 2.0f) {
        s.text_scale = f;
        text_given = true;
      }
    }
    if (amp == std::string::npos) break;
    pos = amp + 1;
  }
  s.share_in_url = !s.kiosk;
  if (s.kiosk && !text_given) s.text_scale = 1.35f;  // read from a step back, touched with a finger
  return s;
}

}  // namespace shisaku::app
