// TouchScroll: a page scrolls when a finger drags anywhere on it, and keeps gliding (momentum)
// after the finger lifts. Once a press has moved far enough to be a drag, whatever button it
// began on is let go, so scrolling never taps anything.
#pragma once

namespace carers::ui {

struct DrawContext;

struct TouchScroll {
    bool armed = false;     // a press began inside the region
    bool dragging = false;  // moved past the slop: a scroll, not a tap
    float press_y = 0;      // pointer y when the press began
    float press_scroll = 0; // scroll position then
    float last_y = 0;
    double last_t = 0;
    float velocity = 0;     // scroll pixels per second, for the glide after release
};

// Call inside the scrolling child window (between BeginChild and EndChild), after its content.
// Asks for more frames while gliding.
void update_touch_scroll(DrawContext& dc, TouchScroll& s);

// Stops any glide and forgets a press in progress (a new page, a wipe).
inline void reset_touch_scroll(TouchScroll& s) { s = TouchScroll{}; }

}  // namespace carers::ui
