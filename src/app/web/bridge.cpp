#include "bridge.hpp"

#include <cstdio>
#include <cstdlib>

#include <emscripten.h>

// Strings cross as UTF-8 C strings; JS returns malloc'd copies that C++ frees.
EM_JS(char*, js_string_result, (int which), {
  var s = "";
  if (which === 0) s = location.search;
  if (which === 1) s = location.hash.replace(/^#/, "");
  if (which === 2) s = Module['rulesName'] || "rules";
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// The bytes of a rules part the page handed over (web/shisaku.js handRules), malloc'd.
EM_JS(char*, js_rules_bytes, (int* size), {
  var bytes = Module['rulesBytes'] || new Uint8Array(0);
  Module['rulesBytes'] = null;
  var p = _malloc(bytes.length + 1);
  HEAPU8.set(bytes, p);
  HEAP32[size >> 2] = bytes.length;
  return p;
});
EM_JS(char*, js_share_url, (const char* fragment), {
  // The link is for the visitor's phone: not in kiosk mode, and without its idle timeout.
  var url = new URL(location.href);
  url.hash = "";
  url.searchParams.delete("kiosk");
  url.searchParams.delete("idle");
  var s = url.href + "#" + UTF8ToString(fragment);
  var n = lengthBytesUTF8(s) + 1;
  var p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
EM_JS(void, js_set_fragment, (const char* f, int push), {
  // Every answer and every screen is an entry of the browser's history: Back and Forward (and
  // Android's back gesture) step through the interview instead of leaving the page.
  var url = location.href.replace(/#.*$/, "") + (UTF8ToString(f) ? "#" + UTF8ToString(f) : "");
  if (url === location.href) return;
  if (push) history.pushState(null, "", url);
  else history.replaceState(null, "", url);
});
EM_JS(void, js_call, (const char* name, const char* a, const char* b, const char* c), {
  Module['shisakuPage'][UTF8ToString(name)](UTF8ToString(a), UTF8ToString(b), UTF8ToString(c));
});
EM_JS(void, js_search_box, (float x, float y, float w, float h, int visible, const char* placeholder), {
  Module['shisakuPage']['searchBox'](x, y, w, h, !!visible, UTF8ToString(placeholder));
});
EM_JS(double, js_dpr, (), { return window.devicePixelRatio || 1; });

namespace shisaku::app::web {
namespace {
std::string take(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}
void call(const char* name, const std::string& a = "", const std::string& b = "", const std::string& c = "") {
  js_call(name, a.c_str(), b.c_str(), c.c_str());
}
}  // namespace

std::string query() { return take(js_string_result(0)); }
std::string fragment() { return take(js_string_result(1)); }
std::string rules_file() { return take(js_string_result(2)); }
std::string rules_bytes() {
  int size = 0;
  char* p = js_rules_bytes(&size);
  std::string s(p, static_cast<std::size_t>(size));
  std::free(p);
  return s;
}
void set_fragment(const std::string& f, bool push) { js_set_fragment(f.c_str(), push ? 1 : 0); }
void clear_url_state(bool push) { js_set_fragment("", push ? 1 : 0); }
std::string share_url(const std::string& fragment) { return take(js_share_url(fragment.c_str())); }
void copy_text(const std::string& text) { call("copyText", text); }
void open_url(const std::string& url) { call("openUrl", url); }
void download(const std::string& filename, const std::string& mime, const std::string& content) { call("download", filename, mime, content); }
void open_printable(const std::string& html) { call("openPrintable", html); }
void mirror(const std::string& html) { call("mirror", html); }
void search_box(float x, float y, float w, float h, bool visible, const std::string& placeholder) {
  js_search_box(x, y, w, h, visible ? 1 : 0, placeholder.c_str());
}
void links(const std::vector<Link>& list) {
  static std::string last;
  std::string json = "[";
  auto quoted = [](const std::string& t) {
    std::string out = "\"";
    for (char ch : t) {
      if (ch == '"' || ch == '\\') out += '\\';
      if (static_cast<unsigned char>(ch) >= 0x20) out += ch;
    }
    return out + "\"";
  };
  for (const Link& l : list) {
    char box[96];
    std::snprintf(box, sizeof box, "%.1f,%.1f,%.1f,%.1f", l.x, l.y, l.w, l.h);
    json += (json.size() > 1 ? ",[" : "[") + std::string(box) + "," + quoted(l.href) + "," + quoted(l.label) + "]";
  }
  json += "]";
  if (json == last) return;  // most frames: nothing moved
  last = json;
  call("links", json);
}
void clear_storage() { call("clearStorage"); }
void request_rules(const std::string& file) { call("requestRules", file); }
double device_pixel_ratio() { return js_dpr(); }
double now_seconds() { return emscripten_get_now() / 1000.0; }
void set_up_done() { call("setUpDone"); }
void first_frame_drawn() { call("firstFrame"); }
void rules_ready() { call("rulesReady"); }
void rules_failed(const std::string& why) { call("rulesFailed", why); }

}  // namespace shisaku::app::web
