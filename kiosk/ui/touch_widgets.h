// Touch widgets: big, plainly labelled controls that show they are pressed the moment a finger
// lands, with no hover-only state and no double taps.
#pragma once

#include <string>

#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widget_recorder.h"

namespace carers::ui {

// What the widgets need from the frame: theme, fonts, the strings of the chosen language, and the
// recorder for tests (may be null).
struct DrawContext {
    const Theme& theme;
    const FontSet& fonts;
    const i18n::Catalog& catalog;
    WidgetRecorder* recorder = nullptr;

    const std::string& tr(std::string_view english) const { return catalog.tr(english); }
};

enum class ButtonStyle { Primary, Secondary, Warning };

// A button at least the minimum target size; `width` 0 = fit the label. True on the tap.
bool touch_button(DrawContext& dc, const std::string& id, const std::string& label, ButtonStyle style,
                  float width = 0.f);

// One answer option drawn as a full-width tile with a radio circle (or a tick box when
// `multiple`), its label wrapped. True on the tap.
bool option_tile(DrawContext& dc, const std::string& id, const std::string& label, bool selected, bool multiple);

// Wrapped text in a given font and colour.
void wrapped_text(const std::string& text, ImFont* font, const ImVec4& colour);

}  // namespace carers::ui
