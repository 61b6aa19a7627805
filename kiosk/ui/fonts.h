// The fonts a screen uses: three roles (body, heading, small) at sizes derived from the screen's
// density and the chosen text size, built into ImGui's atlas by the TextRenderer from the glyphs
// the active language needs.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/common/result.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/text_renderer.h"
#include "kiosk/ui/theme.h"

namespace carers::ui {

struct FontSet {
    ImFont* body = nullptr;     // answers, hints, body text
    ImFont* heading = nullptr;  // the question (bold)
    ImFont* small = nullptr;    // progress, secondary labels
    TextRenderer* text = nullptr;  // null only with the legacy build_fonts below
};

// Pixel sizes of the roles: body text about 7 mm (cap height ~5 mm, above the Section 508 floor at
// arm's length), headings 10 mm bold, small text 5.5 mm; all times the text size (1, 1.5 or 2).
std::array<RoleSize, font_role_count> role_sizes(const Metrics& metrics);

// The texts the atlas needs for `active`: all its strings, every language's own name (the
// language list shows them all), the month names and digits of its dates and numbers, and the
// translation in every language of each `everywhere`
// msgid (e.g. the attract screen's greeting, which cycles through the languages).
std::vector<std::string> language_texts(const i18n::Catalog& active, const std::vector<const i18n::Catalog*>& all,
                                        const std::vector<std::string>& everywhere = {});

// Rebuilds ImGui's atlas through `text` for these metrics and fills `out`. Call between frames,
// then upload the texture. Refuses (and leaves `out` alone) when the atlas cannot be built.
Result<AtlasStats> build_fonts(TextRenderer& text, const Metrics& metrics, FontSet& out);

// Legacy: the two Noto Sans files without shaping or other scripts (ImGui's own rasteriser).
// Kept until every caller moves to TextRenderer; false (and ImGui's built-in font) when a file
// cannot be read.
struct FontFiles {
    std::string regular;
    std::string bold;
};
bool build_fonts(const FontFiles& files, const Metrics& metrics, FontSet& out);

}  // namespace carers::ui
