// Settings: small named values kept inside the encrypted store (the `settings` table), for what
// must not sit in a plaintext config file — e.g. the sync device token ("sync.device_token").
#pragma once

#include <optional>
#include <string>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"

namespace carers::store {

// The value stored under `key`, or nullopt when there is none.
Result<std::optional<std::string>> get_setting(Database& db, const std::string& key);
// Stores `value` under `key`, replacing any earlier value, durably.
Result<void> put_setting(Database& db, const std::string& key, const std::string& value);
// Removes `key`; ok when it was not there.
Result<void> erase_setting(Database& db, const std::string& key);

}  // namespace carers::store
