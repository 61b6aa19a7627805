// RateLimiter: a token bucket per device, so one misbehaving kiosk cannot crowd out the others.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace carers::sync {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;

    // `per_minute` requests refill the bucket steadily; it holds at most `burst`.
    RateLimiter(double per_minute, double burst) : per_second_(per_minute / 60.0), burst_(burst) {}

    // 0 when `device` may go ahead now (and takes a token); otherwise the whole seconds to wait,
    // at least 1, for the Retry-After header.
    long acquire(const std::string& device, Clock::time_point now);

private:
    struct Bucket {
        double tokens;
        Clock::time_point at;
    };
    std::mutex mutex_;
    std::map<std::string, Bucket> buckets_;
    double per_second_;
    double burst_;
};

}  // namespace carers::sync
