#include "kiosk/app/window_choice.h"

namespace carers::app {

WindowOptions choose_window(const Options& o, const KioskBehaviour& b) {
    WindowOptions w;
    w.fullscreen = o.fullscreen.value_or(b.fullscreen);
    w.monitor = o.monitor.value_or(b.monitor);
    // A kiosk's screen is touched, a laptop's is not: the cursor follows fullscreen unless told.
    w.touch = o.touch.value_or(b.touch.value_or(w.fullscreen));
    w.width = o.width;
    w.height = o.height;
    return w;
}

}  // namespace carers::app
