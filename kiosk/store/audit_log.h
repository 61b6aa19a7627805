// The audit log: what happened on this kiosk and when — events only, never content.
//
// A subject is an id (a submission's UUID), a count or a reason word. Free text, names and answers
// are refused, so nothing personal can reach the log by mistake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"

namespace carers::store {

enum class AuditEvent {
    started,             // the store opened (subject: how the key was found)
    submitted,           // a submission entered the outbox (subject: its id)
    synced,              // the centre's receipt for it was verified (subject: its id)
    purged,              // something was deleted (subject: id, or "<what>:<count>")
    staff_login_ok,      // subject: "pin" or "passphrase"
    staff_login_failed,  // subject: "pin", "passphrase" or "locked"
    draft_saved,         // subject: "personal" or "parked"
    draft_resumed,       // subject: "personal" or "parked"
    draft_deleted,       // subject: the reason: "finished", "expired", "wrong-words", "discarded", "abandoned"
    draft_resume_limited,  // too many unknown resume codes ("unknown-codes:<n>"), or "lifted-by-staff"
    refused,             // the centre refused a submission (subject: its id); it stays in the outbox
    set_aside,           // staff took a refused submission out of the sending queue (subject: its id)
    put_back,            // staff put a set-aside submission back in the queue (subject: its id)
    key_changed,         // the database key was changed: "key-file", "passphrase", or a change cut
                         // short and settled at the next open: "finished-after-stop", "undone-after-stop"
                         // ("undone": the change failed before re-encrypting)
};

// The event's name in the log, e.g. "staff-login-failed".
const char* audit_event_name(AuditEvent e);

// Appends one event. Refuses a subject longer than 80 characters or with characters other than
// letters, digits and . _ : - (a guard against personal data slipping in).
Result<void> audit(Database& db, AuditEvent event, const std::string& subject, std::int64_t now);
// The same with the event given by name (kept for callers written before AuditEvent).
Result<void> audit(Database& db, const std::string& event, const std::string& subject, std::int64_t now);

// Appends many events through one prepared statement: confirming a batch of receipts audits two
// events per envelope, and preparing the INSERT each time cost more than the insert itself (the
// sync bench). Same rules as audit(). Use within one transaction; do not outlive `db`.
class AuditWriter {
public:
    explicit AuditWriter(Database& db) : db_(db) {}
    Result<void> write(AuditEvent event, const std::string& subject, std::int64_t now);
    Result<void> write(const std::string& event, const std::string& subject, std::int64_t now);

private:
    Database& db_;
    std::optional<Statement> insert_;
};

struct AuditEntry {
    std::int64_t seq = 0;
    std::int64_t at = 0;  // unix seconds
    std::string event;
    std::string subject;
};

// The newest `limit` entries, newest first.
Result<std::vector<AuditEntry>> recent_audit(Database& db, std::size_t limit);

// Deletes entries older than `before` (unix seconds); returns how many.
Result<std::int64_t> purge_audit_before(Database& db, std::int64_t before);

}  // namespace carers::store
