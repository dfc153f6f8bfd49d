// Everything the page's URL decides, read once at start-up into one struct (the screens never
// look at the URL themselves): ?lang=en, ?kiosk=1, ?idle=120, ?contrast=high, ?text=1.25,
// ?view=new.
#pragma once

#include <string>

#include "text.hpp"

namespace shisaku::app {

struct Settings {
  Lang lang = Lang::Ja;
  bool kiosk = false;
  int idle_seconds = 90;  // kiosk: reset after this long without input
  bool high_contrast = false;
  float text_scale = 1.0f;  // A− / A+
  bool share_in_url = true;  // keep the answers in the URL fragment (never in kiosk mode)
  // ?font=nocjk: draw no Japanese glyphs, as on a device without a Japanese font; the
  // screenshot test uses it to show that its check can fail.
  bool cjk_glyphs = true;
  // ?view=new: open on the newest fiscal year's new and expanded programmes (a seminar kiosk's
  // first screen; it returns there after each visitor).
  bool view_new = false;

  // Parses a query string such as "?kiosk=1&lang=en"; unknown keys and bad values are ignored.
  static Settings from_query(const std::string& query);
};

}  // namespace shisaku::app
