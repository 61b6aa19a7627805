// Finding the kiosk's fonts on this machine through fontconfig (Debian's Noto fonts).
#pragma once

#include "kiosk/ui/fonts.h"

namespace carers::app {

// The regular and bold files of the best match for `family` (e.g. "Noto Sans"); empty paths
// when fontconfig finds nothing.
ui::FontFiles find_font_files(const char* family);

}  // namespace carers::app
