// Words for the staff screen's settings facts in the language on screen: a label for each venue
// setting kiosk.json may hold (its key follows in brackets, so IT support can find it in the
// file), and the translation status a PO header gives. The values themselves (names, numbers,
// opening hours) are the venue's own words and are shown as written.
#pragma once

#include <string>

#include "kiosk/i18n/catalog.h"

namespace carers::ui {

// "Telefon Centrum Opiekunów (centre.phone)"; a key the kiosk does not know is shown as it is.
std::string venue_setting_label(const i18n::Catalog& catalog, const std::string& key);

// The shipped PO headers' status ("draft, awaiting native-speaker review") translated; any other
// status as written.
std::string translation_status_text(const i18n::Catalog& catalog, const std::string& status);

}  // namespace carers::ui
