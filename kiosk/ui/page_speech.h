// What "Listen" reads: the current page of a form as plain sentences in the person's language —
// the heading, each question, its hint and its answer choices, and the text of information
// pages — the same strings the page shows (catalog, venue placeholders filled).
#pragma once

#include <string>

#include "kiosk/engine/form_session.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/placeholders.h"

namespace carers::ui {

// One sentence or choice a line, each ending in a full stop (or the language's own mark), so the
// voice pauses between them. Empty when the session has no page.
std::string page_speech(const engine::FormSession& session, const i18n::Catalog& catalog,
                        const Placeholders& placeholders);

}  // namespace carers::ui
