#include "kiosk/store/audit_log.h"

namespace carers::store {

namespace {

bool safe_word(const std::string& s) {
    if (s.size() > 80) return false;
    for (unsigned char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
              c == ':' || c == '-'))
            return false;
    return true;
}

}  // namespace

const char* audit_event_name(AuditEvent e) {
    switch (e) {
    case AuditEvent::started: return "started";
    case AuditEvent::submitted: return "submitted";
    case AuditEvent::synced: return "synced";
    case AuditEvent::purged: return "purged";
    case AuditEvent::staff_login_ok: return "staff-login-ok";
    case AuditEvent::staff_login_failed: return "staff-login-failed";
    case AuditEvent::draft_saved: return "draft-saved";
    case AuditEvent::draft_resumed: return "draft-resumed";
    case AuditEvent::draft_deleted: return "draft-deleted";
    case AuditEvent::draft_resume_limited: return "draft-resume-limited";
    case AuditEvent::refused: return "refused";
    case AuditEvent::set_aside: return "set-aside";
    case AuditEvent::put_back: return "put-back";
    case AuditEvent::key_changed: return "key-changed";
    }
    return "unknown";
}

Result<void> audit(Database& db, AuditEvent event, const std::string& subject, std::int64_t now) {
    return audit(db, std::string(audit_event_name(event)), subject, now);
}

Result<void> audit(Database& db, const std::string& event, const std::string& subject, std::int64_t now) {
    return AuditWriter(db).write(event, subject, now);
}

Result<void> AuditWriter::write(AuditEvent event, const std::string& subject, std::int64_t now) {
    return write(std::string(audit_event_name(event)), subject, now);
}

Result<void> AuditWriter::write(const std::string& event, const std::string& subject, std::int64_t now) {
    // A bug in the caller, not a carer's mistake; refused rather than logged.
    if (!safe_word(event) || event.empty() || !safe_word(subject))
        return make_error("An audit event was refused because it looked like free text (the log holds no personal data).");
    if (!insert_) {
        auto st = db_.prepare_cached("INSERT INTO audit_log (at, event, subject) VALUES (?, ?, ?)");
        if (!st) return st.error();
        insert_.emplace(std::move(*st));
    }
    // Borrowed: `event` and `subject` outlive the run, and the reset below lets go of them.
    auto r = insert_->bind(1, now).bind_borrowed(2, event).bind_borrowed(3, subject).run();
    insert_->reset();
    return r;
}

Result<std::vector<AuditEntry>> recent_audit(Database& db, std::size_t limit) {
    auto st = db.prepare("SELECT seq, at, event, subject FROM audit_log ORDER BY seq DESC LIMIT ?");
    if (!st) return st.error();
    st->bind(1, static_cast<std::int64_t>(limit));
    std::vector<AuditEntry> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(AuditEntry{st->integer(0), st->integer(1), st->text(2), st->text(3)});
    }
    return out;
}

Result<std::int64_t> purge_audit_before(Database& db, std::int64_t before) {
    auto st = db.prepare("DELETE FROM audit_log WHERE at < ?");
    if (!st) return st.error();
    if (auto r = st->bind(1, before).run(); !r) return r.error();
    return db.changes();
}

}  // namespace carers::store
