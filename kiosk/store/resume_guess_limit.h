// ResumeGuessLimit: how many unknown resume codes may be tried at this kiosk, across all drafts.
//
// Each draft deletes itself after five wrong words, but a person at the screen typing code after
// code is guessing at every draft at once. A resume code is 8 characters from 19 (about 34 bits),
// and every try costs an Argon2id, so guessing is slow already; this limit makes it hopeless: after
// `max_unknown_codes` codes that match no draft within `window_seconds` (counted from the first of
// them), no code is tried until the window ends. With the defaults (10 per 15 minutes) that is at
// most 960 guesses a day, about one chance in 1.3 million per draft over its 14 days.
//
// The count is kept in the store (settings "drafts.unknown_codes"), so restarting the kiosk does
// not reset it. The price is that someone can block "come back later" at one kiosk for 15 minutes;
// staff can lift the block at once (`carers-store unlock-drafts`, or clear()).
#pragma once

#include <cstdint>
#include <optional>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"

namespace carers::store {

struct ResumeGuessOptions {
    int max_unknown_codes = 10;
    std::int64_t window_seconds = 15 * 60;
};

class ResumeGuessLimit {
public:
    ResumeGuessLimit(Database& db, ResumeGuessOptions options) : db_(db), options_(options) {}

    // When codes may be tried again (unix seconds), or nullopt when they may be tried now.
    Result<std::optional<std::int64_t>> blocked_until(std::int64_t now);
    // Counts a code that matched no draft, durably. Audits "draft-resume-limited" when this one
    // reaches the limit; returns the time codes may be tried again if it did.
    Result<std::optional<std::int64_t>> record_unknown_code(std::int64_t now);
    // Forgets the count (staff lifting a block).
    Result<void> clear(std::int64_t now);

private:
    struct Window {
        std::int64_t start = 0;
        std::int64_t count = 0;
    };
    Result<Window> window();

    Database& db_;
    ResumeGuessOptions options_;
};

}  // namespace carers::store
