#include "kiosk/store/database.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>
#include <sodium.h>

#include "kiosk/store/field_key.h"
#include "kiosk/store/schema.h"

namespace carers::store {

namespace {

bool is_out_of_space(int sys_errno) { return sys_errno == ENOSPC || sys_errno == EFBIG || sys_errno == EDQUOT; }

// SQLite's code (and the operating system's errno behind it) as a kind of failure. Before the
// key is proven, "not a database" means a wrong key as often as damage; after, only damage.
StoreFailure classify(int rc, int sys_errno, bool key_proven) {
    switch (rc & 0xff) {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE: return StoreFailure::none;
    case SQLITE_NOTADB: return key_proven ? StoreFailure::database_damaged : StoreFailure::key_wrong;
    case SQLITE_CORRUPT: return StoreFailure::database_damaged;
    case SQLITE_FULL: return StoreFailure::disk_full;
    case SQLITE_IOERR: return is_out_of_space(sys_errno) ? StoreFailure::disk_full : StoreFailure::disk_error;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM: return StoreFailure::disk_error;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return StoreFailure::in_use;
    default: return StoreFailure::other;
    }
}

// Turns SQLite result codes into sentences staff can act on.
std::string explain(StoreFailure kind, int rc, const std::filesystem::path& path, const char* detail) {
    switch (kind) {
    case StoreFailure::key_wrong:
        return "The database " + path.string() +
               " cannot be opened with this key: the key is wrong, or the file is damaged or is not a "
               "Carers Kiosk database.";
    case StoreFailure::database_damaged:
        return "The database " + path.string() + " is damaged; restore it from a backup or ask for support.";
    case StoreFailure::disk_full: return "The disk is full: nothing more can be saved until space is freed.";
    case StoreFailure::in_use: return "The database is in use by another program.";
    case StoreFailure::disk_error:
        if ((rc & 0xff) == SQLITE_CANTOPEN)
            return "The database " + path.string() +
                   " cannot be opened: check that its folder exists and the kiosk may write to it.";
        if ((rc & 0xff) == SQLITE_READONLY) return "The database " + path.string() + " is read-only.";
        return "The disk could not be read or written (" + std::string(detail ? detail : "I/O error") + ").";
    default: return std::string("The database reported an error: ") + (detail ? detail : sqlite3_errstr(rc)) + ".";
    }
}

}  // namespace

// [SECTION] Database ---------------------------------------------------------------------------------

StoreResult<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, const SecretKey& key,
                                                      const OpenOptions& options) {
    std::error_code ec;
    if (!options.create && !std::filesystem::exists(path, ec))
        return store_error(StoreFailure::database_damaged, "There is no database at " + path.string() + ".");
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW | (options.create ? SQLITE_OPEN_CREATE : 0);
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        auto kind = classify(rc, raw ? sqlite3_system_errno(raw) : 0, false);
        return store_error(kind, explain(kind, rc, path, raw ? sqlite3_errmsg(raw) : nullptr));
    }
    sqlite3_extended_result_codes(raw, 1);
    if (auto r = db->configure(key, options); !r) return db->failure(r.message());
    if (options.check_integrity) {
        auto problems = db->integrity_problems(false);
        // SQLCipher reports a page that fails its HMAC check as a plain SQLITE_ERROR; the check's
        // own SQL is fixed, so any such error here is damage.
        if (!problems && db->last_failure() == StoreFailure::other)
            return store_error(StoreFailure::database_damaged,
                               "The database " + path.string() +
                                   " is damaged (a page failed its check); restore it from a backup or ask for support.");
        if (!problems) return db->failure(problems.message());
        if (!problems->empty())
            return store_error(StoreFailure::database_damaged,
                               "The database " + path.string() + " is damaged (" + problems->front() +
                                   "); restore it from a backup or ask for support.");
    }
    if (auto r = db->migrate(options); !r) return db->failure(r.message());
    // The kiosk's own schema: personal data is sealed under the field key (field_key.h).
    if (!options.migrations && db->schema_version() >= field_key_schema)
        if (auto r = load_field_key(*db, key); !r) return db->failure(r.message());
    return db;
}

StoreResult<std::unique_ptr<Database>> Database::open(const std::filesystem::path& path, const SecretKey& key,
                                                      const std::vector<const char*>& schema) {
    OpenOptions options;
    options.migrations = &schema;
    return open(path, key, options);
}

