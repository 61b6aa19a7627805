#include "sync/protocol/device_token.h"

#include <cstdlib>

#include <sodium.h>

#include "sync/protocol/encoding.h"

namespace carers::sync {

std::string new_device_token() {
    if (sodium_init() < 0) std::abort();
    unsigned char raw[32];
    randombytes_buf(raw, sizeof raw);
    char b64[sodium_base64_ENCODED_LEN(32, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
    sodium_bin2base64(b64, sizeof b64, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    sodium_memzero(raw, sizeof raw);
    std::string token = std::string("ck1_") + b64;
    sodium_memzero(b64, sizeof b64);
    return token;
}

bool looks_like_device_token(const std::string& token) {
    if (token.size() != 47 || token.rfind("ck1_", 0) != 0) return false;
    for (std::size_t i = 4; i < token.size(); ++i) {
        char c = token[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::string token_hash(const std::string& token) { return sha256_hex(token); }

}  // namespace carers::sync
