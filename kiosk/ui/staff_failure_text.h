// What staff should do when sync cannot reach or trust the Carers Centre, or is not set up, in
// the language on screen: one sentence per cause the sync layer found (kiosk_model.h's
// StaffFailureCause), then the technical text in English, labelled as being for IT support (it
// comes from curl, TLS or the settings reader and is what IT support will search for).
#pragma once

#include <string>

#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/kiosk_model.h"

namespace carers::ui {

// The advice for a cause (empty for None). `http_status` is the centre's answer where it gave one.
std::string failure_cause_text(const i18n::Catalog& catalog, StaffFailureCause cause, int http_status);

// Why sync is not set up, and what to do.
std::string set_up_problem_text(const i18n::Catalog& catalog, StaffSetUpProblem problem);

// The PIN pad's sentence when the store could not check a PIN; the store's own words follow for
// IT support.
std::string pin_check_failed_text(const i18n::Catalog& catalog, const std::string& detail);

// The store error screen's advice to staff for why the store could not be opened.
std::string store_problem_text(const i18n::Catalog& catalog, StoreProblem problem);

// The technical `detail` after its translated "For IT support:" label (empty when there is none).
// The detail is wrapped in Unicode isolates (FSI ... PDI) so that inside an Arabic sentence it
// stays one left-to-right run: without them its final full stop is placed by the Arabic sentence's
// direction and shows at the wrong end (".verified be not could ...").
std::string it_support_text(const i18n::Catalog& catalog, const std::string& detail);

// `sentence`, then the cause's advice, then the technical `detail` after its label (each part
// left out when empty).
std::string with_cause(const i18n::Catalog& catalog, std::string sentence, StaffFailureCause cause, int http_status,
                       const std::string& detail);

}  // namespace carers::ui
