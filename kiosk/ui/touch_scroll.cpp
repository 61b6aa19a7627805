#include "kiosk/ui/touch_scroll.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/ui/touch_widgets.h"

namespace carers::ui {

namespace {
// How far a finger may wander during a tap before it counts as a drag: generous, for shaky hands.
constexpr float slop_mm = 4.f;
// Momentum: velocity halves about every 0.17 s; below this speed the page stops.
constexpr float friction = 4.f;
constexpr float stop_speed = 30.f;  // px/s
}  // namespace

void update_touch_scroll(DrawContext& dc, TouchScroll& s) {
    const ImGuiIO& io = ImGui::GetIO();
    const ImVec2 pos = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    const ImRect region(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    const float max_scroll = ImGui::GetScrollMaxY();
    const double now = dc.now();
    // After a long sleep the first frame's delta is huge; a glide must not jump.
    const float dt = std::clamp(io.DeltaTime, 0.f, 1.f / 20.f);

    if (io.MouseClicked[0]) {
        s.armed = region.Contains(io.MouseClickedPos[0]) && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
        s.dragging = false;
        s.velocity = 0;  // a touch stops a glide, as on a phone
        s.press_y = s.last_y = io.MousePos.y;
        s.press_scroll = ImGui::GetScrollY();
        s.last_t = now;
    }
    if (s.armed && io.MouseDown[0]) {
        const float dy = io.MousePos.y - s.press_y;
        if (!s.dragging && std::fabs(dy) > dc.theme.metrics.px(slop_mm) && max_scroll > 0) {
            s.dragging = true;
            ImGui::ClearActiveID();  // the button under the finger will not fire on release
        }
        if (s.dragging) {
            ImGui::SetScrollY(std::clamp(s.press_scroll - dy, 0.f, max_scroll));
            const double since = now - s.last_t;
            if (since > 0.004) {
                const float instant = -(io.MousePos.y - s.last_y) / static_cast<float>(since);
                s.velocity = 0.7f * instant + 0.3f * s.velocity;
                s.last_y = io.MousePos.y;
                s.last_t = now;
            }
        }
    } else if (s.armed) {
        s.armed = false;
        // A finger that stopped before lifting means "stay here".
        if (!s.dragging || now - s.last_t > 0.12) s.velocity = 0;
        s.dragging = false;
    }
    if (!s.armed && s.velocity != 0) {
        const float next = ImGui::GetScrollY() + s.velocity * dt;
        s.velocity *= std::exp(-friction * dt);
        if (next <= 0 || next >= max_scroll || std::fabs(s.velocity) < stop_speed) s.velocity = 0;
        ImGui::SetScrollY(std::clamp(next, 0.f, max_scroll));
        if (s.velocity != 0) dc.wake_in(1.0 / 60);
    }
    if (dc.recorder) {
        dc.recorder->facts().scroll_y = ImGui::GetScrollY();
        dc.recorder->facts().scroll_max_y = max_scroll;
    }
}

}  // namespace carers::ui
