#include "sync/client/sync_schedule.h"

#include <algorithm>

namespace carers::sync {

SyncSchedule::SyncSchedule(long interval_minutes, std::int64_t now, std::uint64_t jitter_seed)
    : interval_s_(std::max<std::int64_t>(0, interval_minutes) * 60), next_(now),
      random_(jitter_seed ? jitter_seed : std::random_device{}()) {}

bool SyncSchedule::due(std::int64_t now, std::int64_t waiting) const {
    return enabled() && !running_ && waiting > 0 && now >= next_;
}

std::int64_t SyncSchedule::next_at() const { return enabled() && !running_ ? next_ : never; }

void SyncSchedule::started(std::int64_t) { running_ = true; }

void SyncSchedule::finished(const SyncResult& result, std::int64_t now) {
    running_ = false;
    switch (result.status) {
    case SyncStatus::Complete:
    case SyncStatus::Cancelled:
        failed_runs_ = 0;
        next_ = now + interval_s_;
        return;
    case SyncStatus::RetryLater: {
        ++failed_runs_;
        std::int64_t pause = first_retry_s;
        for (int i = 1; i < failed_runs_ && pause < longest_retry_s; ++i) pause *= 2;
        pause = std::min(pause, longest_retry_s);
        pause = std::max<std::int64_t>(pause, result.retry_after_s);
        // Up to a fifth more at random, so kiosks that failed together do not return together.
        pause += std::uniform_int_distribution<std::int64_t>(0, pause / 5)(random_);
        next_ = now + pause;
        return;
    }
    case SyncStatus::Failed:
        ++failed_runs_;
        next_ = now + longest_retry_s;
        return;
    }
}

void SyncSchedule::submitted(std::int64_t now) {
    if (!enabled() || failed_runs_ > 0) return;
    next_ = next_ <= now ? now + after_submit_s : std::min(next_, now + after_submit_s);
}

}  // namespace carers::sync
