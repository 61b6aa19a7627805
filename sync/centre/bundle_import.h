// Taking in an offline bundle carried from a kiosk on a USB stick (carers-centre import).
#pragma once

#include <string>

#include "kiosk/common/result.h"
#include "sync/centre/centre_store.h"
#include "sync/centre/submission_service.h"

namespace carers::sync {

struct ImportOutcome {
    std::string receipts_file;  // text for the kiosk: carers-sync --receipts FILE
    std::size_t stored = 0, already_held = 0, rejected = 0;
};

// Checks the bundle's device (enrolled, not revoked) and its MAC, then stores its envelopes
// exactly as an online batch would be (so importing twice stores nothing twice), and returns the
// signed receipts. Refuses (storing nothing) an unknown or revoked device, a bundle made with
// another token or altered, and a malformed batch.
Result<ImportOutcome> import_bundle(CentreStore& store, SubmissionService& service, const std::string& bundle_text);

}  // namespace carers::sync
