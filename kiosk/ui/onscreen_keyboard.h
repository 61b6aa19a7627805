// The on-screen keyboard: shown whenever a text box has focus, so no physical keyboard is needed.
// Keys are at least the minimum target size and the minimum gap apart; each has a stable widget
// id ("key:a", "key:shift", "key:backspace", "key:done") for tests. A physical keyboard works too
// (a carer's own laptop): its characters arrive as the same events.
#pragma once

#include <string>
#include <vector>

#include "kiosk/ui/keyboard_layouts.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

struct KeyEvent {
    enum class Kind { Type, Backspace, Done, NextBox } kind;
    std::string text = {};  // Type: the characters
};

// The height the keyboard needs for `layout` at the current text size.
float keyboard_height(const DrawContext& dc, KeyboardLayout layout);

// Draws the keyboard at the cursor across the available width (keys capped at a comfortable
// size and centred) and returns what was typed this frame. Shift and page switches are handled
// here, in `state`. Backspace deletes on the press and repeats while held.
std::vector<KeyEvent> draw_keyboard(DrawContext& dc, KeyboardState& state, KeyboardLayout base, bool arabic,
                                    bool next_box);

// Characters, Backspace, Enter (Done) and Tab (Next box) from a physical keyboard this frame.
std::vector<KeyEvent> physical_key_events();

// Applies typing to `text`: appends, or removes the last character (a whole UTF-8 sequence).
// Refuses to grow past `max_bytes`. True when the text changed.
bool apply_key(std::string& text, const KeyEvent& event, std::size_t max_bytes);

}  // namespace carers::ui
