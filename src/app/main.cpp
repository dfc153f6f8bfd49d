// The platform layer: GLFW (emulated by Emscripten) + WebGL2 + Dear ImGui, and the main loop.
// It draws only when something changed — input, a resize, a state change from the JavaScript
// API, a countdown — never 60 times a second at idle: a kiosk runs all day.
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <memory>
#include <string>

#include "app.hpp"
#include "catalog.hpp"
#include "compiled_rules.hpp"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"
#include "ui/canvas_font.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"
#include "web/api.hpp"
#include "web/bridge.hpp"

using namespace shisaku;
using namespace shisaku::app;

namespace {

struct Runtime {
  GLFWwindow* window = nullptr;
  CompiledRules rules;                // the parts of the rules loaded so far
  std::unique_ptr<Catalog> catalog;   // loaded from them
  std::unique_ptr<App> app;
  int fb_w = 0, fb_h = 0;
  double dpr = 0;
  bool themed_contrast = false;
  float themed_scale = 0;
  unsigned frames_drawn = 0;
  int redraw_frames = 1;
  bool first_frame_signalled = false;
  double last_kiosk_tick = 0;
};

Runtime g;

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
  float m = ev->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100 : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3 : 80.0f;
  ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(ev->deltaX) * -m, static_cast<float>(ev->deltaY) * -m);
  return EM_TRUE;
}

// Adds parts of the rules (one part, or all four as the single-file build carries them) and
// reads the catalog from all parts so far. A broken part is reported, never a crash.
bool add_rules(const std::string& bytes, const std::string& file, Problems& problems) {
  if (!g.rules.add(bytes, file, problems)) return false;
  LoadResult r = g.rules.load();
  problems.insert(problems.end(), r.problems.begin(), r.problems.end());
  if (!r.catalog) return false;
  auto previous = std::move(g.catalog);  // kept alive until the app has moved over
  g.catalog = std::make_unique<Catalog>(std::move(*r.catalog));
  g.app->rebind(*g.catalog);
  return true;
}

// The first part of the rules is in: what needed them runs now (before the first frame when
// they were here by the end of the set-up, else after it).
void start_with_rules() {
  App& app = *g.app;
  // A kiosk may lose its network at any time: it fetches all the rules now, so every page it
  // can show is in its offline copy.
  if (app.settings.kiosk)
    for (Lang lang : {Lang::Ja, Lang::En})
      for (BundlePart part : {BundlePart::Core, BundlePart::Details})
        if (!g.rules.has(lang, part)) app.want_rules(lang, part);
  std::string fragment = web::fragment();
  if (fragment.find("a=") != std::string::npos && !app.settings.kiosk) {
    std::string detail;
    ShareError why = app.wizard.restore(fragment, detail);
    // Said at once, in the page's language (the detail is for developers: the JS API has it).
    if (why == ShareError::Outdated) app.notify(app.t(ui::kLinkOutdated));
    else if (why != ShareError::None) app.notify(std::string(app.t(ui::kLinkRefused)) + app.t(ui::kLinkCorrupted));
    if (why != ShareError::None) web::request_redraw();
  }
  app.rules_arrived();
  web::rules_ready();
}

// A touch, click, key or wheel turn: someone is at the screen (a pointer move alone is not).
bool input_pressed() {
  for (const ImGuiInputEvent& e : GImGui->InputEventsQueue) {
    if (e.Type == ImGuiInputEventType_MouseButton && e.MouseButton.Down) return true;
    if (e.Type == ImGuiInputEventType_Key && e.Key.Down) return true;
    if (e.Type == ImGuiInputEventType_Text || e.Type == ImGuiInputEventType_MouseWheel) return true;
  }
  return false;
}

