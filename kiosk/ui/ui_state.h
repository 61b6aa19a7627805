// UiState: what the views remember between frames that is not an answer yet — text being typed
// into a field, the three boxes of a date, which box has the keyboard, how far the page is
// scrolled, digits typed on the PIN pad. It can hold personal data, so wipe() zeroes it.
#pragma once

#include <array>
#include <map>
#include <string>

#include "kiosk/engine/item_ref.h"
#include "kiosk/ui/keyboard_layouts.h"
#include "kiosk/ui/touch_scroll.h"

namespace carers::ui {

struct KeyboardState {
    KeyboardLayout layout = KeyboardLayout::Letters;  // the letters page chosen (letters, accents, ...)
    KeyboardLayout base = KeyboardLayout::Letters;    // what the focused box wants
    bool next_box = false;        // the focused box is a day or month box: offer "Next box"
    bool shift = false;           // the next letter is a capital (one-shot)
    std::string held_key;         // a repeating key held down (backspace)
    int repeats_done = 0;         // repeats already applied while it is held
};

struct UiState {
    std::map<engine::ItemRef, std::string> text;                   // string, text, number fields
    std::map<engine::ItemRef, std::array<std::string, 3>> dates;  // day, month, year as typed
    std::string page_key;  // the page last drawn; a change resets scrolling and focus

    std::string focus;          // widget id of the text box the keyboard types into; empty: none
    bool scroll_to_focus = false;  // bring the focused box into view on the next frame
    std::string scroll_to_question;  // occurrence id to bring into view (an error summary link)
    KeyboardState keyboard;
    TouchScroll scroll;         // the page's drag scrolling and momentum
    TouchScroll side_scroll;    // a second region beside it (home, landscape)

    std::string pin;            // digits typed on the staff PIN pad
    std::string resume_code;    // "Continue a saved form": the code as typed
    std::string memorable_word; // the word typed for saving or continuing a form
    double corner_hold_since = -1;  // when a press in the staff corner began (-1: none)

    // Zeroes every string that held typed text and forgets focus, scrolling and keyboard state.
    void wipe() noexcept;
    // Zeroes and forgets the boxes' text only: they fill again from the engine's answers (after a
    // repetition was removed, the later ones moved down and the boxes would show stale text).
    void forget_typed() noexcept;
};

}  // namespace carers::ui