Result<bool> Database::open_in_another_process(const std::filesystem::path& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT) return false;
        return make_error("Cannot check whether " + path.string() + " is in use: " + std::strerror(errno) + ".");
    }
    // SQLite's unix VFS takes a SHARED lock as a read lock on the 510 bytes after the pending
    // byte (os_unix.c: SHARED_FIRST, SHARED_SIZE); a write lock there conflicts with any of them.
    struct flock probe {};
    probe.l_type = F_WRLCK;
    probe.l_whence = SEEK_SET;
    probe.l_start = 0x40000000 + 2;
    probe.l_len = 510;
    int rc = fcntl(fd, F_GETLK, &probe);
    int saved = errno;
    ::close(fd);
    if (rc != 0) return make_error("Cannot check whether " + path.string() + " is in use: " + std::strerror(saved) + ".");
    return probe.l_type != F_UNLCK;
}

Database::~Database() {
    for (auto& [sql, cached] : cached_) sqlite3_finalize(cached.stmt);
    if (db_) sqlite3_close_v2(db_);
}

std::string Database::last_error() const {
    int rc = sqlite3_extended_errcode(db_);
    last_failure_ = classify(rc, sqlite3_system_errno(db_), key_proven_);
    if (last_failure_ == StoreFailure::none) last_failure_ = StoreFailure::other;
    return explain(last_failure_, rc, path_, sqlite3_errmsg(db_));
}

Result<void> Database::configure(const SecretKey& key, const OpenOptions& options) {
    // Linked against plain SQLite, PRAGMA key would be ignored and the file written in clear.
    if (cipher_version().empty()) {
        last_failure_ = StoreFailure::no_encryption;
        return make_error("This kiosk was built without SQLCipher, so it cannot encrypt what it stores; it refuses to start.");
    }
    // SQLCipher logs failed HMAC checks (a wrong key) to stderr; the message above says it better.
    (void)exec("PRAGMA cipher_log_source = NONE");

    // sqlite3_key, not PRAGMA key: the SQL parser would copy the key into SQLite's heap, which is
    // freed unwiped with memory security off. SQLCipher keeps (and wipes) its own copy.
    std::string literal = key.sqlcipher_literal();
    int rc = sqlite3_key_v2(db_, "main", literal.data(), static_cast<int>(literal.size()));
    sodium_memzero(literal.data(), literal.size());
    if (rc != SQLITE_OK) return make_error(last_error());

    // Set explicitly, so the file format never depends on a library default changing. With a raw
    // key the KDF settings are unused, but pinned all the same.
    for (const char* p : {"PRAGMA cipher_page_size = 4096", "PRAGMA cipher_hmac_algorithm = HMAC_SHA512",
                          "PRAGMA cipher_kdf_algorithm = PBKDF2_HMAC_SHA512", "PRAGMA kdf_iter = 256000",
                          "PRAGMA cipher_use_hmac = ON"})
        if (auto r = exec(p); !r) return r;
    if (options.memory_security)
        if (auto r = exec("PRAGMA cipher_memory_security = ON"); !r) return r;

    // The key is only checked when the first page is read.
    if (auto r = exec("SELECT count(*) FROM sqlite_master"); !r) return r;
    key_proven_ = true;

    for (const char* p : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA secure_delete = ON",
                          "PRAGMA temp_store = MEMORY", "PRAGMA foreign_keys = ON"})
        if (auto r = exec(p); !r) return r;
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    // Replaces SQLite's automatic checkpoint, which ran inside every ~1000th page's commit: a
    // submit of 6 pages met one every ~160 submits (several ms, the slowest 1% of submits).
    wal_backstop_pages_ = options.wal_backstop_pages;
    sqlite3_wal_hook(db_, &Database::on_wal_commit, this);
    return {};
}

