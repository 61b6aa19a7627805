// Outbox: sealed submissions waiting for the Carers Centre's receipt.
//
// What the kiosk can read of a submission is only its envelope (id, form, kind, time, size, hash);
// the answers are sealed to the centre before they reach the disk. Once the centre's signed
// receipt is verified (by sync), the envelope is deleted at once — or, when a retention period is
// set (setting outbox.retention_seconds), kept that long and then purged. Deletion uses SQLite's
// secure_delete and a WAL checkpoint, so no older copy of the page stays behind.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/audit_log.h"
#include "kiosk/store/database.h"
#include "kiosk/store/sealed_box.h"

namespace carers::store {

struct OutboxEnvelope {
    std::string id;            // random UUID
    std::string form_url;
    std::string form_version;
    std::string kind;          // "am-i-a-carer", "self-review", "emergency-card"
    std::int64_t created_at = 0;  // unix seconds
    std::int64_t size = 0;        // bytes of sealed
    std::string sha256;           // hex SHA-256 of sealed
    std::vector<std::uint8_t> sealed;
};

struct Submission {
    std::string form_url;
    std::string form_version;
    std::string kind;
    std::string response_json;  // the QuestionnaireResponse; wiped by submit()
};

struct OutboxStats {
    std::int64_t waiting = 0;     // not yet confirmed by the centre
    std::int64_t retained = 0;    // confirmed, kept for the retention period
    std::int64_t sent_total = 0;  // receipts verified since the store was made
};

class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) {}

    // Seals the response to the centre and commits the envelope (and an audit event) in one
    // durable transaction: when this returns ok, the submission is on disk. Returns its id.
    // The plaintext in `submission.response_json` is zeroed whatever happens. On failure nothing
    // is stored, and the kind says why (disk_full, disk_error, ...): the caller keeps the answers.
    StoreResult<std::string> submit(Submission submission, const CentrePublicKey& centre, std::int64_t now);

    // Envelopes waiting for a receipt, oldest first, at most `max_count` of them and (after the
    // first) at most `max_bytes` of sealed data. Confirmed envelopes kept for retention are not
    // included.
    Result<std::vector<OutboxEnvelope>> pending(std::size_t max_count, std::size_t max_bytes);
    // How many envelopes are waiting for a receipt.
    Result<std::int64_t> count();
    Result<OutboxStats> stats();

    // Records the centre's verified receipt for envelopes named by id and hash: deletes them at
    // once, or keeps them for the retention period. A pair whose hash does not match the stored
    // envelope confirms nothing. Audits "synced" (and "purged") per envelope.
    Result<void> remove_confirmed(const std::vector<std::pair<std::string, std::string>>& id_and_hash, std::int64_t now);

    // Deletes confirmed envelopes whose retention has run out; returns how many.
    Result<std::int64_t> purge_expired(std::int64_t now);

private:
    Database& db_;
};

}  // namespace carers::store
