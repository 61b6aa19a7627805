#include "kiosk/store/local_store.h"

#include "kiosk/store/key_record.h"
#include "kiosk/store/key_rotation.h"

namespace carers::store {

StoreResult<std::unique_ptr<LocalStore>> LocalStore::open(const StoreOptions& options, const PassphraseProvider& ask,
                                                          std::int64_t now) {
    if (!options.create_database && !std::filesystem::exists(options.key.database))
        return store_error(StoreFailure::database_damaged, "There is no kiosk store at " + options.key.database.string() + ".");
    if (options.refuse_if_open_elsewhere) {
        auto elsewhere = Database::open_in_another_process(options.key.database);
        if (!elsewhere) return store_error(StoreFailure::disk_error, elsewhere.message());
        if (*elsewhere)
            return store_error(StoreFailure::in_use, "The database " + options.key.database.string() +
                                                         " is open in another program (a running kiosk?); stop it first.");
    }
    auto key = resolve_database_key(options.key, ask);
    if (!key) return key.store_error();
    auto record = read_key_record(options.key.database);
    bool key_known_good = record && record->has_value();  // resolve checked the key against it

    bool change_pending = key_known_good && (*record)->next.has_value();

    OpenOptions open_options;
    open_options.create = options.create_database;
    auto db = Database::open(options.key.database, key->key, open_options);
    SecretKey opened_with = key->key;
    // A key change was cut short: the database takes one of the two keys.
    if (!db && db.failure() == StoreFailure::key_wrong && key->alternative) {
        db = Database::open(options.key.database, *key->alternative, open_options);
        opened_with = *key->alternative;
    }
    if (!db) {
        if (db.failure() == StoreFailure::key_wrong && change_pending && !key->alternative)
            return store_error(StoreFailure::key_wrong,
                               "The database key was being changed when the program stopped, and the database no longer "
                               "takes the key given. If a passphrase was being changed, type the other one (the new "
                               "one, or the old one).");
        if (db.failure() == StoreFailure::key_wrong && key_known_good)
            return store_error(StoreFailure::database_damaged,
                               "The database " + options.key.database.string() +
                                   " is damaged: its key is right, but the file cannot be read. Restore it from a backup "
                                   "or ask for support.");
        return db.store_error();
    }
    if (change_pending) {
        if (auto settled = settle_interrupted_key_change(**db, options.key, **record, opened_with, now); !settled)
            return settled.store_error();
    } else {
        // A new key file from a key change stopped before the record named it never keyed anything.
        std::error_code ec;
        if (!options.key.key_file.empty()) std::filesystem::remove(next_key_file_path(options.key.key_file), ec);
        // The record now says the database exists, so losing it later is noticed. A database made
        // before key records existed gets one here too.
        if (!key_known_good || !(*record)->database_made) {
            KeyRecord done = key_known_good ? **record : KeyRecord{};
            done.check = key_check_value(key->key);
            done.database_made = true;
            if (auto w = write_key_record(options.key.database, done); !w)
                return store_error(StoreFailure::disk_error, w.message());
        }
    }

    std::unique_ptr<LocalStore> store(new LocalStore(std::move(db.value()), options, key->source));
    Database& d = *store->db_;
    auto logged = d.transaction([&]() -> Result<void> {
        std::string subject = options.opened_by.empty() ? key_source_name(key->source)
                                                        : options.opened_by + ":" + key_source_name(key->source);
        if (auto a = store::audit(d, AuditEvent::started, subject, now); !a) return a;
        for (int i = 0; i < key->failed_passphrases; ++i)
            if (auto a = store::audit(d, AuditEvent::staff_login_failed, "passphrase", now); !a) return a;
        if (key->source == KeySource::passphrase) return store::audit(d, AuditEvent::staff_login_ok, "passphrase", now);
        return {};
    });
    if (!logged) return d.failure("The kiosk could not write to its database: " + logged.message());
    if (auto purged = store->purge_expired(now); !purged) return purged.store_error();
    return store;
}

StoreResult<void> LocalStore::change_key(const PassphraseProvider& choose_new, std::int64_t now) {
    return change_database_key(*db_, options_.key, key_source_, choose_new, now);
}

StoreResult<std::optional<PurgeCounts>> LocalStore::purge_if_due(std::int64_t now) {
    // Idle time: move a grown -wal file into the database here, not in a carer's commit.
    if (auto c = db_->checkpoint_if_over(); !c) return db_->failure(c.message());
    if (now >= last_purge_ && now - last_purge_ < options_.purge_interval_seconds) return std::optional<PurgeCounts>();
    auto counts = purge_expired(now);
    if (!counts) return counts.store_error();
    return std::optional<PurgeCounts>(*counts);
}

StoreResult<PurgeCounts> LocalStore::purge_expired(std::int64_t now) {
    last_purge_ = now;
    PurgeCounts counts;
    auto outbox = Outbox(*db_).purge_expired(now);
    if (!outbox) return db_->failure(outbox.message());
    counts.outbox = *outbox;
    auto parked = parked_drafts().purge_expired(now);
    if (!parked) return db_->failure(parked.message());
    counts.parked_drafts = *parked;
    auto personal = personal_drafts().purge_expired(now);
    if (!personal) return db_->failure(personal.message());
    counts.personal_drafts = *personal;
    auto days = Settings(*db_).get_int(setting::audit_retention_days, 400);
    if (!days) return db_->failure(days.message());
    auto old = purge_audit_before(*db_, now - *days * 24 * 60 * 60);
    if (!old) return db_->failure(old.message());
    counts.audit_entries = *old;
    if (counts.audit_entries > 0) {
        if (auto a = store::audit(*db_, AuditEvent::purged, "audit:" + std::to_string(counts.audit_entries), now); !a)
            return db_->failure(a.message());
    }
    return counts;
}

}  // namespace carers::store
