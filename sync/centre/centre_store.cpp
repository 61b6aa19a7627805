#include "sync/centre/centre_store.h"

namespace carers::sync {

namespace {

// The centre's schema, migrated by PRAGMA user_version like the kiosk's. Append only.
const std::vector<const char*>& centre_schema() {
    static const std::vector<const char*> steps = {
        R"sql(
        CREATE TABLE devices (
            device_id   TEXT PRIMARY KEY,
            token_hash  TEXT NOT NULL UNIQUE,   -- SHA-256 of the token; the token itself is never kept
            enrolled_at INTEGER NOT NULL,
            revoked_at  INTEGER                 -- NULL while the device may send
        );
        CREATE TABLE submissions (
            id           TEXT PRIMARY KEY,      -- the kiosk's UUID: a second copy cannot exist
            device_id    TEXT NOT NULL,
            form_url     TEXT NOT NULL,
            form_version TEXT NOT NULL,
            kind         TEXT NOT NULL,
            created_at   INTEGER NOT NULL,
            received_at  INTEGER NOT NULL,
            batch_id     TEXT NOT NULL,
            sha256       TEXT NOT NULL,
            sealed       BLOB NOT NULL          -- exactly the bytes the kiosk sealed
        );
        CREATE INDEX submissions_by_arrival ON submissions (received_at, id);
        -- Events only (enrolled, revoked, batch stored): ids and counts, never content.
        CREATE TABLE events (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            at      INTEGER NOT NULL,
            event   TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT ''
        );
        )sql",
        // When `carers-centre export` last handed a submission over (NULL: never), so that the
        // next export gives staff only what is new and their case-management system gets each
        // submission once.
        R"sql(
        ALTER TABLE submissions ADD COLUMN exported_at INTEGER;
        CREATE INDEX submissions_not_exported ON submissions (received_at, id) WHERE exported_at IS NULL;
        )sql",
    };
    return steps;
}

DeviceRecord device_row(store::Statement& st) {
    DeviceRecord d;
    d.device_id = st.text(0);
    d.token_hash = st.text(1);
    d.enrolled_at = st.integer(2);
    if (!st.text(3).empty()) d.revoked_at = st.integer(3);
    return d;
}

StoredSubmission submission_row(store::Statement& st) {
    StoredSubmission s{st.text(0), st.text(1), st.text(2), st.text(3), st.text(4),
                       st.integer(5), st.integer(6), st.text(7), st.blob(8), std::nullopt};
    if (!st.is_null(9)) s.exported_at = st.integer(9);
    return s;
}

constexpr const char* device_columns = "SELECT device_id, token_hash, enrolled_at, revoked_at FROM devices ";
constexpr const char* submission_columns =
    "SELECT id, device_id, form_url, form_version, kind, created_at, received_at, sha256, sealed, exported_at "
    "FROM submissions ";

}  // namespace

Result<std::unique_ptr<CentreStore>> CentreStore::open(const std::filesystem::path& path,
                                                       const store::SecretKey& key) {
    store::OpenOptions options;
    options.migrations = &centre_schema();
    // Sealed envelopes and token hashes only: SQLCipher's per-allocation mlock would cost several
    // times the CPU of the work itself (PROTOCOL.md §15). Process-wide: in a process that
    // already opened a kiosk store, it stays on.
    options.memory_security = false;
    auto db = store::Database::open(path, key, options);
    if (!db) return db.error();
    return std::unique_ptr<CentreStore>(new CentreStore(std::move(*db)));
}

Result<void> CentreStore::log_event(const std::string& event, const std::string& subject, std::int64_t now) {
    auto st = db_->prepare("INSERT INTO events (at, event, subject) VALUES (?, ?, ?)");
    if (!st) return st.error();
    return st->bind(1, now).bind(2, event).bind(3, subject).run();
}

Result<void> CentreStore::enrol_device(const std::string& device_id, const std::string& token_hash,
                                       std::int64_t now, bool replace) {
    std::lock_guard lock(mutex_);
    return db_->transaction([&]() -> Result<void> {
        auto find = db_->prepare("SELECT 1 FROM devices WHERE device_id = ?");
        if (!find) return find.error();
        auto row = find->bind(1, device_id).step();
        if (!row) return row.error();
        if (*row && !replace)
            return make_error("Device " + device_id +
                              " is already enrolled; use --replace to issue it a new token (the old one stops working).");
        auto st = db_->prepare(
            "INSERT INTO devices (device_id, token_hash, enrolled_at, revoked_at) VALUES (?, ?, ?, NULL) "
            "ON CONFLICT(device_id) DO UPDATE SET token_hash = excluded.token_hash, "
            "enrolled_at = excluded.enrolled_at, revoked_at = NULL");
        if (!st) return st.error();
        if (auto r = st->bind(1, device_id).bind(2, token_hash).bind(3, now).run(); !r) return r;
        return log_event(*row ? "device re-enrolled" : "device enrolled", device_id, now);
    });
}

Result<void> CentreStore::revoke_device(const std::string& device_id, std::int64_t now) {
    std::lock_guard lock(mutex_);
    return db_->transaction([&]() -> Result<void> {
        auto st = db_->prepare("UPDATE devices SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL");
        if (!st) return st.error();
        if (auto r = st->bind(1, now).bind(2, device_id).run(); !r) return r;
        auto check = db_->prepare("SELECT 1 FROM devices WHERE device_id = ?");
        if (!check) return check.error();
        auto row = check->bind(1, device_id).step();
        if (!row) return row.error();
        if (!*row) return make_error("No device " + device_id + " is enrolled.");
        return log_event("device revoked", device_id, now);
    });
}

