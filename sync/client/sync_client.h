// SyncClient: sends the kiosk's outbox to the Carers Centre in batches over one kept-alive HTTPS
// connection, and deletes an envelope only when the centre's signed receipt for exactly its id
// and hash verifies with the configured receipt key.
//
// Nothing is kept between runs but the outbox itself, so a run cut short by a crash or power cut
// simply resumes on the next one: whatever has no verified receipt is sent again, and the centre,
// which stores each id once, answers "already held" with a fresh receipt.
//
// run() blocks; call it on a background thread (BackgroundSync does) — the UI never waits on it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"
#include "sync/protocol/kiosk_sync_config.h"
#include "sync/protocol/wire.h"
#include "sync/transport/failure_cause.h"

namespace carers::sync {

struct SyncProgress {
    enum class Phase { Idle, Sending, Waiting, Finished };
    Phase phase = Phase::Idle;
    std::int64_t total = 0;      // in the outbox when the run began, plus any submitted during it
    std::int64_t confirmed = 0;  // receipted and deleted during this run
    std::int64_t rejected = 0;   // refused by the centre during this run (they stay on the kiosk)
    std::int64_t remaining = 0;  // still in the outbox
    int failures = 0;            // failed attempts in a row
    long wait_ms = 0;            // while Waiting: how long until the next attempt
    std::string status;          // one sentence for the staff screen
};

enum class SyncStatus {
    Complete,    // the outbox is empty (or holds only what the centre refused this run)
    RetryLater,  // a passing problem (network, centre busy) outlasted this run's patience
    Failed,      // a person must act: trust, pin, enrolment, a forged receipt, a protocol error
    Cancelled,
};
const char* to_string(SyncStatus s);

// What a run ended with, as facts, so that the staff screen writes the sentence in the language
// on screen (`SyncResult::message` stays the English sentence for logs and carers-sync).
enum class SyncOutcomeKind {
    NothingToSend,  // the outbox was empty
    Sent,           // `confirmed` receipted, `rejected` refused by the centre and kept
    Cancelled,
    CentrePause,    // the centre asked for a pause of `retry_after_s` seconds
    GaveUp,         // a passing problem (`detail`) outlasted `attempts` attempts
    DeviceRefused,  // HTTP 401: `detail` is the centre's own reason (may be empty)
    BatchRefused,   // another HTTP `http_status`: `detail` is the centre's own reason (may be empty)
    Failed,         // a person must act: `detail` says why (English, technical)
};

struct SyncOutcome {
    SyncOutcomeKind kind = SyncOutcomeKind::Failed;
    std::int64_t confirmed = 0;
    std::int64_t rejected = 0;
    int attempts = 0;
    long retry_after_s = -1;
    int http_status = 0;
    std::string detail;
    FailureCause cause = FailureCause::None;  // GaveUp, CentrePause, Failed: what went wrong, as a fact
};

struct SyncResult {
    SyncStatus status = SyncStatus::Failed;
    SyncOutcome outcome;
    std::int64_t confirmed = 0;
    std::int64_t rejected = 0;
    std::int64_t remaining = 0;
    std::string message;                 // one sentence for staff
    std::vector<ItemResult> rejections;  // id + the centre's reason (no personal data)
    long retry_after_s = -1;             // RetryLater: the centre's wish, when it gave one
    long connections = 0;                // TCP connections opened (1 when keep-alive held)
};

// What a run needs from the world, replaceable in tests (no hidden globals).
struct SyncEnvironment {
    // Sleeps up to `ms`; returns false as soon as `cancel` is raised. Default: a real wait that
    // notices cancel within 50 ms.
    std::function<bool(long ms, const std::atomic<bool>& cancel)> wait;
    std::function<std::int64_t()> now;  // unix seconds, for the audit log. Default: the clock.
    std::uint64_t jitter_seed = 0;      // 0: seeded from the OS
};

class SyncClient {
public:
    SyncClient(store::Database& db, SyncSettings settings, std::string device_token, SyncEnvironment env = {});
    ~SyncClient();

    SyncResult run(const std::atomic<bool>& cancel, const std::function<void(const SyncProgress&)>& on_progress = {});

private:
    store::Database& db_;
    SyncSettings settings_;
    std::string token_;
    SyncEnvironment env_;
};

// The (id, sha256) pairs a reply's receipt proves the centre holds, after checking: the Ed25519
// signature with `key`, that it names this device, and — when `sent` is given (online) — that it
// answers `batch_id` and names only envelopes sent in it with exactly the hashes sent. Any
// failure refuses the whole receipt.
Result<std::vector<std::pair<std::string, std::string>>> receipted_items(
    const BatchReply& reply, const ReceiptPublicKey& key, const std::string& device_id,
    const std::string& batch_id, const std::map<std::string, std::string>* sent);

// carers-sync --receipts: verifies a receipts file from an offline import and deletes the
// envelopes it covers. Returns how many were deleted.
Result<std::int64_t> apply_receipts_file(store::Database& db, const SyncSettings& settings, const std::string& text,
                                         std::int64_t now);

// carers-sync --export: every envelope waiting in the outbox as one offline bundle (nothing is
// deleted until the receipts come back), or with `set_aside` only those staff set aside after the
// centre refused them (carried to the centre by hand). Returns the file's text and how many
// envelopes it holds.
struct ExportedBundle {
    std::string text;
    std::size_t count = 0;
};
Result<ExportedBundle> export_outbox_bundle(store::Database& db, const SyncSettings& settings,
                                            const std::string& device_token, bool set_aside = false);

}  // namespace carers::sync
