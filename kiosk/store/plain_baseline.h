// PlainBaseline: what a submit would cost without the store's protection, for tools/bench only.
//
// A table in a plain SQLite-format file (SQLCipher with no key: the project never links
// libsqlite3), with the store's durability (WAL, synchronous=FULL), one row per transaction, its
// statements prepared once as the store's are. Open it in a process where no store has been
// opened: SQLCipher's memory security, once on, makes every allocation in the process pay for
// mlock, which plain SQLite would not. Built as its own library (carers_store_baseline) that only
// the benchmark links: never used for anything a carer types.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/common/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace carers::store {

class PlainBaseline {
public:
    static Result<std::unique_ptr<PlainBaseline>> open(const std::filesystem::path& path);
    ~PlainBaseline();
    PlainBaseline(const PlainBaseline&) = delete;
    PlainBaseline& operator=(const PlainBaseline&) = delete;

    // BEGIN IMMEDIATE; INSERT (id, bytes); COMMIT — with statements prepared once.
    Result<void> insert(const std::string& id, const std::string& bytes, std::int64_t now);
    // The store never checkpoints inside a commit (its idle loop does, see Database::
    // checkpoint_if_over); the baseline is given the same: no automatic checkpoint, and this,
    // called untimed between inserts, moves the WAL into the file once it holds `pages` pages.
    Result<bool> checkpoint_if_over(int pages = 1000);
    // Whether the file at `path` is really unencrypted (it starts with "SQLite format 3").
    static bool is_plain_sqlite_file(const std::filesystem::path& path);

private:
    explicit PlainBaseline(sqlite3* db) : db_(db) {}
    Result<void> exec(const char* sql);
    Result<void> run(sqlite3_stmt* st);

    sqlite3* db_;
    sqlite3_stmt* begin_ = nullptr;
    sqlite3_stmt* insert_ = nullptr;
    sqlite3_stmt* commit_ = nullptr;
    int wal_pages_ = 0;
};

}  // namespace carers::store
