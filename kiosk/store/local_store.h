// LocalStore: the one call the app makes at start-up, and the parts of the store it hands out.
//
//     auto store = store::LocalStore::open(options, ask_passphrase, clock.now());
//     if (!store) { show_staff_error(store.message()); return store.exit_code(); }
//     store.value()->outbox().submit(...);
//     store.value()->purge_expired(clock.now());   // hourly
//
// Opening finds the key (key_source.h), opens and checks the database, migrates it, audits
// "started" (and the passphrase logins), and purges what has expired.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/database.h"
#include "kiosk/store/key_source.h"
#include "kiosk/store/outbox.h"
#include "kiosk/store/parked_drafts.h"
#include "kiosk/store/personal_drafts.h"
#include "kiosk/store/settings.h"
#include "kiosk/store/staff_pin.h"
#include "kiosk/store/store_failure.h"

namespace carers::store {

struct StoreOptions {
    KeyOptions key;  // key.database is the database file
    ParkedDraftOptions parked;
    StaffPinOptions staff_pin;
    // False for staff tools: a missing database is reported, never replaced by an empty one.
    bool create_database = true;
    // Who opened the store, for the audit log's "started" event ("" for the kiosk itself,
    // e.g. "carers-store" for a staff tool); a word, no spaces.
    std::string opened_by;
    // Refuse (in_use) when another process has the database open: for staff tools that must not
    // work under a running kiosk (carers-store rekey).
    bool refuse_if_open_elsewhere = false;
    // How often purge_if_due purges (seconds): hourly; tests of the running kiosk make it short.
    std::int64_t purge_interval_seconds = 60 * 60;
};

struct PurgeCounts {
    std::int64_t outbox = 0;         // confirmed envelopes past their retention
    std::int64_t parked_drafts = 0;  // "come back later" drafts past their expiry
    std::int64_t personal_drafts = 0;  // personal-mode drafts unchanged for drafts.personal_days
    std::int64_t audit_entries = 0;  // audit entries older than audit.retention_days
};

class LocalStore {
public:
    // See the top of this file. Every failure has a kind (exit code) and a sentence for staff;
    // nothing on disk is changed by a failed open, except a new key file or key record for a new
    // database.
    static StoreResult<std::unique_ptr<LocalStore>> open(const StoreOptions& options,
                                                         const PassphraseProvider& ask_passphrase, std::int64_t now);

    Database& database() { return *db_; }
    KeySource key_source() const { return key_source_; }

    Outbox outbox() { return Outbox(*db_); }
    Settings settings() { return Settings(*db_); }
    PersonalDrafts personal_drafts() { return PersonalDrafts(*db_); }
    ParkedDrafts parked_drafts() { return ParkedDrafts(*db_, options_.parked); }
    StaffPin staff_pin() { return StaffPin(*db_, options_.staff_pin); }
    Result<void> audit(AuditEvent event, const std::string& subject, std::int64_t now) {
        return store::audit(*db_, event, subject, now);
    }

    // Re-encrypts the database under a new key (key_rotation.h): a new key file, or a new
    // passphrase asked for with `choose_new` (choosing_new). For staff tools, with the kiosk stopped.
    StoreResult<void> change_key(const PassphraseProvider& choose_new, std::int64_t now);

    // Deletes what has expired (at start-up and hourly); audits what it removed.
    StoreResult<PurgeCounts> purge_expired(std::int64_t now);
    // For the app's idle loop: purges when StoreOptions::purge_interval_seconds (an hour) has
    // passed since the last purge (open purges too), or when the clock went back; otherwise does
    // nothing and returns nullopt. Cheap to call every frame. Also moves the -wal file into the
    // database once it holds 1000 pages (Database::checkpoint_if_over), which commits no longer do.
    StoreResult<std::optional<PurgeCounts>> purge_if_due(std::int64_t now);

private:
    LocalStore(std::unique_ptr<Database> db, const StoreOptions& options, KeySource source)
        : db_(std::move(db)), options_(options), key_source_(source) {}

    std::unique_ptr<Database> db_;
    StoreOptions options_;
    KeySource key_source_;
    std::int64_t last_purge_ = 0;
};

}  // namespace carers::store
