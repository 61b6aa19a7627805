// The database key kept in a key file beside the database.
#pragma once

#include <filesystem>

#include "kiosk/common/result.h"
#include "kiosk/store/secret_key.h"

namespace carers::store {

// Reads the 32-byte key at `path`, creating it (32 random bytes, mode 0600) if it does not exist.
// Refuses a key file that is not a regular file, is owned by another user, can be read or written
// by group or others, or is not exactly 32 bytes — each with a sentence saying how to fix it.
Result<SecretKey> load_or_create_key_file(const std::filesystem::path& path);

// Reads an existing key file under the same rules; never creates one.
Result<SecretKey> load_key_file(const std::filesystem::path& path);

// Writes `key` to a new file at `path` (mode 0600, fsync, and fsync of its folder). Refuses when
// something is already there.
Result<void> write_new_key_file(const std::filesystem::path& path, const SecretKey& key);

// Moves the key file `from` over `to` atomically and durably (rename, fsync of the folder).
Result<void> replace_key_file(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace carers::store
