// The kiosk sends on its own: KioskSync with the real controller, a real kiosk store and a real
// Carers Centre on 127.0.0.1 over real TLS. Only the wall clock is set by the test, so "a minute
// after a submission" and "back off an hour" take no time; the network and threads are real.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <mutex>
#include <thread>

#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/kiosk_sync.h"
#include "kiosk/store/settings.h"
#include "tests/sync/sync_fixture.h"
#include "tests/app/controller_fixtures.h"

using namespace carers;
using test::ImGuiContextForTest;
using namespace carers::test;
using Catch::Matchers::ContainsSubstring;

namespace {

// A one-question form, so a carer's submission is a few intents.
std::vector<app::LoadedForm> tiny_form(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    write_file(dir / "tiny.json", R"({"resourceType": "Questionnaire", "id": "tiny", "url": "https://carers-kiosk.example.org/fhir/Questionnaire/tiny",
        "version": "1.0.0", "title": "Tiny", "status": "active",
        "item": [{"linkId": "q", "text": "Anything to add?", "type": "string"}]})");
    return app::load_forms(dir.string(), [](const std::string& p) { FAIL(p); });
}

void apply(app::KioskController& c, ui::Intent in) {
    ui::Intents v{std::move(in)};
    c.apply(v);
}

// What the event loop does, without a window: wakes whenever a thread wakes it or the sync's
// wait runs out (the clock is the test's, so that wait is never slept), until `done` or 30 s.
template <typename Done>
bool loop_until(app::KioskSync& sync, std::atomic<int>& wakes, Done done) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < give_up) {
        sync.on_wake();
        if (done()) return true;
        const int seen = wakes.load();
        while (wakes.load() == seen && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

}  // namespace

TEST_CASE("the kiosk sends on its own at start-up and a minute after a carer submits, with no staff action") {
    ImGuiContextForTest imgui;
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
    const std::string config_text = read_file(kiosk.dir() / "kiosk-sync.json");
    // Left by a power cut: three sealed submissions nobody has sent.
    auto left_over = kiosk.add_submissions(enrolled.config, 3);

    std::atomic<std::int64_t> now{1'800'000'000};
    std::atomic<int> wakes{0};
    app::KioskSyncHooks hooks;
    hooks.unix_now = [&] { return now.load(); };
    hooks.waiting = [&] { return kiosk.outbox_count(); };
    hooks.wake = [&] { ++wakes; };
    app::KioskSync sync(kiosk.db_path(), kiosk.key(), config_text, kiosk.dir(), hooks);
    REQUIRE(sync.configured());

    // Start-up: due at once because the outbox is not empty.
    CHECK(sync.on_wake() >= 0);
    CHECK(sync.running());
    REQUIRE(loop_until(sync, wakes, [&] { return !sync.running() && kiosk.outbox_count() == 0; }));
    sync.on_wake();  // collects the result
    CHECK(centre_holdings(centre.store()) == left_over);
    CHECK(sync.next_automatic_run() == now.load() + 15 * 60);  // auto_sync_minutes' default

    // A carer submits through the real controller.
    TempDir forms_dir;
    auto kiosk_config = app::parse_kiosk_config(config_text);
    REQUIRE(kiosk_config.ok());
    app::KioskController controller(tiny_form(forms_dir.path()), *kiosk_config, &kiosk.db(),
                                    {[] { return 1000.0; }, [&] { return now.load(); }});
    controller.set_on_submitted([&] { sync.submitted(); });
    controller.set_sync([&] { return sync.start_now(); }, [&](ui::StaffModel& m) { return sync.poll(m); });
    REQUIRE(controller.open_form("tiny"));
    for (int i = 0; i < 4 && controller.model().notice != ui::KioskModel::Notice::Saved; ++i) {
        apply(controller, {ui::Intent::Kind::Next});
        if (controller.model().notice != ui::KioskModel::Notice::Saved) apply(controller, {ui::Intent::Kind::Submit});
    }
    REQUIRE(controller.model().notice == ui::KioskModel::Notice::Saved);
    REQUIRE(kiosk.outbox_count() == 1);
    const auto submitted = kiosk.outbox_hashes();

    // Not at once (submissions made close together go in one batch), but within a minute.
    now += 30;
    double wait = sync.on_wake();
    CHECK_FALSE(sync.running());
    CHECK(wait > 25);
    CHECK(wait <= 31);
    CHECK(sync.next_automatic_run() == now.load() + 30);
    now += 31;
    REQUIRE(loop_until(sync, wakes, [&] { return !sync.running() && kiosk.outbox_count() == 0; }));
    sync.on_wake();
    auto held = centre_holdings(centre.store());
    for (const auto& [id, hash] : submitted) {
        INFO(id);
        REQUIRE(held.count(id) == 1);
        CHECK(held.at(id) == hash);  // byte-identical, and only after its receipt verified
    }

    // The staff screen's model says so, and when the next automatic run is.
    ui::StaffModel m;
    sync.poll(m);
    CHECK_FALSE(m.syncing);
    CHECK(m.auto_sync);
    CHECK(m.sync_outcome.kind == ui::StaffSyncOutcome::Kind::Sent);  // typed, for the sentence in the language on screen
    CHECK(m.sync_outcome.confirmed == 1);
    CHECK(m.sync_finished_unix == now.load());
    CHECK(m.next_sync_unix == now.load() + 15 * 60);

    // Nothing waiting: the loop has nothing to wake up for, and no run starts when the time comes.
    now += 15 * 60;
    CHECK(std::isinf(sync.on_wake()));
    CHECK_FALSE(sync.running());
    ui::StaffModel idle;
    sync.poll(idle);
    CHECK(idle.next_sync_unix == 0);  // the staff screen says "After the next submission"
}

namespace {

// A kiosk enrolled at `centre` whose runs give up after one quick try, so the schedule's pauses
// between runs are what shows.
struct AutoKiosk {
    TestKiosk kiosk;
    std::map<std::string, std::string> sent;
    std::atomic<std::int64_t> now{1'800'000'000};
    std::atomic<int> wakes{0};
    std::unique_ptr<app::KioskSync> sync;
    std::string token;
    std::mutex log_mutex;
    std::vector<std::string> logged;  // the staff log

    explicit AutoKiosk(TestCentre& centre, const std::string& url = "") {
        auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), url);
        token = enrolled.token;
        REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
        auto cfg = nlohmann::json::parse(read_file(kiosk.dir() / "kiosk-sync.json"));
        cfg["sync"]["max_attempts"] = 1;
        cfg["sync"]["max_wait_ms"] = 10'000;  // a longer Retry-After ends the run
        cfg["sync"]["request_timeout_ms"] = 3'000;
        cfg["sync"]["stall_timeout_ms"] = 2'000;
        sent = kiosk.add_submissions(enrolled.config, 4);
        app::KioskSyncHooks hooks;
        hooks.unix_now = [this] { return now.load(); };
        hooks.waiting = [this] { return kiosk.outbox_count(); };
        hooks.wake = [this] { ++wakes; };
        hooks.log = [this](const std::string& line) {
            std::lock_guard lock(log_mutex);
            logged.push_back(line);
        };
        hooks.environment.jitter_seed = 5;
        sync = std::make_unique<app::KioskSync>(kiosk.db_path(), kiosk.key(), cfg.dump(), kiosk.dir(), hooks);
    }
    // One automatic run, from its start to its result being collected; the pause it left.
    std::int64_t run_once() {
        sync->on_wake();
        REQUIRE(sync->running());
        REQUIRE(loop_until(*sync, wakes, [&] { return !sync->running(); }));
        sync->on_wake();
        return sync->next_automatic_run() - now.load();
    }
};

}  // namespace

TEST_CASE("when the centre is away the kiosk backs off between runs and sends once it is back") {
    TestCentre centre;
    AutoKiosk k(centre);
    centre.stop();
    // Refused connections: pauses of one minute, then two, then four (each up to a fifth more).
    std::int64_t pause_before = 0;
    for (std::int64_t expected : {60, 120, 240}) {
        const std::int64_t pause = k.run_once();
        INFO("expected about " << expected << " s, got " << pause);
        CHECK(pause >= expected);
        CHECK(pause <= expected + expected / 5);
        CHECK(pause > pause_before);
        pause_before = pause;
        CHECK(k.kiosk.outbox_count() == 4);  // nothing lost, nothing deleted
        k.now += pause - 1;
        k.sync->on_wake();
        CHECK_FALSE(k.sync->running());  // not a second early
        k.now += 1;
    }
    centre.start();
    const std::int64_t pause = k.run_once();
    CHECK(k.kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == k.sent);
    CHECK(pause == 15 * 60);  // back to the usual interval
}

TEST_CASE("a busy centre's Retry-After is honoured: the next automatic run is not before it") {
    sync::ProtocolLimits slow;
    slow.rate_per_minute = 0.1;  // one request per ten minutes
    slow.rate_burst = 1;
    TestCentre centre(slow);
    AutoKiosk k(centre);
    REQUIRE(centre.service().admit("Bearer " + k.token).admitted);  // someone else used the one request
    const std::int64_t pause = k.run_once();
    ui::StaffModel m;
    k.sync->poll(m);
    INFO(m.sync_outcome.detail);
    CHECK(m.sync_outcome.kind == ui::StaffSyncOutcome::Kind::CentrePause);
    CHECK(m.sync_outcome.cause == ui::StaffFailureCause::CentreBusy);
    CHECK(m.sync_outcome.http_status == 429);
    CHECK_THAT(m.sync_outcome.detail, ContainsSubstring("429"));
    CHECK(pause >= 590);  // Retry-After of about 600 s, longer than the first retry's 60 s
    CHECK(pause <= 600 + 120);
    CHECK(k.kiosk.outbox_count() == 4);
}

TEST_CASE("a run that cannot reach the centre reaches the staff model as a refused connection, its text the log") {
    TestCentre centre;
    AutoKiosk k(centre);
    centre.stop();
    k.run_once();
    ui::StaffModel m;
    k.sync->poll(m);
    CHECK(m.sync_outcome.kind == ui::StaffSyncOutcome::Kind::GaveUp);
    CHECK(m.sync_outcome.cause == ui::StaffFailureCause::ConnectionRefused);
    CHECK_THAT(m.sync_outcome.detail, ContainsSubstring("cannot be reached"));  // for IT support
    std::lock_guard lock(k.log_mutex);
    REQUIRE(k.logged.size() == 1);
    CHECK_THAT(k.logged[0], ContainsSubstring("Sync: The Carers Centre cannot be reached"));
}

TEST_CASE("Sync now while a run is going is refused as already running, as a fact for the staff screen") {
    TestCentre centre;
    FaultProxy proxy(centre.port());
    AutoKiosk k(centre, proxy.url());
    proxy.set_mode(FaultProxy::Mode::Stall);  // the run waits for an answer that never comes
    CHECK(k.sync->start_now().kind == ui::StaffSyncOutcome::Kind::None);
    REQUIRE(k.sync->running());
    CHECK(k.sync->start_now().kind == ui::StaffSyncOutcome::Kind::AlreadyRunning);
    REQUIRE(loop_until(*k.sync, k.wakes, [&] { return !k.sync->running(); }));
    ui::StaffModel m;
    k.sync->poll(m);
    CHECK(m.sync_outcome.cause == ui::StaffFailureCause::TimedOut);
}

TEST_CASE("a kiosk with no settings file, or one sync cannot use, refuses Sync now and Check connection with why") {
    TestKiosk kiosk;
    std::vector<std::string> logged;
    app::KioskSyncHooks hooks;
    hooks.unix_now = [] { return std::int64_t{1'800'000'000}; };
    hooks.log = [&](const std::string& line) { logged.push_back(line); };
    {
        app::KioskSync none(kiosk.db_path(), kiosk.key(), "", kiosk.dir(), hooks);
        const ui::StaffSyncOutcome refused = none.start_now();
        CHECK(refused.kind == ui::StaffSyncOutcome::Kind::NotSetUp);
        CHECK(refused.set_up == ui::StaffSetUpProblem::NoSettingsFile);
        CHECK(refused.detail.empty());
        none.check_connection();
        ui::StaffModel m;
        CHECK(none.poll(m));
        CHECK(m.sync_outcome.kind == ui::StaffSyncOutcome::Kind::NotSetUp);  // kept until the screen closes
        CHECK(m.check_outcome.kind == ui::StaffCheckOutcome::Kind::NotSetUp);
        CHECK(m.check_outcome.set_up == ui::StaffSetUpProblem::NoSettingsFile);
    }
    app::KioskSync broken(kiosk.db_path(), kiosk.key(), R"({"sync": {"url": 5}})", kiosk.dir(), hooks);
    CHECK_FALSE(broken.configured());
    const ui::StaffSyncOutcome refused = broken.start_now();
    CHECK(refused.kind == ui::StaffSyncOutcome::Kind::NotSetUp);
    CHECK(refused.set_up == ui::StaffSetUpProblem::SettingsInvalid);
    CHECK_FALSE(refused.detail.empty());  // the settings reader's words, for IT support
    REQUIRE(logged.size() == 1);
    CHECK_THAT(logged[0], ContainsSubstring("Sync is not set up: " + refused.detail));
}
