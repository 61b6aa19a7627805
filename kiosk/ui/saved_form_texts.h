// The longer sentences of the saved-forms screens, put together once for the screen that shows
// them and for "Listen", which reads them (page_speech.cpp): what the store answered on "Continue
// a saved form", how long a code lasts, why a personal-mode form could not be opened.
#pragma once

#include <string>

#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/kiosk_model.h"

namespace carers::ui {

// What happened on "Continue a saved form" in plain words; empty while Ready or Opening.
std::string continue_saved_message(const ContinueSavedModel& c, const i18n::Catalog& catalog);

// "Come back to this kiosk within {n} days …" (the Saved stage of "Save and come back later").
std::string come_back_within(int days, const i18n::Catalog& catalog);

// Personal mode: why the saved answers to `offer`'s form could not be opened.
std::string cannot_open_saved_answers(const PersonalDraftOffer& offer, const i18n::Catalog& catalog);

// A resume code as Listen says it: each character on its own, the two groups apart
// ("4CHK-79XT" -> "4 C H K, 7 9 X T").
std::string spelled_code(const std::string& shown_code);

} // namespace carers::ui
