// What "Listen" reads: the current page of a form as plain sentences in the person's language —
// the heading, each question, its hint and its answer choices, and the text of information
// pages — the same strings the page shows (catalog, venue placeholders filled).
#pragma once

#include <string>

#include "kiosk/engine/form_session.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/kiosk_model.h"
#include "kiosk/ui/placeholders.h"

namespace carers::ui {

// One sentence or choice a line, each ending in a full stop (or the language's own mark), so the
// voice pauses between them. Empty when the session has no page.
std::string page_speech(const engine::FormSession& session, const i18n::Catalog& catalog,
                        const Placeholders& placeholders);

// What Listen reads on the home screen (the journeys with how long each takes, then help near
// you: the centre's name, phone, email, web address and opening hours) and on the start screen
// (the language, text size and display choices, as shown), on "Save and come back later" (the
// code spelled out once it is saved, never the word) and "Continue a saved form" (with what the
// store answered). Empty on any other screen. On the start screen each language's name is read
// in that language's own voice: the text is SSML ("<speak>…<voice name=\"pl\">Polski.</voice>…").
std::string screen_speech(const KioskModel& model, const i18n::Catalog& catalog);

}  // namespace carers::ui
