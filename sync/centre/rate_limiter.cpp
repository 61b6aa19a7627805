#include "sync/centre/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace carers::sync {

long RateLimiter::acquire(const std::string& device, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    auto [it, fresh] = buckets_.try_emplace(device, Bucket{burst_, now});
    Bucket& b = it->second;
    if (!fresh) {
        double elapsed = std::chrono::duration<double>(now - b.at).count();
        b.tokens = std::min(burst_, b.tokens + std::max(0.0, elapsed) * per_second_);
        b.at = now;
    }
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    if (per_second_ <= 0) return 3600;
    return std::max(1L, static_cast<long>(std::ceil((1.0 - b.tokens) / per_second_)));
}

}  // namespace carers::sync
