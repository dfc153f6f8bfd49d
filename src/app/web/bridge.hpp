// Everything the app asks of the page, in one place (the browser's side is web/shisaku.js):
// the URL, the clipboard, new tabs, downloads, the screen-reader mirror, the IME input overlay.
// No request ever leaves the page's origin.
#pragma once

#include <string>
#include <vector>

namespace shisaku::app::web {

std::string query();     // location.search
std::string fragment();  // location.hash without '#'
// The URL fragment follows the state: `push` makes it a new history entry (an answer, a screen),
// otherwise the current entry is replaced (restoring a link, a kiosk reset).
void set_fragment(const std::string& f, bool push = true);
void clear_url_state(bool push = false);
std::string share_url(const std::string& fragment);  // this page's URL with that fragment
void copy_text(const std::string& text);
void open_url(const std::string& url);  // new tab, noopener
void download(const std::string& filename, const std::string& mime, const std::string& content);
void open_printable(const std::string& html);
void mirror(const std::string& html);  // the aria-live region
// The DOM <input> over the catalog's search field (CSS pixels); hidden when !visible.
void search_box(float x, float y, float w, float h, bool visible, const std::string& placeholder);
// Real links laid over what the canvas draws (CSS pixels): tel: and https: addresses that a
// finger can tap and a browser can open, copy or read aloud. The page keeps one <a> per link;
// an unchanged list costs nothing.
struct Link {
  float x, y, w, h;
  std::string href, label;
};
void links(const std::vector<Link>& list);
void clear_storage();  // kiosk reset: storage, caches of answers, the URL
std::string rules_bytes();  // the part of the rules the page handed over (compiled_rules.hpp)
std::string rules_file();   // and its file name
// Asks the page to fetch a part of the rules; it answers through shisaku_rules_part (or
// shisaku_rules_part_failed). Asking twice for the same file fetches it once.
void request_rules(const std::string& file);
double device_pixel_ratio();
double now_seconds();  // a wall clock (ImGui's time stands still while no frame is drawn)
// The app is set up: the page hands over the first part of the rules and starts the frames
// (shisaku_start_frames), the rules first unless they are slow to come.
void set_up_done();
// The first frame is drawn: the page hides its loader.
void first_frame_drawn();
// The rules are loaded: the page's API (window.shisaku) is ready.
void rules_ready();
// The first part of the rules is broken: the page shows why, and its link to programs.html.
void rules_failed(const std::string& why);

}  // namespace shisaku::app::web
