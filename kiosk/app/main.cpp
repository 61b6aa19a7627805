// carers-kiosk: opens the store, loads the forms, and runs the touch-screen event loop
// (kiosk_app.cpp), or renders the screenshot tour, or times frames for the benchmark.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <limits>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <optional>
#include <sys/stat.h>
#include <unistd.h>

#include "kiosk/app/font_lookup.h"
#include "kiosk/app/frame_bench.h"
#include "kiosk/app/glfw_window.h"
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/kiosk_config.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/options.h"
#include "kiosk/app/screenshot_tour.h"
#include "kiosk/app/staff_services.h"
#include "kiosk/app/staff_sync_outcome.h"
#include "kiosk/app/kiosk_sync.h"
#include "kiosk/app/window_choice.h"
#include "kiosk/common/hidden_input.h"
#include "kiosk/common/secure_wipe.h"
#include "kiosk/i18n/locale_dir.h"
#include "kiosk/store/local_store.h"

using namespace carers;

namespace {

// Messages for staff on stderr. Never personal data: only fixed sentences, file names and counts.
void staff_log(const std::string& line) { std::fprintf(stderr, "carers-kiosk: %s\n", line.c_str()); }

// Set by SIGTERM/SIGINT: the loop notices within its wait, wipes the session and exits.
volatile std::sig_atomic_t stop_requested = 0;
void request_stop(int) {
    stop_requested = 1;
    app::KioskWindow::wake_from_any_thread();
}

// Exit codes staff scripts can act on; store failures use the store's own (10-19, see
// kiosk/store/store_failure.h).
enum Exit { ok = 0, bad_options = 2, no_display = 3, config_failed = 5 };

// The passphrase, when that is how the database key is kept: asked at a terminal. A kiosk started
// without one (by systemd) uses a credential or key file instead.
std::optional<std::string> ask_passphrase_at_terminal(const store::PassphraseRequest& request) {
    if (!isatty(STDIN_FILENO)) return std::nullopt;
    if (!request.problem.empty()) std::fprintf(stderr, "%s\n", request.problem.c_str());
    return read_hidden_line(request.choosing_new ? "New passphrase for the kiosk's database: "
                                                 : "Passphrase for the kiosk's database: ",
                            WhenNotTerminal::refuse);
}

// The store, created on first run in a folder private to this user, with its key from a systemd
// credential, the key file beside it, or a passphrase.
// The key is kept (the sync thread opens its own connection with it); a passphrase typed for it
// is asked once and zeroed once the key is found again.
struct OpenedStore {
    std::unique_ptr<store::LocalStore> store;
    store::SecretKey key;
};

store::StoreResult<OpenedStore> open_store(const std::filesystem::path& dir, std::int64_t purge_every, std::int64_t now) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    chmod(dir.c_str(), 0700);
    store::StoreOptions options;
    options.key.database = dir / "kiosk.db";
    options.key.credentials_directory = store::credentials_directory_from_environment();
    options.key.key_file = dir / "kiosk.key";
    options.purge_interval_seconds = purge_every;
    std::optional<std::string> typed;
    auto remember = [&typed](const store::PassphraseRequest& r) {
        if (typed) secure_wipe(*typed);
        typed = ask_passphrase_at_terminal(r);
        return typed;
    };
    auto opened = store::LocalStore::open(options, remember, now);
    if (!opened) {
        if (typed) secure_wipe(*typed);
        return opened.store_error();
    }
    auto again = [&typed](const store::PassphraseRequest&) { return typed; };
    auto key = store::resolve_database_key(options.key, again);
    if (typed) secure_wipe(*typed);
    if (!key) return key.store_error();
    return OpenedStore{std::move(opened.value()), key->key};
}

