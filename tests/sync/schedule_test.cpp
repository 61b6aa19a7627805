// When a kiosk sends on its own: the schedule with a set clock, then driving the real background
// runner against a real centre through an outage.
#include <catch2/catch_test_macros.hpp>

#include <thread>

#include "kiosk/store/settings.h"
#include "sync/client/background_sync.h"
#include "sync/client/sync_schedule.h"
#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;

namespace {
SyncResult outcome(SyncStatus status, long retry_after_s = -1) {
    SyncResult r;
    r.status = status;
    r.retry_after_s = retry_after_s;
    return r;
}
}  // namespace

TEST_CASE("a kiosk sends on its own at start-up when its outbox holds something, never when off or empty") {
    const std::int64_t t0 = 1'700'000'000;
    SyncSchedule schedule(15, t0, 1);
    CHECK(schedule.due(t0, 3));        // what a crash or power cut left is resent at once
    CHECK_FALSE(schedule.due(t0, 0));  // nothing to send
    schedule.started(t0);
    CHECK_FALSE(schedule.due(t0 + 1, 3));  // one run at a time
    CHECK(schedule.next_at() == SyncSchedule::never);

    SyncSchedule off(0, t0, 1);
    CHECK_FALSE(off.enabled());
    CHECK_FALSE(off.due(t0 + 86'400, 100));
    off.submitted(t0);
    CHECK(off.next_at() == SyncSchedule::never);
}

TEST_CASE("a submission is sent about a minute later, and a quiet kiosk sends every interval") {
    const std::int64_t t0 = 1'700'000'000;
    SyncSchedule schedule(15, t0, 1);
    schedule.started(t0);
    schedule.finished(outcome(SyncStatus::Complete), t0 + 5);
    CHECK(schedule.next_at() == t0 + 5 + 15 * 60);
    schedule.submitted(t0 + 100);
    CHECK(schedule.next_at() == t0 + 160);
    CHECK_FALSE(schedule.due(t0 + 159, 1));
    CHECK(schedule.due(t0 + 160, 1));
    schedule.submitted(t0 + 150);  // a second carer does not push the first one's send back
    CHECK(schedule.next_at() == t0 + 160);
    // Long after the last due time, with nothing sent in between, a new submission still waits a minute.
    schedule.submitted(t0 + 5000);
    CHECK(schedule.next_at() == t0 + 5060);
}

TEST_CASE("runs that must be retried pause longer each time, with jitter, never less than Retry-After") {
    const std::int64_t t0 = 1'700'000'000;
    SyncSchedule schedule(15, t0, 7);
    std::int64_t now = t0;
    std::vector<std::int64_t> pauses;
    for (int i = 0; i < 9; ++i) {
        schedule.started(now);
        schedule.finished(outcome(SyncStatus::RetryLater), now);
        pauses.push_back(schedule.next_at() - now);
        now = schedule.next_at();
    }
    CHECK(schedule.failed_runs() == 9);
    for (std::size_t i = 0; i < pauses.size(); ++i) {
        std::int64_t base = std::min<std::int64_t>(60LL << i, 3600);
        INFO("run " << i);
        CHECK(pauses[i] >= base);
        CHECK(pauses[i] <= base + base / 5);
    }
    schedule.submitted(now);  // a submission does not cut a failure's pause short
    CHECK(schedule.next_at() == now);

    SyncSchedule busy(15, t0, 7);
    busy.started(t0);
    busy.finished(outcome(SyncStatus::RetryLater, 900), t0);  // the centre asked for 15 minutes
    CHECK(busy.next_at() >= t0 + 900);
    busy.started(busy.next_at());
    busy.finished(outcome(SyncStatus::Complete), t0 + 1000);
    CHECK(busy.failed_runs() == 0);
    CHECK(busy.next_at() == t0 + 1000 + 900);
}

TEST_CASE("a run a person must fix is retried hourly, so the kiosk recovers once it is fixed") {
    const std::int64_t t0 = 1'700'000'000;
    SyncSchedule schedule(5, t0, 3);
    schedule.started(t0);
    schedule.finished(outcome(SyncStatus::Failed), t0);
    CHECK(schedule.next_at() == t0 + 3600);
    CHECK(schedule.failed_runs() == 1);
}

TEST_CASE("the schedule and the background runner send a kiosk's outbox on their own through an outage") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
    auto sent = kiosk.add_submissions(enrolled.config, 25);
    enrolled.config.sync.max_attempts = 2;
    centre.stop();

    std::int64_t clock = 1'700'000'000;  // the schedule's clock, moved by hand
    SyncSchedule schedule(enrolled.config.sync.auto_sync_minutes, clock, 5);
    BackgroundSync runner;
    // One pass of what the app's event loop does when it wakes.
    auto wake = [&]() -> std::optional<SyncResult> {
        if (!schedule.due(clock, kiosk.outbox_count())) return std::nullopt;
        REQUIRE(runner.start({kiosk.db_path(), kiosk.key()}, enrolled.config.sync, quick_environment()));
        schedule.started(clock);
        std::optional<SyncResult> r;
        for (int i = 0; i < 1000 && !r; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            r = runner.take_result();
        }
        REQUIRE(r.has_value());
        schedule.finished(*r, clock);
        return r;
    };

    auto down = wake();  // due at start-up: the centre is down
    REQUIRE(down.has_value());
    CHECK(down->status == SyncStatus::RetryLater);
    CHECK(kiosk.outbox_hashes() == sent);
    CHECK_FALSE(wake().has_value());  // not again straight away
    centre.start();
    clock = schedule.next_at();
    auto up = wake();
    REQUIRE(up.has_value());
    INFO(up->message);
    CHECK(up->status == SyncStatus::Complete);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
    CHECK(schedule.failed_runs() == 0);
    CHECK_FALSE(wake().has_value());  // nothing waiting
}
