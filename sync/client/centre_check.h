// check_centre: the staff screen's "Check connection" and `carers-sync --health`. One GET
// /v1/health with the kiosk's full TLS policy (CA file and pin), so a success proves the kiosk
// reaches and trusts its centre; it also compares the centre's receipt key with the kiosk's, which
// catches a centre set up again with new keys (receipts would then never verify, and nothing
// would leave the kiosk).
//
// Blocks for up to the configured timeouts: call it off the UI thread.
#pragma once

#include <atomic>
#include <string>

#include "kiosk/common/result.h"
#include "sync/protocol/kiosk_sync_config.h"
#include "sync/transport/failure_cause.h"

namespace carers::sync {

struct CentreHealth {
    std::string centre_name;
    std::string message;  // one sentence for staff, e.g. "Connected to … : trusted, receipts will verify."
};

// What a failed check found, as facts (the staff screen says it in the language on screen).
struct CentreCheckFailure {
    FailureCause cause = FailureCause::None;
    int http_status = 0;  // UnexpectedAnswer: the status the address answered with
};

// Ok when the centre answers 200, its certificate verified (and matched the pin, if set) and its
// receipt key is the configured one; otherwise an error whose message says which and what to do
// (English, for logs and carers-sync), and, when `failure` is given, the same as facts.
Result<CentreHealth> check_centre(const SyncSettings& settings, const std::atomic<bool>* cancel = nullptr,
                                  CentreCheckFailure* failure = nullptr);

}  // namespace carers::sync
