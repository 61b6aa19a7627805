#include "kiosk/ui/touch_widgets.h"

#include <algorithm>
#include <array>
#include <cfloat>

#include "kiosk/ui/text_renderer.h"
#include "kiosk/ui/text_utf8.h"

namespace carers::ui {

// [SECTION] Text

// Text goes through the TextRenderer that built the font (shaping, right-to-left, Chinese line
// breaks); ImGui's own text functions only for the built-in fallback font.
ImVec2 text_size(ImFont* font, const std::string& text, float wrap_width, float size) {
    if (!font) font = ImGui::GetFont();
    if (TextRenderer* r = TextRenderer::of(font)) return r->measure(font, text, wrap_width, size);
    return font->CalcTextSizeA(size > 0 ? size : font->FontSize, FLT_MAX, wrap_width, text.c_str(), text.c_str() + text.size());
}

void draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, const ImVec4& colour, const std::string& text, float wrap_width,
               float size, TextAlign align, float box_width) {
    if (!font) font = ImGui::GetFont();
    if (TextRenderer* r = TextRenderer::of(font)) {
        r->draw(dl, font, pos, to_u32(colour), text, wrap_width, size, align, box_width);
        return;
    }
    if (align == TextAlign::Center && box_width > 0) pos.x += (box_width - text_size(font, text, wrap_width, size).x) / 2;
    dl->AddText(font, size > 0 ? size : font->FontSize, pos, to_u32(colour), text.c_str(), text.c_str() + text.size(),
                wrap_width);
}

void wrapped_text(const std::string& text, ImFont* font, const ImVec4& colour) {
    const float width = std::max(1.f, ImGui::GetContentRegionAvail().x);
    const ImVec2 size = text_size(font, text, width);
    draw_text(ImGui::GetWindowDrawList(), font, ImGui::GetCursorScreenPos(), colour, text, width, 0, TextAlign::Start, width);
    ImGui::Dummy(ImVec2(width, size.y));
}

void centred_text(const std::string& text, ImFont* font, const ImVec4& colour) {
    const float width = std::max(1.f, ImGui::GetContentRegionAvail().x);
    const ImVec2 size = text_size(font, text, width);
    draw_text(ImGui::GetWindowDrawList(), font, ImGui::GetCursorScreenPos(), colour, text, width, 0, TextAlign::Center, width);
    ImGui::Dummy(ImVec2(width, size.y));
}

// [SECTION] Controls

namespace {

struct Colours {
    ImVec4 bg, fg, pressed, border;
};

Colours button_colours(const Palette& p, ButtonStyle style) {
    switch (style) {
    case ButtonStyle::Primary: return {p.primary, p.primary_text, p.primary_pressed, p.primary_pressed};
    case ButtonStyle::Warning: return {p.error, p.primary_text, p.text, p.text};
    case ButtonStyle::Secondary: break;
    }
    return {p.surface, p.text, p.surface_pressed, p.border};
}

}  // namespace

float button_height(const DrawContext& dc) {
    const Metrics& m = dc.theme.metrics;
    const float line = dc.fonts.body ? dc.fonts.body->FontSize : m.px(7);
    return std::max(line + 2 * m.px(2.5f), m.target());
}

bool touch_button(DrawContext& dc, const std::string& id, const std::string& label, ButtonStyle style, float width,
                  float height) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    ImFont* font = dc.fonts.body;
    const float pad = m.px(4);
    // Labels wrap rather than run off the screen at large text sizes.
    // A label longer than the button asked for widens it, up to the space there is; only then wraps.
    const float max_width = std::max(m.target(), ImGui::GetContentRegionAvail().x);
    const float wrap = max_width - 2 * pad;
    ImVec2 text = text_size(font, label, wrap);
    ImVec2 size(std::clamp(std::max(width, text.x + 2 * pad), m.target(), max_width),
                std::max({height, text.y + 2 * m.px(2.5f), m.target()}));

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), size);
    // Pressed shows the moment the finger lands (active), not on hover: there is no hover on touch.
    const bool pressed = ImGui::IsItemActive();
    const Colours c = button_colours(p, style);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + size.x, pos.y + size.y);
    const float shadow = m.px(0.8f);
    if (pressed) {
        dl->AddRectFilled(ImVec2(pos.x, pos.y + shadow), end, to_u32(c.pressed), m.px(1));
    } else {
        dl->AddRectFilled(ImVec2(pos.x, pos.y + shadow), end, to_u32(c.border), m.px(1));
        dl->AddRectFilled(pos, ImVec2(end.x, end.y - shadow), to_u32(c.bg), m.px(1));
    }
    if (style == ButtonStyle::Secondary) dl->AddRect(pos, end, to_u32(p.border), m.px(1), 0, 2.f);
    const float y_shift = pressed ? shadow : 0.f;
    draw_text(dl, font, ImVec2(pos.x + pad, pos.y + (size.y - text.y) / 2 + y_shift),
              pressed && style == ButtonStyle::Secondary ? p.text : c.fg, label, wrap, 0, TextAlign::Center, size.x - 2 * pad);
    if (dc.recorder) dc.recorder->record_last_item(id, label);
    return tapped;
}

