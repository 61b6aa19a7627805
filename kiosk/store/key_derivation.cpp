#include "kiosk/store/key_derivation.h"

#include <cstdlib>

#include <sodium.h>

namespace carers::store {

KdfLimits KdfLimits::interactive() {
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

KdfLimits KdfLimits::moderate() { return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE}; }

KdfLimits KdfLimits::test_minimum() { return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN}; }

bool KdfLimits::valid() const {
    return ops >= crypto_pwhash_argon2id_OPSLIMIT_MIN && ops <= crypto_pwhash_argon2id_OPSLIMIT_MAX &&
           memory >= crypto_pwhash_argon2id_MEMLIMIT_MIN && memory <= (std::uint64_t{1} << 32);
}

KdfSalt random_salt() {
    static_assert(sizeof(KdfSalt) == crypto_pwhash_argon2id_SALTBYTES);
    if (sodium_init() < 0) std::abort();  // no randomness: nothing is safe to do
    KdfSalt s;
    randombytes_buf(s.data(), s.size());
    return s;
}

Result<SecretKey> derive_key(std::string_view secret, const KdfSalt& salt, const KdfLimits& limits) {
    if (sodium_init() < 0) std::abort();
    if (!limits.valid()) return make_error("The key derivation settings are out of range; the key record may be damaged.");
    SecretKey key;
    if (crypto_pwhash(key.data(), SecretKey::size, secret.data(), secret.size(), salt.data(), limits.ops,
                      static_cast<std::size_t>(limits.memory), crypto_pwhash_ALG_ARGON2ID13) != 0)
        return make_error("There was not enough memory to derive the key.");
    return key;
}

}  // namespace carers::store
