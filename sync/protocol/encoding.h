// Byte encodings the protocol uses on the wire: base64 (standard alphabet, padded), lowercase hex,
// and SHA-256. Thin wrappers over libsodium so every part of sync spells them the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace carers::sync {

using Bytes = std::vector<std::uint8_t>;

std::string base64_encode(const std::uint8_t* bytes, std::size_t n);
inline std::string base64_encode(const Bytes& bytes) { return base64_encode(bytes.data(), bytes.size()); }
// Strict: no whitespace, padding required. nullopt when `text` is not base64.
std::optional<Bytes> base64_decode(const std::string& text);

std::string hex_encode(const std::uint8_t* bytes, std::size_t n);
std::optional<Bytes> hex_decode(const std::string& text);

// Lowercase hex SHA-256, as the outbox and receipts name a sealed submission.
std::string sha256_hex(const std::uint8_t* bytes, std::size_t n);
inline std::string sha256_hex(const Bytes& bytes) { return sha256_hex(bytes.data(), bytes.size()); }
inline std::string sha256_hex(const std::string& text) {
    return sha256_hex(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

// Checks that need no regex: a lowercase RFC 4122 UUID, 64 lowercase hex digits, a device id.
bool is_uuid(const std::string& s);
bool is_sha256_hex(const std::string& s);
// 1..64 characters from [A-Za-z0-9._-]: safe in logs, file names and the receipt's text.
bool is_device_id(const std::string& s);

// A fresh random (version 4) UUID.
std::string new_uuid();

}  // namespace carers::sync
