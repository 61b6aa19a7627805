#include "kiosk/store/plain_baseline.h"

#include <fstream>

#include <sqlite3.h>

namespace carers::store {

Result<std::unique_ptr<PlainBaseline>> PlainBaseline::open(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<PlainBaseline> db(new PlainBaseline(raw));
    if (rc != SQLITE_OK) return make_error("Cannot open the baseline file " + path.string() + ".");
    for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL", "PRAGMA wal_autocheckpoint = 0",
                            "CREATE TABLE IF NOT EXISTS plain (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, "
                            "bytes BLOB NOT NULL)"})
        if (auto r = db->exec(sql); !r) return r.error();
    // Same durability as the store or the comparison means nothing: refuse a file not in WAL mode.
    sqlite3_stmt* mode = nullptr;
    bool wal = sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &mode, nullptr) == SQLITE_OK &&
               sqlite3_step(mode) == SQLITE_ROW &&
               std::string(reinterpret_cast<const char*>(sqlite3_column_text(mode, 0))) == "wal";
    sqlite3_finalize(mode);
    if (!wal) return make_error("The baseline file " + path.string() + " could not be put in WAL mode.");
    sqlite3_wal_hook(
        raw,
        [](void* self, sqlite3*, const char*, int pages) {
            static_cast<PlainBaseline*>(self)->wal_pages_ = pages;
            return SQLITE_OK;
        },
        db.get());
    for (auto [sql, st] : {std::pair{"BEGIN IMMEDIATE", &db->begin_},
                           std::pair{"INSERT INTO plain (id, created_at, bytes) VALUES (?, ?, ?)", &db->insert_},
                           std::pair{"COMMIT", &db->commit_}})
        if (sqlite3_prepare_v3(raw, sql, -1, SQLITE_PREPARE_PERSISTENT, st, nullptr) != SQLITE_OK)
            return make_error(sqlite3_errmsg(raw));
    return db;
}

PlainBaseline::~PlainBaseline() {
    for (sqlite3_stmt* st : {begin_, insert_, commit_}) sqlite3_finalize(st);
    if (db_) sqlite3_close_v2(db_);
}

Result<void> PlainBaseline::run(sqlite3_stmt* st) {
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return make_error(sqlite3_errmsg(db_));
    return {};
}

Result<void> PlainBaseline::exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return make_error(sqlite3_errmsg(db_));
    return {};
}

Result<void> PlainBaseline::insert(const std::string& id, const std::string& bytes, std::int64_t now) {
    if (auto r = run(begin_); !r) return r;
    // Bound without copying, as the store binds a submission.
    sqlite3_bind_text(insert_, 1, id.data(), static_cast<int>(id.size()), SQLITE_STATIC);
    sqlite3_bind_int64(insert_, 2, now);
    sqlite3_bind_blob(insert_, 3, bytes.data(), static_cast<int>(bytes.size()), SQLITE_STATIC);
    auto inserted = run(insert_);
    sqlite3_clear_bindings(insert_);
    if (!inserted) {
        (void)exec("ROLLBACK");
        return inserted;
    }
    return run(commit_);
}

Result<bool> PlainBaseline::checkpoint_if_over(int pages) {
    if (wal_pages_ < pages) return false;
    if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr) != SQLITE_OK)
        return make_error(sqlite3_errmsg(db_));
    wal_pages_ = 0;
    return true;
}

bool PlainBaseline::is_plain_sqlite_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return std::string(head, 15) == "SQLite format 3";
}

}  // namespace carers::store
