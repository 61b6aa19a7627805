#include "kiosk/ui/ui_state.h"

#include "kiosk/common/secure_wipe.h"

namespace carers::ui {

void UiState::forget_typed() noexcept {
    for (auto& [ref, s] : text) secure_wipe(s);
    for (auto& [ref, d] : dates)
        for (auto& s : d) secure_wipe(s);
    text.clear();
    dates.clear();
}

void UiState::wipe() noexcept {
    forget_typed();
    secure_wipe(pin);
    secure_wipe(resume_code);
    secure_wipe(memorable_word);
    page_key.clear();
    focus.clear();
    scroll_to_focus = false;
    scroll_to_question.clear();
    keyboard = KeyboardState{};
    scroll = TouchScroll{};
    side_scroll = TouchScroll{};
    corner_hold_since = -1;
}

}  // namespace carers::ui
