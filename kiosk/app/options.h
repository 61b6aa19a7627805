// Command-line options of the kiosk binary.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "kiosk/common/result.h"

namespace carers::app {

struct Options {
    // Unset: kiosk.json's "kiosk" section decides (window_choice.h), else a window.
    std::optional<bool> fullscreen;   // --fullscreen / --windowed
    std::optional<int> monitor;       // --monitor N: which monitor for fullscreen (0 = the first)
    int width = 1080, height = 1920;  // window size (portrait kiosk by default)
    std::filesystem::path data_dir;   // database, key file, kiosk.json
    std::filesystem::path config;     // kiosk.json (default: <data_dir>/kiosk.json)
    std::filesystem::path assets_dir;
    std::filesystem::path locales_dir;     // gettext PO files (default: <assets>/../locales)
    std::string language = "en";           // the language shown first (a PO file's Language)
    std::filesystem::path screenshot_dir;  // when set: a PNG of every screen passed
    std::filesystem::path widget_dump;     // when set: widget rectangles after each frame (tests)
    double exit_after_idle_seconds = 0;    // tests and demos: quit after this long without input
    int purge_every_seconds = 60 * 60;     // expired drafts and sent submissions go this often (tests: less)
    std::optional<bool> touch;             // --touch: a touch screen, no cursor (default: when fullscreen)
    bool personal = false;                 // a carer's own device: drafts kept as they go, no resume codes
    std::string sound_device;              // where reading aloud plays (empty: the default)
    double px_per_mm = 0;                  // screen density; 0 = kiosk.json or the monitor
    double inactivity_seconds = 0;         // override kiosk.json (tests): 0 = keep
    double warning_seconds = 0;
    std::filesystem::path screenshot_tour;  // when set: render every screen to PNGs here, then exit
    std::string tour_language;             // the tour in this language only (empty: every language)
    int bench_frames = 0;                  // when set: time this many frames per heavy screen, then exit
    bool set_staff_pin = false;            // read a new staff PIN from standard input, then exit
    bool help = false;
};

Result<Options> parse_options(int argc, char** argv);
const char* usage();

}  // namespace carers::app
