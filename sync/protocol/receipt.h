// The centre's receipt: an Ed25519 signature over the ids and hashes it holds from one batch.
//
// A kiosk deletes a submission only when a receipt naming its id and exact hash verifies against
// the centre's receipt public key from the kiosk's configuration.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/common/result.h"

namespace carers::sync {

using ReceiptPublicKey = std::array<std::uint8_t, 32>;
using ReceiptSecretKey = std::array<std::uint8_t, 64>;  // libsodium's Ed25519 secret (seed + public)

struct ReceiptItem {
    std::string id;
    std::string sha256;
    bool operator==(const ReceiptItem&) const = default;
};

struct Receipt {
    std::string device_id;
    std::string batch_id;
    std::int64_t issued_at = 0;
    std::vector<ReceiptItem> items;
    std::string signature;  // base64 Ed25519 signature over canonical_receipt_text()
};

// The exact bytes signed: a header naming the format, the device, the batch and the time, then one
// "<id> <sha256>" line per item in ascending order. Ids and hashes are validated before anyone
// signs or verifies, so no field can smuggle a newline in.
std::string canonical_receipt_text(const Receipt& receipt);

void sign_receipt(Receipt& receipt, const ReceiptSecretKey& key);

// Ok only when the signature is genuine for `key` over exactly these fields.
Result<void> verify_receipt(const Receipt& receipt, const ReceiptPublicKey& key);

struct ReceiptKeyPair {
    ReceiptPublicKey public_key;
    ReceiptSecretKey secret_key;
};
ReceiptKeyPair generate_receipt_key_pair();

}  // namespace carers::sync
