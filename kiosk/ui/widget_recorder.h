// WidgetRecorder: where each tappable widget was drawn this frame, by a stable id.
//
// Used by the end-to-end tests and the scripted demo to find what to tap with real input, and by
// the screenshot tour to check nothing is clipped off-screen or too small to tap. Holds labels of
// controls only, never what a person typed (a text box reports how many characters it holds).
#pragma once

#include <string>
#include <vector>

#include <imgui.h>

#include "kiosk/common/secure_wipe.h"

namespace carers::ui {

struct WidgetRect {
    std::string id;     // stable across languages and frames, e.g. "answer:who:parent"
    std::string label;  // what the control says (for logs of a demo run)
    ImVec2 min, max;
    bool selected = false;
    ImVec2 clip_min, clip_max;  // the part of the window it is drawn in that can be seen
    bool scrolls = false;       // inside a region that scrolls (may lie below its visible part)
    int value_length = -1;      // text boxes: characters typed (never the text itself)
    bool focused = false;       // text boxes: the keyboard types into it
};

// Facts about the frame as a whole, for tests (never personal data).
struct FrameFacts {
    float scroll_y = 0;      // the page's scroll position
    float scroll_max_y = 0;  // how far it can scroll
    std::string focus;       // id of the text box with the keyboard, or empty
    std::string keyboard;    // the keyboard layout shown, or empty
    std::string language;    // the language on screen (its code)
    double language_switch_ms = -1;  // the last change of language took this long to show (-1: none yet)
    double icu_setup_ms = -1;        // start-up time spent setting up ICU for the languages (-1: not told)
};

class WidgetRecorder {
public:
    void begin_frame(std::string screen) {
        screen_ = std::move(screen);
        // A label can be what the screen showed a carer (the resume code): zeroed, not just freed.
        for (WidgetRect& r : rects_) secure_wipe(r.label);
        rects_.clear();
        facts_ = {};
    }
    // Records the last ImGui item under `id`.
    WidgetRect& record_last_item(std::string id, std::string label, bool selected = false) {
        WidgetRect r{std::move(id), std::move(label), ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), selected, {}, {},
                     false, -1, false};
        const ImDrawList* dl = ImGui::GetWindowDrawList();
        r.clip_min = ImVec2(dl->GetClipRectMin());
        r.clip_max = ImVec2(dl->GetClipRectMax());
        r.scrolls = scroll_depth_ > 0;
        rects_.push_back(std::move(r));
        return rects_.back();
    }
    void enter_scroll_region() { ++scroll_depth_; }
    void leave_scroll_region() { --scroll_depth_; }

    const std::string& screen() const { return screen_; }
    const std::vector<WidgetRect>& rects() const { return rects_; }
    FrameFacts& facts() { return facts_; }
    const FrameFacts& facts() const { return facts_; }

private:
    std::string screen_;
    std::vector<WidgetRect> rects_;
    FrameFacts facts_;
    int scroll_depth_ = 0;
};

}  // namespace carers::ui
