#include "kiosk/store/field_key.h"

#include <sodium.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/database.h"
#include "kiosk/store/personal_drafts.h"
#include "kiosk/store/settings.h"

namespace carers::store {

namespace {

constexpr std::size_t nonce_bytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t tag_bytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::string_view wrap_context = "carers-kiosk field key";

// The key that wraps the field key: derived from the database key, never the database key itself
// (which SQLCipher uses for the pages).
SecretKey wrapping_key(const SecretKey& database_key) {
    SecretKey k;
    crypto_kdf_derive_from_key(k.data(), SecretKey::size, 1, "CKfldkey", database_key.data());
    return k;
}

std::vector<std::uint8_t> wrap(const SecretKey& field, const SecretKey& database_key) {
    return seal_field(wrapping_key(database_key), field.data(), SecretKey::size, wrap_context);
}

struct Wrap {
    std::int64_t rowid;
    std::vector<std::uint8_t> wrapped;
};

Result<std::vector<Wrap>> wraps(Database& db) {
    auto st = db.prepare("SELECT rowid, wrapped FROM field_key");
    if (!st) return st.error();
    std::vector<Wrap> out;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) return out;
        out.push_back({st->integer(0), st->blob(1)});
    }
}

// The field key, when one of the wraps opens under `database_key`; which wrap it was.
Result<std::optional<std::int64_t>> unwrap(Database& db, const SecretKey& database_key, SecretKey& field) {
    auto all = wraps(db);
    if (!all) return all.error();
    SecretKey kek = wrapping_key(database_key);
    for (const auto& w : *all) {
        auto opened = open_field(kek, w.wrapped, wrap_context);
        if (!opened || opened->size() != SecretKey::size) continue;
        field = SecretKey(reinterpret_cast<const std::uint8_t*>(opened->data()));
        secure_wipe(*opened);
        return std::optional<std::int64_t>(w.rowid);
    }
    if (!all->empty()) {
        db.set_failure(StoreFailure::database_damaged);
        return make_error("The key that protects personal data in the database " + db.path().string() +
                          " cannot be opened with the database key; restore it from a backup or ask for support.");
    }
    return std::optional<std::int64_t>();
}

Result<std::int64_t> count(Database& db, const std::string& sql) {
    auto st = db.prepare(sql);
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return st->integer(0);
}

std::string secret_names_sql() {
    std::string list;
    for (const char* name : secret_settings) list += std::string(list.empty() ? "'" : ", '") + name + "'";
    return "key IN (" + list + ") AND value NOT LIKE '" + std::string(sealed_setting_prefix) + "%'";
}

// Rows an earlier schema kept in clear: personal drafts (moved aside by migration 5) and secret
// settings. Sealed in one transaction; the clear copies are overwritten (secure_delete) and
// checkpointed out of the -wal file.
Result<void> seal_rows_left_in_clear(Database& db) {
    auto moved_aside = count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'personal_draft_unsealed'");
    if (!moved_aside) return moved_aside.error();
    Result<std::int64_t> drafts = std::int64_t{0};
    if (*moved_aside > 0) drafts = count(db, "SELECT count(*) FROM personal_draft_unsealed");
    if (!drafts) return drafts.error();
    auto settings = count(db, "SELECT count(*) FROM settings WHERE " + secret_names_sql());
    if (!settings) return settings.error();
    if (*drafts == 0 && *settings == 0) {
        if (*moved_aside > 0) return db.exec("DROP TABLE personal_draft_unsealed");
        return {};
    }
    // These rows pass through SQLite's memory in clear one last time: have it wiped (process-wide
    // from here on, so only a store upgraded in this run pays for it).
    if (auto r = db.exec("PRAGMA cipher_memory_security = ON"); !r) return r;
    const SecretKey& key = *db.field_key();
    auto r = db.transaction([&]() -> Result<void> {
        // Another connection may have sealed them since they were counted.
        auto still = count(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'personal_draft_unsealed'");
        if (!still) return still.error();
        if (*drafts > 0 && *still > 0) {
            auto old = db.prepare("SELECT form_url, draft, started_at, updated_at FROM personal_draft_unsealed");
            auto put = db.prepare("INSERT INTO personal_draft (form_url, sealed, started_at, updated_at) VALUES (?, ?, ?, ?)");
            if (!old) return old.error();
            if (!put) return put.error();
            for (;;) {
                auto row = old->step();
                if (!row) return row.error();
                if (!*row) break;
                std::string form = old->text(0), draft = old->text(1);
                auto sealed = seal_field(key, draft.data(), draft.size(), personal_draft_context(form));
                secure_wipe(draft);
                put->reset();
                if (auto run = put->bind(1, form).bind_blob(2, sealed).bind(3, old->integer(2)).bind(4, old->integer(3)).run(); !run)
                    return run;
            }
            if (auto e = db.exec("DROP TABLE personal_draft_unsealed"); !e) return e;
        }
        auto old = db.prepare("SELECT key, value FROM settings WHERE " + secret_names_sql());
        if (!old) return old.error();
        std::vector<std::pair<std::string, std::string>> clear;
        for (;;) {
            auto row = old->step();
            if (!row) return row.error();
            if (!*row) break;
            clear.emplace_back(old->text(0), old->text(1));
        }
        Settings s(db);
        for (auto& [name, value] : clear) {
            auto set = s.set(name, value);
            secure_wipe(value);
            if (!set) return set;
        }
        return {};
    });
    if (!r) return r;
    (void)db.checkpoint();
    return {};
}

}  // namespace

