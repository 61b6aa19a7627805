#include "kiosk/app/qr_code.h"

#include <qrencode.h>

namespace carers::app {

ui::QrCode make_qr_code(const std::string& text) {
    ui::QrCode out;
    if (text.empty()) return out;
    QRcode* code = QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) return out;
    out.size = code->width;
    out.modules.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    // libqrencode: bit 0 of each byte is the module's colour (1 = dark).
    for (std::size_t i = 0; i < out.modules.size(); ++i) out.modules[i] = code->data[i] & 1;
    QRcode_free(code);
    return out;
}

}  // namespace carers::app
