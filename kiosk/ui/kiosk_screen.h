// The whole kiosk window for one frame: whichever screen the model says, the inactivity warning
// over it when due, and the hidden staff gesture.
#pragma once

#include "kiosk/ui/intent.h"
#include "kiosk/ui/kiosk_model.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

// Draws one frame into a full-window ImGui window and returns what was tapped.
Intents draw_kiosk(DrawContext& dc, const KioskModel& model, UiState& state);

// Forgets what ImGui itself remembers between frames about a person's use (the item held, the
// keyboard focus, scroll positions of windows), for a wipe.
void forget_imgui_state();

// A stable name for the screen being shown (tests, screenshots): "attract", "home", "form:<name>"...
std::string screen_name(const KioskModel& model);

}  // namespace carers::ui
