#include "api.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include <emscripten.h>
#include <emscripten/heap.h>

#include "web/bridge.hpp"
#include "screens/screens.hpp"

#include "catalog.hpp"
#include "report.hpp"
#include "ui/widgets.hpp"

namespace shisaku::app::web {
namespace {

App* g_app = nullptr;
const unsigned* g_frames = nullptr;
bool g_redraw = false;

using nlohmann::json;

json ok(json extra = json::object()) {
  extra["ok"] = true;
  return extra;
}
json refuse(const std::string& why) { return {{"ok", false}, {"error", why}}; }

std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return (it != j.end() && it->is_string()) ? it->get<std::string>() : std::string();
}

// What the page may ask before the rules are in: about the screen, not the wizard.
bool answers_before_rules(const json& req) {
  std::string op = str(req, "op");
  return op == "items" || op == "frames" || op == "settings" || op == "memory";
}

json handle(App& app, const json& req) {
  Wizard& w = app.wizard;
  std::string op = str(req, "op");
  Lang lang = app.lang();
  if (op == "state") {
    json s = w.state_json(lang);
    s["notice"] = app.message;
    s["share_open"] = app.show_share;
    std::optional<double> countdown = app.countdown(now_seconds());
    s["idle_countdown"] = countdown ? json(*countdown) : json();  // kiosk: seconds shown in the warning
    s["lang"] = lang == Lang::En ? "en" : "ja";
    // False for a moment after a new screen appears, while touches are ignored (App::frame).
    s["input_ready"] = now_seconds() - app.view_since >= App::kNewScreenGuard;
    if (app.draft.slot >= 0) {
      // Entered, not confirmed; and what the screen says of it (a refusal, in the page's language).
      json draft = {{"number", app.draft.number}, {"multiplier", app.draft.multiplier}, {"choices", app.draft.choices}};
      const Question& q = w.catalog().questions[static_cast<std::size_t>(app.draft.slot)];
      std::optional<std::string> problem = q.type == QuestionType::Number ? screens::number_problem(app, q, app.draft.number, app.draft.multiplier) : std::nullopt;
      draft["message"] = !app.draft.refusal.empty() ? app.draft.refusal : problem ? *problem : "";
      s["draft"] = draft;
    }
    return ok(s);
  }
  if (op == "items") {
    // What the last frame drew that can be clicked, in CSS pixels.
    json items = json::array();
    double dpr = device_pixel_ratio();
    for (const auto& it : widgets::drawn_items())
      items.push_back({{"label", it.label},
                       {"focused", it.focused},
                       {"x", it.min.x / dpr},
                       {"y", it.min.y / dpr},
                       {"w", (it.max.x - it.min.x) / dpr},
                       {"h", (it.max.y - it.min.y) / dpr},
                       {"href", it.href},
                       {"text_w", it.text_w / dpr},
                       {"visible", it.visible}});
    return ok({{"items", items}});
  }
  if (op == "results") return ok(evaluation_json(w.catalog(), w.evaluation(), lang));
  if (op == "start") {
    w.start();
    return ok(w.state_json(lang));
  }
  if (op == "answer" || op == "skip" || op == "ask" || op == "set") {
    if (!req.contains("id") || !req["id"].is_string()) return refuse("\"id\" (a question id) is required");
    const json value = req.contains("value") ? req["value"] : json();
    std::optional<std::string> err = op == "answer" ? w.answer(str(req, "id"), value)
                                     : op == "skip" ? w.skip(str(req, "id"))
                                     : op == "set"  ? w.set_in_place(str(req, "id"), value)
                                                    : w.ask(str(req, "id"), str(req, "program"));
    if (err) return refuse(*err);
    return ok(w.state_json(lang));
  }
  if (op == "amounts") {
    w.start_amounts();
    return ok(w.state_json(lang));
  }
  if (op == "back") {
    w.back();
    return ok(w.state_json(lang));
  }
  if (op == "show") {
    std::string screen = str(req, "screen");
    if (screen == "start") w.show_start();
    else if (screen == "results") w.show_results();
    else if (screen == "recap") w.show_recap();
    else if (screen == "catalog") w.show_catalog();
    else if (screen == "detail" && w.catalog().program(str(req, "program"))) w.show_detail(str(req, "program"));
    else return refuse("show takes screen start, results, recap, catalog, or detail with a known program");
    return ok(w.state_json(lang));
  }
  if (op == "restart") {
    w.restart();
    return ok(w.state_json(lang));
  }
  if (op == "share") return ok({{"code", w.share_code()}, {"fragment", w.fragment()}, {"url", share_url(w.fragment())}});
  if (op == "restore") {
    std::string detail;
    ShareError why = w.restore(str(req, "fragment"), detail);
    if (why != ShareError::None) return refuse(detail);
    return ok(w.state_json(lang));
  }
  if (op == "lang") {
    std::string l = str(req, "lang");
    if (l != "ja" && l != "en") return refuse("lang takes ja or en");
    app.set_lang(l == "en" ? Lang::En : Lang::Ja);
    return ok();
  }
  if (op == "frames") return ok({{"drawn", g_frames ? *g_frames : 0}});
  // The WebAssembly heap never shrinks: its size now is its peak so far.
  if (op == "memory") return ok({{"heap_bytes", emscripten_get_heap_size()}});
  if (op == "settings")
    return ok({{"lang", lang == Lang::En ? "en" : "ja"},
               {"kiosk", app.settings.kiosk},
               {"share_in_url", app.settings.share_in_url},
               {"idle_seconds", app.settings.idle_seconds},
               {"high_contrast", app.settings.high_contrast},
               {"text_scale", app.settings.text_scale},
               {"rules_version", w.catalog().meta.rules_version + "+" + w.catalog().fingerprint}});
  return refuse("unknown op \"" + op + "\"");
}

}  // namespace

