#include "sync/transport/https_connection.h"

#include <cstring>
#include <mutex>

#include <curl/curl.h>

#include "kiosk/common/secure_wipe.h"
#include "sync/transport/gzip.h"

namespace carers::sync {

namespace {

// A hostile or broken server must not make the kiosk buffer without bound.
constexpr std::size_t max_reply_bytes = 16u * 1024 * 1024;
// Below this, gzip costs more than it saves (research/stack.md §7).
constexpr std::size_t gzip_threshold = 1024;

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
    std::string body;
    bool too_big = false;
    long retry_after_s = -1;
    const std::atomic<bool>* cancel = nullptr;
};

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    if (t->body.size() + size * n > max_reply_bytes) {
        t->too_big = true;
        return 0;  // curl ends the transfer with CURLE_WRITE_ERROR
    }
    t->body.append(data, size * n);
    return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* user) {
    auto* t = static_cast<Transfer*>(user);
    std::string line(data, size * n);
    // Each response (a retried one, or a 100 Continue) starts with its status line.
    if (line.rfind("HTTP/", 0) == 0) t->retry_after_s = -1;
    static const char name[] = "retry-after:";
    if (line.size() > sizeof name - 1 && strncasecmp(line.c_str(), name, sizeof name - 1) == 0) {
        std::string value = line.substr(sizeof name - 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' '))
            value.pop_back();
        if (!value.empty() && value.find_first_not_of("0123456789") == std::string::npos && value.size() < 10) {
            t->retry_after_s = std::stol(value);
        } else if (!value.empty()) {
            time_t when = curl_getdate(value.c_str(), nullptr);  // an HTTP-date
            if (when > 0) t->retry_after_s = std::max<long>(0, static_cast<long>(when - time(nullptr)));
        }
    }
    return size * n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
    auto* t = static_cast<Transfer*>(user);
    return t->cancel && t->cancel->load() ? 1 : 0;  // non-zero aborts the transfer
}

TransportError classify(CURLcode rc) {
    switch (rc) {
    case CURLE_UNSUPPORTED_PROTOCOL: return TransportError::NotHttps;
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return TransportError::Unreachable;
    case CURLE_OPERATION_TIMEDOUT: return TransportError::Timeout;
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: return TransportError::Untrusted;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: return TransportError::PinMismatch;
    case CURLE_ABORTED_BY_CALLBACK: return TransportError::Cancelled;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY: return TransportError::Connection;
    default: return TransportError::Other;
    }
}

// Finer than TransportError, for the staff screen's advice. curl reports a certificate for
// another name and one it does not trust with the same code. curl 7.88 checks the name itself,
// after OpenSSL verified the chain, and says so in words that have not changed since 7.x ("...
// does not match target host name", "no alternative certificate subject name matches target host
// name"); OpenSSL's own host check, should curl use it, reports X509_V_ERR_HOSTNAME_MISMATCH (62)
// or X509_V_ERR_IP_ADDRESS_MISMATCH (64). tests/sync/failure_cause_test.cpp holds both apart
// with real certificates.
FailureCause cause_of(CURLcode rc, CURL* c, const char* detail) {
    switch (rc) {
    case CURLE_UNSUPPORTED_PROTOCOL: return FailureCause::NotHttps;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return FailureCause::AddressNotFound;
    case CURLE_COULDNT_CONNECT: return FailureCause::ConnectionRefused;
    case CURLE_OPERATION_TIMEDOUT: return FailureCause::TimedOut;
    case CURLE_PEER_FAILED_VERIFICATION: {
        long verify = 0;
        curl_easy_getinfo(c, CURLINFO_SSL_VERIFYRESULT, &verify);
        const bool name = (detail && std::strstr(detail, "target host name")) || verify == 62 || verify == 64;
        return name ? FailureCause::CertificateWrongName : FailureCause::CertificateUntrusted;
    }
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR: return FailureCause::CertificateUntrusted;
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH: return FailureCause::PinMismatch;
    case CURLE_SSL_CONNECT_ERROR: return FailureCause::SecureConnectionFailed;
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    case CURLE_WEIRD_SERVER_REPLY: return FailureCause::ConnectionBroken;
    default: return FailureCause::Other;
    }
}

std::string explain(TransportError e, CURLcode rc, const char* detail, const std::string& url) {
    std::string d = detail && *detail ? detail : curl_easy_strerror(rc);
    switch (e) {
    case TransportError::NotHttps:
        return "The centre's address " + url + " is not https://; nothing was sent.";
    case TransportError::Unreachable:
        return "The Carers Centre cannot be reached (" + d + "). Check the network; it will be tried again.";
    case TransportError::Timeout:
        return "The Carers Centre did not answer in time (" + d + "). It will be tried again.";
    case TransportError::Connection:
        return "The connection to the Carers Centre broke off (" + d + "). It will be tried again.";
    case TransportError::Untrusted:
        return "The Carers Centre's certificate could not be verified (" + d +
               "), so nothing was sent. Check the centre's address and the CA file in the kiosk config.";
    case TransportError::PinMismatch:
        return "The server's public key does not match the pinned key of the Carers Centre, so nothing was "
               "sent. Someone may be intercepting the connection, or the centre changed its key.";
    case TransportError::Cancelled: return "Sending was cancelled.";
    default: return "Sending to the Carers Centre failed (" + d + ").";
    }
}

}  // namespace

