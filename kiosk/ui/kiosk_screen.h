// The whole kiosk window for one frame: home (the journeys) or a form in progress.
#pragma once

#include <string>
#include <vector>

#include "kiosk/engine/form_session.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/placeholders.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

struct JourneyCard {
    std::string form_id;  // e.g. "am-i-a-carer"
    std::string title;
    std::string summary;
    int minutes = 0;
};

// Everything the views read. The app owns all of it.
struct KioskModel {
    const std::vector<JourneyCard>* journeys = nullptr;
    const engine::FormSession* session = nullptr;  // null on the home screen
    const Placeholders* placeholders = nullptr;
    std::string notice;  // a message for the person, e.g. "Your answers have been saved."
};

// Draws one frame into a full-window ImGui window and returns what was tapped.
Intents draw_kiosk(DrawContext& dc, const KioskModel& model, UiState& state);

}  // namespace carers::ui
