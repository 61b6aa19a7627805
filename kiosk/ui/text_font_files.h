// Finding the kiosk's fonts on this machine through fontconfig: Debian's Noto fonts
// (fonts-noto-core, fonts-noto-cjk), which tools/setup installs.
#pragma once

#include "kiosk/ui/text_faces.h"

namespace carers::ui {

// Noto Sans, Noto Sans Arabic and Noto Sans CJK SC, regular and bold. A family fontconfig cannot
// find exactly is left empty (fontconfig's nearest match for Noto Sans would be another font, so
// it is checked by family name).
FontSources find_font_sources();

}  // namespace carers::ui
