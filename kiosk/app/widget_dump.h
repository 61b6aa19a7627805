// Writes where each widget is after a frame, for the end-to-end tests, the scripted demo and the
// screenshot tour's checks. Never personal data: labels of controls, and for text boxes only how
// many bytes they hold.
#pragma once

#include <filesystem>

#include <nlohmann/json.hpp>

#include "kiosk/app/glfw_window.h"
#include "kiosk/ui/widget_recorder.h"

namespace carers::app {

// {"frame", "screen", "pointer_down", "display": [w, h], "px_per_mm", "scroll_y", "scroll_max_y",
//  "focus", "keyboard", "widgets": [{"id", "label", "x0","y0","x1","y1", "clip": [x0,y0,x1,y1],
//  "scrolls", "selected", "value_length", "focused"}]}
// plus, when `window` is given, "window": {"fullscreen", "decorated", "cursor": "hidden"|"shown",
//  "monitor", "monitors", "size": [w, h], "monitor_size": [w, h]}.
nlohmann::json widgets_json(long frame, const ui::WidgetRecorder& recorder, float px_per_mm,
                            const WindowFacts* window = nullptr);

// The same, written to a temporary file and renamed so a reader never sees half a file.
void dump_widgets(const std::filesystem::path& path, long frame, const ui::WidgetRecorder& recorder, float px_per_mm,
                  const WindowFacts* window = nullptr);

}  // namespace carers::app
