// KioskConfig: the venue's settings file (kiosk.json), as staff or `carers-admin enrol-device`
// write it. Holds no secrets: the device token and database key live elsewhere.
//
// {
//   "venue":  {"name": "...", "safeguarding_phone": "..."},
//   "centre": {"name": "...", "phone": "...", "email": "...", "web": "...",
//              "opening_hours": "...", "sealing_public_key": "<base64 X25519>"},
//   "scheme": {"emergency_line": "..."},
//   "sync":   {...}   (read by sync/, see sync/PROTOCOL.md)
// }
#pragma once

#include <map>
#include <string>

#include "kiosk/common/result.h"

namespace carers::app {

struct KioskConfig {
    std::map<std::string, std::string> placeholders;  // "centre.phone" -> "0151 …", for texts
    std::string sealing_public_key;                   // base64; empty when not enrolled
    std::string raw_json;                             // for sections other modules read
};

// Parses kiosk.json. Missing sections are fine (the kiosk shows what it has); a file that is not
// JSON, or has a non-text value where text belongs, is refused with a sentence.
Result<KioskConfig> parse_kiosk_config(const std::string& text);

}  // namespace carers::app
