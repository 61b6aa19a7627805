#include "sync/centre/submission_service.h"

#include <ctime>

#include <nlohmann/json.hpp>

#include "kiosk/common/secure_wipe.h"
#include "sync/protocol/device_token.h"
#include "sync/protocol/wire.h"

namespace carers::sync {

ServiceReply error_reply(int status, const std::string& reason) {
    return ServiceReply{status, encode_error(reason), -1, "refused " + std::to_string(status)};
}

SubmissionService::SubmissionService(CentreStore& store, CentreIdentity identity, ProtocolLimits limits,
                                     WallClock wall_clock)
    : store_(store), identity_(std::move(identity)), limits_(limits),
      rate_(limits.rate_per_minute, limits.rate_burst), wall_clock_(std::move(wall_clock)) {}

std::int64_t SubmissionService::now() const {
    return wall_clock_ ? wall_clock_() : static_cast<std::int64_t>(std::time(nullptr));
}

SubmissionService::Admission SubmissionService::admit(const std::string& header) {
    Admission a;
    static const std::string scheme = "Bearer ";
    if (header.size() <= scheme.size() || header.compare(0, scheme.size(), scheme) != 0) {
        a.refusal = error_reply(401, "This request carries no device token; enrol the kiosk with carers-admin.");
        a.refusal.log = "401 no token";
        return a;
    }
    std::string token = header.substr(scheme.size());
    if (!looks_like_device_token(token)) {
        a.refusal = error_reply(401, "The device token is not valid.");
        a.refusal.log = "401 malformed token";
        return a;
    }
    auto device = store_.find_device_by_token_hash(token_hash(token));
    secure_wipe(token);
    if (!device) {
        a.refusal = error_reply(503, "The centre cannot check devices just now; try again later.");
        a.refusal.retry_after_s = 30;
        a.refusal.log = "503 device lookup failed";
        return a;
    }
    if (!device->has_value()) {
        a.refusal = error_reply(401, "This device is not enrolled at the Carers Centre (unknown token).");
        a.refusal.log = "401 unknown token";
        return a;
    }
    if ((*device)->revoked_at) {
        a.refusal = error_reply(401, "This device's enrolment has been revoked by the Carers Centre.");
        a.refusal.log = "401 revoked device=" + (*device)->device_id;
        return a;
    }
    a.device_id = (*device)->device_id;
    if (long wait = rate_.acquire(a.device_id, RateLimiter::Clock::now()); wait > 0) {
        a.refusal = error_reply(429, "Too many requests from this device; wait " + std::to_string(wait) + " s.");
        a.refusal.retry_after_s = wait;
        a.refusal.log = "429 device=" + a.device_id;
        return a;
    }
    a.admitted = true;
    return a;
}

ServiceReply SubmissionService::submit(const std::string& device_id, const std::string& body) {
    if (body.size() > limits_.max_body_bytes)
        return error_reply(413, "The request is larger than the centre's limit of " +
                                    std::to_string(limits_.max_body_bytes) + " bytes; send smaller batches.");
    auto batch = decode_batch(body, limits_);
    if (!batch) {
        // Too many envelopes is a size problem the kiosk can fix by splitting, not a malformed request.
        bool too_many = batch.message().find("most the centre takes at once") != std::string::npos;
        auto reply = error_reply(too_many ? 413 : 400, batch.message());
        reply.log = std::to_string(reply.status) + " device=" + device_id + (too_many ? " batch too large" : " malformed batch");
        return reply;
    }
    return store_decoded(device_id, *batch);
}

ServiceReply SubmissionService::store_decoded(const std::string& device_id, const SubmissionBatch& batch) {
    std::int64_t t = now();
    auto outcome = store_.store_batch(device_id, batch, limits_.max_envelope_bytes, t);
    if (!outcome) {
        auto reply = error_reply(503, "The centre could not store the batch just now; nothing was stored. Try again later.");
        reply.retry_after_s = 30;
        reply.log = "503 device=" + device_id + " store failed";
        return reply;
    }
    BatchReply reply;
    reply.batch_id = batch.batch_id;
    reply.results = std::move(outcome->results);
    reply.receipt = Receipt{device_id, batch.batch_id, t, std::move(outcome->held), ""};
    sign_receipt(reply.receipt, identity_.receipt_secret);
    std::size_t stored = 0, held = 0, rejected = 0;
    for (const auto& r : reply.results)
        (r.status == ItemStatus::Stored ? stored : r.status == ItemStatus::AlreadyHeld ? held : rejected)++;
    return ServiceReply{200, encode_reply(reply), -1,
                        "200 device=" + device_id + " envelopes=" + std::to_string(reply.results.size()) +
                            " stored=" + std::to_string(stored) + " already=" + std::to_string(held) +
                            " rejected=" + std::to_string(rejected)};
}

ServiceReply SubmissionService::health() {
    nlohmann::json j{{"protocol", protocol_version},
                     {"status", "ok"},
                     {"centre", identity_.name},
                     {"receipt_public_key", base64_encode(identity_.receipt_public.data(), identity_.receipt_public.size())},
                     {"limits",
                      {{"max_body_bytes", limits_.max_body_bytes},
                       {"max_batch_count", limits_.max_batch_count},
                       {"max_envelope_bytes", limits_.max_envelope_bytes},
                       {"rate_per_minute", limits_.rate_per_minute},
                       {"rate_burst", limits_.rate_burst}}}};
    return ServiceReply{200, j.dump(), -1, "200 health"};
}

}  // namespace carers::sync
