// The sync layer's outcomes (and the store's failures) as the staff screens' typed facts. The UI may not include sync/ (it
// is a lower layer's business how a centre is reached), so its model mirrors these kinds and the
// app, which sees both, translates one into the other here.
#pragma once

#include "kiosk/ui/kiosk_model.h"
#include "sync/client/centre_check.h"
#include "kiosk/store/store_failure.h"
#include "sync/client/sync_client.h"

namespace carers::app {

ui::StaffFailureCause staff_failure_cause(sync::FailureCause cause);

// Why the store could not be opened, for the store error screen.
ui::StoreProblem store_problem(store::StoreFailure failure);

// A sync run's outcome.
ui::StaffSyncOutcome staff_sync_outcome(const sync::SyncOutcome& outcome);

// "Check connection" that failed: `message` is the English sentence, kept for IT support.
ui::StaffCheckOutcome staff_check_problem(const sync::CentreCheckFailure& failure, const std::string& message);

}  // namespace carers::app
