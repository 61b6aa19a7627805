#include <catch2/catch_test_macros.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "kiosk/ui/theme.h"

using namespace carers::ui;

namespace {

// WCAG 2.x relative luminance of an sRGB colour.
double luminance(const ImVec4& c) {
    auto channel = [](float v) {
        const double s = v;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.x) + 0.7152 * channel(c.y) + 0.0722 * channel(c.z);
}

double contrast(const ImVec4& a, const ImVec4& b) {
    double la = luminance(a), lb = luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

struct Pair {
    const char* what;
    ImVec4 fg, bg;
};

// Every text colour the widgets draw, on every background it is drawn on (touch_widgets.cpp,
// question_view.cpp, kiosk_screen.cpp): body and secondary text, buttons and their pressed state,
// tiles, error messages, notices and links.
std::vector<Pair> text_pairs(const Palette& p) {
    return {
        {"text on background", p.text, p.background},
        {"secondary text (hints, progress) on background", p.secondary_text, p.background},
        {"primary button label", p.primary_text, p.primary},
        {"primary button label while pressed", p.primary_text, p.primary_pressed},
        {"secondary button and tile label", p.text, p.surface},
        {"secondary button and tile label while pressed", p.text, p.surface_pressed},
        {"warning button label", p.primary_text, p.error},
        {"warning button label while pressed", p.primary_text, p.text},
        {"error message on background", p.error, p.background},
        {"notice (selected colour) on background", p.selected, p.background},
        {"link on background", p.link, p.background},
    };
}

}  // namespace

TEST_CASE("the contrast formula gives WCAG's known values") {
    CHECK(std::abs(contrast(ImVec4(0, 0, 0, 1), ImVec4(1, 1, 1, 1)) - 21.0) < 0.01);
    CHECK(std::abs(contrast(ImVec4(1, 1, 1, 1), ImVec4(1, 1, 1, 1)) - 1.0) < 0.001);
    // #767676 on white is the classic 4.54:1.
    const float g = 0x76 / 255.f;
    CHECK(std::abs(contrast(ImVec4(g, g, g, 1), ImVec4(1, 1, 1, 1)) - 4.54) < 0.01);
}

TEST_CASE("every text and background pair of the high-contrast theme reaches 7:1 (WCAG AAA)") {
    for (const Pair& pair : text_pairs(high_contrast_palette())) {
        INFO(pair.what << ": " << contrast(pair.fg, pair.bg) << ":1");
        CHECK(contrast(pair.fg, pair.bg) >= 7.0);
    }
}

TEST_CASE("every text and background pair of the standard theme reaches 4.5:1 (WCAG AA)") {
    for (const Pair& pair : text_pairs(standard_palette())) {
        INFO(pair.what << ": " << contrast(pair.fg, pair.bg) << ":1");
        CHECK(contrast(pair.fg, pair.bg) >= 4.5);
    }
}
