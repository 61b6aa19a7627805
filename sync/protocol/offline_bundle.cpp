#include "sync/protocol/offline_bundle.h"

#include <sodium.h>

#include "sync/protocol/device_token.h"
#include "sync/protocol/json_fields.h"

namespace carers::sync {

using nlohmann::json;

namespace {
constexpr const char* bundle_format = "carers-kiosk-bundle/1";
constexpr const char* receipts_format = "carers-kiosk-receipts/1";

std::string mac_hex(const std::string& payload, const Bytes& key) {
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, key.data(), key.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(payload.data()), payload.size());
    crypto_auth_hmacsha256_final(&st, mac);
    return hex_encode(mac, sizeof mac);
}
}  // namespace

std::string encode_bundle(const OfflineBundle& b, const std::string& device_token) {
    std::string payload = encode_batch(b.batch);
    auto key = hex_decode(token_hash(device_token));
    return json{{"format", bundle_format}, {"device_id", b.device_id}, {"payload", payload},
                {"mac", mac_hex(payload, *key)}}
        .dump();
}

Result<OpenedBundle> open_bundle(const std::string& text) {
    auto parsed = parse_json(text, "The bundle file");
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    if (!j.is_object()) return make_error("The bundle file is not a Carers Kiosk bundle.");
    auto format = get_string(j, "format", "The bundle file");
    if (!format || *format != bundle_format)
        return make_error("The bundle file is not a Carers Kiosk bundle (format carers-kiosk-bundle/1).");
    OpenedBundle b;
    auto device = get_string(j, "device_id", "The bundle file");
    if (!device) return device.error();
    if (!is_device_id(*device)) return make_error("The bundle file names no valid device.");
    b.device_id = *device;
    auto payload = get_string(j, "payload", "The bundle file");
    if (!payload) return payload.error();
    b.payload = *payload;
    auto mac = get_string(j, "mac", "The bundle file");
    if (!mac) return mac.error();
    b.mac_hex = *mac;
    return b;
}

Result<void> check_bundle_mac(const OpenedBundle& b, const std::string& stored_token_hash) {
    auto key = hex_decode(stored_token_hash);
    auto given = hex_decode(b.mac_hex);
    if (!key || !given || given->size() != crypto_auth_hmacsha256_BYTES)
        return make_error("The bundle file's seal is missing or malformed.");
    auto expected = hex_decode(mac_hex(b.payload, *key));
    if (sodium_memcmp(expected->data(), given->data(), given->size()) != 0)
        return make_error("The bundle file was not made by device " + b.device_id +
                          " or has been altered; nothing was imported.");
    return {};
}

std::string encode_receipts_file(const BatchReply& reply) {
    return json{{"format", receipts_format}, {"reply", json::parse(encode_reply(reply))}}.dump(1);
}

Result<BatchReply> decode_receipts_file(const std::string& text) {
    auto parsed = parse_json(text, "The receipts file");
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    if (!j.is_object()) return make_error("The receipts file is not a Carers Kiosk receipts file.");
    auto format = get_string(j, "format", "The receipts file");
    if (!format || *format != receipts_format)
        return make_error("The receipts file is not a Carers Kiosk receipts file (format carers-kiosk-receipts/1).");
    auto reply = j.find("reply");
    if (reply == j.end() || !reply->is_object()) return make_error("The receipts file holds no reply.");
    return decode_reply(reply->dump());
}

}  // namespace carers::sync
