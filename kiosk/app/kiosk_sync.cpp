#include "kiosk/app/kiosk_sync.h"

#include <limits>

#include <nlohmann/json.hpp>

#include "kiosk/app/staff_sync_outcome.h"
#include "sync/client/centre_check.h"
#include "sync/protocol/kiosk_sync_config.h"

namespace carers::app {

namespace {

// kiosk.json's "centre" section also holds what the home screen shows (phone, email, web,
// opening hours); the sync reader accepts only the keys it knows, so it is given just those.
std::string sync_sections(const std::string& config_json) {
    nlohmann::json j = nlohmann::json::parse(config_json, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return config_json;
    nlohmann::json out = nlohmann::json::object();
    if (j.contains("sync")) out["sync"] = j["sync"];
    if (j.contains("centre") && j["centre"].is_object()) {
        nlohmann::json centre = nlohmann::json::object();
        for (const char* key : {"name", "sealing_public_key"})
            if (j["centre"].contains(key)) centre[key] = j["centre"][key];
        out["centre"] = centre;
    }
    return out.dump();
}

}  // namespace

KioskSync::KioskSync(std::filesystem::path database, store::SecretKey key, const std::string& config_json,
                     std::filesystem::path config_dir, KioskSyncHooks hooks)
    : database_(std::move(database)), key_(key), hooks_(std::move(hooks)) {
    if (config_json.empty()) {
        set_up_problem_ = ui::StaffSetUpProblem::NoSettingsFile;  // main.cpp logs the missing file
        return;
    }
    auto parsed = sync::parse_kiosk_sync_config(sync_sections(config_json), config_dir);
    if (!parsed) {
        set_up_problem_ = ui::StaffSetUpProblem::SettingsInvalid;
        problem_ = parsed.message();
        if (hooks_.log) hooks_.log("Sync is not set up: " + problem_);
        return;
    }
    settings_ = parsed->sync;
    // Due at once: whatever a crash, power cut or closed kiosk left in the outbox goes first.
    schedule_.emplace(settings_->auto_sync_minutes, hooks_.unix_now(), hooks_.environment.jitter_seed);
}

KioskSync::~KioskSync() {
    check_cancel_ = true;
    if (check_thread_.joinable()) check_thread_.join();
}

bool KioskSync::start_run(std::int64_t now) {
    auto wake = hooks_.wake;
    if (!sync_.start({database_, key_}, *settings_, hooks_.environment, [wake] {
            if (wake) wake();
        }))
        return false;
    schedule_->started(now);
    changed_ = true;
    return true;
}

void KioskSync::collect(std::int64_t now) {
    auto result = sync_.take_result();
    if (!result) return;
    if (schedule_) schedule_->finished(*result, now);
    // The staff screen says what to do in its language; the technical sentence goes to the log.
    const bool failed = result->status == sync::SyncStatus::Failed || result->status == sync::SyncStatus::RetryLater;
    if (failed && hooks_.log) hooks_.log("Sync: " + result->message);
    last_outcome_ = staff_sync_outcome(result->outcome);
    last_finished_ = now;
    changed_ = true;
}

ui::StaffSyncOutcome KioskSync::start_now() {
    ui::StaffSyncOutcome refused;
    if (!settings_) {
        refused.kind = ui::StaffSyncOutcome::Kind::NotSetUp;
        refused.set_up = set_up_problem_;
        refused.detail = problem_;
        last_outcome_ = refused;  // shown until the staff screen closes, like a run's outcome
        changed_ = true;
        return refused;
    }
    collect(hooks_.unix_now());
    if (!start_run(hooks_.unix_now())) refused.kind = ui::StaffSyncOutcome::Kind::AlreadyRunning;
    return refused;
}

void KioskSync::submitted() {
    found_empty_at_ = -1;
    if (schedule_) schedule_->submitted(hooks_.unix_now());
    changed_ = true;
}

double KioskSync::on_wake() {
    constexpr double nothing_planned = std::numeric_limits<double>::infinity();
    if (!schedule_) return nothing_planned;
    const std::int64_t now = hooks_.unix_now();
    collect(now);
    // The outbox is counted only once the time has come (due() with one waiting says whether it
    // has), so a busy loop does not query the store every frame.
    if (schedule_->due(now, 1)) {
        // The time has come but nothing waits: the next submission sets a new time (submitted()),
        // so there is nothing to wake up for until then. (Staff tools may change the outbox too,
        // e.g. put-back: it is counted again at least every minute.)
        if (found_empty_at_ >= 0 && now - found_empty_at_ < 60) return nothing_planned;
        const std::int64_t waiting = hooks_.waiting ? hooks_.waiting() : 0;
        if (waiting == 0) {
            found_empty_at_ = now;
            return nothing_planned;
        }
        found_empty_at_ = -1;
        start_run(now);
    }
    const std::int64_t next = schedule_->next_at();
    if (next == sync::SyncSchedule::never) return nothing_planned;
    return static_cast<double>(std::max<std::int64_t>(0, next - now)) + 0.5;
}

std::int64_t KioskSync::next_automatic_run() const {
    return schedule_ ? schedule_->next_at() : sync::SyncSchedule::never;
}

void KioskSync::check_connection() {
    changed_ = true;
    if (!settings_) {
        check_outcome_ = {};
        check_outcome_.kind = ui::StaffCheckOutcome::Kind::NotSetUp;
        check_outcome_.set_up = set_up_problem_;
        check_outcome_.detail = problem_;
        return;
    }
    if (checking_.load()) return;
    if (check_thread_.joinable()) check_thread_.join();  // the last check has ended; reap it
    checking_ = true;
    check_cancel_ = false;
    check_outcome_ = {};
    check_thread_ = std::thread([this, settings = *settings_] {
        sync::CentreCheckFailure failure;
        auto health = sync::check_centre(settings, &check_cancel_, &failure);
        if (!health && hooks_.log) hooks_.log("Check connection: " + health.message());
        {
            std::lock_guard lock(check_mutex_);
            ui::StaffCheckOutcome o;
            if (health) {
                o.kind = ui::StaffCheckOutcome::Kind::Connected;
                o.centre = health->centre_name;
            } else {
                o = staff_check_problem(failure, health.message());
            }
            check_result_.emplace(std::move(o));
        }
        checking_ = false;
        if (hooks_.wake) hooks_.wake();
    });
}

bool KioskSync::poll(ui::StaffModel& m) {
    const std::int64_t now = hooks_.unix_now();
    collect(now);
    {
        std::lock_guard lock(check_mutex_);
        if (check_result_) {
            check_outcome_ = std::move(*check_result_);
            check_result_.reset();
            changed_ = true;
        }
    }
    const bool running = sync_.running();
    if (running != was_running_) changed_ = true;
    was_running_ = running;

    m.syncing = running;
    if (running) {
        const sync::SyncProgress p = sync_.progress();
        const std::int64_t done = p.confirmed + p.rejected;
        m.sync_progress = p.total > 0 ? static_cast<float>(done) / static_cast<float>(p.total) : 0.f;
        m.sync_outcome = {};
        m.sync_outcome.kind = ui::StaffSyncOutcome::Kind::Sending;
        m.sync_outcome.confirmed = p.confirmed;
        m.sync_outcome.total = p.total;
    } else if (last_outcome_.kind != ui::StaffSyncOutcome::Kind::None) {
        m.sync_progress = 1.f;
        m.sync_outcome = last_outcome_;
    }
    m.now_unix = now;
    m.sync_finished_unix = last_finished_;
    m.auto_sync = schedule_ && schedule_->enabled();
    const std::int64_t next = next_automatic_run();
    // Due but nothing waiting: the next run follows the next submission, not a time.
    const bool idle = next <= now && found_empty_at_ >= 0;
    m.next_sync_unix = next == sync::SyncSchedule::never || idle ? 0 : std::max(next, now);
    m.checking = checking_.load();
    m.check_outcome = m.checking ? ui::StaffCheckOutcome{} : check_outcome_;
    const bool changed = changed_;
    changed_ = false;
    return changed;
}

}  // namespace carers::app
