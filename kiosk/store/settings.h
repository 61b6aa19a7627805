// Settings: small named values kept in the encrypted store (venue, retention periods, staff
// lockout state, the sync device token: what must not sit in a plaintext config file). Names are
// dotted words ("outbox.retention_seconds"); values are text.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"

namespace carers::store {

// Names the store itself reads, with their defaults.
namespace setting {
inline constexpr const char* outbox_retention_seconds = "outbox.retention_seconds";  // default 0: delete at once
inline constexpr const char* outbox_sent_total = "outbox.sent_total";                // count of receipts verified
inline constexpr const char* parked_draft_days = "drafts.parked_days";               // default 14
inline constexpr const char* personal_draft_days = "drafts.personal_days";           // default 30; 0: never expire
inline constexpr const char* audit_retention_days = "audit.retention_days";          // default 400
}  // namespace setting

// Settings whose values are secret: sealed under the database's field key before SQLite sees them
// (field_key.h), stored as sealed_setting_prefix + hex. The sync device token (sync's
// device_token_store.h names it; the store cannot include sync).
inline constexpr const char* secret_settings[] = {"sync.device_token"};
inline constexpr const char* sealed_setting_prefix = "sealed:";
bool is_secret_setting(const std::string& name);

class Settings {
public:
    explicit Settings(Database& db) : db_(db) {}

    // The value, or nullopt when it was never set. A secret setting's value is opened here (it
    // needs the database's field key; an error without one).
    Result<std::optional<std::string>> get(const std::string& name);
    // The value as a whole number; `fallback` when unset; an error when set but not a number.
    Result<std::int64_t> get_int(const std::string& name, std::int64_t fallback);
    Result<void> set(const std::string& name, const std::string& value);
    Result<void> set_int(const std::string& name, std::int64_t value);
    Result<void> remove(const std::string& name);
    // Every name set, sorted (for the staff screen; values may be secret, so names only).
    Result<std::vector<std::string>> names();

private:
    Database& db_;
};

// The same as free functions (used by sync for "sync.device_token").
// The value stored under `key`, or nullopt when there is none.
Result<std::optional<std::string>> get_setting(Database& db, const std::string& key);
// Stores `value` under `key`, replacing any earlier value, durably.
Result<void> put_setting(Database& db, const std::string& key, const std::string& value);
// Removes `key`; ok when it was not there.
Result<void> erase_setting(Database& db, const std::string& key);

}  // namespace carers::store
