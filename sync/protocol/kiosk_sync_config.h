// The kiosk configuration's "sync" and "centre" sections (documented in sync/PROTOCOL.md §Kiosk
// configuration). Pure: takes the file's text, returns values or a sentence naming the bad key.
//
// The device token is deliberately NOT here: it is a secret and lives in the kiosk's encrypted
// store (settings key "sync.device_token"), never in this plaintext file.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "kiosk/common/result.h"
#include "sync/protocol/receipt.h"

namespace carers::sync {

struct SyncSettings {
    std::string url;                 // https://host[:port] of the Carers Centre, no trailing path
    std::string ca_file;             // PEM bundle to verify the centre; "" = the system's CAs
    std::string pin;                 // "sha256//<base64>" of the centre's public key, or ""
    ReceiptPublicKey receipt_public_key{};
    std::string device_id;
    std::size_t batch_max_count = 200;
    std::size_t batch_max_bytes = 4u * 1024 * 1024;
    long connect_timeout_ms = 10'000;
    long request_timeout_ms = 120'000;
    long stall_timeout_ms = 30'000;  // no byte moving for this long counts as a failure
    // Off by default: sealed bytes are random, so gzip wins back only base64's third, and cost
    // about a quarter of the kiosk's CPU per batch (sync bench). Worth it on slow metered links.
    bool gzip = false;
    int max_attempts = 8;            // per run, for failures that may pass (network, 5xx, 429)
    long backoff_base_ms = 1'000;
    long backoff_max_ms = 300'000;
    long max_wait_ms = 120'000;      // a Retry-After longer than this ends the run instead
    // The kiosk sends on its own soon after each submission and at least this often (see
    // sync/client/sync_schedule.h); 0 = only when staff press "Sync now".
    long auto_sync_minutes = 15;
};

struct CentreSettings {
    std::string name;
    std::array<std::uint8_t, 32> sealing_public_key{};  // X25519; submissions are sealed to it
};

struct KioskSyncConfig {
    SyncSettings sync;
    CentreSettings centre;
};

// Parses the whole kiosk config file's text and reads its "sync" and "centre" sections (other
// sections are ignored). Relative `ca_file` paths are resolved against `config_dir`. Refuses a
// url that is not https://, keys that are not 32 bytes of base64, a malformed pin, a bad device
// id, out-of-range numbers and any key in the "sync" section it does not know (a typo must not
// silently fall back to a default).
Result<KioskSyncConfig> parse_kiosk_sync_config(const std::string& json_text,
                                                const std::filesystem::path& config_dir);

// Reads and parses the file at `path`.
Result<KioskSyncConfig> load_kiosk_sync_config(const std::filesystem::path& path);

}  // namespace carers::sync
