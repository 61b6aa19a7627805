#include "kiosk/store/key_rotation.h"

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/audit_log.h"
#include "kiosk/store/field_key.h"
#include "kiosk/store/key_file.h"

namespace carers::store {

namespace {

bool path_exists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(p, ec));
}

// Steps 4 and 5: the new key file into place, then the record names the new key only.
StoreResult<void> complete(Database& db, const KeyOptions& o, const KeyRecord& record, const std::string& subject,
                           std::int64_t now) {
    const PendingKey& next = *record.next;
    if (!next.from_passphrase && !o.key_file.empty()) {
        auto next_file = next_key_file_path(o.key_file);
        if (path_exists(next_file))
            if (auto m = replace_key_file(next_file, o.key_file); !m) return store_error(StoreFailure::disk_error, m.message());
    }
    KeyRecord done = record;
    done.from_passphrase = next.from_passphrase;
    done.salt = next.salt;
    done.limits = next.limits;
    done.check = next.check;
    done.database_made = true;
    done.next.reset();
    if (auto w = write_key_record(o.database, done); !w) return store_error(StoreFailure::disk_error, w.message());
    if (auto a = audit(db, AuditEvent::key_changed, subject, now); !a) return db.failure(a.message());
    return {};
}

// A change cut short before the database was re-encrypted: forget the new key.
StoreResult<void> undo(Database& db, const KeyOptions& o, const KeyRecord& record, const char* subject, std::int64_t now) {
    if (!o.key_file.empty()) {
        std::error_code ec;
        std::filesystem::remove(next_key_file_path(o.key_file), ec);
    }
    KeyRecord before = record;
    before.next.reset();
    before.database_made = true;
    if (auto w = write_key_record(o.database, before); !w) return store_error(StoreFailure::disk_error, w.message());
    if (auto a = audit(db, AuditEvent::key_changed, subject, now); !a) return db.failure(a.message());
    return {};
}

}  // namespace

StoreResult<void> change_database_key(Database& db, const KeyOptions& o, KeySource source,
                                      const PassphraseProvider& choose_new, std::int64_t now) {
    if (source == KeySource::credential)
        return store_error(StoreFailure::key_refused,
                           "This database's key comes from a systemd credential, which this tool cannot rewrite. Decrypt "
                           "the credential into a key file, change the key with --key, then seal the new key file again "
                           "(README: Changing the key).");
    if (source == KeySource::key_file && o.key_file.empty())
        return store_error(StoreFailure::key_missing, "No key file is configured, so no new one can be written.");
    auto read = read_key_record(o.database);
    if (!read) return store_error(StoreFailure::database_damaged, read.message());
    if (!read->has_value() || (*read)->next)
        return store_error(StoreFailure::other, "The key record " + key_record_path(o.database).string() +
                                                    " is missing or already names a pending key; reopen the store first.");
    const KeyRecord before = **read;

    // Step 1: the new key.
    SecretKey new_key;
    PendingKey next;
    const auto next_file = next_key_file_path(o.key_file);
    if (source == KeySource::key_file) {
        std::error_code ec;
        std::filesystem::remove(next_file, ec);  // left by a change cut short before step 2
        new_key = SecretKey::random();
        if (auto w = write_new_key_file(next_file, new_key); !w) return store_error(StoreFailure::disk_error, w.message());
    } else {
        auto made = ask_new_passphrase_key(o, choose_new);
        if (!made) return made.store_error();
        new_key = made->key;
        next.from_passphrase = true;
        next.salt = made->salt;
        next.limits = made->limits;
    }
    next.check = key_check_value(new_key);

    // Step 2: the record notes the pending key, so a stop from here on can be settled.
    KeyRecord pending = before;
    pending.next = next;
    if (auto w = write_key_record(o.database, pending); !w) {
        std::error_code ec;
        std::filesystem::remove(next_file, ec);
        return store_error(StoreFailure::disk_error, w.message());
    }

    // Step 3: the one commit. A checkpoint first, so every page is re-encrypted from the main file.
    auto settle_later = [&](const std::string& why) -> StoreResult<void> {
        // Whether the re-encryption committed cannot be known for sure here; the next open finds
        // out by trying both keys, and finishes or undoes the change.
        return db.failure("The database key could not be changed (" + why +
                          "). Open the store again (carers-store status) to finish or undo the change.");
    };
    // The field key (field_key.h) wrapped under the new key too, so it opens whichever key the
    // database ends up taking; the next open drops the wrap under the other.
    if (auto w = add_field_key_wrap(db, new_key); !w) {
        if (auto u = undo(db, o, before, "undone", now); !u) return u;
        return db.failure("The database key was not changed: " + w.message());
    }
    if (auto c = db.checkpoint(); !c) {
        if (auto u = undo(db, o, before, "undone", now); !u) return u;
        return db.failure("The database key was not changed: " + c.message());
    }
    if (auto rekeyed = db.rekey(new_key); !rekeyed) return settle_later(rekeyed.message());
    (void)keep_only_field_key_wrap(db, new_key);  // or at the next open
    // The old key's pages leave the -wal file and the main file; if this fails they go at the next
    // checkpoint, and the database is sound either way.
    (void)db.checkpoint();

    return complete(db, o, pending, key_source_name(source), now);
}

StoreResult<void> settle_interrupted_key_change(Database& db, const KeyOptions& o, const KeyRecord& record,
                                                const SecretKey& opened_with, std::int64_t now) {
    if (key_matches_next(record, opened_with)) return complete(db, o, record, "finished-after-stop", now);
    return undo(db, o, record, "undone-after-stop", now);
}

}  // namespace carers::store