bool needs_frame(bool input, bool resized, double now) {
  bool need = input || resized || g.redraw_frames > 0 || web::take_redraw_request();
  const App& app = *g.app;
  if (app.settings.high_contrast != g.themed_contrast || app.settings.text_scale != g.themed_scale) need = true;
  if (!app.message.empty() && app.message_until > 0) need = true;  // the notice times out
  // The kiosk's countdown ticks a few times a second, and only while it shows.
  if (app.countdown(now) && now - g.last_kiosk_tick > 0.25) {
    g.last_kiosk_tick = now;
    need = true;
  }
  return need;
}

enum class Pass { Draw, Layout, WarmUp };

// One frame of the app. A layout pass runs the app's frame without drawing it; a warm-up pass
// runs Dear ImGui over one line of text and a button, out of sight, for its code's first run.
void frame_pass(Pass pass) {
  const bool present = pass == Pass::Draw;
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  double dpr = emscripten_get_device_pixel_ratio();
  int fb_w = static_cast<int>(std::lround(css_w * dpr)), fb_h = static_cast<int>(std::lround(css_h * dpr));
  bool resized = fb_w != g.fb_w || fb_h != g.fb_h || dpr != g.dpr;
  if (resized) {
    emscripten_set_canvas_element_size("#canvas", fb_w, fb_h);
    g.fb_w = fb_w;
    g.fb_h = fb_h;
  }
  bool input = GImGui->InputEventsQueue.Size > 0;
  double now = web::now_seconds();
  if (present && !needs_frame(input, resized, now)) return;

  if (resized || g.app->settings.high_contrast != g.themed_contrast || g.app->settings.text_scale != g.themed_scale) {
    g.dpr = dpr;
    g.themed_contrast = g.app->settings.high_contrast;
    g.themed_scale = g.app->settings.text_scale;
    theme::apply(g.themed_contrast, static_cast<float>(dpr), g.themed_scale);
  }
  unsigned revision_before = g.app->wizard.revision();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(static_cast<float>(fb_w), static_cast<float>(fb_h));
  io.DisplayFramebufferScale = ImVec2(1, 1);
  ImGui::NewFrame();
  widgets::begin_frame_items();
  if (input) g.app->note_input(now, input_pressed());
  if (pass == Pass::WarmUp) {
    ImGui::SetNextWindowPos(ImVec2(-10000, -10000));
    ImGui::Begin("##warm-up", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav);
    ImGui::TextUnformatted("Mg");
    ImGui::Button("Mg");
    ImGui::End();
  } else {
    g.app->frame(now);
  }
  if (!present) {
    ImGui::EndFrame();
    return;
  }
  ImGui::Render();
  glViewport(0, 0, fb_w, fb_h);
  ImVec4 bg = ImGui::ColorConvertU32ToFloat4(theme::palette().background);
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  ++g.frames_drawn;
  if (g.redraw_frames > 0) --g.redraw_frames;
  // Hover, press and a changed screen settle over the next frames.
  if (input) g.redraw_frames = std::max(g.redraw_frames, 2);
  if (g.app->wizard.revision() != revision_before) g.redraw_frames = std::max(g.redraw_frames, 2);
  if (!g.first_frame_signalled) {
    g.first_frame_signalled = true;
    web::first_frame_drawn();
  }
}

void frame() { frame_pass(Pass::Draw); }

// The first screen's glyphs, drawn a few at a time (each task well under 50 ms), then the
// first frame, then a frame every animation frame when something changed.
void warm_then_start(void*) {
  constexpr double kGlyphBudgetMs = 12;
  if (warm_glyphs(ImGui::GetIO().Fonts, kGlyphBudgetMs) > 0) {
    emscripten_async_call(warm_then_start, nullptr, 0);
    return;
  }
  frame();
  emscripten_set_main_loop(frame, 0, false);
}

}  // namespace

