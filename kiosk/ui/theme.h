// Theme: colours and physical sizes for a touch kiosk.
//
// Sizes are in millimetres on the real screen and turned into pixels with the screen's density,
// so a button is at least 15 mm tall on any monitor (EN 301 549 / WCAG target-size guidance).
#pragma once

#include <imgui.h>

namespace carers::ui {

struct Palette {
    ImVec4 background, text, secondary_text, primary, primary_text, primary_pressed, surface,
        surface_pressed, border, selected, error, focus, link;
};

Palette standard_palette();
Palette high_contrast_palette();

struct Metrics {
    float px_per_mm = 3.78f;     // 96 dpi unless the monitor says otherwise
    float min_target_mm = 15.f;  // smallest tappable size
    float target_gap_mm = 8.f;   // space between tappable things
    float text_scale = 1.f;      // 1, 1.5 or 2

    float px(float mm) const { return mm * px_per_mm; }
    float target() const { return px(min_target_mm); }
    float gap() const { return px(target_gap_mm); }
};

struct Theme {
    Palette palette = standard_palette();
    Metrics metrics;
};

// Applies colours, rounding and spacing to the current ImGui style.
void apply_theme(const Theme& theme);

inline ImU32 to_u32(const ImVec4& c) { return ImGui::ColorConvertFloat4ToU32(c); }

}  // namespace carers::ui
