// "Are you still there?": shown after a spell without a touch. A large countdown, and a big "I need
// more time" that anyone can hit; when the count reaches nothing, the app clears the session.
#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/screens.h"

namespace carers::ui {

Intents draw_timeout_warning(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const int left = std::max(0, model.seconds_until_clear.value_or(0));
    const bool reset = state.page_key != "timeout-warning";
    state.page_key = "timeout-warning";
    begin_scroll_page(dc, "warning", ImGui::GetContentRegionAvail().y, state.side_scroll, reset);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, m.px(6)));
    wrapped_text(dc.tr("Are you still there?"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("To keep your answers private, this screen will clear itself soon."), dc.fonts.body, p.text);
    ImGui::Dummy(ImVec2(0, m.px(6)));

    // The countdown, large enough to read from a step away.
    const std::string number = std::to_string(left);
    const float big = dc.fonts.heading->FontSize * 3.f;
    const ImVec2 ns = text_size(dc.fonts.heading, number, 0, big);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    draw_text(ImGui::GetWindowDrawList(), dc.fonts.heading, pos, p.text, number, 0, big, TextAlign::Center, width);
    ImGui::Dummy(ImVec2(width, ns.y));
    centred_text(dc.catalog.tr_plural("second left", "seconds left", left), dc.fonts.body, p.text);
    ImGui::Dummy(ImVec2(0, m.px(8)));

    if (touch_button(dc, "more-time", dc.tr("I need more time"), ButtonStyle::Primary, width, m.px(28)))
        out.push_back({Intent::Kind::MoreTime});
    ImGui::Dummy(ImVec2(0, m.px(4)));
    if (touch_button(dc, "finish-and-clear", dc.tr("Finish and clear now"), ButtonStyle::Secondary, width))
        out.push_back({Intent::Kind::FinishAndClear});
    end_scroll_page(dc, state.side_scroll);
    // Redraw when the number changes (the app supplies the exact time; a second is the most).
    dc.wake_in(1.0);
    return out;
}

}  // namespace carers::ui
