// Database: one SQLCipher file, opened with a raw 32-byte key, schema migrated to the latest.
//
// This is the only module that includes SQLCipher. It refuses to run on plain SQLite (where
// PRAGMA key is silently ignored and everything would be written in clear).
//
// [SECTION] Database: open, configure, migrate, run SQL, transactions, checks
// [SECTION] Statement: a prepared statement
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/secret_key.h"
#include "kiosk/store/store_failure.h"

struct sqlite3;
struct sqlite3_stmt;

namespace carers::store {

class Statement;

struct OpenOptions {
    // Create the file when it does not exist. Staff tools pass false: they must never make an
    // empty database where the real one went missing.
    bool create = true;
    // Run PRAGMA quick_check after opening, so damage is reported at start-up, not mid-session.
    bool check_integrity = true;
    // Migrate only up to this schema version (-1: the latest). For tests that build old schemas.
    int schema_target = -1;
    // The migration list to use instead of schema.h's (another schema, or a test's failing one).
    const std::vector<const char*>* migrations = nullptr;
    // How long to wait for another program's lock before saying the database is in use.
    int busy_timeout_ms = 5000;
    // SQLCipher's memory security (wipes and mlocks its every allocation). Process-wide, and once
    // on it stays on. Off: nothing personal reaches SQLite's memory in clear (submissions and
    // parked drafts are sealed before, personal drafts and secret settings too: field_key.h), and
    // with Debian's SQLCipher (no lookaside) it made every allocation SQLite makes an mlock and a
    // wiping munlock. SQLCipher wipes its own key material either way.
    bool memory_security = false;
    // Commits never wait for a checkpoint below this many pages in the -wal file: the app moves
    // the WAL into the database when idle (checkpoint_if_over, from LocalStore::purge_if_due).
    // Past it (a program that never idles) the commit that crosses it checkpoints, as SQLite's
    // automatic checkpoint (at 1000) did for every program.
    int wal_backstop_pages = 10000;
};

class Database {
public:
    // Opens the database at `path` with `key`, checks that the key is right and the file intact,
    // and applies any pending schema migrations, each in its own transaction. Every failure is a
    // sentence for a staff error screen with its kind: key_wrong (also a damaged first page —
    // SQLCipher cannot tell the two apart), database_damaged, disk_full, disk_error,
    // newer_schema, no_encryption, in_use.
    static StoreResult<std::unique_ptr<Database>> open(const std::filesystem::path& path, const SecretKey& key,
                                                       const OpenOptions& options = {});
    // The same for a database with another schema (the Carers Centre's): `schema[i]` takes it from
    // user_version i to i + 1, as migrations() does for the kiosk.
    static StoreResult<std::unique_ptr<Database>> open(const std::filesystem::path& path, const SecretKey& key,
                                                       const std::vector<const char*>& schema);
    // Whether another process has the database at `path` open (false when there is no file).
    // Every connection to a WAL database holds a shared lock on the file for as long as it is
    // open; this asks the kernel whether another process holds one. Call it before this process
    // opens the database: closing the descriptor used to ask would drop this process's own locks
    // on the file (POSIX advisory locks belong to the process, not the descriptor).
    static Result<bool> open_in_another_process(const std::filesystem::path& path);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs SQL with no results. Failures are returned, never thrown.
    Result<void> exec(const std::string& sql);
    Result<Statement> prepare(const std::string& sql);
    // The same for a statement run again and again (every submit, every audit event): prepared
    // once per connection and kept, because preparing cost more than running it — each of
    // SQLite's allocations while parsing is an mlock and a wiping munlock with memory security on
    // (see kiosk/store/README.md, "What a submit costs"). When the returned Statement goes, it
    // resets and clears its bindings (freeing, so wiping, the values bound) instead of
    // finalizing. Used while already lent out (nested), it prepares a fresh one instead.
    Result<Statement> prepare_cached(const std::string& sql);

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails. With
    // synchronous=FULL in WAL mode, the data is on disk when this returns ok.
    Result<void> transaction(const std::function<Result<void>()>& work);

    int schema_version();
    std::string cipher_version();
    // Rows changed by the most recent INSERT, UPDATE or DELETE.
    std::int64_t changes();
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() { return db_; }
    // The key that seals personal data before SQLite sees it (field_key.h); null for a database
    // without one (the centre's, or the kiosk's at a schema before field_key_schema).
    const SecretKey* field_key() const { return has_field_key_ ? &field_key_ : nullptr; }
    void set_field_key(const SecretKey& key) {
        field_key_ = key;
        has_field_key_ = true;
    }

