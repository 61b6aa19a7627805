// --bench-frames N: times N frames of each of the heaviest screens, drawn back to back at the
// window's size, and prints one JSON line per screen (median and 99th percentile in ms) for
// tools/bench. A frame is timed from the start of drawing until the GPU has finished it.
#pragma once

#include "kiosk/app/kiosk_app.h"

namespace carers::app {

bool run_frame_bench(KioskApp& app, int frames);

}  // namespace carers::app
