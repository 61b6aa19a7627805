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

StoreResult<DatabaseKey> ask_existing_passphrase(const KeyOptions& o, const KeyRecord& record,
                                                 const PassphraseProvider& ask) {
    if (!ask)
        return store_error(StoreFailure::key_missing,
                           "The database " + o.database.string() + " is protected by a staff passphrase, and none can be asked for here.");
    PassphraseRequest request;
    int failed = 0;
    for (int attempt = 1; attempt <= o.passphrase_attempts; ++attempt) {
        request.attempt = attempt;
        auto typed = ask(request);
        if (!typed) return store_error(StoreFailure::key_missing, "No passphrase was given, so the database stays locked.");
        auto key = derive_key(*typed, record.salt, record.limits);
        secure_wipe(*typed);
        if (!key) return store_error(StoreFailure::other, key.message());
        if (key_matches(record, *key)) return DatabaseKey{*key, KeySource::passphrase, failed};
        ++failed;
        request.problem = "That passphrase is not right.";
    }
    return store_error(StoreFailure::key_wrong, "The passphrase was wrong " + std::to_string(failed) +
                                                    " times; the database stays locked. Restart the kiosk to try again.");
}

StoreResult<DatabaseKey> choose_new_passphrase(const KeyOptions& o, const PassphraseProvider& ask) {
    if (!ask) return store_error(StoreFailure::key_missing, "A new passphrase is needed for the database, and none can be asked for here.");
    PassphraseRequest request;
    request.choosing_new = true;
    for (int attempt = 1; attempt <= o.passphrase_attempts; ++attempt) {
        request.attempt = attempt;
        auto typed = ask(request);
        if (!typed) return store_error(StoreFailure::key_missing, "No passphrase was chosen, so no database was made.");
        if (typed->size() < o.passphrase_min_length) {
            secure_wipe(*typed);
            request.problem = "The passphrase must be at least " + std::to_string(o.passphrase_min_length) + " characters long.";
            continue;
        }
        KeyRecord record;
        record.from_passphrase = true;
        record.salt = random_salt();
        record.limits = o.passphrase_limits;
        auto key = derive_key(*typed, record.salt, record.limits);
        secure_wipe(*typed);
        if (!key) return store_error(StoreFailure::other, key.message());
        record.check = key_check_value(*key);
        // Written before the database exists: losing the salt would lose the database.
        if (auto w = write_key_record(o.database, record); !w) return store_error(StoreFailure::disk_error, w.message());
        return DatabaseKey{*key, KeySource::passphrase, 0};
    }
    return store_error(StoreFailure::key_refused, "No usable passphrase was chosen, so no database was made.");
}

}  // namespace

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
        found = DatabaseKey{*key, KeySource::credential, 0};
        where = "the systemd credential " + o.credential_name;
    } else if (!o.key_file.empty() && path_exists(o.key_file)) {
        auto key = load_key_file(o.key_file);
        if (!key) return store_error(StoreFailure::key_refused, key.message());
        found = DatabaseKey{*key, KeySource::key_file, 0};
        where = "the key file " + o.key_file.string();
    } else if (record->has_value() && (*record)->from_passphrase) {
        return ask_existing_passphrase(o, **record, ask);
    }

    if (found) {
        if (record->has_value() && !key_matches(**record, found->key))
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
    return DatabaseKey{*key, KeySource::key_file, 0};
}

}  // namespace carers::store
