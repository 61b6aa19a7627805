// Which window the kiosk opens: the command line over kiosk.json over the defaults (a window for
// personal use; fullscreen with no cursor for a kiosk).
#pragma once

#include "kiosk/app/glfw_window.h"
#include "kiosk/app/kiosk_config.h"
#include "kiosk/app/options.h"

namespace carers::app {

// Fullscreen and monitor from --fullscreen/--windowed and --monitor, else kiosk.json's
// kiosk.fullscreen and kiosk.monitor. The cursor is hidden (touch) when --touch/--mouse or
// kiosk.touch say so, else exactly when fullscreen. Size: --size (used when windowed).
WindowOptions choose_window(const Options& options, const KioskBehaviour& behaviour);

}  // namespace carers::app
