// UiState: what the views remember between frames that is not an answer yet — text being typed
// into a field, the three boxes of a date. It holds personal data, so wipe() zeroes it.
#pragma once

#include <array>
#include <map>
#include <string>

#include "kiosk/engine/item_ref.h"

namespace carers::ui {

struct UiState {
    std::map<engine::ItemRef, std::string> text;                   // string, text, number fields
    std::map<engine::ItemRef, std::array<std::string, 3>> dates;  // day, month, year as typed
    std::string page_key;  // the page last drawn; a change resets scrolling and focus

    void wipe() noexcept;
};

}  // namespace carers::ui
