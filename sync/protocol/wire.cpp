#include "sync/protocol/wire.h"

#include <set>

#include "sync/protocol/json_fields.h"

namespace carers::sync {

using nlohmann::json;

const char* to_string(ItemStatus s) {
    switch (s) {
    case ItemStatus::Stored: return "stored";
    case ItemStatus::AlreadyHeld: return "already-held";
    case ItemStatus::Rejected: return "rejected";
    }
    return "rejected";
}

namespace {

bool is_kind(const std::string& s) {
    if (s.empty() || s.size() > max_short_field_chars) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
    return true;
}

json envelope_json(const WireEnvelope& e) {
    return json{{"id", e.id},           {"form_url", e.form_url}, {"form_version", e.form_version},
                {"kind", e.kind},       {"created_at", e.created_at}, {"sha256", e.sha256},
                {"sealed", base64_encode(e.sealed)}};
}

Result<WireEnvelope> decode_envelope(const json& j, std::size_t index) {
    std::string where = "envelope " + std::to_string(index);
    if (!j.is_object()) return make_error(where + " is not an object.");
    WireEnvelope e;
    auto id = get_string(j, "id", where);
    if (!id) return id.error();
    if (!is_uuid(*id)) return make_error(where + ": \"id\" must be a lowercase UUID.");
    e.id = *id;
    where = "envelope " + e.id;
    auto url = get_string(j, "form_url", where);
    if (!url) return url.error();
    if (url->empty() || url->size() > max_form_url_chars)
        return make_error(where + ": \"form_url\" must have 1 to 2048 characters.");
    e.form_url = *url;
    auto version = get_string(j, "form_version", where);
    if (!version) return version.error();
    if (version->size() > max_short_field_chars)
        return make_error(where + ": \"form_version\" is longer than 64 characters.");
    e.form_version = *version;
    auto kind = get_string(j, "kind", where);
    if (!kind) return kind.error();
    if (!is_kind(*kind)) return make_error(where + ": \"kind\" must be 1 to 64 of a-z, 0-9 and -.");
    e.kind = *kind;
    auto created = get_int(j, "created_at", where);
    if (!created) return created.error();
    if (*created < 0) return make_error(where + ": \"created_at\" must not be negative.");
    e.created_at = *created;
    auto hash = get_string(j, "sha256", where);
    if (!hash) return hash.error();
    if (!is_sha256_hex(*hash)) return make_error(where + ": \"sha256\" must be 64 lowercase hex digits.");
    e.sha256 = *hash;
    auto sealed = get_string(j, "sealed", where);
    if (!sealed) return sealed.error();
    auto bytes = base64_decode(*sealed);
    if (!bytes) return make_error(where + ": \"sealed\" is not base64.");
    e.sealed = std::move(*bytes);
    return e;
}

json receipt_json(const Receipt& r) {
    json items = json::array();
    for (const auto& i : r.items) items.push_back({{"id", i.id}, {"sha256", i.sha256}});
    return json{{"device_id", r.device_id}, {"batch_id", r.batch_id}, {"issued_at", r.issued_at},
                {"items", std::move(items)},  {"signature", r.signature}};
}

Result<Receipt> decode_receipt(const json& j) {
    const std::string where = "receipt";
    if (!j.is_object()) return make_error("The centre's reply has no receipt.");
    Receipt r;
    auto device = get_string(j, "device_id", where);
    if (!device) return device.error();
    r.device_id = *device;
    auto batch = get_string(j, "batch_id", where);
    if (!batch) return batch.error();
    r.batch_id = *batch;
    auto issued = get_int(j, "issued_at", where);
    if (!issued) return issued.error();
    r.issued_at = *issued;
    auto sig = get_string(j, "signature", where);
    if (!sig) return sig.error();
    r.signature = *sig;
    auto items = j.find("items");
    if (items == j.end() || !items->is_array()) return make_error("receipt: \"items\" must be a list.");
    for (const auto& it : *items) {
        if (!it.is_object()) return make_error("receipt: an item is not an object.");
        auto id = get_string(it, "id", where);
        if (!id) return id.error();
        auto hash = get_string(it, "sha256", where);
        if (!hash) return hash.error();
        r.items.push_back({*id, *hash});
    }
    return r;
}

Result<int> check_protocol(const json& j, const char* what) {
    auto v = get_int(j, "protocol", what);
    if (!v) return v.error();
    if (*v != protocol_version)
        return make_error(std::string(what) + " uses protocol version " + std::to_string(*v) +
                          "; this software speaks version " + std::to_string(protocol_version) + ".");
    return static_cast<int>(*v);
}

}  // namespace

std::string encode_batch(const SubmissionBatch& batch) {
    json envelopes = json::array();
    for (const auto& e : batch.envelopes) envelopes.push_back(envelope_json(e));
    return json{{"protocol", protocol_version}, {"batch_id", batch.batch_id}, {"envelopes", std::move(envelopes)}}
        .dump();
}

Result<SubmissionBatch> decode_batch(const std::string& text, const ProtocolLimits& limits) {
    auto parsed = parse_json(text, "The batch");
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    if (!j.is_object()) return make_error("The batch must be a JSON object.");
    if (auto v = check_protocol(j, "The batch"); !v) return v.error();
    SubmissionBatch batch;
    auto batch_id = get_string(j, "batch_id", "The batch");
    if (!batch_id) return batch_id.error();
    if (!is_uuid(*batch_id)) return make_error("The batch: \"batch_id\" must be a lowercase UUID.");
    batch.batch_id = *batch_id;
    auto envelopes = j.find("envelopes");
    if (envelopes == j.end() || !envelopes->is_array())
        return make_error("The batch: \"envelopes\" must be a list.");
    if (envelopes->size() > limits.max_batch_count)
        return make_error("The batch has " + std::to_string(envelopes->size()) +
                          " envelopes; the most the centre takes at once is " +
                          std::to_string(limits.max_batch_count) + ".");
    std::set<std::string> seen;
    batch.envelopes.reserve(envelopes->size());
    for (std::size_t i = 0; i < envelopes->size(); ++i) {
        auto e = decode_envelope((*envelopes)[i], i);
        if (!e) return e.error();
        if (!seen.insert(e->id).second)
            return make_error("The batch holds envelope " + e->id + " twice.");
        batch.envelopes.push_back(std::move(*e));
    }
    return batch;
}

std::string encode_reply(const BatchReply& reply) {
    json results = json::array();
    for (const auto& r : reply.results) {
        json item{{"id", r.id}, {"status", to_string(r.status)}};
        if (r.status == ItemStatus::Rejected) item["reason"] = r.reason;
        results.push_back(std::move(item));
    }
    return json{{"protocol", protocol_version},
                {"batch_id", reply.batch_id},
                {"results", std::move(results)},
                {"receipt", receipt_json(reply.receipt)}}
        .dump();
}

Result<BatchReply> decode_reply(const std::string& text) {
    auto parsed = parse_json(text, "The centre's reply");
    if (!parsed) return parsed.error();
    const json& j = *parsed;
    if (!j.is_object()) return make_error("The centre's reply is not a JSON object.");
    if (auto v = check_protocol(j, "The centre's reply"); !v) return v.error();
    BatchReply reply;
    auto batch_id = get_string(j, "batch_id", "The centre's reply");
    if (!batch_id) return batch_id.error();
    reply.batch_id = *batch_id;
    auto results = j.find("results");
    if (results == j.end() || !results->is_array())
        return make_error("The centre's reply has no list of results.");
    for (const auto& r : *results) {
        if (!r.is_object()) return make_error("The centre's reply has a result that is not an object.");
        ItemResult item;
        auto id = get_string(r, "id", "result");
        if (!id) return id.error();
        item.id = *id;
        auto status = get_string(r, "status", "result");
        if (!status) return status.error();
        if (*status == "stored") item.status = ItemStatus::Stored;
        else if (*status == "already-held") item.status = ItemStatus::AlreadyHeld;
        else if (*status == "rejected") item.status = ItemStatus::Rejected;
        else return make_error("The centre's reply has an unknown result status.");
        auto reason = get_string_or(r, "reason", "", "result");
        if (!reason) return reason.error();
        item.reason = *reason;
        reply.results.push_back(std::move(item));
    }
    auto receipt_it = j.find("receipt");
    if (receipt_it == j.end()) return make_error("The centre's reply has no receipt.");
    auto receipt = decode_receipt(*receipt_it);
    if (!receipt) return receipt.error();
    reply.receipt = std::move(*receipt);
    return reply;
}

std::string encode_error(const std::string& reason) {
    return json{{"protocol", protocol_version}, {"error", reason}}.dump();
}

std::string decode_error_reply(const std::string& text) {
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return "";
    auto it = j.find("error");
    if (it == j.end() || !it->is_string()) return "";
    return it->get<std::string>();
}

}  // namespace carers::sync