bool option_tile(DrawContext& dc, const std::string& id, const std::string& label, bool selected, bool multiple) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    ImFont* font = dc.fonts.body;
    const float width = ImGui::GetContentRegionAvail().x;
    const float marker = m.px(9);
    const float pad = m.px(4);
    const float text_width = std::max(1.f, width - marker - 3 * pad);
    ImVec2 text = text_size(font, label, text_width);
    const float height = std::max(m.target(), text.y + 2 * pad);

    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    bool pressed = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, end, to_u32(pressed ? p.surface_pressed : p.surface), m.px(1));
    dl->AddRect(pos, end, to_u32(selected ? p.selected : p.border), m.px(1), 0, selected ? m.px(1.2f) : 2.f);

    // The radio circle or tick box leads the label: on the left, on the right in Arabic.
    const float row_end = pos.x + width;
    ImVec2 c(mirrored_x(dc, pos.x, row_end, pad, marker) + marker / 2, pos.y + height / 2);
    if (multiple) {
        ImVec2 a(c.x - marker / 2, c.y - marker / 2), b(c.x + marker / 2, c.y + marker / 2);
        dl->AddRectFilled(a, b, to_u32(p.background));
        dl->AddRect(a, b, to_u32(p.border), 0, 0, 3.f);
        if (selected) {
            // A tick, drawn so it reads without colour.
            dl->AddLine(ImVec2(a.x + marker * .2f, c.y), ImVec2(c.x - marker * .05f, b.y - marker * .2f), to_u32(p.text), 5.f);
            dl->AddLine(ImVec2(c.x - marker * .05f, b.y - marker * .2f), ImVec2(b.x - marker * .15f, a.y + marker * .2f),
                        to_u32(p.text), 5.f);
        }
    } else {
        dl->AddCircleFilled(c, marker / 2, to_u32(p.background), 32);
        dl->AddCircle(c, marker / 2, to_u32(p.border), 32, 3.f);
        if (selected) dl->AddCircleFilled(c, marker / 2 - m.px(1.6f), to_u32(p.text), 32);
    }
    draw_text(dl, font, ImVec2(mirrored_x(dc, pos.x, row_end, marker + 2 * pad, text_width), pos.y + (height - text.y) / 2),
              p.text, label, text_width, 0, TextAlign::Start, text_width);
    if (dc.recorder) dc.recorder->record_last_item(id, label, selected);
    return tapped;
}

bool nav_tile(DrawContext& dc, const std::string& id, const std::string& title, const std::string& detail) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = m.px(4);
    const float arrow = m.px(6);
    const float text_width = std::max(1.f, width - arrow - 3 * pad);
    const ImVec2 ts = text_size(dc.fonts.heading, title, text_width);
    const ImVec2 ds = detail.empty() ? ImVec2(0, 0) : text_size(dc.fonts.body, detail, text_width);
    const float height = std::max(m.target(), ts.y + ds.y + 2 * pad + (detail.empty() ? 0 : m.px(1)));
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    const bool pressed = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, end, to_u32(pressed ? p.surface_pressed : p.surface), m.px(1));
    dl->AddRect(pos, end, to_u32(p.border), m.px(1), 0, 2.f);
    const float top = pos.y + (height - ts.y - ds.y - (detail.empty() ? 0 : m.px(1))) / 2;
    const float text_x = mirrored_x(dc, pos.x, end.x, pad, text_width);
    draw_text(dl, dc.fonts.heading, ImVec2(text_x, top), p.link, title, text_width, 0, TextAlign::Start, text_width);
    if (!detail.empty())
        draw_text(dl, dc.fonts.body, ImVec2(text_x, top + ts.y + m.px(1)), p.text, detail, text_width, 0, TextAlign::Start,
                  text_width);
    // A chevron: "this goes on", without relying on colour. Onwards is to the left in Arabic.
    const float dir = dc.right_to_left() ? -1.f : 1.f;
    const ImVec2 c(mirrored_x(dc, pos.x, end.x, width - pad - arrow, arrow) + arrow / 2, pos.y + height / 2);
    dl->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - dir * arrow / 4, c.y - arrow / 2), ImVec2(c.x + dir * arrow / 4, c.y),
                                          ImVec2(c.x - dir * arrow / 4, c.y + arrow / 2)}
                        .data(),
                    3, to_u32(p.text), 0, m.px(1));
    if (dc.recorder) dc.recorder->record_last_item(id, title);
    return tapped;
}

