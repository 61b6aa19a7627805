// Where the kiosk keeps its device token: in the encrypted store (settings key
// "sync.device_token"), never in the plaintext config. carers-admin enrol-device writes the
// token to a 0600 file once; install_device_token() moves it into the store and deletes the file.
#pragma once

#include <filesystem>
#include <string>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"

namespace carers::sync {

inline constexpr const char* device_token_setting = "sync.device_token";

// Reads the token file (refused unless a regular file owned by this user with mode 0600), stores
// the token, then overwrites and removes the file.
Result<void> install_device_token(store::Database& db, const std::filesystem::path& token_file);

// The stored token; an Error saying how to enrol when there is none.
Result<std::string> load_device_token(store::Database& db);

}  // namespace carers::sync
