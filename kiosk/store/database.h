// Database: one SQLCipher file, opened with a raw 32-byte key, schema migrated to the latest.
//
// This is the only module that includes SQLCipher. It refuses to run on plain SQLite (where
// PRAGMA key is silently ignored and everything would be written in clear).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/secret_key.h"

struct sqlite3;
struct sqlite3_stmt;

namespace carers::store {

class Statement;

class Database {
public:
    // Opens (creating if absent) the database at `path` with `key`, checks that the key is right
    // and the file intact, and applies any pending schema migrations. Every failure is a sentence
    // for a staff error screen: wrong key, not a database, damaged, disk full, no SQLCipher.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path, const SecretKey& key);
    // The same for a database with another schema (the Carers Centre's): `schema[i]` takes it from
    // user_version i to i + 1, as migrations() does for the kiosk.
    static Result<std::unique_ptr<Database>> open(const std::filesystem::path& path, const SecretKey& key,
                                                  const std::vector<const char*>& schema);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs SQL with no results. Failures are returned, never thrown.
    Result<void> exec(const std::string& sql);
    Result<Statement> prepare(const std::string& sql);

    // Runs `work` inside BEGIN IMMEDIATE ... COMMIT; rolls back when it fails.
    Result<void> transaction(const std::function<Result<void>()>& work);

    int schema_version();
    std::string cipher_version();
    const std::filesystem::path& path() const { return path_; }
    sqlite3* handle() { return db_; }

    // A sentence for the last error on this connection.
    std::string last_error() const;

private:
    Database(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    Result<void> configure(const SecretKey& key);
    Result<void> migrate(const std::vector<const char*>& steps);

    sqlite3* db_;
    std::filesystem::path path_;
};

// A prepared statement. Bind with 1-based indices; step() is true while rows come back.
class Statement {
public:
    Statement(sqlite3_stmt* s, Database* db) : stmt_(s), db_(db) {}
    Statement(Statement&& o) noexcept : stmt_(o.stmt_), db_(o.db_) { o.stmt_ = nullptr; }
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    ~Statement();

    Statement& bind(int i, const std::string& text);
    Statement& bind(int i, std::int64_t v);
    Statement& bind_blob(int i, const std::vector<std::uint8_t>& bytes);
    // True when a row is ready; false when done. Errors come back through done().
    Result<bool> step();
    Result<void> run();  // step to the end, expecting no rows
    void reset();        // ready to bind and run again

    std::string text(int col) const;
    std::int64_t integer(int col) const;
    std::vector<std::uint8_t> blob(int col) const;

private:
    sqlite3_stmt* stmt_;
    Database* db_;
};

}  // namespace carers::store
