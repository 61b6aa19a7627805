// Offline transfer for venues without a network (PROTOCOL.md §Offline bundles): the kiosk writes
// a bundle file to a USB stick, the centre imports it and writes a receipts file, which the kiosk
// then applies exactly like an online receipt.
//
// A bundle is authenticated with HMAC-SHA256 keyed by SHA-256(device token) — the value the
// centre stores — so a stick cannot be used to inject submissions under another device's name,
// and the token itself never leaves the kiosk.
#pragma once

#include <string>

#include "kiosk/common/result.h"
#include "sync/protocol/wire.h"

namespace carers::sync {

struct OfflineBundle {
    std::string device_id;
    SubmissionBatch batch;
};

// The bundle file's text, MAC'd with the device's token.
std::string encode_bundle(const OfflineBundle& bundle, const std::string& device_token);

struct OpenedBundle {
    std::string device_id;
    std::string payload;  // the batch JSON exactly as MAC'd
    std::string mac_hex;
};
// First step at the centre: the device named and the MAC'd payload, not yet trusted.
Result<OpenedBundle> open_bundle(const std::string& text);
// Second step, once the centre has looked up the device: checks the MAC with the stored hash.
Result<void> check_bundle_mac(const OpenedBundle& bundle, const std::string& stored_token_hash);

// The receipts file the centre writes after an import: the same reply an online batch gets.
std::string encode_receipts_file(const BatchReply& reply);
Result<BatchReply> decode_receipts_file(const std::string& text);

}  // namespace carers::sync
