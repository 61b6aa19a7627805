// The journey's screens other than question pages: the task list, an add-another page, "Check
// your answers" and the confirmation page — as the engine provides them (kiosk/engine/README.md).
#pragma once

#include "kiosk/engine/form_session.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/kiosk_model.h"
#include "kiosk/ui/touch_widgets.h"

namespace carers::ui {

// Whether the answers were saved (or why not), above the page. A sent form with urgent answers
// shows it under how to get help now (draw_confirmation does).
void draw_save_notice(DrawContext& dc, const KioskModel& model);
// Each section with its status ("Completed", "In progress", "Not yet started"); a tap opens it.
Intents draw_task_list(DrawContext& dc, const engine::FormSession& session);
// The people (or contacts) added so far, each with "Remove", and "Add another".
Intents draw_add_another(DrawContext& dc, const engine::FormSession& session, const engine::Page& page);
// Every answer by section, each with "Change"; nothing is sent until "Send" below it.
Intents draw_check_answers(DrawContext& dc, const engine::FormSession& session);
// How to get help now when an answer asked for it (first, saved or not: safeguarding), then the
// reference number, what happens next and who to contact. `with_next_steps` false: the form's own result page follows and says what
// happens next.
Intents draw_confirmation(DrawContext& dc, const engine::FormSession& session, const KioskModel& model,
                          bool with_next_steps = true);

}  // namespace carers::ui
