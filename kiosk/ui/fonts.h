// The fonts a screen uses, built into ImGui's atlas at sizes derived from the screen's density and
// the chosen text size.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/ui/theme.h"

namespace carers::ui {

struct FontFiles {
    std::string regular;  // e.g. /usr/share/fonts/truetype/noto/NotoSans-Regular.ttf
    std::string bold;
};

struct FontSet {
    ImFont* body = nullptr;     // answers, hints, body text
    ImFont* heading = nullptr;  // the question
    ImFont* small = nullptr;    // progress, secondary labels
};

// Clears the atlas and adds the three fonts. Returns false (and falls back to ImGui's built-in
// font) when a file cannot be read, so the kiosk still shows something legible to staff.
bool build_fonts(const FontFiles& files, const Metrics& metrics, FontSet& out);

}  // namespace carers::ui
