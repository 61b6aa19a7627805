// Changing the database key ("carers-store rekey"): when a key file may have been copied, a
// member of staff who knew the passphrase has left, or as routine.
//
// The database is re-encrypted in place with SQLCipher's PRAGMA rekey, which rewrites every page
// inside one write transaction: it commits whole or not at all. The key's other half lives in
// files beside it (the key file or the passphrase's salt, and the key record), and no two files
// can be switched at once, so the change goes in steps, each safe to be cut short:
//   1. the new key is made: a new key file "<key file>.next", or a new passphrase and salt;
//   2. the key record notes the pending key (its check value, and salt for a passphrase);
//   3. the database is re-encrypted (the one commit), and checkpointed so no page under the old
//      key stays in the -wal or the main file;
//   4. "<key file>.next" replaces the key file;
//   5. the key record names the new key only.
// When a change was cut short, LocalStore::open tries both keys, finds which one the database
// takes, and finishes the change (after step 3) or undoes it (before), auditing which.
//
// A database under a systemd credential is not re-keyed here: decrypt the credential into a key
// file, re-key with that, and seal the new key file again (README: "Changing the key").
// Backups made before the change still need the old key: keep it with them.
#pragma once

#include <cstdint>

#include "kiosk/store/database.h"
#include "kiosk/store/key_record.h"
#include "kiosk/store/key_source.h"

namespace carers::store {

// Re-encrypts `db` (opened with the key found through `source`) under a new key: a new random
// key file for a key-file store, a new passphrase (asked with choosing_new) for a passphrase
// store. Audits "key-changed". Refuses a credential store (key_refused) and a cancelled prompt
// (key_missing); nothing changes then. A failure after step 3 is finished at the next open.
StoreResult<void> change_database_key(Database& db, const KeyOptions& options, KeySource source,
                                      const PassphraseProvider& choose_new, std::int64_t now);

// After LocalStore::open found that `record` has a pending key and the database opened with
// `opened_with`: completes the change (the database took the new key) or undoes it (the old one),
// and audits which ("finished" or "undone").
StoreResult<void> settle_interrupted_key_change(Database& db, const KeyOptions& options, const KeyRecord& record,
                                                const SecretKey& opened_with, std::int64_t now);

}  // namespace carers::store
