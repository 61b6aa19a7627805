// HttpsConnection: one kept-alive HTTPS connection to the Carers Centre (libcurl). The only code
// in the project that includes curl.
//
// TLS is not optional: a URL that is not https:// is refused before any connection is made, the
// certificate is always verified (against the configured CA bundle, or the system's), and when a
// pin is configured the centre's public key must match it. In each of these cases curl stops
// before the request is written, so nothing is sent.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "sync/transport/failure_cause.h"

namespace carers::sync {

struct TlsPolicy {
    std::string ca_file;  // PEM bundle; "" = the system's CA store
    std::string pin;      // "sha256//<base64>[;sha256//...]" or ""
    long connect_timeout_ms = 10'000;
    long request_timeout_ms = 120'000;
    long stall_timeout_ms = 30'000;  // fewer than 1 byte/s for this long ends the request
};

enum class TransportError {
    None,
    NotHttps,      // refused before connecting
    Unreachable,   // refused, no route, name not found
    Timeout,       // connect or whole-request timeout, or a stall
    Connection,    // reset, closed mid-transfer, TLS handshake broken off
    Untrusted,     // certificate did not verify against the CA bundle, or the name did not match
    PinMismatch,   // certificate verified but its public key is not the pinned one
    Cancelled,     // the caller's cancel flag was raised
    Other,
};

// Whether retrying later can help (network trouble) or a person must fix something first.
bool is_permanent(TransportError e);

struct HttpExchange {
    TransportError error = TransportError::None;
    std::string message;  // a sentence when error != None
    FailureCause cause = FailureCause::None;  // the same, finer, as a fact (error != None)
    long status = 0;      // HTTP status when error == None
    std::string body;
    long retry_after_s = -1;  // Retry-After in seconds, -1 when absent
};

class HttpsConnection {
public:
    explicit HttpsConnection(TlsPolicy policy);
    ~HttpsConnection();
    HttpsConnection(const HttpsConnection&) = delete;
    HttpsConnection& operator=(const HttpsConnection&) = delete;

    // POSTs a JSON body (gzip-compressed on the wire when `gzip`), with a bearer token. The
    // connection is reused across calls while the server keeps it open. `cancel` (may be null)
    // is checked while the transfer runs.
    HttpExchange post_json(const std::string& url, const std::string& body, bool gzip,
                           const std::string& bearer_token, const std::atomic<bool>* cancel);
    HttpExchange get(const std::string& url, const std::atomic<bool>* cancel);

    // TCP connections opened so far by this object (1 when keep-alive held throughout).
    long connections_opened() const { return connections_; }

private:
    HttpExchange perform(const std::string& url, const std::atomic<bool>* cancel);

    TlsPolicy policy_;
    void* curl_ = nullptr;  // CURL*, kept for the life of the object so the connection is reused
    long connections_ = 0;
};

}  // namespace carers::sync
