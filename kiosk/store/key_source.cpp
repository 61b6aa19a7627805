#include "kiosk/store/key_source.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sodium.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/key_file.h"
#include "kiosk/store/key_record.h"

namespace carers::store {

namespace {

bool path_exists(const std::filesystem::path& p) {
    std::error_code ec;
    return std::filesystem::exists(std::filesystem::symlink_status(p, ec));
}

bool non_empty_file(const std::filesystem::path& p) {
    struct stat st {};
    return stat(p.c_str(), &st) == 0 && st.st_size > 0;
}

// systemd makes the credentials directory private to the service, so no owner or mode check here
// (the file is typically 0400 and owned by root while the service runs as another user).
StoreResult<SecretKey> read_credential(const std::filesystem::path& path) {
    int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return store_error(StoreFailure::key_refused,
                           "The systemd credential " + path.string() + " cannot be read: " + std::strerror(errno) + ".");
    std::uint8_t buf[SecretKey::size + 1];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    if (n != static_cast<ssize_t>(SecretKey::size)) {
        sodium_memzero(buf, sizeof buf);
        return store_error(StoreFailure::key_refused, "The systemd credential " + path.string() +
                                                          " should hold exactly 32 bytes (see README: Protecting the database key).");
    }
    SecretKey key(buf);
    sodium_memzero(buf, sizeof buf);
    return key;
}

// Whether `key` is the record's key, or the pending key of a key change under way.
bool matches_either(const KeyRecord& record, const SecretKey& key) {
    return key_matches(record, key) || key_matches_next(record, key);
}

StoreResult<DatabaseKey> ask_existing_passphrase(const KeyOptions& o, const KeyRecord& record,
                                                 const PassphraseProvider& ask) {
    if (!ask)
        return store_error(StoreFailure::key_missing,
                           "The database " + o.database.string() + " is protected by a staff passphrase, and none can be asked for here.");
    PassphraseRequest request;
    int failed = 0;
    const bool next_is_passphrase = record.next && record.next->from_passphrase;
    for (int attempt = 1; attempt <= o.passphrase_attempts; ++attempt) {
        request.attempt = attempt;
        auto typed = ask(request);
        if (!typed) return store_error(StoreFailure::key_missing, "No passphrase was given, so the database stays locked.");
        auto key = derive_key(*typed, record.salt, record.limits);
        // A passphrase change was cut short: the database may already need the new passphrase.
        std::optional<Result<SecretKey>> next_key;
        if (next_is_passphrase) next_key = derive_key(*typed, record.next->salt, record.next->limits);
        secure_wipe(*typed);
        if (!key) return store_error(StoreFailure::other, key.message());
        if (next_key && !*next_key) return store_error(StoreFailure::other, next_key->message());
        bool old_ok = key_matches(record, *key);
        bool new_ok = next_key && key_matches_next(record, **next_key);
        if (new_ok) {
            DatabaseKey found{**next_key, KeySource::passphrase, failed, std::nullopt};
            if (old_ok) found.alternative = *key;
            return found;
        }
        if (old_ok) return DatabaseKey{*key, KeySource::passphrase, failed, std::nullopt};
        ++failed;
        request.problem = "That passphrase is not right.";
    }
    return store_error(StoreFailure::key_wrong, "The passphrase was wrong " + std::to_string(failed) +
                                                    " times; the database stays locked. Restart the kiosk to try again.");
}

StoreResult<DatabaseKey> choose_new_passphrase(const KeyOptions& o, const PassphraseProvider& ask) {
    auto made = ask_new_passphrase_key(o, ask);
    if (!made) return made.store_error();
    KeyRecord record;
    record.from_passphrase = true;
    record.salt = made->salt;
    record.limits = made->limits;
    record.check = key_check_value(made->key);
    // Written before the database exists: losing the salt would lose the database.
    if (auto w = write_key_record(o.database, record); !w) return store_error(StoreFailure::disk_error, w.message());
    return DatabaseKey{made->key, KeySource::passphrase, 0, std::nullopt};
}

}  // namespace

std::filesystem::path next_key_file_path(const std::filesystem::path& key_file) { return key_file.string() + ".next"; }

StoreResult<PassphraseKey> ask_new_passphrase_key(const KeyOptions& o, const PassphraseProvider& ask) {
    if (!ask) return store_error(StoreFailure::key_missing, "A new passphrase is needed for the database, and none can be asked for here.");
    PassphraseRequest request;
    request.choosing_new = true;
    for (int attempt = 1; attempt <= o.passphrase_attempts; ++attempt) {
        request.attempt = attempt;
        auto typed = ask(request);
        if (!typed) return store_error(StoreFailure::key_missing, "No new passphrase was chosen, so nothing was changed.");
        if (typed->size() < o.passphrase_min_length) {
            secure_wipe(*typed);
            request.problem = "The passphrase must be at least " + std::to_string(o.passphrase_min_length) + " characters long.";
            continue;
        }
        PassphraseKey made;
        made.salt = random_salt();
        made.limits = o.passphrase_limits;
        auto key = derive_key(*typed, made.salt, made.limits);
        secure_wipe(*typed);
        if (!key) return store_error(StoreFailure::other, key.message());
        made.key = *key;
        return made;
    }
    return store_error(StoreFailure::key_refused, "No usable passphrase was chosen, so nothing was changed.");
}

const char* key_source_name(KeySource s) {
    switch (s) {
    case KeySource::credential: return "credential";
    case KeySource::key_file: return "key-file";
    case KeySource::passphrase: return "passphrase";
    }
    return "unknown";
}

std::filesystem::path credentials_directory_from_environment() {
    const char* dir = std::getenv("CREDENTIALS_DIRECTORY");
    return dir ? std::filesystem::path(dir) : std::filesystem::path();
}

StoreResult<DatabaseKey> resolve_database_key(const KeyOptions& o, const PassphraseProvider& ask) {
    auto record = read_key_record(o.database);
    if (!record) return store_error(StoreFailure::database_damaged, record.message());
    bool database_exists = non_empty_file(o.database);
    if (record->has_value() && (*record)->database_made && !database_exists)
        return store_error(StoreFailure::database_damaged,
                           "The database " + o.database.string() + " is missing or empty, but its key record " +
                               key_record_path(o.database).string() +
                               " shows one was made. Restore the database from a backup; to start a new, empty "
                               "store instead, remove the key record.");

    std::optional<DatabaseKey> found;
    std::string where;  // which source, for messages
    if (!o.credentials_directory.empty() && path_exists(o.credentials_directory / o.credential_name)) {
        auto path = o.credentials_directory / o.credential_name;
        auto key = read_credential(path);
        if (!key) return key.store_error();
        found = DatabaseKey{*key, KeySource::credential, 0, std::nullopt};
        where = "the systemd credential " + o.credential_name;
    } else if (!o.key_file.empty() && path_exists(o.key_file)) {
        auto key = load_key_file(o.key_file);
        if (!key) return store_error(StoreFailure::key_refused, key.message());
        found = DatabaseKey{*key, KeySource::key_file, 0, std::nullopt};
        where = "the key file " + o.key_file.string();
        // A key change cut short between writing the new key file and moving it into place.
        auto next_path = next_key_file_path(o.key_file);
        if (record->has_value() && (*record)->next && path_exists(next_path)) {
            auto next = load_key_file(next_path);
            if (next && matches_either(**record, *next)) {
                if (!matches_either(**record, found->key)) found->key = *next;
                else found->alternative = *next;
            }
        }
    } else if (record->has_value() && (*record)->from_passphrase) {
        return ask_existing_passphrase(o, **record, ask);
    }

    if (found) {
        if (record->has_value() && !matches_either(**record, found->key))
            return store_error(StoreFailure::key_wrong, "The key from " + where + " is not the key of the database " +
                                                            o.database.string() + ".");
        return std::move(*found);
    }

    if (database_exists) {
        std::string looked = "no systemd credential " + o.credential_name;
        if (!o.key_file.empty()) looked += ", no key file at " + o.key_file.string();
        return store_error(StoreFailure::key_missing,
                           "The database " + o.database.string() + " exists but its key was not found (" + looked +
                               "). Put the key back; a new key would not open it.");
    }

    // A brand-new store.
    if (o.new_key == NewKey::passphrase) return choose_new_passphrase(o, ask);
    if (o.key_file.empty())
        return store_error(StoreFailure::key_missing, "No key source is configured for the new database " + o.database.string() + ".");
    auto key = load_or_create_key_file(o.key_file);
    if (!key) return store_error(StoreFailure::disk_error, key.message());
    return DatabaseKey{*key, KeySource::key_file, 0, std::nullopt};
}

}  // namespace carers::store
