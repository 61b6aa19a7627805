// A QR code of a web address, for the home screen's "Help and support near you".
#pragma once

#include <string>

#include "kiosk/ui/kiosk_model.h"

namespace carers::app {

// Encodes `text` (medium error correction, so a smudged screen still scans). An empty code
// (size 0) when the text is empty or too long to encode.
ui::QrCode make_qr_code(const std::string& text);

}  // namespace carers::app
