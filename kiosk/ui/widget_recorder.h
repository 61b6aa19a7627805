// WidgetRecorder: where each tappable widget was drawn this frame, by a stable id.
//
// Used by the end-to-end tests and the scripted demo to find what to tap with real input, and by
// the screenshot tour to check nothing is clipped off-screen. Holds labels of controls only,
// never what a person typed.
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

namespace carers::ui {

struct WidgetRect {
    std::string id;     // stable across languages and frames, e.g. "answer:who:parent"
    std::string label;  // what the control says (for logs of a demo run)
    ImVec2 min, max;
    bool selected = false;
};

class WidgetRecorder {
public:
    void begin_frame(std::string screen) {
        screen_ = std::move(screen);
        rects_.clear();
    }
    // Records the last ImGui item under `id`.
    void record_last_item(std::string id, std::string label, bool selected = false) {
        rects_.push_back({std::move(id), std::move(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), selected});
    }
    const std::string& screen() const { return screen_; }
    const std::vector<WidgetRect>& rects() const { return rects_; }

private:
    std::string screen_;
    std::vector<WidgetRect> rects_;
};

}  // namespace carers::ui