// A part of the rules from the page: the first one once both it and the app are ready (before
// the first frame unless it is slow to come: web::set_up_done), then those the app asked for
// (web::request_rules). A broken first part leaves nothing to show but the problems
// (over the page, with its link to the list without JavaScript); a later part that fails
// leaves the loaded ones in use.
extern "C" EMSCRIPTEN_KEEPALIVE void shisaku_rules_part() {
  Problems problems;
  bool added = add_rules(web::rules_bytes(), web::rules_file(), problems);
  if (!g.app->rules_loaded) {
    if (added) {
      start_with_rules();
    } else {
      std::string why;
      for (const auto& p : problems)
        if (p.severity == Severity::Error) why += p.to_string() + "\n";
      web::rules_failed(why);
    }
  } else if (!added) {
    std::string why = problems.empty() ? std::string() : problems.front().message;
    g.app->notify(std::string(g.app->t(ui::kLoadingError)) + " (" + why + ")", 8);
  }
  web::request_redraw();
}

// The page could not fetch a part (offline, or the server is gone).
extern "C" EMSCRIPTEN_KEEPALIVE void shisaku_rules_part_failed(const char* file) {
  g.app->notify(std::string(g.app->t(ui::kOfflineDetails)) + " (" + (file ? file : "") + ")", 8);
  web::request_redraw();
}

int main() {
  Settings settings = Settings::from_query(web::query());

  if (!glfwInit()) return 1;
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  // ImGui needs neither depth nor stencil, and the canvas is opaque: less for the browser to
  // allocate, draw and composite (a software renderer reads every frame back).
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  double css_w = 0, css_h = 0;
  emscripten_get_element_css_size("#canvas", &css_w, &css_h);
  double dpr = emscripten_get_device_pixel_ratio();
  g.window = glfwCreateWindow(static_cast<int>(std::lround(css_w * dpr)), static_cast<int>(std::lround(css_h * dpr)), "shisaku-navi",
                              nullptr, nullptr);
  if (!g.window) return 1;
  glfwMakeContextCurrent(g.window);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing is stored
  io.LogFilename = nullptr;
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  add_canvas_font(io.Fonts, settings.cjk_glyphs);
  ImGui_ImplGlfw_InitForOpenGL(g.window, true);
  ImGui_ImplOpenGL3_Init("#version 300 es");
  emscripten_set_wheel_callback("#canvas", nullptr, EM_FALSE, on_wheel);

  // The rules come after the first frame (shisaku_rules_part): until then the app runs over an
  // empty catalog and the start screen says it is loading.
  g.catalog = std::make_unique<Catalog>();
  g.app = std::make_unique<App>(*g.catalog, settings, web::now_seconds());
  g.app->has_rules = [](Lang lang, BundlePart part) { return g.rules.has(lang, part); };
  g.app->want_rules = [](Lang lang, BundlePart part) { web::request_rules(compiled_file_name(lang, part)); };
  web::set_api_target(g.app.get(), &g.frames_drawn);
  theme::apply(settings.high_contrast, static_cast<float>(dpr), settings.text_scale);
  g.themed_contrast = settings.high_contrast;
  g.themed_scale = settings.text_scale;
  g.dpr = dpr;
  // The shaders now, so that the first frame has less to do. Set-up, the rules and the first
  // frame are tasks of their own, each short enough not to hold up a tap; the first frame comes
  // in a timeout, not at the next animation frame, where the browser's paint would join it.
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  web::set_up_done();
  return 0;
}

// The page starts the frames (page.setUpDone decides when: after the rules when they are here
// or on their way, else at once). The first frame would draw every glyph of the screen in one
// long task (the browser draws each: ui/canvas_font.cpp): a layout pass first finds them, they
// are drawn in short tasks, and the first frame then only draws the screen.
extern "C" EMSCRIPTEN_KEEPALIVE void shisaku_start_frames() {
  // V8 compiles each WebAssembly function on its first call: Dear ImGui's own code first, in a
  // task of its own, then the app's, in the layout pass. Both record their glyphs, in one list.
  record_glyphs(true);
  frame_pass(Pass::WarmUp);
  emscripten_async_call([](void*) {
    frame_pass(Pass::Layout);
    record_glyphs(false);
    emscripten_async_call(warm_then_start, nullptr, 0);
  }, nullptr, 0);
}
