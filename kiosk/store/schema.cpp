#include "kiosk/store/schema.h"

namespace carers::store {

const std::vector<const char*>& migrations() {
    static const std::vector<const char*> list = {
        // 1: the outbox of sealed submissions, settings and the audit log.
        R"sql(
        CREATE TABLE outbox (
            id           TEXT PRIMARY KEY,     -- random UUID, also the id at the centre
            form_url     TEXT NOT NULL,
            form_version TEXT NOT NULL,
            kind         TEXT NOT NULL,        -- am-i-a-carer | self-review | emergency-card
            created_at   INTEGER NOT NULL,     -- unix seconds
            size         INTEGER NOT NULL,     -- bytes of `sealed`
            sha256       TEXT NOT NULL,        -- hex SHA-256 of `sealed`, what receipts sign
            sealed       BLOB NOT NULL         -- crypto_box_seal to the centre; the kiosk cannot open it
        );
        CREATE TABLE settings (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- Events only, never content: no names, answers or free text.
        CREATE TABLE audit_log (
            seq     INTEGER PRIMARY KEY AUTOINCREMENT,
            at      INTEGER NOT NULL,
            event   TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT ''
        );
        )sql",
    };
    return list;
}

}  // namespace carers::store
