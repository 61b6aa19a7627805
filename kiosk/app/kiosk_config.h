// KioskConfig: the venue's settings file (kiosk.json), as staff or `carers-admin enrol-device`
// write it. Holds no secrets: the device token and database key live elsewhere.
//
// {
//   "venue":  {"name": "...", "safeguarding_phone": "..."},
//   "centre": {"name": "...", "phone": "...", "email": "...", "web": "...",
//              "opening_hours": "...", "sealing_public_key": "<base64 X25519>"},
//   "scheme": {"emergency_line": "..."},
//   "kiosk":  {"inactivity_seconds": 90, "warning_seconds": 30, "attract_seconds": 6,
//              "screen_width_mm": 268,    (all optional; screen_width_mm overrides what the
//                                           monitor reports, for panels that report nonsense)
//              "fullscreen": true, "monitor": 1, "touch": true},  (a kiosk: fullscreen on the
//                                           second monitor, no cursor; the command line wins)
//   "sync":   {...}   (read by sync/, see sync/PROTOCOL.md)
// }
#pragma once

#include <map>
#include <optional>
#include <string>

#include "kiosk/common/result.h"

namespace carers::app {

// How the kiosk behaves at this venue.
struct KioskBehaviour {
    double inactivity_seconds = 90;  // without a touch before "Are you still there?"
    double warning_seconds = 30;     // the warning's countdown before the session is cleared
    double attract_seconds = 6;      // each language's lines on the attract screen
    double screen_width_mm = 0;      // the visible width of the screen; 0 = ask the monitor
    bool fullscreen = false;         // kiosk mode: fill a monitor, no decorations
    int monitor = 0;                 // which monitor (0 = the first GLFW lists)
    std::optional<bool> touch;       // a touch screen: hide the cursor (unset: when fullscreen)
};

struct KioskConfig {
    std::map<std::string, std::string> placeholders;  // "centre.phone" -> "0151 …", for texts
    std::string sealing_public_key;                   // base64; empty when not enrolled
    std::string raw_json;                             // for sections other modules read
    KioskBehaviour behaviour;
};

// Parses kiosk.json. Missing sections are fine (the kiosk shows what it has); a file that is not
// JSON, has a non-text value where text belongs, or a "kiosk" number out of its range (say which),
// is refused with a sentence.
Result<KioskConfig> parse_kiosk_config(const std::string& text);

}  // namespace carers::app
