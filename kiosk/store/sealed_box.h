// Sealing submissions to the Carers Centre: libsodium sealed boxes (X25519 + XSalsa20-Poly1305).
//
// The kiosk holds only the centre's public key, so once sealed, a submission can be read by the
// centre alone — not by the kiosk, nor by anyone who steals it together with the database key.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/common/result.h"

namespace carers::store {

using CentrePublicKey = std::array<std::uint8_t, 32>;

// Parses a base64 (standard alphabet, padded) X25519 public key.
Result<CentrePublicKey> parse_centre_public_key(const std::string& base64);

std::vector<std::uint8_t> seal_for_centre(const std::string& plaintext, const CentrePublicKey& centre);

// Opens a sealed box with the centre's key pair; refuses anything tampered with. (Centre side and
// tests only: the kiosk never has the secret key.)
Result<std::string> open_sealed(const std::vector<std::uint8_t>& sealed, const CentrePublicKey& centre_public,
                                const std::array<std::uint8_t, 32>& centre_secret);

// Hex SHA-256, as the outbox and the centre's receipts name a sealed submission.
std::string sha256_hex(const std::vector<std::uint8_t>& bytes);

// A random (version 4) UUID, e.g. "3b0c6f0e-9a55-4f0b-8e8e-1f3c2d4b5a69".
std::string random_uuid();

std::string to_base64(const std::uint8_t* bytes, std::size_t n);
Result<std::vector<std::uint8_t>> from_base64(const std::string& text);

}  // namespace carers::store
