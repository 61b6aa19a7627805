#include "kiosk/store/outbox.h"

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/settings.h"

namespace carers::store {

StoreResult<std::string> Outbox::submit(Submission s, const CentrePublicKey& centre, std::int64_t now) {
    OutboxEnvelope e;
    e.id = random_uuid();
    e.form_url = s.form_url;
    e.form_version = s.form_version;
    e.kind = s.kind;
    e.created_at = now;
    e.sealed = seal_for_centre(s.response_json, centre);
    secure_wipe(s.response_json);
    e.size = static_cast<std::int64_t>(e.sealed.size());
    e.sha256 = sha256_hex(e.sealed);

    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare_cached(
            "INSERT INTO outbox (id, form_url, form_version, kind, created_at, size, sha256, sealed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st) return st.error();
        // `e` outlives the statement: nothing is copied into SQLite's memory.
        st->bind_borrowed(1, e.id).bind_borrowed(2, e.form_url).bind_borrowed(3, e.form_version).bind_borrowed(4, e.kind);
        st->bind(5, e.created_at).bind(6, e.size).bind_borrowed(7, e.sha256).bind_borrowed_blob(8, e.sealed);
        if (auto run = st->run(); !run) return run;
        return audit(db_, AuditEvent::submitted, e.id, now);
    });
    if (!r) return db_.failure("The answers could not be saved: " + r.message());
    return e.id;
}

Result<std::vector<OutboxEnvelope>> Outbox::pending(std::size_t max_count, std::size_t max_bytes) {
    auto st = db_.prepare(
        "SELECT id, form_url, form_version, kind, created_at, size, sha256, sealed FROM outbox "
        "WHERE confirmed_at IS NULL ORDER BY created_at, id LIMIT ?");
    if (!st) return st.error();
    st->bind(1, static_cast<std::int64_t>(max_count));
    std::vector<OutboxEnvelope> out;
    std::size_t bytes = 0;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        auto size = static_cast<std::size_t>(st->integer(5));
        if (!out.empty() && bytes + size > max_bytes) break;
        bytes += size;
        out.push_back(OutboxEnvelope{st->text(0), st->text(1), st->text(2), st->text(3), st->integer(4),
                                     st->integer(5), st->text(6), st->blob(7)});
    }
    return out;
}

Result<std::int64_t> Outbox::count() {
    auto st = db_.prepare("SELECT count(*) FROM outbox WHERE confirmed_at IS NULL");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

Result<OutboxStats> Outbox::stats() {
    auto st = db_.prepare("SELECT count(*) FILTER (WHERE confirmed_at IS NULL), "
                          "count(*) FILTER (WHERE confirmed_at IS NOT NULL) FROM outbox");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    OutboxStats s;
    s.waiting = st->integer(0);
    s.retained = st->integer(1);
    auto sent = Settings(db_).get_int(setting::outbox_sent_total, 0);
    if (!sent) return sent.error();
    s.sent_total = *sent;
    return s;
}

Result<void> Outbox::remove_confirmed(const std::vector<std::pair<std::string, std::string>>& confirmed,
                                      std::int64_t now) {
    Settings settings(db_);
    auto retention = settings.get_int(setting::outbox_retention_seconds, 0);
    if (!retention) return retention.error();
    std::int64_t deleted = 0;
    auto r = db_.transaction([&]() -> Result<void> {
        auto del = db_.prepare("DELETE FROM outbox WHERE id = ? AND sha256 = ?");
        auto keep = db_.prepare("UPDATE outbox SET confirmed_at = ?, delete_after = ? "
                                "WHERE id = ? AND sha256 = ? AND confirmed_at IS NULL");
        if (!del) return del.error();
        if (!keep) return keep.error();
        AuditWriter audit_log(db_);
        std::int64_t newly_sent = 0;
        for (const auto& [id, hash] : confirmed) {
            Statement& st = *retention > 0 ? *keep : *del;
            st.reset();
            if (*retention > 0) st.bind(1, now).bind(2, now + *retention).bind(3, id).bind(4, hash);
            else st.bind(1, id).bind(2, hash);
            if (auto run = st.run(); !run) return run;
            if (db_.changes() == 0) continue;  // unknown id, wrong hash, or already confirmed
            ++newly_sent;
            if (auto a = audit_log.write(AuditEvent::synced, id, now); !a) return a;
            if (*retention <= 0) {
                ++deleted;
                if (auto a = audit_log.write(AuditEvent::purged, id, now); !a) return a;
            }
        }
        auto total = settings.get_int(setting::outbox_sent_total, 0);
        if (!total) return total.error();
        return settings.set_int(setting::outbox_sent_total, *total + newly_sent);
    });
    if (!r) return r;
    // Best effort: the rows are gone either way; the checkpoint only clears older page copies.
    if (deleted > 0) (void)db_.checkpoint();
    return {};
}

Result<std::int64_t> Outbox::purge_expired(std::int64_t now) {
    std::int64_t purged = 0;
    auto r = db_.transaction([&]() -> Result<void> {
        auto ids = db_.prepare("SELECT id FROM outbox WHERE confirmed_at IS NOT NULL AND delete_after <= ?");
        if (!ids) return ids.error();
        ids->bind(1, now);
        std::vector<std::string> expired;
        for (;;) {
            auto row = ids->step();
            if (!row) return row.error();
            if (!*row) break;
            expired.push_back(ids->text(0));
        }
        auto del = db_.prepare("DELETE FROM outbox WHERE id = ?");
        if (!del) return del.error();
        for (const auto& id : expired) {
            del->reset();
            if (auto run = del->bind(1, id).run(); !run) return run;
            if (auto a = audit(db_, AuditEvent::purged, id, now); !a) return a;
        }
        purged = static_cast<std::int64_t>(expired.size());
        return {};
    });
    if (!r) return r.error();
    if (purged > 0) (void)db_.checkpoint();
    return purged;
}

}  // namespace carers::store
