// Where the database key comes from, in this order:
//   1. a systemd credential, $CREDENTIALS_DIRECTORY/<name> (32 bytes; systemd-creds can seal it
//      to the TPM so a stolen disk alone is useless),
//   2. a key file (32 bytes, mode 0600, owned by the user the kiosk runs as),
//   3. a staff passphrase typed at start-up (Argon2id; salt and limits in the key record beside
//      the database).
// The README section "Protecting the database key" gives the commands for each.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "kiosk/store/key_derivation.h"
#include "kiosk/store/secret_key.h"
#include "kiosk/store/store_failure.h"

namespace carers::store {

enum class KeySource { credential, key_file, passphrase };
const char* key_source_name(KeySource s);  // "credential", "key-file", "passphrase"

// How a brand-new database gets its key, when none of the sources exists yet.
enum class NewKey { key_file, passphrase };

struct KeyOptions {
    std::filesystem::path database;                       // the key record lives beside it
    std::filesystem::path credentials_directory;          // usually $CREDENTIALS_DIRECTORY; empty: none
    std::string credential_name = "carers-kiosk-db-key";
    std::filesystem::path key_file;                       // empty: no key file
    NewKey new_key = NewKey::key_file;
    KdfLimits passphrase_limits = KdfLimits::moderate();  // for a new passphrase (≈0.45 s)
    int passphrase_attempts = 3;
    std::size_t passphrase_min_length = 10;
};

// $CREDENTIALS_DIRECTORY, or empty when systemd did not set it.
std::filesystem::path credentials_directory_from_environment();

struct PassphraseRequest {
    bool choosing_new = false;  // first run: ask for a new passphrase (and to type it twice)
    int attempt = 1;
    std::string problem;        // why the last attempt failed, to show above the field; empty at first
};
// Asks staff for the passphrase; nullopt when they cancel.
using PassphraseProvider = std::function<std::optional<std::string>(const PassphraseRequest&)>;

struct DatabaseKey {
    SecretKey key;
    KeySource source = KeySource::key_file;
    int failed_passphrases = 0;  // wrong passphrases typed before the right one (for the audit log)
    // When a key change was cut short (the key record has a pending key): the other key that may
    // open the database. LocalStore::open tries `key`, then this, and finishes or undoes the change.
    std::optional<SecretKey> alternative;
};

// The new key file a key change writes before it re-encrypts: "<key file>.next".
std::filesystem::path next_key_file_path(const std::filesystem::path& key_file);

// A key made from a new staff passphrase: asks (choosing_new) until one is long enough, at most
// options.passphrase_attempts times. key_missing when cancelled, key_refused when none was usable.
struct PassphraseKey {
    SecretKey key;
    KdfSalt salt{};
    KdfLimits limits;
};
StoreResult<PassphraseKey> ask_new_passphrase_key(const KeyOptions& options, const PassphraseProvider& ask);

// Finds the key for `options.database` from the first source that exists, checking it against
// the key record when there is one. Never invents a new key for a database that already exists.
// A new passphrase's record is written before the database is made (losing the salt would lose
// the database); LocalStore::open completes the record once the database has opened.
// Failures: key_refused (a source is unsafe or malformed), key_missing (no source, or the
// passphrase prompt was cancelled), key_wrong (the key does not match the record, or three wrong
// passphrases), database_damaged (the key record is damaged, or the database is gone but its
// record remains), disk_error (cannot write a new key file or record). While a key change is
// pending, a key matching either the record's key or its pending key is accepted.
StoreResult<DatabaseKey> resolve_database_key(const KeyOptions& options, const PassphraseProvider& ask_passphrase);

}  // namespace carers::store
