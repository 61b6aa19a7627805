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
    std::int64_t waiting = 0;     // not yet confirmed by the centre (and not set aside)
    std::int64_t retained = 0;    // confirmed, kept for the retention period
    std::int64_t sent_total = 0;  // receipts verified since the store was made
    std::int64_t set_aside = 0;   // refused, and taken out of the sending queue by staff
};

// A submission the centre refused: its envelope (no content) and the centre's reason.
struct RefusedEnvelope {
    std::string id;
    std::string kind;
    std::int64_t created_at = 0;
    std::int64_t size = 0;
    std::int64_t refused_at = 0;
    std::string reason;
    std::int64_t set_aside_at = 0;  // 0: still offered at every sync
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
    // first) at most `max_bytes` of sealed data. Confirmed envelopes kept for retention and
    // envelopes set aside by staff are not included.
    Result<std::vector<OutboxEnvelope>> pending(std::size_t max_count, std::size_t max_bytes);
    // How many envelopes are waiting for a receipt (set-aside ones not counted).
    Result<std::int64_t> count();
    // Every envelope staff set aside, oldest first (for an offline bundle the centre takes by hand).
    Result<std::vector<OutboxEnvelope>> set_aside_envelopes();

    // Notes the centre's refusals (id, reason) of waiting envelopes: each stays in the outbox and
    // is offered again at the next sync unless staff set it aside. The reason is kept as a
    // printable sentence of at most 300 bytes. Audits "refused" per envelope.
    Result<void> note_refused(const std::vector<std::pair<std::string, std::string>>& id_and_reason, std::int64_t now);
    // Refused envelopes not yet confirmed, set aside or not, oldest first.
    Result<std::vector<RefusedEnvelope>> refused();
    // Takes a refused envelope out of the sending queue, keeping it sealed in the store. `id` is
    // its id or an unambiguous beginning of at least 8 characters. Refuses an unknown or
    // ambiguous id, one the centre has not refused (it is simply waiting), and one already set
    // aside. Returns the full id; audits "set-aside".
    Result<std::string> set_aside(const std::string& id, std::int64_t now);
    // Puts a set-aside envelope back in the queue (e.g. once the centre has raised a limit), its
    // refusal forgotten. Same id rules; returns the full id; audits "put-back".
    Result<std::string> put_back(const std::string& id, std::int64_t now);
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