void set_api_target(App* app, const unsigned* frames_drawn) {
  g_app = app;
  g_frames = frames_drawn;
}

void request_redraw() { g_redraw = true; }

bool take_redraw_request() {
  bool r = g_redraw;
  g_redraw = false;
  return r;
}

}  // namespace shisaku::app::web

extern "C" {

// One JSON request in, one JSON reply out (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* shisaku_call(const char* request) {
  using namespace shisaku::app::web;
  static std::string reply;
  // The same guarded parser as the rules: a syntax error is named, and no request nests deeper
  // than the rest of the app can walk.
  shisaku::Problems problems;
  std::optional<nlohmann::json> parsed = shisaku::parse_json(request ? request : "", "request", problems);
  nlohmann::json req = parsed ? std::move(*parsed) : nlohmann::json();
  nlohmann::json out;
  if (!g_app)
    out = refuse("the app is not ready");
  else if (!parsed)
    out = refuse(problems.empty() ? std::string("the request is not JSON") : problems.front().message);
  else if (!req.is_object())
    out = refuse("the request must be a JSON object such as {\"op\": \"state\"}");
  else if (!g_app->rules_loaded && !answers_before_rules(req))
    out = refuse("the rules are still loading");
  else
    out = handle(*g_app, req);
  // Reading the state must not make the app draw (the idle test counts frames).
  static const char* kReadOnly[] = {"state", "results", "frames", "items", "settings", "share", "memory"};
  std::string op = req.is_object() && req.contains("op") && req["op"].is_string() ? req["op"].get<std::string>() : "";
  if (std::none_of(std::begin(kReadOnly), std::end(kReadOnly), [&](const char* r) { return op == r; })) request_redraw();
  reply = out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return reply.c_str();
}

// The catalog search typed in the DOM overlay (IME-composed text arrives whole).
EMSCRIPTEN_KEEPALIVE void shisaku_set_search(const char* text) {
  using namespace shisaku::app::web;
  if (g_app) g_app->filter.search = text ? text : "";
  request_redraw();
}

EMSCRIPTEN_KEEPALIVE void shisaku_request_redraw() { shisaku::app::web::request_redraw(); }
}
