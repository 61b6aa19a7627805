// Touch widgets: big, plainly labelled controls that show they are pressed the moment a finger
// lands, with no hover-only state and no double taps.
//
// [SECTION] DrawContext: what every view gets for a frame
// [SECTION] Text: the only two places text is measured and drawn (so shaping can be routed here)
// [SECTION] Controls: buttons, option tiles, toggles, text boxes
#pragma once

#include <limits>
#include <string>

#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_renderer.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/widget_recorder.h"

namespace carers::ui {

// [SECTION] DrawContext

// When the view wants to be drawn again without any input: an animation, a countdown, a key held
// down. The event loop sleeps until the earliest wake time asked for (or input arrives).
struct FrameTiming {
    double now = 0;  // seconds on a steady clock
    double wake_at = std::numeric_limits<double>::infinity();

    void wake_in(double seconds) {
        if (now + seconds < wake_at) wake_at = now + seconds;
    }
};

// What the widgets need from the frame: theme, fonts, the strings of the chosen language, the
// recorder for tests (may be null) and the frame's clock.
struct DrawContext {
    const Theme& theme;
    const FontSet& fonts;
    const i18n::Catalog& catalog;
    WidgetRecorder* recorder = nullptr;
    FrameTiming* timing = nullptr;

    const std::string& tr(std::string_view english) const { return catalog.tr(english); }
    // A count inside a sentence, written the language's way ("10,000", "10 000"; issue 7).
    std::string count(long n) const { return catalog.values().count(n); }
    // Arabic: the layout is mirrored (text, markers and button rows start at the right).
    bool right_to_left() const { return catalog.language().right_to_left; }
    double now() const { return timing ? timing->now : 0; }
    void wake_in(double seconds) const {
        if (timing) timing->wake_in(seconds);
    }
};

// [SECTION] Text

// The size `text` takes in `font`, wrapped at `wrap_width` (0 = no wrapping). `size` scales the
// font (0 = its own size; a bigger size is for a few large glyphs such as a countdown).
ImVec2 text_size(ImFont* font, const std::string& text, float wrap_width = 0.f, float size = 0.f);
// Draws `text` with its top-left at `pos`, wrapped at `wrap_width` (0 = no wrapping). Lines are
// aligned within `box_width` from `pos` (0: the text's own width): Start is the left edge, or the
// right edge in a right-to-left language.
void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, const ImVec4& colour, const std::string& text,
               float wrap_width = 0.f, float size = 0.f, TextAlign align = TextAlign::Start, float box_width = 0.f);
// Wrapped text in a given font and colour, at the cursor, as one layout item.
void wrapped_text(const std::string& text, ImFont* font, const ImVec4& colour);
// The same, centred in the available width.
void centred_text(const std::string& text, ImFont* font, const ImVec4& colour);

// Where something `width` wide goes at offset `x` from the start of a row from `left` to `right`:
// measured from the left edge, or from the right edge in a right-to-left language.
inline float mirrored_x(const DrawContext& dc, float left, float right, float x, float width) {
    return dc.right_to_left() ? right - x - width : left + x;
}

// [SECTION] Controls

enum class ButtonStyle { Primary, Secondary, Warning };

// The height of a one-line touch_button at the current text size.
float button_height(const DrawContext& dc);

// A button at least the minimum target size; `width` 0 = fit the label. True on the tap.
bool touch_button(DrawContext& dc, const std::string& id, const std::string& label, ButtonStyle style,
                  float width = 0.f, float height = 0.f);

// One answer option drawn as a full-width tile with a radio circle (or a tick box when
// `multiple`), its label wrapped. True on the tap.
bool option_tile(DrawContext& dc, const std::string& id, const std::string& label, bool selected, bool multiple);

// A full-width tile that goes somewhere: a title, a line of detail under it, and an arrow. True
// on the tap.
bool nav_tile(DrawContext& dc, const std::string& id, const std::string& title, const std::string& detail);

// A box showing typed text, with a caret when `focused`. A tap focuses it (the caller then shows
// the on-screen keyboard). `lines` > 1 makes a taller box whose text wraps. `masked` shows dots.
// True on the tap.
bool text_box(DrawContext& dc, const std::string& id, const std::string& text, bool focused, float width,
              int lines = 1, bool masked = false, bool error = false);

}  // namespace carers::ui