bool is_permanent(TransportError e) {
    return e == TransportError::NotHttps || e == TransportError::Untrusted || e == TransportError::PinMismatch;
}

HttpsConnection::HttpsConnection(TlsPolicy policy) : policy_(std::move(policy)) {
    global_init();
    curl_ = curl_easy_init();
}

HttpsConnection::~HttpsConnection() {
    if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HttpExchange HttpsConnection::post_json(const std::string& url, const std::string& body, bool gzip,
                                        const std::string& bearer_token, const std::atomic<bool>* cancel) {
    CURL* c = static_cast<CURL*>(curl_);
    std::string wire = gzip && body.size() >= gzip_threshold ? gzip_compress(body, 1) : std::string();
    const std::string& sent = wire.empty() ? body : wire;

    std::string auth = "Authorization: Bearer " + bearer_token;
    curl_slist* headers = nullptr;
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Accept: application/json");
    headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
    if (!wire.empty()) headers = curl_slist_append(headers, "Content-Encoding: gzip");
    headers = curl_slist_append(headers, auth.c_str());  // curl copies it
    secure_wipe(auth);

    curl_easy_setopt(c, CURLOPT_HTTPGET, 0L);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, sent.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(sent.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    HttpExchange ex = perform(url, cancel);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, nullptr);
    // curl's copies of the header list are freed here; zero the token inside them first.
    for (curl_slist* h = headers; h; h = h->next)
        if (std::strncmp(h->data, "Authorization:", 14) == 0) secure_wipe(h->data, std::strlen(h->data));
    curl_slist_free_all(headers);
    return ex;
}

HttpExchange HttpsConnection::get(const std::string& url, const std::atomic<bool>* cancel) {
    CURL* c = static_cast<CURL*>(curl_);
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    return perform(url, cancel);
}

HttpExchange HttpsConnection::perform(const std::string& url, const std::atomic<bool>* cancel) {
    HttpExchange ex;
    if (url.rfind("https://", 0) != 0) {
        ex.error = TransportError::NotHttps;
        ex.message = explain(ex.error, CURLE_UNSUPPORTED_PROTOCOL, nullptr, url);
        ex.cause = FailureCause::NotHttps;
        return ex;
    }
    CURL* c = static_cast<CURL*>(curl_);
    if (!c) {
        ex.error = TransportError::Other;
        ex.message = "The network library could not start (out of memory).";
        ex.cause = FailureCause::Other;
        return ex;
    }
    Transfer t;
    t.cancel = cancel;
    char errbuf[CURL_ERROR_SIZE] = "";

    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "https");  // belt and braces with the check above
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);       // a redirect must not move our data
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_SSLVERSION, static_cast<long>(CURL_SSLVERSION_TLSv1_2));
    if (!policy_.ca_file.empty()) {
        curl_easy_setopt(c, CURLOPT_CAINFO, policy_.ca_file.c_str());
        curl_easy_setopt(c, CURLOPT_CAPATH, nullptr);  // only the configured bundle is trusted
    }
    if (!policy_.pin.empty()) curl_easy_setopt(c, CURLOPT_PINNEDPUBLICKEY, policy_.pin.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // we run on a background thread
    curl_easy_setopt(c, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(c, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, policy_.connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, policy_.request_timeout_ms);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, std::max(1L, policy_.stall_timeout_ms / 1000));
    // No Accept-Encoding: replies are small, and cpp-httplib would otherwise brotli-compress each
    // one at its slowest setting (measured: a large share of the centre's CPU).
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, nullptr);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &t);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "carers-kiosk-sync/1");

    CURLcode rc = curl_easy_perform(c);
    long connects = 0;
    curl_easy_getinfo(c, CURLINFO_NUM_CONNECTS, &connects);
    connections_ += connects;
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);

    if (rc != CURLE_OK) {
        ex.error = t.too_big ? TransportError::Other : classify(rc);
        ex.message = t.too_big ? "The centre's reply was far larger than any genuine reply; it was ignored."
                               : explain(ex.error, rc, errbuf, url);
        ex.cause = t.too_big ? FailureCause::UnexpectedAnswer : cause_of(rc, c, errbuf);
        return ex;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &ex.status);
    ex.body = std::move(t.body);
    ex.retry_after_s = t.retry_after_s;
    return ex;
}

}  // namespace carers::sync
