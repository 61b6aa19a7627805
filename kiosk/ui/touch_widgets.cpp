#include "kiosk/ui/touch_widgets.h"

#include <algorithm>

namespace carers::ui {

void wrapped_text(const std::string& text, ImFont* font, const ImVec4& colour) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.f);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

bool touch_button(DrawContext& dc, const std::string& id, const std::string& label, ButtonStyle style, float width) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    ImGui::PushFont(dc.fonts.body);
    ImVec2 text = ImGui::CalcTextSize(label.c_str());
    ImVec2 size(std::max({width, text.x + m.px(12), m.target()}), std::max(text.y + m.px(7), m.target()));
    ImVec4 bg = style == ButtonStyle::Primary ? p.primary : (style == ButtonStyle::Warning ? p.error : p.surface);
    ImVec4 fg = style == ButtonStyle::Secondary ? p.text : p.primary_text;
    ImVec4 pressed = style == ButtonStyle::Primary ? p.primary_pressed : p.surface_pressed;
    ImGui::PushStyleColor(ImGuiCol_Button, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, bg);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, pressed);
    ImGui::PushStyleColor(ImGuiCol_Text, fg);
    bool tapped = ImGui::Button((label + "###" + id).c_str(), size);
    ImGui::PopStyleColor(4);
    ImGui::PopFont();
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
    const float text_width = width - marker - 3 * pad;
    ImVec2 text = font->CalcTextSizeA(font->FontSize, FLT_MAX, text_width, label.c_str());
    const float height = std::max(m.target(), text.y + 2 * pad);

    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool tapped = ImGui::InvisibleButton(id.c_str(), ImVec2(width, height));
    bool pressed = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 end(pos.x + width, pos.y + height);
    dl->AddRectFilled(pos, end, to_u32(pressed ? p.surface_pressed : p.surface), m.px(1));
    dl->AddRect(pos, end, to_u32(selected ? p.selected : p.border), m.px(1), 0, selected ? m.px(1.2f) : 2.f);

    ImVec2 c(pos.x + pad + marker / 2, pos.y + height / 2);
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
    dl->AddText(font, font->FontSize, ImVec2(pos.x + marker + 2 * pad, pos.y + (height - text.y) / 2), to_u32(p.text),
                label.c_str(), nullptr, text_width);
    if (dc.recorder) dc.recorder->record_last_item(id, label, selected);
    return tapped;
}

}  // namespace carers::ui