std::vector<std::uint8_t> seal_field(const SecretKey& key, const void* plain, std::size_t n, std::string_view context) {
    std::vector<std::uint8_t> out(nonce_bytes + n + tag_bytes);
    randombytes_buf(out.data(), nonce_bytes);
    unsigned long long len = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + nonce_bytes, &len, static_cast<const unsigned char*>(plain), n,
                                               reinterpret_cast<const unsigned char*>(context.data()), context.size(),
                                               nullptr, out.data(), key.data());
    return out;
}

Result<std::string> open_field(const SecretKey& key, const std::vector<std::uint8_t>& sealed, std::string_view context) {
    if (sealed.size() < nonce_bytes + tag_bytes) return make_error("A sealed value in the database is too short: it is damaged.");
    std::string plain(sealed.size() - nonce_bytes - tag_bytes, '\0');
    unsigned long long len = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()), &len, nullptr,
                                                   sealed.data() + nonce_bytes, sealed.size() - nonce_bytes,
                                                   reinterpret_cast<const unsigned char*>(context.data()), context.size(),
                                                   sealed.data(), key.data()) != 0)
        return make_error("A sealed value in the database does not open: it is damaged or was moved.");
    return plain;
}

Result<void> load_field_key(Database& db, const SecretKey& database_key) {
    SecretKey field;
    // The usual case, one wrap that opens: read only, no write lock taken at open.
    auto all = wraps(db);
    if (!all) return all.error();
    if (all->size() == 1) {
        auto mine = unwrap(db, database_key, field);
        if (!mine) return mine.error();
        if (*mine) {
            db.set_field_key(field);
            return seal_rows_left_in_clear(db);
        }
    }
    // Otherwise in one transaction (BEGIN IMMEDIATE): two connections opening a new database at
    // once must not both make a field key.
    auto r = db.transaction([&]() -> Result<void> {
        auto mine = unwrap(db, database_key, field);
        if (!mine) return mine.error();
        if (*mine) {
            // A key change finished or undone leaves a wrap under the key the database no longer takes.
            auto st = db.prepare("DELETE FROM field_key WHERE rowid <> ?");
            if (!st) return st.error();
            return st->bind(1, **mine).run();
        }
        field = SecretKey::random();
        auto st = db.prepare("INSERT INTO field_key (wrapped) VALUES (?)");
        if (!st) return st.error();
        return st->bind_blob(1, wrap(field, database_key)).run();
    });
    if (!r) return r;
    db.set_field_key(field);
    return seal_rows_left_in_clear(db);
}

Result<void> add_field_key_wrap(Database& db, const SecretKey& new_database_key) {
    if (!db.field_key()) return {};  // a database without one (an older schema in a test)
    auto st = db.prepare("INSERT INTO field_key (wrapped) VALUES (?)");
    if (!st) return st.error();
    return st->bind_blob(1, wrap(*db.field_key(), new_database_key)).run();
}

Result<void> keep_only_field_key_wrap(Database& db, const SecretKey& database_key) {
    if (!db.field_key()) return {};
    SecretKey field;
    auto mine = unwrap(db, database_key, field);
    if (!mine) return mine.error();
    if (!*mine) return make_error("The database has no wrap of its field key under its key.");
    auto st = db.prepare("DELETE FROM field_key WHERE rowid <> ?");
    if (!st) return st.error();
    return st->bind(1, **mine).run();
}

}  // namespace carers::store
