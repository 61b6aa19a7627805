// The staff screen's sync sentences in the language on screen: the last sync's result, the
// connection check's outcome and the time of the next automatic sync, written from PO msgids with
// counts and times formatted the language's way (ICU, through i18n::LocaleValues). The centre's
// own reasons are quoted as received and labelled as the centre's words; a failure's cause is
// told as advice (staff_failure_text.h).
#pragma once

#include <cstdint>
#include <string>

#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/kiosk_model.h"

namespace carers::ui {

// "14:05" today, else the date and the time, as the catalog's language writes them (local time).
std::string staff_time_text(const i18n::Catalog& catalog, std::int64_t at, std::int64_t now);

// The sentence for a sync outcome (empty for Kind::None).
std::string sync_outcome_text(const i18n::Catalog& catalog, const StaffSyncOutcome& outcome);

// The sentence for a connection check (empty for Kind::None).
std::string check_outcome_text(const i18n::Catalog& catalog, const StaffCheckOutcome& outcome);

// A refused submission's reason: the kiosk's own sentences translated, anything else quoted as
// the centre's words.
std::string refusal_reason_text(const i18n::Catalog& catalog, const std::string& reason);

}  // namespace carers::ui
