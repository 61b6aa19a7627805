// Device tokens: the secret a kiosk presents (Authorization: Bearer) to prove which enrolled
// device it is. The centre keeps only token_hash(); a stolen centre database reveals no token.
#pragma once

#include <string>

namespace carers::sync {

// "ck1_" followed by 43 base64url characters (256 random bits).
std::string new_device_token();

// Whether `token` has the shape new_device_token() makes (checked before hashing a header).
bool looks_like_device_token(const std::string& token);

// Lowercase hex SHA-256 of the token. Tokens carry 256 random bits, so a fast hash is enough:
// there is nothing to brute-force.
std::string token_hash(const std::string& token);

}  // namespace carers::sync
