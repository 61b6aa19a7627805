// SyncSchedule: when a kiosk with nobody at the staff screen sends on its own. Pure: the app
// passes the time in and asks; it starts BackgroundSync when due() says so and reports back.
//
//   SyncSchedule schedule(config.sync.auto_sync_minutes, now);   // due at once: whatever a crash
//                                                                 // or power cut left is resent
//   when awake:        if (schedule.due(now, outbox.count()) && sync.start(...)) schedule.started(now);
//   a run's result:    schedule.finished(*sync.take_result(), now);
//   a carer submits:   schedule.submitted(now);                   // sent about a minute later
//   the event loop may sleep until schedule.next_at()
//
// Sealed submissions should not sit on a public machine longer than needed, so the kiosk sends
// soon after each submission and every interval; failures are retried with growing, jittered
// pauses (a crowd of kiosks does not return to a recovering centre at once), never sooner than
// the centre's Retry-After. A run that failed for a reason a person must fix (trust, pin,
// enrolment) is still tried hourly, so the kiosk recovers by itself once it is fixed.
#pragma once

#include <cstdint>
#include <limits>
#include <random>

#include "sync/client/sync_client.h"

namespace carers::sync {

class SyncSchedule {
public:
    static constexpr std::int64_t after_submit_s = 60;     // gathers submissions made close together
    static constexpr std::int64_t first_retry_s = 60;      // after the first failed run; doubles
    static constexpr std::int64_t longest_retry_s = 3600;  // and also the pace after a Failed run
    static constexpr std::int64_t never = std::numeric_limits<std::int64_t>::max();

    // `interval_minutes` 0: the kiosk never sends on its own (staff press "Sync now").
    SyncSchedule(long interval_minutes, std::int64_t now, std::uint64_t jitter_seed = 0);

    bool enabled() const { return interval_s_ > 0; }
    // True when a run should start now: enabled, none running, something waiting, time reached.
    bool due(std::int64_t now, std::int64_t waiting) const;
    // When the next run falls due (`never` when disabled or while a run is going).
    std::int64_t next_at() const;
    // Failed or retry-later runs in a row.
    int failed_runs() const { return failed_runs_; }

    void started(std::int64_t now);
    void finished(const SyncResult& result, std::int64_t now);
    // A submission entered the outbox: due within after_submit_s, unless a failure's pause is on.
    void submitted(std::int64_t now);

private:
    std::int64_t interval_s_;
    std::int64_t next_;
    bool running_ = false;
    int failed_runs_ = 0;
    std::mt19937_64 random_;
};

}  // namespace carers::sync