double steady_seconds() {
    static const auto t0 = std::chrono::steady_clock::now();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::int64_t unix_now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
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
    const bool tour = !opt.screenshot_tour.empty();

    app::KioskConfig config;
    // The tour shows the made-up demo venue, so the help panel and QR code have something in them.
    const std::filesystem::path config_file = tour ? opt.assets_dir / "config" / "demo-venue.json" : opt.config;
    if (std::ifstream in(config_file); in) {
        std::stringstream text;
        text << in.rdbuf();
        auto c = app::parse_kiosk_config(text.str());
        if (!c) {
            staff_log(c.message());
            return config_failed;
        }
        config = std::move(c.value());
    } else if (!tour) {
        staff_log("No settings file at " + opt.config.string() + ": answers cannot be sent until the kiosk is enrolled.");
    }
    if (opt.inactivity_seconds > 0) config.behaviour.inactivity_seconds = opt.inactivity_seconds;
    if (opt.warning_seconds > 0) config.behaviour.warning_seconds = opt.warning_seconds;

    // The tour draws made-up screens only: it never opens (or creates) a real store.
    std::unique_ptr<store::LocalStore> store;
    store::SecretKey store_key;
    std::string store_problem, store_code;
    store::StoreFailure store_failure = store::StoreFailure::none;
    int store_exit = ok;
    if (!tour) {
        auto opened = open_store(opt.data_dir, opt.purge_every_seconds, unix_now());
        if (opened) {
            store = std::move(opened->store);
            store_key = opened->key;
        } else {
            store_problem = opened.message();
            store_exit = opened.exit_code();
            store_failure = opened.failure();
            store_code = std::string(store::failure_name(opened.failure())) + " (" + std::to_string(store_exit) + ")";
        }
    }
    if (opt.set_staff_pin) {
        if (!store) {
            staff_log(store_problem);
            return store_exit;
        }
        return app::set_staff_pin_from_stdin(*store, unix_now());
    }

    auto forms = app::load_forms((opt.assets_dir / "forms").string(), staff_log);
    if (forms.empty()) staff_log("No forms could be loaded from " + (opt.assets_dir / "forms").string() + ".");
    // Every language in locales/; one that cannot be loaded is named for staff and left out.
    i18n::LoadedLocales locales = i18n::load_locales(opt.locales_dir);
    for (const auto& problem : locales.problems) staff_log(problem);
    if (!locales.languages.find(opt.language)) staff_log("No translation for language " + opt.language + "; using English.");
    std::unique_ptr<app::KioskSync> kiosk_sync;  // outlives nothing it refers to: declared before the controller
    std::unique_ptr<app::ParkedDraftJobs> parking;  // likewise
    app::KioskController controller(std::move(forms), config, store ? &store->database() : nullptr,
                                    {steady_seconds, unix_now}, locales.languages.all());
    controller.set_default_language(locales.languages.get(opt.language).language().code);
    controller.set_translations(app::translation_coverage(locales.coverage));
    // Reading aloud is offered when espeak-ng has a voice for every language shipped.
    const bool voices = app::voices_installed(locales.languages.all());
    if (!voices) staff_log("espeak-ng or one of its voices is missing: the kiosk will not offer to read aloud.");
    controller.set_read_aloud_available(voices);
    if (store) {
        controller.set_staff_pin_checker(
            [&store](std::string pin, std::int64_t now) { return app::check_staff_pin(*store, std::move(pin), now); });
        controller.set_staff_entry_state([&store](std::int64_t now) { return app::staff_entry_state(*store, now); });
        controller.set_staff_facts([&store, &config] { return app::staff_facts(*store, config, CARERS_VERSION); });
        // Sending on its own: at start-up, after each submission and every auto_sync_minutes, on
        // threads of their own that wake the event loop when they end.
        app::KioskSyncHooks hooks;
        hooks.unix_now = unix_now;
        hooks.waiting = [&store]() -> std::int64_t {
            auto n = store->outbox().count();
            return n ? *n : 0;
        };
        hooks.wake = app::KioskWindow::wake_from_any_thread;
        hooks.log = staff_log;
        kiosk_sync = std::make_unique<app::KioskSync>(store->database().path(), store_key, config.raw_json,
                                                      opt.config.parent_path(), std::move(hooks));
        controller.set_sync([&kiosk_sync] { return kiosk_sync->start_now(); },
                            [&kiosk_sync](ui::StaffModel& m) { return kiosk_sync->poll(m); });
        controller.set_connection_check([&kiosk_sync] { kiosk_sync->check_connection(); });
        controller.set_on_submitted([&kiosk_sync] { kiosk_sync->submitted(); });
        // Saved forms: kept as the carer goes on their own device; "come back later" codes on a kiosk.
        if (opt.personal) {
            controller.set_personal_mode(true);
        } else {
            parking = std::make_unique<app::ParkedDraftJobs>(
                app::ParkedDraftJobs::StoreAccess{store->database().path(), store_key, {}},
                [] { app::KioskWindow::wake_from_any_thread(); });
            controller.set_parked_draft_jobs(parking.get());
        }
    } else if (!tour) {
        staff_log(store_problem);
        controller.show_store_error(app::store_problem(store_failure), store_problem, store_code);
    }

    auto created = app::KioskWindow::create(app::choose_window(opt, config.behaviour));
    if (!created) {
        staff_log(created.message());
        return store_problem.empty() ? no_display : store_exit;
    }
    std::unique_ptr<app::KioskWindow> window(created.value());
    if (!tour) staff_log(window->placement());
    // Density: the option, else the screen width from kiosk.json, else what the monitor says.
    float px_per_mm = static_cast<float>(opt.px_per_mm);
    if (px_per_mm <= 0 && config.behaviour.screen_width_mm > 0)
        px_per_mm = static_cast<float>(window->width() / config.behaviour.screen_width_mm);
    if (px_per_mm <= 0) px_per_mm = window->px_per_mm();

    app::KioskApp kiosk(*window, controller, app::find_font_files("Noto Sans"), px_per_mm, staff_log);
    double icu_setup_ms = 0;  // every language's dates and numbers (ICU), made while loading locales/
    for (const auto& made : locales.icu_setup_ms) icu_setup_ms += made.second;
    kiosk.set_icu_setup_ms(icu_setup_ms);
    if (tour) return app::run_screenshot_tour(kiosk, opt.screenshot_tour, opt.tour_language, staff_log) ? ok : bad_options;
    if (opt.bench_frames > 0) return app::run_frame_bench(kiosk, opt.bench_frames) ? ok : bad_options;

    // The tour and the benchmark never speak. The sound device is tried at once on the speaker's
    // thread; until it is known to work no Listen button shows (a button that says nothing helps
    // no one), and on a kiosk without one none ever does.
    app::ReadAloud voice(opt.sound_device, [] { app::KioskWindow::wake_from_any_thread(); });
    app::PageReader reader(voice);
    controller.set_read_aloud_available(false);
    if (voices) kiosk.set_page_reader(&reader);
    bool told_no_sound = false;

    // Expired drafts and sent submissions go hourly, not only at start-up: a kiosk may run for
    // weeks. Counts only reach the log, never what was purged. Automatic sync says when it next
    // needs the loop awake. Reading aloud is offered once the sound device is known to work.
    kiosk.set_housekeeping([&store, &kiosk_sync, &controller, &voice, &told_no_sound, voices,
                            purge_every = opt.purge_every_seconds] {
        controller.set_read_aloud_available(voices && voice.heard());
        if (voices && !told_no_sound && !voice.available()) {
            told_no_sound = true;
            staff_log(voice.problem());
        }
        if (!store) return std::numeric_limits<double>::infinity();
        auto purged = store->purge_if_due(unix_now());
        if (!purged) staff_log("Could not purge expired records: " + purged.message());
        else if (const auto& c = purged.value(); c && c->outbox + c->parked_drafts + c->personal_drafts + c->audit_entries > 0)
            staff_log("Purged expired records: " + std::to_string(c->outbox) + " sent submissions, " +
                      std::to_string(c->parked_drafts + c->personal_drafts) + " drafts, " +
                      std::to_string(c->audit_entries) + " audit entries.");
        // The loop wakes at least this often for the purge (and at least every minute).
        return std::min(kiosk_sync->on_wake(), static_cast<double>(purge_every));
    });
    std::signal(SIGTERM, request_stop);
    std::signal(SIGINT, request_stop);
    kiosk.run({opt.widget_dump, opt.screenshot_dir, opt.exit_after_idle_seconds}, &stop_requested);
    // A save still running ends first: it wakes the window, which goes next.
    controller.set_parked_draft_jobs(nullptr);
    parking.reset();
    controller.wipe_session();
    kiosk_sync.reset();  // ends a run or check while the window its threads wake still exists
    return store_problem.empty() ? ok : store_exit;
}
