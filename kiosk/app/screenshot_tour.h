// The screenshot tour (--screenshot-tour DIR): every scene (tour_scenes.h) in portrait 1080x1920
// and landscape 1920x1080, at 100, 150 and 200% text, drawn to PNG files, with the widget
// rectangles of every scene written to DIR/tour.json for tests/ui/test_screenshot_tour.py to
// check (nothing off-screen or clipped, nothing too small to tap, nothing too close).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

#include "kiosk/app/kiosk_app.h"

namespace carers::app {

// `language` non-empty: only that language's scenes ("en": the English ones, which include the
// screens that are the same in every language), so each language can be toured on its own.
// False (with the reason logged) when the window could not take a size or a file not be written.
bool run_screenshot_tour(KioskApp& app, const std::filesystem::path& dir, const std::string& language,
                         const std::function<void(const std::string&)>& log);

}  // namespace carers::app