Result<void> Database::migrate(const OpenOptions& options) {
    const auto& steps = options.migrations ? *options.migrations : migrations();
    std::size_t target = options.schema_target < 0 ? steps.size() : static_cast<std::size_t>(options.schema_target);
    int version = schema_version();
    if (version < 0) return make_error(last_error());
    if (static_cast<std::size_t>(version) > steps.size()) {
        last_failure_ = StoreFailure::newer_schema;
        return make_error("The database was written by a newer version of Carers Kiosk (schema " + std::to_string(version) +
                          "); this version understands up to " + std::to_string(steps.size()) + ".");
    }
    for (auto v = static_cast<std::size_t>(version); v < target && v < steps.size(); ++v) {
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

std::int64_t Database::changes() { return sqlite3_changes64(db_); }

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

Result<std::vector<std::string>> Database::pragma_rows(const char* pragma) {
    auto st = prepare(pragma);
    if (!st) return st.error();
    std::vector<std::string> rows;
    for (;;) {
        auto row = st->step();
        if (!row) return row.error();
        if (!*row) break;
        rows.push_back(st->text(0));
    }
    return rows;
}

Result<std::vector<std::string>> Database::integrity_problems(bool full) {
    auto rows = pragma_rows(full ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    if (!rows) return rows;
    if (rows->size() == 1 && rows->front() == "ok") rows->clear();
    return rows;
}

Result<void> Database::rekey(const SecretKey& new_key) {
    // Not PRAGMA rekey: the parser's copy of the key would stay in SQLite's heap (see configure).
    std::string literal = new_key.sqlcipher_literal();
    int rc = sqlite3_rekey_v2(db_, "main", literal.data(), static_cast<int>(literal.size()));
    sodium_memzero(literal.data(), literal.size());
    if (rc != SQLITE_OK) return make_error(last_error());
    return {};
}

Result<std::vector<std::string>> Database::cipher_problems() { return pragma_rows("PRAGMA cipher_integrity_check"); }

int Database::on_wal_commit(void* self, sqlite3* db, const char* name, int pages) {
    auto* me = static_cast<Database*>(self);
    me->wal_pages_ = pages;
    if (pages >= me->wal_backstop_pages_ &&
        sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) == SQLITE_OK)
        me->wal_pages_ = 0;
    return SQLITE_OK;  // the commit is durable whether or not the checkpoint ran
}

Result<bool> Database::checkpoint_if_over(int pages) {
    if (wal_pages_ < pages) return false;
    if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) != SQLITE_OK)
        return make_error(last_error());
    wal_pages_ = 0;
    return true;
}

Result<void> Database::checkpoint() {
    int log = 0, done = 0;
    int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &log, &done);
    if (rc != SQLITE_OK) return make_error(last_error());
    wal_pages_ = 0;
    return {};
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

Result<Statement> Database::prepare_cached(const std::string& sql) {
    CachedStatement& cached = cached_[sql];
    if (cached.lent) return prepare(sql);
    if (!cached.stmt &&
        sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &cached.stmt, nullptr) != SQLITE_OK) {
        cached_.erase(sql);
        return make_error(last_error());
    }
    cached.lent = true;
    return Statement(cached.stmt, this, &cached.lent);
}

Result<void> Database::transaction(const std::function<Result<void>()>& work) {
    // A failure inside `work` that SQLite did not report (a refused audit subject, say) must not
    // inherit the kind of some earlier failure.
    last_failure_ = StoreFailure::other;
    auto run_cached = [this](const char* sql) -> Result<void> {
        auto st = prepare_cached(sql);
        if (!st) return st.error();
        return st->run();
    };
    if (auto r = run_cached("BEGIN IMMEDIATE"); !r) return r;
    auto r = work();
    if (r) {
        if (auto c = run_cached("COMMIT"); c) return {};
        else r = c;
    }
    // The failure's kind stays recorded: ROLLBACK goes around last_error() on purpose.
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return r;
}

// [SECTION] Statement --------------------------------------------------------------------------------

Statement::~Statement() {
    if (!stmt_) return;
    if (!lent_) {
        sqlite3_finalize(stmt_);
        return;
    }
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    *lent_ = false;
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
    return bind_blob(i, bytes.data(), bytes.size());
}

Statement& Statement::bind_blob(int i, const std::uint8_t* bytes, std::size_t n) {
    // A zero-length blob is still a blob (not NULL): SQLite needs a non-null pointer for that.
    static const std::uint8_t empty = 0;
    sqlite3_bind_blob(stmt_, i, n ? bytes : &empty, static_cast<int>(n), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind_borrowed(int i, const std::string& text) {
    sqlite3_bind_text(stmt_, i, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bind_borrowed_blob(int i, const std::vector<std::uint8_t>& bytes) {
    static const std::uint8_t empty = 0;
    sqlite3_bind_blob(stmt_, i, bytes.empty() ? &empty : bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bind_null(int i) {
    sqlite3_bind_null(stmt_, i);
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

int Statement::column_count() const { return sqlite3_column_count(stmt_); }

std::string Statement::column_name(int col) const {
    const char* n = sqlite3_column_name(stmt_, col);
    return n ? n : "";
}

bool Statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

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
