#include "kiosk/store/sealed_box.h"

#include <cstdio>

#include <openssl/sha.h>
#include <sodium.h>

#include "kiosk/common/secure_wipe.h"

namespace carers::store {

namespace {
void init_sodium() {
    if (sodium_init() < 0) std::abort();  // without randomness nothing can be sealed safely
}
}  // namespace

std::string to_base64(const std::uint8_t* bytes, std::size_t n) {
    std::string out(sodium_base64_encoded_len(n, sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), bytes, n, sodium_base64_VARIANT_ORIGINAL);
    out.pop_back();  // the terminating NUL
    return out;
}

Result<std::vector<std::uint8_t>> from_base64(const std::string& text) {
    std::vector<std::uint8_t> out(text.size());
    std::size_t n = 0;
    if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), " \n\r", &n, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0)
        return make_error("It is not valid base64.");
    out.resize(n);
    return out;
}

Result<CentrePublicKey> parse_centre_public_key(const std::string& base64) {
    auto bytes = from_base64(base64);
    if (!bytes || bytes->size() != crypto_box_PUBLICKEYBYTES)
        return make_error("The Carers Centre's sealing key is not a valid public key (32 bytes in base64).");
    CentrePublicKey k;
    std::copy(bytes->begin(), bytes->end(), k.begin());
    return k;
}

std::vector<std::uint8_t> seal_for_centre(const std::string& plaintext, const CentrePublicKey& centre) {
    init_sodium();
    std::vector<std::uint8_t> sealed(plaintext.size() + crypto_box_SEALBYTES);
    crypto_box_seal(sealed.data(), reinterpret_cast<const unsigned char*>(plaintext.data()), plaintext.size(),
                    centre.data());
    return sealed;
}

Result<std::string> open_sealed(const std::vector<std::uint8_t>& sealed, const CentrePublicKey& centre_public,
                                const std::array<std::uint8_t, 32>& centre_secret) {
    init_sodium();
    if (sealed.size() < crypto_box_SEALBYTES) return make_error("The sealed submission is too short to be genuine.");
    std::string plain(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()), sealed.data(), sealed.size(),
                             centre_public.data(), centre_secret.data()) != 0) {
        secure_wipe(plain);
        return make_error("The sealed submission cannot be opened with this key, or has been altered.");
    }
    return plain;
}

std::string sha256_hex(const std::vector<std::uint8_t>& bytes) {
    // OpenSSL's, not libsodium's: it uses the CPU's SHA extensions where there are some, about ten
    // times faster on every submit (the same digest either way).
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(bytes.data(), bytes.size(), digest);
    char hex[SHA256_DIGEST_LENGTH * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

std::string random_uuid() {
    init_sodium();
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC 4122 variant
    char out[37];
    std::snprintf(out, sizeof out, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return out;
}

}  // namespace carers::store
