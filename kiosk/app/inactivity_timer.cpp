#include "kiosk/app/inactivity_timer.h"

#include <cmath>

namespace carers::app {

void InactivityTimer::touch(double now) {
    if (state(now) == State::Active) last_ = now;
}

InactivityTimer::State InactivityTimer::state(double now) const {
    const double idle = now - last_;
    if (idle < settings_.idle_seconds) return State::Active;
    if (idle < settings_.idle_seconds + settings_.warning_seconds) return State::Warning;
    return State::Expired;
}

std::optional<int> InactivityTimer::seconds_left(double now) const {
    if (state(now) != State::Warning) return std::nullopt;
    const double left = last_ + settings_.idle_seconds + settings_.warning_seconds - now;
    return static_cast<int>(std::ceil(left));
}

double InactivityTimer::next_change(double now) const {
    const double warn_at = last_ + settings_.idle_seconds;
    const double clear_at = warn_at + settings_.warning_seconds;
    if (now < warn_at) return warn_at;
    if (now < clear_at) {
        // The next whole-second tick of the countdown, or the end.
        const double left = clear_at - now;
        const double tick = now + (left - std::floor(left));
        return tick > now ? tick : now + 1.0;
    }
    return now;
}

}  // namespace carers::app
