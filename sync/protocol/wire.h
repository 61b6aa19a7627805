// The wire format of protocol version 1 (sync/PROTOCOL.md): a batch of sealed envelopes, the
// centre's per-envelope results and its signed receipt, and error replies.
//
// Decoding is strict and total: any JSON text, however malformed, gives either a value or an
// Error whose sentence says what is wrong without quoting the input back.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "sync/protocol/encoding.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/receipt.h"

namespace carers::sync {

// One sealed submission as it travels: the outbox envelope, sealed bytes in base64 on the wire.
struct WireEnvelope {
    std::string id;  // lowercase UUID
    std::string form_url;
    std::string form_version;
    std::string kind;
    std::int64_t created_at = 0;  // unix seconds
    std::string sha256;           // lowercase hex SHA-256 of `sealed`
    Bytes sealed;
};

struct SubmissionBatch {
    std::string batch_id;  // lowercase UUID, chosen by the kiosk; bound into the receipt
    std::vector<WireEnvelope> envelopes;
};

enum class ItemStatus { Stored, AlreadyHeld, Rejected };
const char* to_string(ItemStatus s);

struct ItemResult {
    std::string id;
    ItemStatus status = ItemStatus::Rejected;
    std::string reason;  // set when Rejected; a sentence, no personal data
};

struct BatchReply {
    std::string batch_id;
    std::vector<ItemResult> results;
    Receipt receipt;
};

std::string encode_batch(const SubmissionBatch& batch);
// Refuses (whole batch): not JSON, invalid UTF-8, wrong types, missing fields, bad ids or hashes,
// a protocol version it does not speak, more than `limits.max_batch_count` envelopes, or the same
// id twice. Per-envelope problems that are not structural (hash mismatch, oversize) are left to
// the receiver, which rejects that envelope alone.
Result<SubmissionBatch> decode_batch(const std::string& json, const ProtocolLimits& limits);

std::string encode_reply(const BatchReply& reply);
Result<BatchReply> decode_reply(const std::string& json);

// {"protocol":1,"error":"..."}; decode_error_reply gives the sentence, or "" if there is none.
std::string encode_error(const std::string& reason);
std::string decode_error_reply(const std::string& json);

}  // namespace carers::sync
