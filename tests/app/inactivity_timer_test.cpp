#include <catch2/catch_test_macros.hpp>

#include "kiosk/app/inactivity_timer.h"

using carers::app::InactivityTimer;
using State = InactivityTimer::State;

TEST_CASE("the warning comes after the idle time and counts down the warning time in whole seconds") {
    InactivityTimer t({90, 30});
    t.touch(0);
    CHECK(t.state(89.9) == State::Active);
    CHECK_FALSE(t.seconds_left(89.9));
    CHECK(t.state(90) == State::Warning);
    CHECK(t.seconds_left(90) == 30);
    CHECK(t.seconds_left(90.5) == 30);
    CHECK(t.seconds_left(91) == 29);
    CHECK(t.seconds_left(119.2) == 1);
    CHECK(t.state(120) == State::Expired);
}

TEST_CASE("a touch restarts the idle time, but not once the warning shows") {
    InactivityTimer t({90, 30});
    t.touch(0);
    t.touch(80);
    CHECK(t.state(169) == State::Active);
    CHECK(t.state(171) == State::Warning);
    t.touch(171);  // a stray touch on the warning must not hide it
    CHECK(t.state(172) == State::Warning);
    t.more_time(172);  // only "I need more time" does
    CHECK(t.state(261) == State::Active);
}

TEST_CASE("the next change is when the warning starts, then each second of the countdown, then the end") {
    InactivityTimer t({90, 30});
    t.touch(10);
    CHECK(t.next_change(10) == 100);
    CHECK(t.next_change(100.25) == 101);
    CHECK(t.next_change(129.5) == 130);
}
