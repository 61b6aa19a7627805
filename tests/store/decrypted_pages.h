// Every page of a SQLCipher 4 database file decrypted with its raw key, as someone who stole the
// kiosk and its key could: live rows, free pages and the unused space inside pages alike. For
// tests that what was deleted is really gone (secure_delete), not just unlinked from the b-tree.
//
// The format (SQLCipher 4 defaults, which database.cpp pins): 4096-byte pages; the last 80 bytes
// of each are a 16-byte IV and a 64-byte HMAC; the rest is AES-256-CBC under the raw key. Page 1
// begins with the file's 16-byte salt in clear.
#pragma once

#include <catch2/catch_test_macros.hpp>

#include <openssl/evp.h>

#include <filesystem>
#include <string>

#include "kiosk/store/secret_key.h"
#include "tests/support/test_files.h"

namespace carers::store::test_fixtures {

inline std::string decrypted_pages(const std::filesystem::path& file, const SecretKey& key) {
    constexpr std::size_t page = 4096, reserve = 80, iv_size = 16, salt = 16;
    std::string raw = test::read_file(file);
    REQUIRE(raw.size() % page == 0);
    std::string plain;
    for (std::size_t at = 0; at < raw.size(); at += page) {
        std::size_t skip = at == 0 ? salt : 0;
        const auto* in = reinterpret_cast<const unsigned char*>(raw.data() + at + skip);
        int n = static_cast<int>(page - reserve - skip);
        const auto* iv = reinterpret_cast<const unsigned char*>(raw.data() + at + page - reserve);
        std::string out(static_cast<std::size_t>(n) + iv_size, '\0');
        EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
        REQUIRE(ctx);
        int len = 0, tail = 0;
        bool ok = EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), nullptr, key.data(), iv) == 1 &&
                  EVP_CIPHER_CTX_set_padding(ctx, 0) == 1 &&
                  EVP_DecryptUpdate(ctx, reinterpret_cast<unsigned char*>(out.data()), &len, in, n) == 1 &&
                  EVP_DecryptFinal_ex(ctx, reinterpret_cast<unsigned char*>(out.data()) + len, &tail) == 1;
        EVP_CIPHER_CTX_free(ctx);
        REQUIRE(ok);
        out.resize(static_cast<std::size_t>(len + tail));
        plain += out;
    }
    return plain;
}

}  // namespace carers::store::test_fixtures
