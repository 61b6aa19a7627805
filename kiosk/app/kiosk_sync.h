// KioskSync: how the kiosk sends to the Carers Centre while it runs — on its own (at start-up when
// the outbox is not empty, a minute after a submission, every auto_sync_minutes, backing off after
// failures and honouring Retry-After: sync/client/sync_schedule.h) and when staff press "Sync now";
// and "Check connection". Runs and checks go on threads of their own (BackgroundSync, a checker
// thread); the event loop only calls the cheap functions below and is woken when one ends, so the
// UI never waits on the network and the loop still sleeps when idle.
//
//   KioskSync sync(db_path, key, kiosk_json, config_dir, {unix_now, waiting_count, wake_loop});
//   housekeeping, each wake:  double in_s = sync.on_wake();    // wake again within in_s seconds
//   a carer submitted:        sync.submitted();
//   staff screen:             sync.start_now(); sync.check_connection(); sync.poll(model);
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/store/secret_key.h"
#include "kiosk/ui/kiosk_model.h"
#include "sync/client/background_sync.h"
#include "sync/client/sync_schedule.h"

namespace carers::app {

struct KioskSyncHooks {
    std::function<std::int64_t()> unix_now;        // seconds since 1970
    std::function<std::int64_t()> waiting;         // submissions in the outbox (the UI's store)
    std::function<void()> wake;                    // wakes the event loop; called from other threads
    // The staff log: why a run or check failed (English, technical). Called from other threads too.
    std::function<void(const std::string&)> log;
    sync::SyncEnvironment environment = {};        // passed to each run (tests shorten its waits)
};

class KioskSync {
public:
    // `config_json` is kiosk.json's text (its "sync" and "centre" sections are read). A kiosk
    // without a usable "sync" section never sends on its own; staff are told why.
    KioskSync(std::filesystem::path database, store::SecretKey key, const std::string& config_json,
              std::filesystem::path config_dir, KioskSyncHooks hooks);
    ~KioskSync();  // stops a run or check and waits for its thread (at most one request's timeout)
    KioskSync(const KioskSync&) = delete;
    KioskSync& operator=(const KioskSync&) = delete;

    // Whether a centre is configured (only then does the kiosk send on its own).
    bool configured() const { return settings_.has_value(); }

    // "Sync now". Returns why it cannot (NotSetUp, AlreadyRunning), or Kind::None when started.
    ui::StaffSyncOutcome start_now();
    // "Check connection": one GET /v1/health off the UI thread; poll() shows its outcome (or
    // why there is nothing to check). Does nothing while a check is going.
    void check_connection();
    // A submission entered the outbox: an automatic run follows within a minute.
    void submitted();
    // Collects a finished run and starts an automatic one when due. Cheap when nothing is due
    // (the outbox is counted only when the time has come). Returns the seconds until it next
    // has something to do (infinity when it has nothing planned).
    double on_wake();
    bool running() const { return sync_.running(); }
    // The schedule's next automatic run (unix seconds; SyncSchedule::never when none).
    std::int64_t next_automatic_run() const;

    // Copies progress, the last result, the next automatic run and the connection check into
    // `m`. True when any of them changed since the last call (the staff screen is redrawn and
    // its facts re-read).
    bool poll(ui::StaffModel& m);

private:
    bool start_run(std::int64_t now);
    void collect(std::int64_t now);

    std::filesystem::path database_;
    store::SecretKey key_;
    KioskSyncHooks hooks_;
    std::optional<sync::SyncSettings> settings_;
    ui::StaffSetUpProblem set_up_problem_ = ui::StaffSetUpProblem::Unknown;  // why sync is not set up
    std::string problem_;  // SettingsInvalid: how, in English (for IT support and the log)
    sync::BackgroundSync sync_;
    std::optional<sync::SyncSchedule> schedule_;
    bool was_running_ = false;  // as poll() last saw it
    bool changed_ = false;      // something poll() shows changed since it last looked
    // When the outbox was last counted and found empty (-1: not known to be empty). A due time
    // with nothing waiting is counted again only after a submission or a minute, not every frame.
    std::int64_t found_empty_at_ = -1;
    ui::StaffSyncOutcome last_outcome_;
    std::int64_t last_finished_ = 0;

    // The connection check's thread and its outcome.
    std::thread check_thread_;
    std::atomic<bool> check_cancel_{false};
    std::atomic<bool> checking_{false};
    std::mutex check_mutex_;
    std::optional<ui::StaffCheckOutcome> check_result_;  // set by the check's thread, taken by poll()
    ui::StaffCheckOutcome check_outcome_;
};

}  // namespace carers::app
