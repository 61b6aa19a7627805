// PlainBaseline: what a submit would cost without the store's protection, for tools/bench only.
//
// A table in a plain SQLite-format file (SQLCipher with no key: the project never links
// libsqlite3), with the store's durability (WAL, synchronous=FULL), one row per transaction.
// Built as its own library (carers_store_baseline) that only the benchmark links: never used
// for anything a carer types.
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

    // BEGIN IMMEDIATE; INSERT (id, bytes); COMMIT — with a statement prepared once.
    Result<void> insert(const std::string& id, const std::string& bytes, std::int64_t now);
    // Whether the file is really unencrypted (it starts with "SQLite format 3").
    bool is_plain_sqlite_file() const;

private:
    PlainBaseline(sqlite3* db, std::filesystem::path path) : db_(db), path_(std::move(path)) {}
    Result<void> exec(const char* sql);

    sqlite3* db_;
    sqlite3_stmt* insert_ = nullptr;
    std::filesystem::path path_;
};

}  // namespace carers::store
