// window.shisaku: a small JavaScript API over the app (web/shisaku.js wraps it), for tests and
// for pages that embed the wizard. Requests and replies are JSON; see the README.
#pragma once

#include "app.hpp"

namespace shisaku::app::web {

// The app the API drives, and the counters main.cpp keeps for it.
void set_api_target(App* app, const unsigned* frames_drawn);
// Asks main.cpp to draw a few frames (state changed outside an input event).
void request_redraw();
bool take_redraw_request();

}  // namespace shisaku::app::web