Result<std::optional<DeviceRecord>> CentreStore::find_device_by_token_hash(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(std::string(device_columns) + "WHERE token_hash = ?");
    if (!st) return st.error();
    auto row = st->bind(1, token_hash).step();
    if (!row) return row.error();
    if (!*row) return std::optional<DeviceRecord>();
    return std::optional<DeviceRecord>(device_row(*st));
}

Result<std::optional<DeviceRecord>> CentreStore::find_device(const std::string& device_id) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(std::string(device_columns) + "WHERE device_id = ?");
    if (!st) return st.error();
    auto row = st->bind(1, device_id).step();
    if (!row) return row.error();
    if (!*row) return std::optional<DeviceRecord>();
    return std::optional<DeviceRecord>(device_row(*st));
}

Result<std::vector<DeviceRecord>> CentreStore::devices() {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(std::string(device_columns) + "ORDER BY device_id");
    if (!st) return st.error();
    std::vector<DeviceRecord> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(device_row(*st));
    }
    return out;
}

Result<BatchOutcome> CentreStore::store_batch(const std::string& device_id, const SubmissionBatch& batch,
                                              std::size_t max_envelope_bytes, std::int64_t now) {
    std::lock_guard lock(mutex_);
    BatchOutcome out;
    std::int64_t stored = 0, held = 0, rejected = 0;
    auto r = db_->transaction([&]() -> Result<void> {
        out = {};
        stored = held = rejected = 0;
        auto find = db_->prepare("SELECT sha256 FROM submissions WHERE id = ?");
        if (!find) return find.error();
        auto insert = db_->prepare(
            "INSERT INTO submissions (id, device_id, form_url, form_version, kind, created_at, received_at, "
            "batch_id, sha256, sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        if (!insert) return insert.error();
        for (const auto& e : batch.envelopes) {
            ItemResult result{e.id, ItemStatus::Rejected, ""};
            if (e.sealed.size() > max_envelope_bytes) {
                result.reason = "It is larger (" + std::to_string(e.sealed.size()) + " bytes) than the centre accepts (" +
                                std::to_string(max_envelope_bytes) + " bytes).";
            } else if (sha256_hex(e.sealed) != e.sha256) {
                result.reason = "Its bytes do not match its hash: it was damaged on the way. It stays on the kiosk.";
            } else {
                find->reset();
                auto row = find->bind(1, e.id).step();
                if (!row) return row.error();
                if (*row) {
                    if (find->text(0) == e.sha256) {
                        result.status = ItemStatus::AlreadyHeld;
                    } else {
                        result.reason = "The centre already holds a different submission with this id; "
                                        "this copy was not stored.";
                    }
                } else {
                    insert->reset();
                    insert->bind(1, e.id).bind(2, device_id).bind(3, e.form_url).bind(4, e.form_version);
                    insert->bind(5, e.kind).bind(6, e.created_at).bind(7, now).bind(8, batch.batch_id);
                    insert->bind(9, e.sha256).bind_blob(10, e.sealed);
                    if (auto ins = insert->run(); !ins) return ins;
                    result.status = ItemStatus::Stored;
                }
            }
            if (result.status == ItemStatus::Stored) ++stored;
            else if (result.status == ItemStatus::AlreadyHeld) ++held;
            else ++rejected;
            if (result.status != ItemStatus::Rejected) out.held.push_back({e.id, e.sha256});
            out.results.push_back(std::move(result));
        }
        return log_event("batch", device_id + " stored=" + std::to_string(stored) + " already=" +
                                      std::to_string(held) + " rejected=" + std::to_string(rejected),
                         now);
    });
    if (!r) return make_error("The centre could not store the batch: " + r.message());
    return out;
}

Result<std::int64_t> CentreStore::submission_count() {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare("SELECT count(*) FROM submissions");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

Result<std::int64_t> CentreStore::not_exported_count() {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare("SELECT count(*) FROM submissions WHERE exported_at IS NULL");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

Result<std::int64_t> CentreStore::mark_exported(const std::vector<std::string>& ids, std::int64_t now) {
    std::lock_guard lock(mutex_);
    std::int64_t marked = 0;
    auto r = db_->transaction([&]() -> Result<void> {
        marked = 0;
        auto st = db_->prepare("UPDATE submissions SET exported_at = ? WHERE id = ? AND exported_at IS NULL");
        if (!st) return st.error();
        for (const auto& id : ids) {
            st->reset();
            if (auto u = st->bind(1, now).bind(2, id).run(); !u) return u;
            marked += db_->changes();
        }
        return log_event("exported", std::to_string(marked) + " newly exported", now);
    });
    if (!r) return make_error("The export was written, but the centre could not note it (the next export will "
                              "include these submissions again): " + r.message());
    return marked;
}

Result<std::vector<StoredSubmission>> CentreStore::submissions(SubmissionSelection which) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(std::string(submission_columns) +
                           (which == SubmissionSelection::NotYetExported ? "WHERE exported_at IS NULL " : "") +
                           "ORDER BY received_at, id");
    if (!st) return st.error();
    std::vector<StoredSubmission> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(submission_row(*st));
    }
    return out;
}

Result<std::optional<StoredSubmission>> CentreStore::submission(const std::string& id) {
    std::lock_guard lock(mutex_);
    auto st = db_->prepare(std::string(submission_columns) + "WHERE id = ?");
    if (!st) return st.error();
    auto row = st->bind(1, id).step();
    if (!row) return row.error();
    if (!*row) return std::optional<StoredSubmission>();
    return std::optional<StoredSubmission>(submission_row(*st));
}

}  // namespace carers::sync
