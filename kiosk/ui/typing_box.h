// Typing boxes outside a form page (the saved-forms screens): a labelled one-line box a tap gives
// the keyboard to, and the keyboard at the bottom of the screen typing into it. The text lives in
// UiState, so a wipe zeroes it.
#pragma once

#include <string>

#include "kiosk/ui/keyboard_layouts.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

// A label, then a box showing `text` (widget id `id`). A tap gives it the keyboard (state.focus
// = id) with `layout`.
void labelled_box(DrawContext& dc, UiState& state, const std::string& id, const std::string& label,
                  const std::string& text, KeyboardLayout layout, bool error);

// The space the keyboard takes when a box has focus (0 when none has).
float typing_keyboard_height(const DrawContext& dc, const UiState& state);

// Draws the keyboard for the focused box and types into `text` (at most `max_bytes`). Done puts
// the keyboard away and returns true.
bool draw_typing_keyboard(DrawContext& dc, UiState& state, std::string& text,
                          std::size_t max_bytes);

} // namespace carers::ui
