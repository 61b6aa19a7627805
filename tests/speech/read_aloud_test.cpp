#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <functional>
#include <thread>

#include "kiosk/app/read_aloud.h"

using namespace carers;

namespace {
void wait_until(const std::function<bool()>& done) {
    for (int i = 0; i < 600 && !done(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
}
const std::string long_text = "Do you look after someone? Lots of people help a family member or friend and do not "
                              "call themselves a carer. There is help for you. Choose what you would like to do.";
}  // namespace

TEST_CASE("with read every page on, each new page is read as it opens and the old one stops") {
    app::ReadAloud r(true);
    r.on_page("page-1", true, long_text, "en");
    wait_until([&] { return r.speaker().speaking(); });
    CHECK(r.speaker().speaking());
    r.on_page("page-2", true, long_text, "en");  // the page changed: page 1 is cut off, page 2 starts
    wait_until([&] { return r.speaker().finished_count() >= 1; });
    CHECK(r.speaker().finished_count() >= 1);
    r.stop();  // the session was wiped
    wait_until([&] { return r.speaker().finished_count() >= 2 && !r.speaker().speaking(); });
    CHECK_FALSE(r.speaker().speaking());
}

TEST_CASE("with read every page off, nothing is said until Listen, and the same page twice is not repeated") {
    app::ReadAloud r(true);
    r.on_page("page-1", false, long_text, "en");
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK_FALSE(r.speaker().speaking());
    CHECK(r.speaker().finished_count() == 0);
    r.listen("Yes.", "en");
    wait_until([&] { return r.speaker().finished_count() == 1; });
    CHECK(r.speaker().finished_count() == 1);
    r.on_page("page-1", true, long_text, "en");  // same page: no new reading
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(r.speaker().finished_count() == 1);
}
