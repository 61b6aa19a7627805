// Scenes: every screen the kiosk can show, set up directly on the controller with made-up
// answers (never a real person's), for the screenshot tour and the frame-time benchmark.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "kiosk/app/kiosk_controller.h"

namespace carers::app {

struct Scene {
    std::string name;            // file-name safe, e.g. "home", "emergency-card-p03-typing-email"
    bool png = true;             // false: checked for layout only (every page of every form)
    std::function<void()> set_up;
};

// The scenes in a fixed order. Forms are walked page by page with sample answers, so every page
// of every route taken is included (as layout checks), with a picture of the first page, the
// error summary, each keyboard layout, and the end.
std::vector<Scene> tour_scenes(KioskController& controller);

// Which answer option the samples choose: the first, or the last (another route through a form).
enum class SampleRoute { FirstOptions, LastOptions };

// Answers every enabled question on the current page with a sample answer that passes its checks
// (first or last option, entry format, minimum value, 1 February 1980). False if a page cannot be
// passed.
bool answer_page_with_samples(engine::FormSession& session, SampleRoute route = SampleRoute::FirstOptions);

}  // namespace carers::app
