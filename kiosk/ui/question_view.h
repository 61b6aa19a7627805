// The question page: draws the engine's current page generically and returns what was tapped.
#pragma once

#include "kiosk/engine/form_session.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/placeholders.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/ui_state.h"

namespace carers::ui {

// Draws the current page of `session` into the current window: an error summary when the last
// Next was refused, each enabled item (question text large, hint, inline error, answers), and the
// Back / Continue buttons (or "Start again" once the form is complete).
Intents draw_question_page(DrawContext& dc, const engine::FormSession& session, UiState& state,
                           const Placeholders& placeholders);

// A stable widget id for an item occurrence, e.g. "who" or "contact-name.1".
std::string occurrence_id(const engine::ItemRef& ref);

}  // namespace carers::ui
