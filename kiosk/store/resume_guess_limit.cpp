#include "kiosk/store/resume_guess_limit.h"

#include <cstdio>

#include "kiosk/store/audit_log.h"
#include "kiosk/store/settings.h"

namespace carers::store {

namespace {
constexpr const char* counter_setting = "drafts.unknown_codes";  // "<window start>:<count>"
}  // namespace

Result<ResumeGuessLimit::Window> ResumeGuessLimit::window() {
    auto value = Settings(db_).get(counter_setting);
    if (!value) return value.error();
    Window w;
    long long start = 0, count = 0;
    // A damaged counter starts afresh rather than blocking carers for ever.
    if (value->has_value() && std::sscanf((*value)->c_str(), "%lld:%lld", &start, &count) == 2 && count >= 0) {
        w.start = start;
        w.count = count;
    }
    return w;
}

Result<std::optional<std::int64_t>> ResumeGuessLimit::blocked_until(std::int64_t now) {
    auto w = window();
    if (!w) return w.error();
    std::int64_t end = w->start + options_.window_seconds;
    // A clock set back must not extend a block: a window "in the future" has ended.
    if (w->count >= options_.max_unknown_codes && now < end && now >= w->start) return std::optional<std::int64_t>(end);
    return std::optional<std::int64_t>();
}

Result<std::optional<std::int64_t>> ResumeGuessLimit::record_unknown_code(std::int64_t now) {
    std::optional<std::int64_t> blocked;
    auto r = db_.transaction([&]() -> Result<void> {
        auto w = window();
        if (!w) return w.error();
        if (now >= w->start + options_.window_seconds || now < w->start) *w = Window{now, 0};
        ++w->count;
        if (auto s = Settings(db_).set(counter_setting, std::to_string(w->start) + ":" + std::to_string(w->count)); !s)
            return s;
        if (w->count != options_.max_unknown_codes) return {};
        blocked = w->start + options_.window_seconds;
        return audit(db_, AuditEvent::draft_resume_limited, "unknown-codes:" + std::to_string(w->count), now);
    });
    if (!r) return r.error();
    return blocked;
}

Result<void> ResumeGuessLimit::clear(std::int64_t now) {
    return db_.transaction([&]() -> Result<void> {
        if (auto s = Settings(db_).remove(counter_setting); !s) return s;
        return audit(db_, AuditEvent::draft_resume_limited, "lifted-by-staff", now);
    });
}

}  // namespace carers::store
