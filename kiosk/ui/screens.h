// The kiosk's screens, one file each. Each draws into the full-window ImGui window and returns
// what the person asked for; kiosk_screen.cpp chooses which one to draw.
#pragma once

#include "kiosk/ui/intent.h"
#include "kiosk/ui/kiosk_model.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

// Idle: "Do you look after someone?" cycling through the shipped languages. A touch anywhere wakes
// the kiosk. Draws nothing that moves between language changes, so an idle kiosk sleeps.
Intents draw_attract_screen(DrawContext& dc, const KioskModel& model);
// Language (each named in its own script), text size, high contrast, read aloud.
Intents draw_start_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// The three journeys with how long each takes, and help near you with a QR code.
Intents draw_home_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// A journey in progress: the page, Back / Continue, and the keyboard when a box has focus.
Intents draw_form_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// "Are you still there?": a large countdown and a big "I need more time".
Intents draw_timeout_warning(DrawContext& dc, const KioskModel& model, UiState& state);
// The staff PIN pad.
Intents draw_staff_entry_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// Submissions waiting and sent, last sync, Sync now, venue settings, leave kiosk mode.
Intents draw_staff_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// "Save and come back later": choose a memorable word, saving, then the resume code.
Intents draw_save_for_later_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// "Continue a saved form": the resume code and the memorable word.
Intents draw_continue_saved_screen(DrawContext& dc, const KioskModel& model, UiState& state);
// The store could not be opened: what happened, for staff.
Intents draw_store_error_screen(DrawContext& dc, const KioskModel& model, UiState& state);

// [shared pieces]
// The bar at the top of carers' screens: a title on the left, "Finish and clear" on the right.
void draw_top_bar(DrawContext& dc, const std::string& title, Intents& out, bool with_display_button);
// Starts a scrolling page region of `height` (touch drag + momentum); pair with end_scroll_page.
// `width` 0 = the reading column, centred.
void begin_scroll_page(DrawContext& dc, const char* id, float height, TouchScroll& scroll, bool reset_scroll,
                       float width = 0.f);
void end_scroll_page(DrawContext& dc, TouchScroll& scroll);
// The space a row of buttons under a scrolling page needs (the gap above it included).
float footer_height(const DrawContext& dc);
// A readable column: full width in portrait, capped and centred on a wide landscape screen.
float column_width(const DrawContext& dc);
// The width a touch_button with this label takes (at least `min_width`).
float button_width(const DrawContext& dc, const std::string& label, float min_width = 0.f);
// Moves the cursor so that something `width` wide starts the line: at the left, or at the right
// in a right-to-left language.
void place_at_start(const DrawContext& dc, float width);
// A touch_button (at least `min_width` wide) at the start of the line: the left, or the right in a
// right-to-left language. True on the tap.
bool start_button(DrawContext& dc, const std::string& id, const std::string& label, ButtonStyle style,
                  float min_width = 0.f);
// "Listen" at the start of the line, when reading aloud can be heard: reads what the screen shows.
void listen_button(DrawContext& dc, const KioskModel& model, Intents& out);
// Holding the top-left corner for 3 seconds asks for staff entry.
void detect_staff_gesture(DrawContext& dc, UiState& state, Intents& out);

}  // namespace carers::ui
