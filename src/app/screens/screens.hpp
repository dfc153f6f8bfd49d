// One function per screen; each reads the wizard and calls its moves, and computes nothing
// about eligibility itself.
#pragma once

#include "app.hpp"
#include "imgui.h"

namespace shisaku::app::screens {

void start(App& app);
void question(App& app);
void results(App& app);
void detail(App& app);
void recap(App& app);
void catalog(App& app);
// The share / export panel (a modal over any screen).
void share(App& app);

// Shared pieces.
const char* status_label(const App& app, Status s);
ImU32 status_color(Status s);
// A program as a row: name (opens the detail), status, estimate text and bar.
void program_row(App& app, const ProgramResult& r, double scale_max);

}  // namespace shisaku::app::screens
