// The start screen: choose a language (each named in its own script, never a flag), a text size,
// high contrast, and reading aloud when a voice is installed for the language.
#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/screens.h"

namespace carers::ui {

Intents draw_start_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    draw_top_bar(dc, "", out, false);

    const float bottom = footer_height(dc);
    begin_scroll_page(dc, "start", ImGui::GetContentRegionAvail().y - bottom, state.scroll, state.page_key != "start");
    state.page_key = "start";

    listen_button(dc, model, out);
    wrapped_text(dc.tr("Choose your language"), dc.fonts.heading, p.text);
    for (const i18n::Catalog* c : model.languages) {
        if (!c) continue;
        const auto& lang = c->language();
        if (option_tile(dc, "language:" + lang.code, lang.native_name, lang.code == model.display.language, false))
            out.push_back({Intent::Kind::ChooseLanguage, {}, {}, {}, lang.code});
    }

    ImGui::Dummy(ImVec2(0, m.px(4)));
    wrapped_text(dc.tr("Text size"), dc.fonts.heading, p.text);
    const struct {
        int percent;
        const std::string& label;
    } sizes[] = {{100, dc.tr("Standard")}, {150, dc.tr("Large")}, {200, dc.tr("Very large")}};
    for (const auto& s : sizes)
        if (option_tile(dc, "text-size:" + std::to_string(s.percent), s.label, model.display.text_size == s.percent, false))
            out.push_back({Intent::Kind::SetTextSize, {}, {}, {}, {}, s.percent});

    ImGui::Dummy(ImVec2(0, m.px(4)));
    wrapped_text(dc.tr("Display"), dc.fonts.heading, p.text);
    if (option_tile(dc, "high-contrast", dc.tr("High contrast: yellow and white on black"), model.display.high_contrast, true))
        out.push_back({Intent::Kind::SetHighContrast, {}, {}, {}, {}, model.display.high_contrast ? 0 : 1});
    if (model.display.read_aloud_available) {
        if (option_tile(dc, "read-aloud", dc.tr("Read the screen aloud"), model.display.read_aloud, true))
            out.push_back({Intent::Kind::SetReadAloud, {}, {}, {}, {}, model.display.read_aloud ? 0 : 1});
    }
    end_scroll_page(dc, state.scroll);

    const float width = column_width(dc);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
    const std::string& next = dc.tr("Continue");
    const float next_w = button_width(dc, next, m.px(60));
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::SetCursorScreenPos(
        ImVec2(mirrored_x(dc, left, left + std::min(width, avail), 0, next_w), ImGui::GetCursorScreenPos().y));
    if (touch_button(dc, "start:continue", next, ButtonStyle::Primary, next_w)) out.push_back({Intent::Kind::GoHome});
    return out;
}

}  // namespace carers::ui