    // PRAGMA integrity_check (full = true) or quick_check: an empty list means the file is sound.
    Result<std::vector<std::string>> integrity_problems(bool full = true);
    // SQLCipher's check of every page's HMAC: an empty list means no page was altered.
    Result<std::vector<std::string>> cipher_problems();
    // Pages in the -wal file after this connection's last commit (0 after a checkpoint here).
    int wal_pages() const { return wal_pages_; }
    // When the -wal file holds `pages` or more: copies it into the database without waiting for
    // other connections (a passive checkpoint), so the next commit starts the WAL again. For idle
    // time: commits do not checkpoint (OpenOptions::wal_backstop_pages), so that a carer never
    // waits for one after "Send". Returns whether it ran.
    Result<bool> checkpoint_if_over(int pages = 1000);
    // Re-encrypts every page under `new_key` in one commit (SQLCipher's rekey; key_rotation.h).
    Result<void> rekey(const SecretKey& new_key);
    // Copies the WAL into the database and truncates the WAL, so pages removed with
    // secure_delete leave no older copies behind in the -wal file.
    Result<void> checkpoint();

    // A sentence for the last error on this connection; also records its kind.
    std::string last_error() const;
    // The kind of the most recent failure on this connection (`other` when it did not come from
    // SQLite). Only meaningful right after a call failed.
    StoreFailure last_failure() const { return last_failure_; }
    // Records the kind of a failure found by the store's own checks (not SQLite's).
    void set_failure(StoreFailure kind) { last_failure_ = kind; }
    // The most recent failure as a StoreError (kind + the sentence given).
    StoreError failure(const std::string& sentence) const { return StoreError{last_failure_, sentence}; }

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    Result<void> configure(const SecretKey& key, const OpenOptions& options);
    Result<void> migrate(const OpenOptions& options);
    Result<std::vector<std::string>> pragma_rows(const char* pragma);
    static int on_wal_commit(void* self, sqlite3* db, const char* name, int pages);

    struct CachedStatement {
        sqlite3_stmt* stmt = nullptr;
        bool lent = false;
    };

    sqlite3* db_;
    std::filesystem::path path_;
    std::unordered_map<std::string, CachedStatement> cached_;  // element addresses are stable
    mutable StoreFailure last_failure_ = StoreFailure::none;
    bool key_proven_ = false;  // the first page decrypted: later "not a database" means damage
    SecretKey field_key_;
    bool has_field_key_ = false;
    int wal_pages_ = 0;
    int wal_backstop_pages_ = 10000;
};

// A prepared statement. Bind with 1-based indices; step() is true while rows come back.
class Statement {
public:
    // `lent`: the statement belongs to the database's cache, which `*lent` marks as in use.
    Statement(sqlite3_stmt* s, Database* db, bool* lent = nullptr) : stmt_(s), db_(db), lent_(lent) {}
    Statement(Statement&& o) noexcept : stmt_(o.stmt_), db_(o.db_), lent_(o.lent_) {
        o.stmt_ = nullptr;
        o.lent_ = nullptr;
    }
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int i, const std::string& text);
    Statement& bind(int i, std::int64_t v);
    Statement& bind_blob(int i, const std::vector<std::uint8_t>& bytes);
    Statement& bind_blob(int i, const std::uint8_t* bytes, std::size_t n);
    Statement& bind_null(int i);
    // Bind without copying: SQLite reads the caller's bytes, which must stay unchanged until this
    // Statement is reset or gone. For the submit path, where each copy is an allocation (an mlock
    // and a wiping munlock with memory security on).
    Statement& bind_borrowed(int i, const std::string& text);
    Statement& bind_borrowed_blob(int i, const std::vector<std::uint8_t>& bytes);
    // True when a row is ready; false when done; an error as a sentence.
    Result<bool> step();
    Result<void> run();  // step to the end, expecting no rows
    void reset();        // ready to bind and run again

    int column_count() const;
    std::string column_name(int col) const;
    bool is_null(int col) const;
    std::string text(int col) const;
    std::int64_t integer(int col) const;
    std::vector<std::uint8_t> blob(int col) const;

private:
    sqlite3_stmt* stmt_;
    Database* db_;
    bool* lent_;
};

}  // namespace carers::store
