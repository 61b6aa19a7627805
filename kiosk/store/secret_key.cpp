#include "kiosk/store/secret_key.h"

#include <cstring>

#include <sodium.h>

namespace carers::store {

SecretKey::SecretKey(const std::uint8_t* bytes) { std::memcpy(bytes_.data(), bytes, size); }

SecretKey::~SecretKey() { sodium_memzero(bytes_.data(), bytes_.size()); }

SecretKey SecretKey::random() {
    if (sodium_init() < 0) std::abort();  // no usable randomness: nothing is safe to do
    SecretKey k;
    randombytes_buf(k.bytes_.data(), k.bytes_.size());
    return k;
}

std::string SecretKey::sqlcipher_literal() const {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes_.data(), bytes_.size());
    hex.pop_back();
    std::string literal = "x'" + hex + "'";
    sodium_memzero(hex.data(), hex.size());
    return literal;
}

}  // namespace carers::store
