#include "kiosk/app/kiosk_sync.h"

#include <ctime>
#include <limits>

#include <nlohmann/json.hpp>

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

std::string local_time_for_staff(std::int64_t at, std::int64_t now) {
    std::time_t a = static_cast<std::time_t>(at), n = static_cast<std::time_t>(now);
    std::tm ta{}, tn{};
    localtime_r(&a, &ta);
    localtime_r(&n, &tn);
    const bool today = ta.tm_year == tn.tm_year && ta.tm_yday == tn.tm_yday;
    char buf[32];
    std::strftime(buf, sizeof buf, today ? "%H:%M" : "%Y-%m-%d %H:%M", &ta);
    return buf;
}

ui::StaffSyncOutcome staff_sync_outcome(const sync::SyncOutcome& o) {
    using K = ui::StaffSyncOutcome::Kind;
    ui::StaffSyncOutcome out;
    switch (o.kind) {
    case sync::SyncOutcomeKind::NothingToSend: out.kind = K::NothingToSend; break;
    case sync::SyncOutcomeKind::Sent: out.kind = K::Sent; break;
    case sync::SyncOutcomeKind::Cancelled: out.kind = K::Cancelled; break;
    case sync::SyncOutcomeKind::CentrePause: out.kind = K::CentrePause; break;
    case sync::SyncOutcomeKind::GaveUp: out.kind = K::GaveUp; break;
    case sync::SyncOutcomeKind::DeviceRefused: out.kind = K::DeviceRefused; break;
    case sync::SyncOutcomeKind::BatchRefused: out.kind = K::BatchRefused; break;
    case sync::SyncOutcomeKind::Failed: out.kind = K::Failed; break;
    }
    out.confirmed = o.confirmed;
    out.rejected = o.rejected;
    out.attempts = o.attempts;
    out.retry_after_s = o.retry_after_s;
    out.http_status = o.http_status;
    out.detail = o.detail;
    return out;
}

KioskSync::KioskSync(std::filesystem::path database, store::SecretKey key, const std::string& config_json,
                     std::filesystem::path config_dir, KioskSyncHooks hooks)
    : database_(std::move(database)), key_(key), hooks_(std::move(hooks)) {
    if (config_json.empty()) {
        problem_ = "Sync is not set up: this kiosk has no settings file (kiosk.json).";
        return;
    }
    auto parsed = sync::parse_kiosk_sync_config(sync_sections(config_json), config_dir);
    if (!parsed) {
        problem_ = "Sync is not set up: " + parsed.message();
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
    last_message_ = result->message;
    last_outcome_ = staff_sync_outcome(result->outcome);
    last_finished_ = now;
    changed_ = true;
}

std::string KioskSync::start_now() {
    if (!settings_) return problem_;
    collect(hooks_.unix_now());
    if (!start_run(hooks_.unix_now())) return "A sync is already running.";
    return {};
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
        check_message_ = problem_;
        check_outcome_ = {};
        return;
    }
    if (checking_.load()) return;
    if (check_thread_.joinable()) check_thread_.join();  // the last check has ended; reap it
    checking_ = true;
    check_cancel_ = false;
    check_message_.clear();
    check_outcome_ = {};
    check_thread_ = std::thread([this, settings = *settings_] {
        auto health = sync::check_centre(settings, &check_cancel_);
        {
            std::lock_guard lock(check_mutex_);
            ui::StaffCheckOutcome o;
            o.kind = health ? ui::StaffCheckOutcome::Kind::Connected : ui::StaffCheckOutcome::Kind::Problem;
            if (health) o.centre = health->centre_name;
            else o.detail = health.message();
            check_result_.emplace(health ? health->message : health.message(), std::move(o));
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
            check_message_ = std::move(check_result_->first);
            check_outcome_ = std::move(check_result_->second);
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
        m.sync_message = p.status;
        m.sync_outcome = {};
        m.sync_outcome.kind = ui::StaffSyncOutcome::Kind::Sending;
        m.sync_outcome.confirmed = p.confirmed;
        m.sync_outcome.total = p.total;
    } else if (!last_message_.empty()) {
        m.sync_progress = 1.f;
        m.sync_message = last_message_;
        m.sync_outcome = last_outcome_;
    }
    m.now_unix = now;
    m.sync_finished_at = last_finished_ ? local_time_for_staff(last_finished_, now) : "";
    m.sync_finished_unix = last_finished_;
    m.auto_sync = schedule_ && schedule_->enabled();
    const std::int64_t next = next_automatic_run();
    // Due but nothing waiting: the next run follows the next submission, not a time.
    const bool idle = next <= now && found_empty_at_ >= 0;
    m.next_sync = next == sync::SyncSchedule::never || idle ? "" : local_time_for_staff(std::max(next, now), now);
    m.next_sync_unix = m.next_sync.empty() ? 0 : std::max(next, now);
    m.checking = checking_.load();
    m.check_message = m.checking ? "" : check_message_;
    m.check_outcome = m.checking ? ui::StaffCheckOutcome{} : check_outcome_;
    const bool changed = changed_;
    changed_ = false;
    return changed;
}

}  // namespace carers::app
