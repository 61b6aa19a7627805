#include "kiosk/ui/typing_box.h"

#include <imgui.h>

#include "kiosk/ui/onscreen_keyboard.h"
#include "kiosk/ui/screens.h"

namespace carers::ui {

void labelled_box(DrawContext& dc, UiState& state, const std::string& id, const std::string& label,
                  const std::string& text, KeyboardLayout layout, bool error) {
    const Metrics& m = dc.theme.metrics;
    wrapped_text(label, dc.fonts.body, dc.theme.palette.text);
    const bool focused = state.focus == id;
    const float width =
        std::min(ImGui::GetContentRegionAvail().x, m.px(110) * std::max(1.f, m.text_scale));
    place_at_start(dc, width);
    if (text_box(dc, id, text, focused, width, 1, false, error) && !focused) {
        state.focus = id;
        state.keyboard = KeyboardState{};
        state.keyboard.base = layout;
        state.keyboard.layout =
            layout == KeyboardLayout::ResumeCode ? layout : KeyboardLayout::Letters;
    }
    if (dc.recorder && focused) dc.recorder->facts().focus = id;
}

float typing_keyboard_height(const DrawContext& dc, const UiState& state) {
    if (state.focus.empty()) return 0.f;
    return keyboard_height(dc, state.keyboard.base) + ImGui::GetStyle().ItemSpacing.y;
}

bool draw_typing_keyboard(DrawContext& dc, UiState& state, std::string& text,
                          std::size_t max_bytes) {
    const bool arabic = dc.catalog.language().code == "ar";
    std::vector<KeyEvent> events =
        draw_keyboard(dc, state.keyboard, state.keyboard.base, arabic, false);
    for (auto& e : physical_key_events())
        events.push_back(std::move(e));
    bool done = false;
    for (const KeyEvent& e : events) {
        if (e.kind == KeyEvent::Kind::Done) {
            state.focus.clear();
            done = true;
        } else if (e.kind == KeyEvent::Kind::Type || e.kind == KeyEvent::Kind::Backspace) {
            apply_key(text, e, max_bytes);
        }
    }
    return done;
}

} // namespace carers::ui
