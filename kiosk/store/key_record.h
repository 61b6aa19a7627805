// The key record: a small file beside the database ("<database>.key-record") that says how its
// key is made and lets the kiosk check a key before trying it.
//
// It holds a check value (BLAKE2b of a fixed text, keyed with the database key: it reveals nothing
// about a random key, and no more about a passphrase than the database file itself does) and, for
// a passphrase, the Argon2id salt and limits. Keep it with the database in backups: without it a
// passphrase cannot be turned back into the key.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>

#include "kiosk/common/result.h"
#include "kiosk/store/key_derivation.h"
#include "kiosk/store/secret_key.h"

namespace carers::store {

using KeyCheck = std::array<std::uint8_t, 32>;

// A new key a key change (key_rotation.h) is moving to, recorded before the database is
// re-encrypted, so that a change cut short can be finished or undone at the next start.
struct PendingKey {
    bool from_passphrase = false;
    KdfSalt salt{};     // passphrase only
    KdfLimits limits;   // passphrase only
    KeyCheck check{};
};

struct KeyRecord {
    bool from_passphrase = false;
    KdfSalt salt{};     // passphrase only
    KdfLimits limits;   // passphrase only
    KeyCheck check{};
    // The database was opened with this key at least once. A record that says so, beside a
    // missing database, means the database was lost; one that does not (a crash between choosing
    // a passphrase and making the database) lets the database be made.
    bool database_made = false;
    // Set while a key change is under way (between "about to re-encrypt" and "done").
    std::optional<PendingKey> next;
};

std::filesystem::path key_record_path(const std::filesystem::path& database);

KeyCheck key_check_value(const SecretKey& key);
// Whether `key` is the one the record was made for (constant-time comparison).
bool key_matches(const KeyRecord& record, const SecretKey& key);
// Whether `key` is the new key of a key change under way.
bool key_matches_next(const KeyRecord& record, const SecretKey& key);

// The record beside `database`: nullopt when there is none; an error when it is unreadable or
// malformed.
Result<std::optional<KeyRecord>> read_key_record(const std::filesystem::path& database);

// Writes the record atomically and durably (temporary file, fsync, rename, fsync of the folder).
Result<void> write_key_record(const std::filesystem::path& database, const KeyRecord& record);

}  // namespace carers::store
