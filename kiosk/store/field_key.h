// FieldKey: personal data is sealed before SQLite sees it, so SQLite's memory never holds it.
//
// Personal-mode drafts and secret settings (the sync device token) are sealed here with
// XChaCha20-Poly1305 under the database's field key, a random 32-byte key kept in the database
// wrapped (sealed) under a key derived from the database key (crypto_kdf). SQLite stores, caches
// and frees only ciphertext, so SQLCipher's memory security (an mlock and a wiping munlock for
// every allocation SQLite makes) has nothing personal left to protect and is off
// (kiosk/store/README.md, "Personal data never in SQLite's memory"). Each sealed value is bound to
// where it belongs (`context`: the table and row), so a value moved to another row does not open.
//
// Changing the database key does not re-seal anything: the field key gets a second wrap under the
// new key before the database is re-encrypted (add_field_key_wrap), and the wrap under the key the
// database no longer takes is dropped at the next open (or at once when the change completes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/secret_key.h"

namespace carers::store {

class Database;

// The first schema with a field key (schema.cpp, migration 5).
inline constexpr int field_key_schema = 5;

// Seals `n` bytes at `plain` under `key` for `context` (random nonce || ciphertext || tag).
std::vector<std::uint8_t> seal_field(const SecretKey& key, const void* plain, std::size_t n, std::string_view context);
// Opens what seal_field sealed for the same `context`; refuses anything altered or moved. The
// plaintext is personal data: the caller wipes it (carers::secure_wipe).
Result<std::string> open_field(const SecretKey& key, const std::vector<std::uint8_t>& sealed, std::string_view context);

// At open (Database::open, the kiosk's schema from field_key_schema on): unwraps the field key
// with `database_key` and gives it to `db`; makes one for a database without; drops wraps under
// other keys (a key change finished or undone); and seals what an earlier schema kept in clear
// (personal drafts, secret settings) — with SQLCipher's memory security switched on first, since
// those rows pass through SQLite's memory once more. A wrap that no key opens is damage.
Result<void> load_field_key(Database& db, const SecretKey& database_key);

// Before a key change re-encrypts the database: the field key wrapped under `new_database_key`
// too, so whichever key the database ends up taking opens it.
Result<void> add_field_key_wrap(Database& db, const SecretKey& new_database_key);

// After a key change completed: only the wrap under `database_key` is kept.
Result<void> keep_only_field_key_wrap(Database& db, const SecretKey& database_key);

}  // namespace carers::store
