#include "kiosk/app/options.h"

#include <cstdlib>
#include <cstring>

namespace carers::app {

const char* usage() {
    return "Usage: carers-kiosk [options]\n"
           "  --fullscreen            fill the monitor, no decorations (kiosk mode)\n"
           "  --monitor N             monitor to use with --fullscreen (default 0)\n"
           "  --size WxH              window size when not fullscreen (default 1080x1920)\n"
           "  --data-dir DIR          where the encrypted database, key file and kiosk.json live\n"
           "                          (default $XDG_DATA_HOME/carers-kiosk)\n"
           "  --config FILE           venue and centre settings (default DIR/kiosk.json)\n"
           "  --assets DIR            forms and other assets (default: the installed ones)\n"
           "  --locales DIR           translations, one PO file per language (default ASSETS/../locales)\n"
           "  --language CODE         language to start in, e.g. en, pl, ar, zh_CN (default en)\n"
           "  --screenshot-dir DIR    save a PNG of every screen shown\n"
           "  --widget-dump FILE      write widget positions after each frame (for tests)\n"
           "  --exit-after-idle SECS  quit after this many seconds without input (for demos)\n";
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
        if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--help" || a == "-h") {
            o.help = true;
        } else if (a == "--monitor") {
            auto v = value("a number");
            if (!v) return v.error();
            o.monitor = std::atoi(v->c_str());
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
