#include "kiosk/ui/theme.h"

namespace carers::ui {

namespace {
ImVec4 rgb(int hex) {
    return ImVec4(static_cast<float>((hex >> 16) & 0xff) / 255.f, static_cast<float>((hex >> 8) & 0xff) / 255.f,
                  static_cast<float>(hex & 0xff) / 255.f, 1.f);
}
}  // namespace

// GOV.UK Design System colours: tested for contrast, familiar to UK public-service users.
Palette standard_palette() {
    Palette p;
    p.background = rgb(0xffffff);
    p.text = rgb(0x0b0c0c);
    p.secondary_text = rgb(0x505a5f);
    p.primary = rgb(0x00703c);  // "Continue" green
    p.primary_text = rgb(0xffffff);
    p.primary_pressed = rgb(0x005a30);
    p.surface = rgb(0xf3f2f1);
    p.surface_pressed = rgb(0xb1b4b6);
    p.border = rgb(0x0b0c0c);
    p.selected = rgb(0x1d70b8);
    p.error = rgb(0xd4351c);
    p.focus = rgb(0xffdd00);
    p.link = rgb(0x1d70b8);
    return p;
}

// Yellow on black and white on black: every text pair above 7:1.
Palette high_contrast_palette() {
    Palette p;
    p.background = rgb(0x000000);
    p.text = rgb(0xffffff);
    p.secondary_text = rgb(0xffff00);
    p.primary = rgb(0xffff00);
    p.primary_text = rgb(0x000000);
    p.primary_pressed = rgb(0xffffff);
    p.surface = rgb(0x000000);
    p.surface_pressed = rgb(0x333333);
    p.border = rgb(0xffffff);
    p.selected = rgb(0x00ffff);
    p.error = rgb(0xff8080);
    p.focus = rgb(0xffff00);
    p.link = rgb(0x00ffff);
    return p;
}

void apply_theme(const Theme& theme) {
    ImGuiStyle& s = ImGui::GetStyle();
    const Palette& p = theme.palette;
    const Metrics& m = theme.metrics;
    s = ImGuiStyle();
    s.WindowPadding = ImVec2(m.px(8), m.px(6));
    s.FramePadding = ImVec2(m.px(4), m.px(3));
    s.ItemSpacing = ImVec2(m.gap(), m.gap());  // tappable things at least the minimum gap apart
    s.ItemInnerSpacing = ImVec2(m.px(3), m.px(2));
    s.ScrollbarSize = m.px(6);
    s.FrameRounding = m.px(1);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.FrameBorderSize = 2;
    s.GrabMinSize = m.px(6);
    // Touch: a small slop so a shaky finger still lands on the button it meant.
    s.TouchExtraPadding = ImVec2(m.px(0.5f), m.px(0.5f));

    ImVec4* c = s.Colors;
    c[ImGuiCol_WindowBg] = p.background;
    c[ImGuiCol_ChildBg] = p.background;
    c[ImGuiCol_PopupBg] = p.background;
    c[ImGuiCol_Text] = p.text;
    c[ImGuiCol_TextDisabled] = p.secondary_text;
    c[ImGuiCol_Border] = p.border;
    c[ImGuiCol_FrameBg] = p.background;
    c[ImGuiCol_FrameBgHovered] = p.background;  // no hover-only cues on a touch screen
    c[ImGuiCol_FrameBgActive] = p.background;
    c[ImGuiCol_Button] = p.surface;
    c[ImGuiCol_ButtonHovered] = p.surface;
    c[ImGuiCol_ButtonActive] = p.surface_pressed;
    c[ImGuiCol_ScrollbarBg] = p.background;
    c[ImGuiCol_ScrollbarGrab] = p.secondary_text;
    c[ImGuiCol_ScrollbarGrabHovered] = p.secondary_text;
    c[ImGuiCol_ScrollbarGrabActive] = p.text;
    c[ImGuiCol_TextSelectedBg] = p.focus;
    c[ImGuiCol_NavHighlight] = p.focus;
    c[ImGuiCol_Separator] = p.secondary_text;
}

}  // namespace carers::ui
