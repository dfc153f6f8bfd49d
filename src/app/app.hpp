// The app: the wizard, the settings, and what only the screen needs (scroll positions,
// filters, messages). main.cpp calls frame(); each screen is a function in screens/.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "compiled_rules.hpp"
#include <vector>

#include "settings.hpp"
#include "ui_text.hpp"
#include "wizard.hpp"

namespace shisaku::app {

struct CatalogFilter {
  std::string theme;      // "" = all
  std::string ministry;
  std::string applicant;
  std::string search;     // typed in the DOM input overlay (IME-safe)
  bool novelty = false;   // only the newest fiscal year's new and expanded programmes (?view=new)
};

// The results screen's filter chips: "" / -1 show all.
struct ResultsFilter {
  std::string theme;
  int group = -1;  // support group
  std::string ministry;
  bool novelty = false;  // the newest fiscal year's new and expanded programmes only
};

// An answer being entered on the question screen (or in a detail's amount inputs), not yet
// confirmed.
struct Draft {
  int slot = -1;                      // the question it belongs to
  std::string number;                 // number question: the keypad's digits
  double multiplier = 1;              // a yen question's unit: 1, 1,000 or 10,000 yen
  std::string refusal;                // why the last key was refused (shown until the next one)
  std::vector<std::string> choices;   // multiple choice: the boxes ticked
};

struct App {
  App(const Catalog& catalog, Settings settings, double now);

  Wizard wizard;
  const Settings initial_settings;  // from the URL; a kiosk returns to them for each visitor
  Settings settings;
  CatalogFilter filter;
  ResultsFilter results_filter;
  bool sort_by_amount = false;
  bool show_share = false;
  bool export_set_aside = false;  // exports include the programs set aside
  Draft draft;
  std::string message;            // a notice shown over the screen (e.g. a refused link)
  double message_until = 0;       // seconds (ImGui time); 0 = until dismissed
  // Kiosk: wall-clock seconds (web::now_seconds) of the last touch or key, and whether anyone
  // touched the screen since the last reset.
  double last_input_time = 0;
  bool touched_since_reset = false;
  std::string mirrored;           // what the aria mirror shows: revision, language, warning
  bool url_synced = false;        // the URL has followed the state once (later changes push history entries)
  float content_top = 0;          // where the screen begins below the top bar (device px)
  std::string shown_view;         // the screen (and question or program) drawn last
  double view_since = -1;         // since when touches count again (web::now_seconds)
  double first_view_since = -1;   // when the screen first showed
  // Touches and clicks are ignored this long (seconds) after a new screen appears.
  static constexpr double kNewScreenGuard = 0.3;

  // Which parts of the rules are loaded, and asking for one (main.cpp wires both to the rules
  // bundle and the page). Details are fetched when a screen first needs them.
  std::function<bool(Lang, BundlePart)> has_rules;
  std::function<void(Lang, BundlePart)> want_rules;
  // False until the first part of the rules is in: the first frame is drawn before they are
  // parsed, over an empty catalog, and the start screen says it is loading.
  bool rules_loaded = false;
  // What the start screen opens; pressed before the rules are in, it waits for them.
  enum class Pending { None, Start, Catalog } pending = Pending::None;
  void open(Pending what);
  // The first part of the rules is loaded (and a share link restored): what was pressed meanwhile happens now.
  void rules_arrived();
  // 「令和8年度の新規・拡充」: the catalog filtered to the newest year's new and expanded programmes.
  void open_new_view();
  // True when the details in the current language are here; asks for them otherwise.
  bool details_ready();
  // Switches the language, fetching its texts when they are not here yet (until then the other
  // language stands in).
  void set_lang(Lang lang);
  // After more of the rules arrived: the same answers and screen over the new catalog.
  void rebind(const Catalog& catalog);

  Lang lang() const { return settings.lang; }
  const char* t(const UiText& text) const { return text.in(settings.lang); }
  void notify(std::string text, double seconds = 0);
  // An input event; `pressed` for a touch, click, key or wheel (not a mere pointer move).
  void note_input(double now, bool pressed);

  // Draws one frame of the whole UI; `now` is web::now_seconds().
  void frame(double now);
  // Kiosk: seconds left before the idle reset, when a visitor left anything to forget.
  std::optional<double> seconds_until_reset(double now) const;
  // Kiosk: the last seconds before the reset, when the countdown warning shows.
  std::optional<double> countdown(double now) const;
  // Kiosk: back to a blank start, forgetting the visitor: answers, screens, settings they
  // changed, drafts, filters, scroll and open sections, the URL and storage.
  void kiosk_reset(double now);
};

}  // namespace shisaku::app
