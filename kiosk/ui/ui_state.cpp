#include "kiosk/ui/ui_state.h"

#include "kiosk/common/secure_wipe.h"

namespace carers::ui {

void UiState::wipe() noexcept {
    for (auto& [ref, s] : text) secure_wipe(s);
    for (auto& [ref, d] : dates)
        for (auto& s : d) secure_wipe(s);
    text.clear();
    dates.clear();
    page_key.clear();
}

}  // namespace carers::ui
