// The question page: draws the engine's current page generically and returns what was tapped.
// Text and date boxes take their typing from the on-screen keyboard (form_screen.cpp draws it).
#pragma once

#include <string>

#include "kiosk/engine/form_session.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/keyboard_layouts.h"
#include "kiosk/ui/onscreen_keyboard.h"
#include "kiosk/ui/placeholders.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

// The text box the keyboard types into this frame, found while drawing the page.
struct FocusTarget {
    engine::ItemRef ref;         // item null: no box has the keyboard
    int date_part = -1;          // 0 day, 1 month, 2 year; -1 for a text box
    std::string* buffer = nullptr;
    KeyboardLayout layout = KeyboardLayout::Letters;
    std::size_t max_bytes = 0;
};

// Draws the current page of `session` into the current window: an error summary when the last
// Next was refused, each enabled item (question text large, hint, inline error, answers). Fills
// `focus` when the box with the keyboard is on this page.
Intents draw_question_page(DrawContext& dc, const engine::FormSession& session, UiState& state,
                           const Placeholders& placeholders, FocusTarget& focus);

// Applies keyboard events to the focused box and returns the Answer intent for the new text (if
// it changed). Done closes the keyboard; Next box moves to the next date box.
Intents apply_typing(const FocusTarget& focus, const std::vector<KeyEvent>& events, UiState& state);

// The keyboard layout a question wants (digits for numbers and dates, email, phone, letters).
KeyboardLayout keyboard_for(const engine::Item& item, bool arabic);

// A stable widget id for an item occurrence, e.g. "who" or "contact-name.1".
std::string occurrence_id(const engine::ItemRef& ref);

// The id a form's texts are translated under, e.g. "am-i-a-carer:who".
std::string form_key(const engine::FormSession& session, const engine::Item& item);
// The form's title in the chosen language.
std::string form_title(const DrawContext& dc, const engine::FormSession& session);

}  // namespace carers::ui
