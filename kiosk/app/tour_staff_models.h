// The staff screen's states pictured by the screenshot tour, as the facts the real sync service
// would give (typed outcomes and times), so each language's pictures show its own sentences.
#pragma once

#include "kiosk/ui/kiosk_model.h"

namespace carers::app {

// A run under way; the last connection check failed on an untrusted certificate (a cause with
// its advice and the technical text for IT support); the last good sync was the day before.
ui::StaffModel tour_staff_syncing();

// After a run that sent three and had two refused, with a good connection check and the next
// automatic sync due: the longest staff page.
ui::StaffModel tour_staff_after_run();

}  // namespace carers::app
