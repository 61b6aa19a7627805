#include "kiosk/store/database.h"

#include <sqlite3.h>
#include <sodium.h>

#include "kiosk/store/schema.h"

namespace carers::store {

namespace {

// Turns SQLite result codes into sentences staff can act on.
std::string explain(int rc, const std::filesystem::path& path, const char* detail) {
    switch (rc & 0xff) {
    case SQLITE_NOTADB:
        return "The database " + path.string() +
               " cannot be opened with this key: the key is wrong, or the file is damaged or is not a "
               "Carers Kiosk database.";
    case SQLITE_CORRUPT: return "The database " + path.string() + " is damaged.";
    case SQLITE_FULL: return "The disk is full: nothing more can be saved until space is freed.";
    case SQLITE_IOERR: return "The disk could not be read or written (" + std::string(detail ? detail : "I/O error") + ").";
    case SQLITE_CANTOPEN:
        return "The database " + path.string() + " cannot be opened: check that its folder exists and the kiosk may write to it.";
    case SQLITE_READONLY: return "The database " + path.string() + " is read-only.";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return "The database is in use by another program.";
    default: return std::string("The database reported an error: ") + (detail ? detail : sqlite3_errstr(rc)) + ".";
    }
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, const SecretKey& key) {
    return open(path, key, migrations());
}

Result<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, const SecretKey& key,
                                                 const std::vector<const char*>& schema) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) return make_error(explain(rc, path, raw ? sqlite3_errmsg(raw) : nullptr));
    sqlite3_extended_result_codes(raw, 1);
    if (auto r = db->configure(key); !r) return r.error();
    if (auto r = db->migrate(schema); !r) return r.error();
    return db;
}

Database::~Database() {
    if (db_) sqlite3_close_v2(db_);
}

std::string Database::last_error() const { return explain(sqlite3_extended_errcode(db_), path_, sqlite3_errmsg(db_)); }

Result<void> Database::configure(const SecretKey& key) {
    // Linked against plain SQLite, PRAGMA key would be ignored and the file written in clear.
    if (cipher_version().empty())
        return make_error("This kiosk was built without SQLCipher, so it cannot encrypt what it stores; it refuses to start.");
    // SQLCipher logs failed HMAC checks (a wrong key) to stderr; the message above says it better.
    (void)exec("PRAGMA cipher_log_source = NONE");  // older SQLCipher lacks it; harmless then

    std::string literal = key.sqlcipher_literal();
    std::string pragma = "PRAGMA key = \"" + literal + "\"";
    int rc = sqlite3_exec(db_, pragma.c_str(), nullptr, nullptr, nullptr);
    sodium_memzero(literal.data(), literal.size());
    sodium_memzero(pragma.data(), pragma.size());
    if (rc != SQLITE_OK) return make_error(last_error());

    // Set explicitly, so the file format never depends on a library default changing.
    for (const char* p : {"PRAGMA cipher_page_size = 4096", "PRAGMA cipher_hmac_algorithm = HMAC_SHA512",
                          "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512", "PRAGMA cipher_memory_security = ON"})
        if (auto r = exec(p); !r) return r;

    // The key is only checked when the first page is read.
    if (auto r = exec("SELECT count(*) FROM sqlite_master"); !r) return r;

    for (const char* p : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA secure_delete = ON",
                          "PRAGMA temp_store = MEMORY", "PRAGMA foreign_keys = ON"})
        if (auto r = exec(p); !r) return r;
    sqlite3_busy_timeout(db_, 5000);
    return {};
}

Result<void> Database::migrate(const std::vector<const char*>& steps) {
    int version = schema_version();
    if (version < 0) return make_error(last_error());
    if (static_cast<std::size_t>(version) > steps.size())
        return make_error("The database was written by a newer version of Carers Kiosk (schema " + std::to_string(version) +
                          "); this version understands up to " + std::to_string(steps.size()) + ".");
    for (auto v = static_cast<std::size_t>(version); v < steps.size(); ++v) {
        auto r = transaction([&]() -> Result<void> {
            if (auto e = exec(steps[v]); !e) return e;
            return exec("PRAGMA user_version = " + std::to_string(v + 1));
        });
        if (!r) return make_error("Updating the database to schema " + std::to_string(v + 1) + " failed: " + r.message());
    }
    return {};
}

int Database::schema_version() {
    auto st = prepare("PRAGMA user_version");
    if (!st) return -1;
    auto row = st->step();
    return row && *row ? static_cast<int>(st->integer(0)) : -1;
}

std::string Database::cipher_version() {
    sqlite3_stmt* s = nullptr;
    std::string v;
    if (sqlite3_prepare_v2(db_, "PRAGMA cipher_version", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char* t = sqlite3_column_text(s, 0);
        if (t) v = reinterpret_cast<const char*>(t);
    }
    sqlite3_finalize(s);
    return v;
}

Result<void> Database::exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) return make_error(last_error());
    return {};
}

Result<Statement> Database::prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return make_error(last_error());
    return Statement(s, this);
}

Result<void> Database::transaction(const std::function<Result<void>()>& work) {
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    auto r = work();
    if (r) {
        if (auto c = exec("COMMIT"); c) return {};
        else r = c;
    }
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return r;
}

// Statement ------------------------------------------------------------------------------------------

Statement::~Statement() {
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement& Statement::bind(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int i, std::int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
}

Statement& Statement::bind_blob(int i, const std::vector<std::uint8_t>& bytes) {
    sqlite3_bind_blob(stmt_, i, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    return *this;
}

Result<bool> Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return make_error(db_->last_error());
}

Result<void> Statement::run() {
    for (;;) {
        auto r = step();
        if (!r) return r.error();
        if (!*r) return {};
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Statement::text(int col) const {
    const unsigned char* t = sqlite3_column_text(stmt_, col);
    return t ? std::string(reinterpret_cast<const char*>(t), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::int64_t Statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }

std::vector<std::uint8_t> Statement::blob(int col) const {
    const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
    auto n = static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col));
    return p ? std::vector<std::uint8_t>(p, p + n) : std::vector<std::uint8_t>();
}

}  // namespace carers::store
