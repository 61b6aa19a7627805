// The limits of protocol version 1, stated once. The centre enforces them (PROTOCOL.md §Limits);
// the kiosk's defaults stay well inside them.
#pragma once

#include <cstddef>

namespace carers::sync {

inline constexpr int protocol_version = 1;

struct ProtocolLimits {
    // Request body, as sent and after gzip is undone (413 beyond either).
    std::size_t max_body_bytes = 32u * 1024 * 1024;
    // Envelopes in one POST /v1/submissions (413 beyond it).
    std::size_t max_batch_count = 1000;
    // Sealed bytes of one envelope (that envelope is rejected beyond it).
    std::size_t max_envelope_bytes = 4u * 1024 * 1024;
    // Requests per device: a bucket of `rate_burst` refilled at `rate_per_minute` (429 beyond it).
    double rate_per_minute = 600;
    double rate_burst = 120;
};

// Field limits inside an envelope; a batch breaking them is refused whole (400).
inline constexpr std::size_t max_form_url_chars = 2048;
inline constexpr std::size_t max_short_field_chars = 64;  // form_version, kind

}  // namespace carers::sync
