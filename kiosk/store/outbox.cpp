#include "kiosk/store/outbox.h"

#include "kiosk/common/secure_wipe.h"

namespace carers::store {

Result<void> audit(Database& db, const std::string& event, const std::string& subject, std::int64_t now) {
    auto st = db.prepare("INSERT INTO audit_log (at, event, subject) VALUES (?, ?, ?)");
    if (!st) return st.error();
    return st->bind(1, now).bind(2, event).bind(3, subject).run();
}

Result<std::string> Outbox::submit(Submission s, const CentrePublicKey& centre, std::int64_t now) {
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
        auto st = db_.prepare(
            "INSERT INTO outbox (id, form_url, form_version, kind, created_at, size, sha256, sealed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        if (!st) return st.error();
        st->bind(1, e.id).bind(2, e.form_url).bind(3, e.form_version).bind(4, e.kind);
        st->bind(5, e.created_at).bind(6, e.size).bind(7, e.sha256).bind_blob(8, e.sealed);
        if (auto run = st->run(); !run) return run;
        return audit(db_, "submitted", e.id, now);
    });
    if (!r) return make_error("The answers could not be saved: " + r.message());
    return e.id;
}

Result<std::vector<OutboxEnvelope>> Outbox::pending(std::size_t max_count, std::size_t max_bytes) {
    auto st = db_.prepare(
        "SELECT id, form_url, form_version, kind, created_at, size, sha256, sealed FROM outbox "
        "ORDER BY created_at, id LIMIT ?");
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
    auto st = db_.prepare("SELECT count(*) FROM outbox");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

Result<void> Outbox::remove_confirmed(const std::vector<std::pair<std::string, std::string>>& confirmed,
                                      std::int64_t now) {
    return db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("DELETE FROM outbox WHERE id = ? AND sha256 = ?");
        if (!st) return st.error();
        for (const auto& [id, hash] : confirmed) {
            st->reset();
            if (auto r = st->bind(1, id).bind(2, hash).run(); !r) return r;
            if (auto a = audit(db_, "purged", id, now); !a) return a;
        }
        return {};
    });
}

}  // namespace carers::store
