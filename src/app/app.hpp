// The app: the wizard, the settings, and what only the screen needs (scroll positions,
// filters, messages). main.cpp calls frame(); each screen is a function in screens/.
#pragma once

#include <optional>
#include <string>

#include "settings.hpp"
#include "ui_text.hpp"
#include "wizard.hpp"

namespace shisaku::app {

struct CatalogFilter {
  std::string theme;      // "" = all
  std::string ministry;
  std::string applicant;
  std::string search;     // typed in the DOM input overlay (IME-safe)
};

struct App {
  App(const Catalog& catalog, Settings settings);

  Wizard wizard;
  Settings settings;
  CatalogFilter filter;
  bool sort_by_amount = false;
  bool show_ineligible = false;
  bool show_share = false;
  std::string message;            // a notice shown over the screen (e.g. a refused link)
  double message_until = 0;       // seconds (ImGui time); 0 = until dismissed
  double last_input_time = 0;     // for the kiosk idle reset
  unsigned mirrored_revision = ~0u;
  Lang mirrored_lang = Lang::Ja;
  std::string pending_number;     // number question: the value being entered

  Lang lang() const { return settings.lang; }
  const char* t(const UiText& text) const { return text.in(settings.lang); }
  void notify(std::string text, double seconds = 0);

  // Draws one frame of the whole UI.
  void frame();
  // Kiosk: back to a blank start, forgetting the visitor.
  void kiosk_reset();
};

}  // namespace shisaku::app
