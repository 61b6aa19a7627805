// InactivityTimer: when a person has walked away. After `idle_seconds` without a touch a warning
// shows for `warning_seconds`; then the session is cleared. Times are passed in (seconds on a
// steady clock), so tests run instantly.
#pragma once

#include <optional>

namespace carers::app {

struct InactivitySettings {
    double idle_seconds = 90;     // without a touch before the warning
    double warning_seconds = 30;  // the warning's countdown
};

class InactivityTimer {
public:
    enum class State { Active, Warning, Expired };

    explicit InactivityTimer(InactivitySettings settings = {}) : settings_(settings) {}

    // A touch or key: the person is here. Ignored while the warning shows (a stray touch must not
    // hide it and land on the page beneath); only more_time() ends a warning.
    void touch(double now);
    // "I need more time": starts the idle period again, even during the warning.
    void more_time(double now) { last_ = now; }

    State state(double now) const;
    // Whole seconds left on the warning's countdown (rounded up); nullopt when not warning.
    std::optional<int> seconds_left(double now) const;
    // When the state next changes, or the countdown's number does.
    double next_change(double now) const;

    const InactivitySettings& settings() const { return settings_; }
    void set_settings(InactivitySettings s) { settings_ = s; }

private:
    InactivitySettings settings_;
    double last_ = 0;
};

}  // namespace carers::app
