// Writes where each widget is after a frame, for the end-to-end tests and the scripted demo.
#pragma once

#include <filesystem>

#include "kiosk/ui/widget_recorder.h"

namespace carers::app {

// {"frame": N, "screen": "...", "widgets": [{"id", "label", "x0","y0","x1","y1"}]}, written to a
// temporary file and renamed so a reader never sees half a file.
void dump_widgets(const std::filesystem::path& path, long frame, const std::string& screen_key,
                  const ui::WidgetRecorder& recorder);

}  // namespace carers::app
