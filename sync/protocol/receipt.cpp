#include "sync/protocol/receipt.h"

#include <algorithm>
#include <cstdlib>

#include <sodium.h>

#include "sync/protocol/encoding.h"

namespace carers::sync {

std::string canonical_receipt_text(const Receipt& r) {
    std::vector<ReceiptItem> items = r.items;
    std::sort(items.begin(), items.end(), [](const ReceiptItem& a, const ReceiptItem& b) {
        return a.id != b.id ? a.id < b.id : a.sha256 < b.sha256;
    });
    std::string text = "carers-kiosk-receipt/1\n";
    text += "device:" + r.device_id + "\n";
    text += "batch:" + r.batch_id + "\n";
    text += "issued:" + std::to_string(r.issued_at) + "\n";
    for (const auto& item : items) text += item.id + " " + item.sha256 + "\n";
    return text;
}

void sign_receipt(Receipt& r, const ReceiptSecretKey& key) {
    if (sodium_init() < 0) std::abort();
    std::string text = canonical_receipt_text(r);
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(text.data()),
                         text.size(), key.data());
    r.signature = base64_encode(sig, sizeof sig);
}

Result<void> verify_receipt(const Receipt& r, const ReceiptPublicKey& key) {
    if (sodium_init() < 0) std::abort();
    // Fields that could make two different receipts share one text are refused outright.
    if (!is_device_id(r.device_id) || !is_uuid(r.batch_id))
        return make_error("The centre's receipt is malformed (device or batch id).");
    for (const auto& item : r.items)
        if (!is_uuid(item.id) || !is_sha256_hex(item.sha256))
            return make_error("The centre's receipt is malformed (an id or hash).");
    auto sig = base64_decode(r.signature);
    if (!sig || sig->size() != crypto_sign_BYTES)
        return make_error("The centre's receipt has no valid signature.");
    std::string text = canonical_receipt_text(r);
    if (crypto_sign_verify_detached(sig->data(), reinterpret_cast<const unsigned char*>(text.data()),
                                    text.size(), key.data()) != 0)
        return make_error(
            "The centre's receipt signature does not verify with the configured receipt key: "
            "nothing was deleted from this kiosk.");
    return {};
}

ReceiptKeyPair generate_receipt_key_pair() {
    if (sodium_init() < 0) std::abort();
    ReceiptKeyPair kp;
    crypto_sign_keypair(kp.public_key.data(), kp.secret_key.data());
    return kp;
}

}  // namespace carers::sync
