// SubmissionService: what POST /v1/submissions and GET /v1/health mean, apart from HTTP plumbing
// (centre_server.cpp does that). Each call returns the status, JSON body and headers to send.
//
// Order of checks for a submission: the bearer token (401: unknown or revoked device, before the
// body is even read), the device's rate (429 + Retry-After), then the body (400/413), then the
// store. Every refusal stores nothing.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "sync/centre/centre_store.h"
#include "sync/centre/rate_limiter.h"
#include "sync/protocol/limits.h"
#include "sync/protocol/receipt.h"

namespace carers::sync {

struct ServiceReply {
    int status = 200;
    std::string body;         // JSON
    long retry_after_s = -1;  // sent as Retry-After when >= 0
    std::string log;          // one line for the server log: ids, counts and codes only
};

struct CentreIdentity {
    std::string name;
    ReceiptSecretKey receipt_secret{};
    ReceiptPublicKey receipt_public{};
};

class SubmissionService {
public:
    using WallClock = std::function<std::int64_t()>;  // unix seconds

    SubmissionService(CentreStore& store, CentreIdentity identity, ProtocolLimits limits,
                      WallClock wall_clock = {});

    // The device a bearer "Authorization" header belongs to, or the refusal to send (401 for no,
    // malformed, unknown or revoked token; 429 when the device is over its rate).
    struct Admission {
        bool admitted = false;
        std::string device_id;
        ServiceReply refusal;
    };
    Admission admit(const std::string& authorization_header);

    // Decodes and stores a batch from an admitted device. `body` is the request body after any
    // gzip has been undone.
    ServiceReply submit(const std::string& device_id, const std::string& body);

    // Stores a batch that came in an offline bundle (the device and its MAC already checked).
    ServiceReply store_decoded(const std::string& device_id, const SubmissionBatch& batch);

    ServiceReply health();

    const ProtocolLimits& limits() const { return limits_; }

private:
    std::int64_t now() const;

    CentreStore& store_;
    CentreIdentity identity_;
    ProtocolLimits limits_;
    RateLimiter rate_;
    WallClock wall_clock_;
};

ServiceReply error_reply(int status, const std::string& reason);

}  // namespace carers::sync
