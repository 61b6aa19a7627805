// Pieces several screens share: the top bar, scrolling page regions, the reading column, and the
// hidden staff gesture.
#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/ui/screens.h"

namespace carers::ui {

namespace {
constexpr float corner_mm = 20.f;     // the staff corner: a square this big at the top left
constexpr double corner_hold_s = 3.0;  // held this long (carers never need to hold anything)
constexpr double fired = -2;           // corner_hold_since after the gesture fired, until release
}  // namespace

float column_width(const DrawContext& dc) {
    // About 70 characters of body text: the GOV.UK two-thirds column on a wide screen.
    return std::min(ImGui::GetContentRegionAvail().x, dc.theme.metrics.px(250) * std::max(1.f, dc.theme.metrics.text_scale * 0.8f));
}

float footer_height(const DrawContext& dc) { return button_height(dc) + ImGui::GetStyle().ItemSpacing.y; }

void draw_top_bar(DrawContext& dc, const std::string& title, Intents& out, bool with_display_button) {
    const Metrics& m = dc.theme.metrics;
    const Palette& p = dc.theme.palette;
    const float avail = ImGui::GetContentRegionAvail().x;
    const std::string finish = dc.tr("Finish and clear");
    const float finish_w = std::max(m.px(45), text_size(dc.fonts.body, finish).x + m.px(10));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float row_end = start.x + avail;
    // Positions are worked out left to right and mirrored for a right-to-left language.
    auto at = [&](float x, float w) { return mirrored_x(dc, start.x, row_end, x, w); };
    float right = avail - finish_w;
    const std::string display = with_display_button ? dc.tr("Language and text size") : std::string();
    const float display_w = std::max(m.px(45), text_size(dc.fonts.body, display).x + m.px(10));
    // Beside "Finish and clear" when both fit, else on a row of its own under it: the language
    // can be changed on every page, at every text size.
    const bool display_inline = with_display_button && display_w + finish_w + m.gap() <= avail;
    if (display_inline) {
        right -= display_w + m.gap();
        ImGui::SetCursorScreenPos(ImVec2(at(right, display_w), start.y));
        if (touch_button(dc, "display-choices", display, ButtonStyle::Secondary, display_w))
            out.push_back({Intent::Kind::GoStart});
    }
    float title_bottom = start.y;
    // The title fills what is left on the left, wrapping if it must.
    if (!title.empty() && right > m.px(20)) {
        const float w = right - m.gap();
        ImGui::SetCursorScreenPos(ImVec2(at(0, w), start.y + m.px(2)));
        ImGui::BeginGroup();
        const ImVec2 size = text_size(dc.fonts.small, title, w);
        draw_text(ImGui::GetWindowDrawList(), dc.fonts.small, ImGui::GetCursorScreenPos(), p.secondary_text, title, w, 0,
                  TextAlign::Start, w);
        ImGui::Dummy(size);
        ImGui::EndGroup();
        title_bottom = ImGui::GetItemRectMax().y;
    }
    ImGui::SetCursorScreenPos(ImVec2(at(avail - finish_w, finish_w), start.y));
    if (touch_button(dc, "finish-and-clear", finish, ButtonStyle::Secondary, finish_w))
        out.push_back({Intent::Kind::FinishAndClear});
    float bottom = std::max({ImGui::GetItemRectMax().y, title_bottom, start.y + m.target()});
    if (with_display_button && !display_inline) {
        const float w = std::min(display_w, avail);
        ImGui::SetCursorScreenPos(ImVec2(at(0, w), bottom + m.gap()));
        if (touch_button(dc, "display-choices", display, ButtonStyle::Secondary, w)) out.push_back({Intent::Kind::GoStart});
        bottom = ImGui::GetItemRectMax().y;
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + m.px(2)));
    ImGui::GetWindowDrawList()->AddLine(ImVec2(start.x, bottom + m.px(2)), ImVec2(start.x + avail, bottom + m.px(2)),
                                        to_u32(p.border), 2.f);
    ImGui::Dummy(ImVec2(avail, m.px(2)));
}

float button_width(const DrawContext& dc, const std::string& label, float min_width) {
    // As touch_button sizes itself: the label plus its padding, never under the minimum target.
    const Metrics& m = dc.theme.metrics;
    // A pixel over, so that rounding never makes the label wrap inside its own button.
    return std::max({min_width, std::ceil(text_size(dc.fonts.body, label).x + 2 * m.px(4)) + 1, m.target()});
}

void place_at_start(const DrawContext& dc, float width) {
    if (!dc.right_to_left()) return;
    const float avail = ImGui::GetContentRegionAvail().x;
    if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - width);
}

bool start_button(DrawContext& dc, const std::string& id, const std::string& label, ButtonStyle style, float min_width) {
    const float w = std::min(button_width(dc, label, min_width), ImGui::GetContentRegionAvail().x);
    place_at_start(dc, w);
    return touch_button(dc, id, label, style, w);
}

void listen_button(DrawContext& dc, const KioskModel& model, Intents& out) {
    if (!model.display.read_aloud_available) return;
    if (start_button(dc, "listen", dc.tr("Listen"), ButtonStyle::Secondary)) out.push_back({Intent::Kind::Listen});
}

void begin_scroll_page(DrawContext& dc, const char* id, float height, TouchScroll& scroll, bool reset_scroll, float width) {
    const float avail = ImGui::GetContentRegionAvail().x;
    if (width <= 0) {
        width = column_width(dc);
        if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
    }
    ImGui::BeginChild(id, ImVec2(width, std::max(height, dc.theme.metrics.target())), false);
    if (reset_scroll) {
        ImGui::SetScrollY(0);
        reset_touch_scroll(scroll);
    }
    if (dc.recorder) dc.recorder->enter_scroll_region();
}

void end_scroll_page(DrawContext& dc, TouchScroll& scroll) {
    // Room at the end, so the last control is not hard against the region's edge.
    ImGui::Dummy(ImVec2(0, dc.theme.metrics.px(6)));
    update_touch_scroll(dc, scroll);
    if (dc.recorder) dc.recorder->leave_scroll_region();
    ImGui::EndChild();
}

void detect_staff_gesture(DrawContext& dc, UiState& state, Intents& out) {
    const ImGuiIO& io = ImGui::GetIO();
    const float size = dc.theme.metrics.px(corner_mm);
    const ImVec2 origin = ImGui::GetMainViewport()->Pos;
    const ImRect corner(origin, ImVec2(origin.x + size, origin.y + size));
    const bool holding = io.MouseDown[0] && corner.Contains(io.MouseClickedPos[0]) && corner.Contains(io.MousePos);
    if (!holding) {
        state.corner_hold_since = -1;
        return;
    }
    if (state.corner_hold_since == fired) return;
    if (state.corner_hold_since < 0) state.corner_hold_since = dc.now();
    const double held = dc.now() - state.corner_hold_since;
    if (held >= corner_hold_s) {
        state.corner_hold_since = fired;
        ImGui::ClearActiveID();  // whatever was under the finger must not act on release
        out.push_back({Intent::Kind::OpenStaffEntry});
    } else {
        dc.wake_in(corner_hold_s - held);
    }
}

}  // namespace carers::ui
