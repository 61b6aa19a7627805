#include "kiosk/app/options.h"

#include <cstdlib>
#include <cstring>

namespace carers::app {

const char* usage() {
    return "Usage: carers-kiosk [options]\n"
           "  --fullscreen            fill the monitor, no decorations (kiosk mode)\n"
           "  --windowed              a window, for personal use (overrides kiosk.json)\n"
           "  --monitor N             monitor to use with --fullscreen (default 0, the first)\n"
           "  --size WxH              window size when not fullscreen (default 1080x1920)\n"
           "  --data-dir DIR          where the encrypted database, key file and kiosk.json live\n"
           "                          (default $XDG_DATA_HOME/carers-kiosk)\n"
           "  --config FILE           venue and centre settings (default DIR/kiosk.json)\n"
           "  --assets DIR            forms and other assets (default: the installed ones)\n"
           "  --locales DIR           translations, one PO file per language (default ASSETS/../locales)\n"
           "  --language CODE         language to start in, e.g. en, pl, ar, zh_CN (default en)\n"
           "  --screenshot-dir DIR    save a PNG of every screen shown\n"
           "  --widget-dump FILE      write widget positions after each frame (for tests)\n"
           "  --exit-after-idle SECS  quit after this many seconds without input (for demos)\n"
           "  --purge-every SECS      delete expired drafts and sent submissions this often while\n"
           "                          running (default 3600; for tests)\n"
           "  --touch                 a touch screen: hide the cursor (implied by --fullscreen)\n"
           "  --mouse                 show the cursor even when fullscreen (a trackball or mouse)\n"
           "  --personal              personal mode, on a carer's own device: the form in progress is\n"
           "                          kept as they go and offered at the next start (no resume codes)\n"
           "  --sound-device NAME     the ALSA device to read aloud through (default: PulseAudio,\n"
           "                          else ALSA's default); Listen shows only if it opens\n"
           "  --px-per-mm N           screen density, when the monitor reports it wrongly\n"
           "  --inactivity SECS       seconds without a touch before the warning (default 90)\n"
           "  --warning SECS          the warning's countdown before clearing (default 30)\n"
           "  --screenshot-tour DIR   render every screen, both orientations, every text size, to\n"
           "                          PNGs and a report (tour.json) in DIR, then exit\n"
           "  --tour-language CODE    the tour's screens in this language only (default: all)\n"
           "  --bench-frames N        time N frames of each heavy screen, print JSON, then exit\n"
           "  --set-staff-pin         read a new staff PIN (4-12 digits) from standard input\n";
}

namespace {
std::filesystem::path default_data_dir() {
    if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return std::filesystem::path(x) / "carers-kiosk";
    if (const char* h = std::getenv("HOME"); h && *h) return std::filesystem::path(h) / ".local/share/carers-kiosk";
    return "carers-kiosk-data";
}
}  // namespace

Result<Options> parse_options(int argc, char** argv) {
    Options o;
    o.assets_dir = CARERS_DEFAULT_ASSETS_DIR;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](const char* what) -> Result<std::string> {
            if (i + 1 >= argc) return make_error(a + " needs " + what + ".");
            return std::string(argv[++i]);
        };
        if (a == "--fullscreen" || a == "--windowed") {
            o.fullscreen = a == "--fullscreen";
        } else if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--monitor") {
            auto v = value("a number");
            if (!v) return v.error();
            char* end = nullptr;
            const long n = std::strtol(v->c_str(), &end, 10);
            if (end == v->c_str() || *end != '\0' || n < 0 || n > 15) return make_error("--monitor needs a number from 0 to 15.");
            o.monitor = static_cast<int>(n);
        } else if (a == "--size") {
            auto v = value("WIDTHxHEIGHT");
            if (!v) return v.error();
            if (std::sscanf(v->c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 320 || o.height < 320)
                return make_error("--size should look like 1080x1920.");
        } else if (a == "--data-dir") {
            auto v = value("a folder");
            if (!v) return v.error();
            o.data_dir = *v;
        } else if (a == "--config") {
            auto v = value("a file");
            if (!v) return v.error();
            o.config = *v;
        } else if (a == "--assets") {
            auto v = value("a folder");
            if (!v) return v.error();
            o.assets_dir = *v;
        } else if (a == "--locales") {
            auto v = value("a folder");
            if (!v) return v.error();
            o.locales_dir = *v;
        } else if (a == "--language") {
            auto v = value("a language code");
            if (!v) return v.error();
            o.language = *v;
        } else if (a == "--screenshot-dir") {
            auto v = value("a folder");
            if (!v) return v.error();
            o.screenshot_dir = *v;
        } else if (a == "--widget-dump") {
            auto v = value("a file");
            if (!v) return v.error();
            o.widget_dump = *v;
        } else if (a == "--touch" || a == "--mouse") {
            o.touch = a == "--touch";
        } else if (a == "--personal") {
            o.personal = true;
        } else if (a == "--sound-device") {
            auto v = value("a sound device name");
            if (!v) return v.error();
            o.sound_device = *v;
        } else if (a == "--set-staff-pin") {
            o.set_staff_pin = true;
        } else if (a == "--px-per-mm" || a == "--inactivity" || a == "--warning") {
            auto v = value("a number");
            if (!v) return v.error();
            char* end = nullptr;
            const double d = std::strtod(v->c_str(), &end);
            if (end == v->c_str() || *end != '\0' || d <= 0 || d > 10000) return make_error(a + " needs a positive number.");
            (a == "--px-per-mm" ? o.px_per_mm : a == "--inactivity" ? o.inactivity_seconds : o.warning_seconds) = d;
        } else if (a == "--screenshot-tour") {
            auto v = value("a folder");
            if (!v) return v.error();
            o.screenshot_tour = *v;
        } else if (a == "--tour-language") {
            auto v = value("a language code");
            if (!v) return v.error();
            o.tour_language = *v;
        } else if (a == "--bench-frames") {
            auto v = value("a number");
            if (!v) return v.error();
            o.bench_frames = std::atoi(v->c_str());
            if (o.bench_frames <= 0) return make_error("--bench-frames needs a positive number.");
        } else if (a == "--purge-every") {
            auto v = value("seconds");
            if (!v) return v.error();
            o.purge_every_seconds = std::atoi(v->c_str());
            if (o.purge_every_seconds <= 0) return make_error("--purge-every needs a positive number of seconds.");
        } else if (a == "--exit-after-idle") {
            auto v = value("seconds");
            if (!v) return v.error();
            o.exit_after_idle_seconds = std::atof(v->c_str());
        } else {
            return make_error("Unknown option " + a + ".\n" + usage());
        }
    }
    if (o.data_dir.empty()) o.data_dir = default_data_dir();
    if (o.config.empty()) o.config = o.data_dir / "kiosk.json";
    if (o.locales_dir.empty()) o.locales_dir = (o.assets_dir / ".." / "locales").lexically_normal();
    return o;
}

}  // namespace carers::app
