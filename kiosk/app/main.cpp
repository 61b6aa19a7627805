// carers-kiosk: opens the store, loads the forms, and runs the touch-screen event loop.
//
// The loop sleeps until something happens (input, a timer): an always-polling ImGui loop burns a
// whole core on a kiosk that is idle most of the day.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include <imgui.h>

#include "kiosk/app/font_lookup.h"
#include "kiosk/app/glfw_window.h"
#include "kiosk/app/kiosk_config.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/options.h"
#include "kiosk/app/screenshot.h"
#include "kiosk/app/widget_dump.h"
#include "kiosk/i18n/locale_dir.h"
#include "kiosk/store/key_file.h"
#include "kiosk/ui/question_view.h"

using namespace carers;

namespace {

// Messages for staff on stderr. Never personal data: only fixed sentences, file names and counts.
void staff_log(const std::string& line) { std::fprintf(stderr, "carers-kiosk: %s\n", line.c_str()); }

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

// Set by SIGTERM/SIGINT: the loop notices within its one-second wait, wipes the session and exits.
volatile std::sig_atomic_t stop_requested = 0;
void request_stop(int) { stop_requested = 1; }

// Exit codes staff scripts can act on.
enum Exit { ok = 0, bad_options = 2, no_display = 3, store_failed = 4, config_failed = 5 };

// A key for "which screen is this", so a screenshot is taken once per screen passed.
std::string screen_key(const app::KioskController& c) {
    auto m = c.model();
    if (!m.session) return "home";
    auto page = m.session->current_page();
    std::string k = m.session->questionnaire().name + "-" + (page.anchor.item ? ui::occurrence_id(page.anchor) : "none");
    if (m.session->complete()) k += "-done";
    if (!m.session->errors().empty()) k += "-error";
    return k;
}

// The store, created on first run in a folder private to this user. The key lives only as long
// as this function: SQLCipher keeps its own derived copy.
Result<std::unique_ptr<store::Database>> open_store(const std::filesystem::path& dir) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    chmod(dir.c_str(), 0700);
    auto key = store::load_or_create_key_file(dir / "kiosk.key");
    if (!key) return key.error();
    return store::Database::open(dir / "kiosk.db", key.value());
}

}  // namespace

int main(int argc, char** argv) {
    auto parsed = app::parse_options(argc, argv);
    if (!parsed) {
        staff_log(parsed.message());
        return bad_options;
    }
    const app::Options& opt = parsed.value();
    if (opt.help) {
        std::fputs(app::usage(), stdout);
        return ok;
    }

    std::error_code ec;
    auto db = open_store(opt.data_dir);
    if (!db) {
        staff_log(db.message());
        return store_failed;
    }

    app::KioskConfig config;
    if (std::ifstream in(opt.config); in) {
        std::stringstream text;
        text << in.rdbuf();
        auto c = app::parse_kiosk_config(text.str());
        if (!c) {
            staff_log(c.message());
            return config_failed;
        }
        config = std::move(c.value());
    } else {
        staff_log("No settings file at " + opt.config.string() + ": answers cannot be sent until the kiosk is enrolled.");
    }

    auto forms = app::load_forms((opt.assets_dir / "forms").string(), staff_log);
    if (forms.empty()) staff_log("No forms could be loaded from " + (opt.assets_dir / "forms").string() + ".");
    app::KioskController controller(std::move(forms), std::move(config), db.value().get(), unix_now);

    auto created = app::KioskWindow::create({opt.fullscreen, opt.monitor, opt.width, opt.height});
    if (!created) {
        staff_log(created.message());
        return no_display;
    }
    std::unique_ptr<app::KioskWindow> window(created.value());

    ui::Theme theme;
    theme.metrics.px_per_mm = window->px_per_mm();
    ui::apply_theme(theme);
    ui::FontSet fonts;
    if (!ui::build_fonts(app::find_font_files("Noto Sans"), theme.metrics, fonts))
        staff_log("Noto Sans was not found; using the built-in font.");
    ui::WidgetRecorder recorder;
    // Every language in locales/; one that cannot be loaded is named for staff and left out.
    i18n::LoadedLocales locales = i18n::load_locales(opt.locales_dir);
    for (const auto& problem : locales.problems) staff_log(problem);
    if (!locales.languages.find(opt.language)) staff_log("No translation for language " + opt.language + "; using English.");
    const i18n::Catalog& catalog = locales.languages.get(opt.language);

    if (!opt.screenshot_dir.empty()) std::filesystem::create_directories(opt.screenshot_dir, ec);
    int frames_to_draw = 3;  // ImGui settles layout over a couple of frames
    long frame = 0;
    int shot_count = 0;
    std::string last_shot, pending_shot;
    int shot_delay = 0;
    auto last_input = std::chrono::steady_clock::now();

    std::signal(SIGTERM, request_stop);
    std::signal(SIGINT, request_stop);
    while (!window->should_close() && !stop_requested) {
        bool input = frames_to_draw > 0 ? window->poll() : window->wait(1.0);
        auto now = std::chrono::steady_clock::now();
        if (input) {
            frames_to_draw = std::max(frames_to_draw, 3);
            last_input = now;
        }
        if (opt.exit_after_idle_seconds > 0 &&
            std::chrono::duration<double>(now - last_input).count() > opt.exit_after_idle_seconds)
            break;
        if (frames_to_draw <= 0) continue;
        --frames_to_draw;

        window->begin_frame();
        ui::DrawContext dc{theme, fonts, catalog, &recorder};
        ui::Intents intents = ui::draw_kiosk(dc, controller.model(), controller.ui_state());
        window->render();
        ++frame;

        // One PNG per screen passed, taken once the screen has settled for two frames.
        const std::string key = screen_key(controller);
        if (!opt.screenshot_dir.empty()) {
            if (key != pending_shot) {
                pending_shot = key;
                shot_delay = 2;
                frames_to_draw = std::max(frames_to_draw, 3);
            } else if (shot_delay > 0 && --shot_delay == 0 && key != last_shot) {
                int w = 0, h = 0;
                std::string px = window->read_pixels_rgba(w, h);
                char name[32];
                std::snprintf(name, sizeof name, "%03d-", ++shot_count);
                auto path = opt.screenshot_dir / (name + key + ".png");
                if (auto r = app::write_png(path, px, w, h); !r) staff_log(r.message());
                last_shot = key;
            }
        }
        window->swap();
        if (!opt.widget_dump.empty()) app::dump_widgets(opt.widget_dump, frame, key, recorder);
        if (!intents.empty()) {
            controller.apply(intents);
            frames_to_draw = std::max(frames_to_draw, 3);
        }
    }
    controller.wipe_session();
    return ok;
}
