// When to try again after a failure: exponential backoff with jitter, and Retry-After honoured.
#pragma once

#include <cstdint>
#include <random>

namespace carers::sync {

class Backoff {
public:
    Backoff(long base_ms, long max_ms, std::uint64_t seed);

    // The wait before attempt number `failures` + 1, after `failures` failures in a row (>= 1):
    // half of min(max, base * 2^(failures-1)) fixed plus up to as much again at random, so kiosks
    // that failed together do not retry together. A server's Retry-After (seconds, >= 0) is a
    // floor: the wait is never shorter than it.
    long delay_ms(int failures, long retry_after_s);

private:
    long base_ms_;
    long max_ms_;
    std::mt19937_64 random_;
};

}  // namespace carers::sync
