#include "kiosk/store/plain_baseline.h"

#include <fstream>

#include <sqlite3.h>

namespace carers::store {

Result<std::unique_ptr<PlainBaseline>> PlainBaseline::open(const std::filesystem::path& path) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    std::unique_ptr<PlainBaseline> db(new PlainBaseline(raw, path));
    if (rc != SQLITE_OK) return make_error("Cannot open the baseline file " + path.string() + ".");
    for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                            "CREATE TABLE IF NOT EXISTS plain (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, "
                            "bytes BLOB NOT NULL)"})
        if (auto r = db->exec(sql); !r) return r.error();
    if (sqlite3_prepare_v3(raw, "INSERT INTO plain (id, created_at, bytes) VALUES (?, ?, ?)", -1, SQLITE_PREPARE_PERSISTENT,
                           &db->insert_, nullptr) != SQLITE_OK)
        return make_error(sqlite3_errmsg(raw));
    return db;
}

PlainBaseline::~PlainBaseline() {
    if (insert_) sqlite3_finalize(insert_);
    if (db_) sqlite3_close_v2(db_);
}

Result<void> PlainBaseline::exec(const char* sql) {
    if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return make_error(sqlite3_errmsg(db_));
    return {};
}

Result<void> PlainBaseline::insert(const std::string& id, const std::string& bytes, std::int64_t now) {
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    sqlite3_reset(insert_);
    sqlite3_bind_text(insert_, 1, id.data(), static_cast<int>(id.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert_, 2, now);
    sqlite3_bind_blob(insert_, 3, bytes.data(), static_cast<int>(bytes.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(insert_) != SQLITE_DONE) {
        std::string why = sqlite3_errmsg(db_);
        (void)exec("ROLLBACK");
        return make_error(why);
    }
    return exec("COMMIT");
}

bool PlainBaseline::is_plain_sqlite_file() const {
    std::ifstream in(path_, std::ios::binary);
    char head[16] = {};
    in.read(head, sizeof head);
    return std::string(head, 15) == "SQLite format 3";
}

}  // namespace carers::store
