#include "kiosk/store/outbox.h"

#include <algorithm>
#include <cctype>

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
        "WHERE confirmed_at IS NULL AND set_aside_at IS NULL ORDER BY created_at, id LIMIT ?");
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
    auto st = db_.prepare("SELECT count(*) FROM outbox WHERE confirmed_at IS NULL AND set_aside_at IS NULL");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

Result<OutboxStats> Outbox::stats() {
    auto st = db_.prepare("SELECT count(*) FILTER (WHERE confirmed_at IS NULL AND set_aside_at IS NULL), "
                          "count(*) FILTER (WHERE confirmed_at IS NOT NULL), "
                          "count(*) FILTER (WHERE confirmed_at IS NULL AND set_aside_at IS NOT NULL) FROM outbox");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    OutboxStats s;
    s.waiting = st->integer(0);
    s.retained = st->integer(1);
    s.set_aside = st->integer(2);
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

Result<std::vector<OutboxEnvelope>> Outbox::set_aside_envelopes() {
    auto st = db_.prepare(
        "SELECT id, form_url, form_version, kind, created_at, size, sha256, sealed FROM outbox "
        "WHERE confirmed_at IS NULL AND set_aside_at IS NOT NULL ORDER BY created_at, id");
    if (!st) return st.error();
    std::vector<OutboxEnvelope> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(OutboxEnvelope{st->text(0), st->text(1), st->text(2), st->text(3), st->integer(4),
                                     st->integer(5), st->text(6), st->blob(7)});
    }
    return out;
}

namespace {

// The centre's reason as the kiosk keeps it: printable, one line, bounded. It comes over the
// network, so nothing in it is trusted to be short or clean.
std::string kept_reason(const std::string& reason) {
    std::string out;
    for (unsigned char c : reason) {
        if (out.size() >= 300) break;
        out.push_back(c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c));
    }
    // Cut short: do not end inside a UTF-8 sequence (the last character is dropped whole).
    if (out.size() < reason.size()) {
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();
    }
    return out.empty() ? "The centre refused it." : out;
}

}  // namespace

Result<void> Outbox::note_refused(const std::vector<std::pair<std::string, std::string>>& refusals, std::int64_t now) {
    if (refusals.empty()) return {};
    return db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("UPDATE outbox SET refused_at = ?, refused_reason = ? WHERE id = ? AND confirmed_at IS NULL");
        if (!st) return st.error();
        AuditWriter audit_log(db_);
        for (const auto& [id, reason] : refusals) {
            st->reset();
            if (auto run = st->bind(1, now).bind(2, kept_reason(reason)).bind(3, id).run(); !run) return run;
            if (db_.changes() == 0) continue;
            if (auto a = audit_log.write(AuditEvent::refused, id, now); !a) return a;
        }
        return {};
    });
}

Result<std::vector<RefusedEnvelope>> Outbox::refused() {
    auto st = db_.prepare(
        "SELECT id, kind, created_at, size, refused_at, refused_reason, set_aside_at FROM outbox "
        "WHERE confirmed_at IS NULL AND refused_at IS NOT NULL ORDER BY created_at, id");
    if (!st) return st.error();
    std::vector<RefusedEnvelope> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(RefusedEnvelope{st->text(0), st->text(1), st->integer(2), st->integer(3), st->integer(4),
                                      st->text(5), st->is_null(6) ? 0 : st->integer(6)});
    }
    return out;
}

namespace {

// The one unconfirmed envelope `id` names: its full id, or an unambiguous beginning of it.
Result<std::string> find_unconfirmed(Database& db, const std::string& id) {
    if (id.size() < 8 || id.size() > 36 ||
        !std::all_of(id.begin(), id.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) || c == '-'; }))
        return make_error("'" + id.substr(0, 40) + "' is not a submission's number: give at least its first 8 characters, as "
                          "`carers-store refused` shows them.");
    auto st = db.prepare("SELECT id FROM outbox WHERE confirmed_at IS NULL AND substr(id, 1, ?) = ? LIMIT 2");
    if (!st) return st.error();
    st->bind(1, static_cast<std::int64_t>(id.size())).bind(2, id);
    std::vector<std::string> found;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        found.push_back(st->text(0));
    }
    if (found.empty()) return make_error("No submission waiting on this kiosk starts with " + id + ".");
    if (found.size() > 1) return make_error("More than one submission starts with " + id + "; give more of its number.");
    return found.front();
}

}  // namespace

Result<std::string> Outbox::set_aside(const std::string& id, std::int64_t now) {
    auto full = find_unconfirmed(db_, id);
    if (!full) return full;
    auto r = db_.transaction([&]() -> Result<void> {
        auto st = db_.prepare("SELECT refused_at IS NOT NULL, set_aside_at IS NOT NULL FROM outbox WHERE id = ?");
        if (!st) return st.error();
        auto row = st->bind(1, *full).step();
        if (!row) return row.error();
        if (!*row) return make_error("The submission " + *full + " has just left the outbox.");
        if (st->integer(1) != 0) return make_error("The submission " + *full + " is already set aside.");
        if (st->integer(0) == 0)
            return make_error("The centre has not refused the submission " + *full +
                              ": it is waiting to be sent, and is not set aside.");
        auto up = db_.prepare("UPDATE outbox SET set_aside_at = ? WHERE id = ?");
        if (!up) return up.error();
        if (auto run = up->bind(1, now).bind(2, *full).run(); !run) return run;
        return audit(db_, AuditEvent::set_aside, *full, now);
    });
    if (!r) return r.error();
    return full;
}

Result<std::string> Outbox::put_back(const std::string& id, std::int64_t now) {
    auto full = find_unconfirmed(db_, id);
    if (!full) return full;
    auto r = db_.transaction([&]() -> Result<void> {
        auto up = db_.prepare("UPDATE outbox SET set_aside_at = NULL, refused_at = NULL, refused_reason = NULL "
                              "WHERE id = ? AND set_aside_at IS NOT NULL");
        if (!up) return up.error();
        if (auto run = up->bind(1, *full).run(); !run) return run;
        if (db_.changes() == 0) return make_error("The submission " + *full + " is not set aside: it is already in the queue.");
        return audit(db_, AuditEvent::put_back, *full, now);
    });
    if (!r) return r.error();
    return full;
}

}  // namespace carers::store
