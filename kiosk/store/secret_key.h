// SecretKey: 32 secret bytes (a database or derived key), zeroed when it goes away.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace carers::store {

class SecretKey {
public:
    static constexpr std::size_t size = 32;

    SecretKey() { bytes_.fill(0); }
    explicit SecretKey(const std::uint8_t* bytes);
    ~SecretKey();
    SecretKey(const SecretKey& other) : bytes_(other.bytes_) {}
    SecretKey& operator=(const SecretKey& other) = default;

    // 32 fresh bytes from the operating system's CSPRNG (libsodium's randombytes).
    static SecretKey random();

    const std::uint8_t* data() const { return bytes_.data(); }
    std::uint8_t* data() { return bytes_.data(); }

    // The SQLCipher raw-key literal "x'<64 hex digits>'". The caller wipes it after use.
    std::string sqlcipher_literal() const;

private:
    std::array<std::uint8_t, size> bytes_;
};

}  // namespace carers::store
