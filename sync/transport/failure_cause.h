// FailureCause: why a sync or a connection check did not get through, as a fact rather than a
// sentence, so that the staff screen can say in the language on screen what to do about it (the
// English sentence beside it stays for logs and carers-sync). The transport classifies what curl
// and TLS report; the client adds what only it knows (the centre's answers, receipts, the outbox).
#pragma once

namespace carers::sync {

enum class FailureCause {
    None,
    NotHttps,                // the configured address is not https://: nothing was tried
    AddressNotFound,         // the host name could not be looked up
    ConnectionRefused,       // refused, or no route to the address
    TimedOut,                // connect or request timeout, or a stall
    CertificateUntrusted,    // did not verify against the CA file (or the CA file is unusable)
    CertificateWrongName,    // verified, but issued for another name than the address
    PinMismatch,             // verified, but its public key is not the pinned one
    SecureConnectionFailed,  // the TLS handshake failed for another reason
    ConnectionBroken,        // reset, closed or garbled mid-transfer
    CentreBusy,              // HTTP 429 or 5xx
    UnexpectedAnswer,        // another HTTP status, or a reply far larger than any genuine one
    NotACentre,              // an answer that is not the centre's (e.g. a Wi-Fi sign-in page)
    ReceiptKeyChanged,       // the centre's receipt key is not the one in the kiosk's settings
    ReceiptInvalid,          // a receipt that does not verify or does not match what was sent
    OutboxProblem,           // the kiosk's outbox could not be read or updated
    Other,
};

// A stable name for logs and test messages, e.g. "connection-refused".
inline const char* to_string(FailureCause c) {
    switch (c) {
    case FailureCause::None: return "none";
    case FailureCause::NotHttps: return "not-https";
    case FailureCause::AddressNotFound: return "address-not-found";
    case FailureCause::ConnectionRefused: return "connection-refused";
    case FailureCause::TimedOut: return "timed-out";
    case FailureCause::CertificateUntrusted: return "certificate-untrusted";
    case FailureCause::CertificateWrongName: return "certificate-wrong-name";
    case FailureCause::PinMismatch: return "pin-mismatch";
    case FailureCause::SecureConnectionFailed: return "secure-connection-failed";
    case FailureCause::ConnectionBroken: return "connection-broken";
    case FailureCause::CentreBusy: return "centre-busy";
    case FailureCause::UnexpectedAnswer: return "unexpected-answer";
    case FailureCause::NotACentre: return "not-a-centre";
    case FailureCause::ReceiptKeyChanged: return "receipt-key-changed";
    case FailureCause::ReceiptInvalid: return "receipt-invalid";
    case FailureCause::OutboxProblem: return "outbox-problem";
    case FailureCause::Other: return "other";
    }
    return "other";
}

}  // namespace carers::sync
