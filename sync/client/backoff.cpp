#include "sync/client/backoff.h"

#include <algorithm>

namespace carers::sync {

Backoff::Backoff(long base_ms, long max_ms, std::uint64_t seed)
    : base_ms_(std::max(1L, base_ms)), max_ms_(std::max(base_ms_, max_ms)), random_(seed) {}

long Backoff::delay_ms(int failures, long retry_after_s) {
    int shift = std::clamp(failures - 1, 0, 30);
    long ceiling = base_ms_;
    for (int i = 0; i < shift && ceiling < max_ms_; ++i) ceiling *= 2;
    ceiling = std::min(ceiling, max_ms_);
    std::uniform_int_distribution<long> jitter(0, ceiling / 2);
    long delay = ceiling - ceiling / 2 + jitter(random_);
    if (retry_after_s >= 0) {
        long floor_ms = retry_after_s * 1000;
        // A little jitter above the floor too, so a crowd told "30 s" does not return at once.
        std::uniform_int_distribution<long> spread(0, std::max(1L, floor_ms / 10));
        delay = std::max(delay, floor_ms + spread(random_));
    }
    return delay;
}

}  // namespace carers::sync
