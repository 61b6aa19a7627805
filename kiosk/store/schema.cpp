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
        // 2: outbox retention after the centre's receipt, drafts, and indexes for purging.
        R"sql(
        ALTER TABLE outbox ADD COLUMN confirmed_at INTEGER;  -- receipt verified; NULL while waiting
        ALTER TABLE outbox ADD COLUMN delete_after INTEGER;  -- kept until then, when retention is set
        CREATE INDEX outbox_waiting ON outbox (confirmed_at, created_at);
        -- Personal mode: the carer's own device keeps one draft per form, saved as they go.
        CREATE TABLE personal_draft (
            form_url   TEXT PRIMARY KEY,
            draft      TEXT NOT NULL,        -- the engine's serialised state (opaque here)
            started_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        -- Kiosk mode: "save and come back later". Neither the resume code nor the word is stored;
        -- the draft is sealed with a key derived from both, so the database key alone cannot read it.
        CREATE TABLE parked_draft (
            tag         BLOB PRIMARY KEY,    -- Argon2id of the resume code: finds the draft
            salt        BLOB NOT NULL,       -- for the key derived from code and word
            nonce       BLOB NOT NULL,
            ciphertext  BLOB NOT NULL,       -- XChaCha20-Poly1305 of the draft
            created_at  INTEGER NOT NULL,
            expires_at  INTEGER NOT NULL,
            wrong_words INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX parked_draft_expiry ON parked_draft (expires_at);
        CREATE INDEX audit_log_at ON audit_log (at);
        )sql",
        // 3: the audit log without AUTOINCREMENT and without its index on `at`. Each cost a page
        // write on every event (the sqlite_sequence row, the index), so on every submit: two of
        // its eight pages. seq still orders the log (a new row takes the largest + 1); only the
        // number of a purged row may come again. The purge scans the log instead, hourly: it
        // holds events only, about 60 bytes each.
        R"sql(
        CREATE TABLE audit_log_v3 (
            seq     INTEGER PRIMARY KEY,
            at      INTEGER NOT NULL,
            event   TEXT NOT NULL,
            subject TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO audit_log_v3 (seq, at, event, subject) SELECT seq, at, event, subject FROM audit_log ORDER BY seq;
        DROP TABLE audit_log;
        ALTER TABLE audit_log_v3 RENAME TO audit_log;
        )sql",
        // 4: submissions the centre refused, and those staff set aside (kept sealed, not sent).
        R"sql(
        ALTER TABLE outbox ADD COLUMN refused_at INTEGER;    -- the centre last refused it; NULL otherwise
        ALTER TABLE outbox ADD COLUMN refused_reason TEXT;   -- the centre's sentence (never personal data)
        ALTER TABLE outbox ADD COLUMN set_aside_at INTEGER;  -- staff took it out of the sending queue
        )sql",
        // 5: personal data sealed before SQLite sees it (field_key.h). The field key, wrapped under
        // a key derived from the database key (two wraps while a key change is under way); personal
        // drafts as ciphertext. Drafts kept in clear until now are moved aside here and sealed by
        // load_field_key at this same open (it needs the key, which SQL does not have).
        R"sql(
        CREATE TABLE field_key (
            wrapped BLOB NOT NULL                -- XChaCha20-Poly1305 of the field key
        );
        ALTER TABLE personal_draft RENAME TO personal_draft_unsealed;
        CREATE TABLE personal_draft (
            form_url   TEXT PRIMARY KEY,
            sealed     BLOB NOT NULL,            -- the draft, XChaCha20-Poly1305 under the field key
            started_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        )sql",
    };
    return list;
}

}  // namespace carers::store
