// Argon2id (libsodium crypto_pwhash) turning something a person types into a 32-byte key.
//
// Used for the staff passphrase that opens the database, and for "save and come back later"
// (resume code + memorable word). Costs measured on the 2-core test VM: interactive ≈ 81 ms,
// moderate ≈ 454 ms (shared/research/stack.md §6).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "kiosk/common/result.h"
#include "kiosk/store/secret_key.h"

namespace carers::store {

struct KdfLimits {
    std::uint64_t ops = 0;     // crypto_pwhash opslimit
    std::uint64_t memory = 0;  // crypto_pwhash memlimit, bytes

    static KdfLimits interactive();  // ops 2, 64 MiB
    static KdfLimits moderate();     // ops 3, 256 MiB
    // The least libsodium accepts (ops 1, 8 KiB): for tests only, never for real secrets.
    static KdfLimits test_minimum();
    bool valid() const;
};

using KdfSalt = std::array<std::uint8_t, 16>;

KdfSalt random_salt();

// Argon2id13 of `secret` with `salt` under `limits`. Fails (with a sentence) only when the
// limits are out of range or the memory cannot be had.
Result<SecretKey> derive_key(std::string_view secret, const KdfSalt& salt, const KdfLimits& limits);

}  // namespace carers::store
