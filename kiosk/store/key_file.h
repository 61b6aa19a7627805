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

}  // namespace carers::store