bool text_box(DrawContext& dc, const std::string& id, const std::string& text, bool focused, float width, int lines,
              bool masked, bool error) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    ImFont* font = dc.fonts.body;
    const float pad = m.px(2.5f);
    // Leave room for the focus outline, which is drawn outside the box.
    const float outline = m.px(1);
    width = std::max(std::min(width, ImGui::GetContentRegionAvail().x - 2 * outline), m.target());
    ImGui::SetCursorScreenPos(ImVec2(ImGui::GetCursorScreenPos().x + outline, ImGui::GetCursorScreenPos().y + outline));
    const float inner = width - 2 * pad;
    std::string dots;
    if (masked)
        for (std::size_t i = 0; i < text.size(); ++i) dots += "\xe2\x80\xa2";  // U+2022, one per character
    const std::string& visible = masked ? dots : text;
    const float line_h = font->FontSize;
    const ImVec2 full = text_size(font, visible, lines > 1 ? inner : 0.f);
    const float min_h = std::max(m.target(), static_cast<float>(lines) * line_h + 2 * pad);
    const float height = lines > 1 ? std::max(min_h, full.y + line_h + 2 * pad) : min_h;

    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, end, to_u32(p.background));
    // GOV.UK focus: a thick yellow outline with a dark inner border, visible on any background.
    if (focused) dl->AddRect(ImVec2(pos.x - outline, pos.y - outline), ImVec2(end.x + outline, end.y + outline),
                             to_u32(p.focus), 0, 0, m.px(1.2f));
    dl->AddRect(pos, end, to_u32(error ? p.error : p.border), 0, 0, focused || error ? m.px(0.9f) : 2.f);

    dl->PushClipRect(ImVec2(pos.x + pad / 2, pos.y), ImVec2(end.x - pad / 2, end.y), true);
    ImVec2 tpos(pos.x + pad, pos.y + (lines > 1 ? pad : (height - line_h) / 2));
    ImVec2 caret;
    if (lines > 1) {
        draw_text(dl, font, tpos, p.text, visible, inner, 0, TextAlign::Start, inner);
        // The caret after the last character of the last wrapped line.
        const float last_line_y = full.y > line_h ? full.y - line_h : 0.f;
        float x = focused ? text_size(font, visible).x : 0.f;
        if (focused && full.y > line_h) {
            // Width of the last line: measure growing suffixes until one wraps.
            std::size_t start = visible.size();
            while (start > 0 && text_size(font, visible.substr(start - 1), inner).y <= line_h * 1.01f) --start;
            x = text_size(font, visible.substr(start)).x;
        }
        caret = ImVec2(tpos.x + x, tpos.y + last_line_y);
    } else {
        // One line: when the text is longer than the box, show its end (where typing happens).
        // In Arabic the text sits at the right edge, and typing happens at its left end.
        const float w = text_size(font, visible).x;
        const bool rtl_text = dc.right_to_left() && needs_shaping(visible);
        if (w <= inner && dc.right_to_left()) tpos.x += inner - w;
        else if (w > inner && !rtl_text) tpos.x -= w - inner + m.px(1);
        draw_text(dl, font, tpos, p.text, visible);
        caret = ImVec2(rtl_text ? tpos.x - m.px(1.2f) : tpos.x + w, tpos.y);
    }
    if (focused) dl->AddRectFilled(ImVec2(caret.x + 1, caret.y), ImVec2(caret.x + 1 + m.px(0.6f), caret.y + line_h), to_u32(p.text));
    dl->PopClipRect();
    if (dc.recorder) {
        WidgetRect& r = dc.recorder->record_last_item(id, "");
        r.value_length = static_cast<int>(text.size());
        r.focused = focused;
    }
    return tapped;
}

}  // namespace carers::ui
