#include <catch2/catch_test_macros.hpp>

#include <string>
#include <vector>

#include "kiosk/app/kiosk_config.h"
#include "kiosk/app/options.h"
#include "kiosk/app/window_choice.h"

using carers::app::parse_kiosk_config;

TEST_CASE("kiosk.json sets the inactivity and warning times and the screen width") {
    auto c = parse_kiosk_config(R"({"kiosk": {"inactivity_seconds": 120, "warning_seconds": 45, "screen_width_mm": 268}})");
    REQUIRE(c);
    CHECK(c->behaviour.inactivity_seconds == 120);
    CHECK(c->behaviour.warning_seconds == 45);
    CHECK(c->behaviour.screen_width_mm == 268);
}

TEST_CASE("without a kiosk section the GOV.UK-style defaults apply: 90 s, then 30 s") {
    auto c = parse_kiosk_config(R"({"centre": {"name": "X"}})");
    REQUIRE(c);
    CHECK(c->behaviour.inactivity_seconds == 90);
    CHECK(c->behaviour.warning_seconds == 30);
}

TEST_CASE("a kiosk time out of range or not a number is refused, naming it") {
    auto a = parse_kiosk_config(R"({"kiosk": {"warning_seconds": 0}})");
    REQUIRE_FALSE(a);
    CHECK(a.message().find("warning_seconds") != std::string::npos);
    auto b = parse_kiosk_config(R"({"kiosk": {"inactivity_seconds": "ninety"}})");
    REQUIRE_FALSE(b);
    CHECK(b.message().find("inactivity_seconds") != std::string::npos);
}

namespace {
carers::app::Options options_from(std::vector<std::string> args) {
    args.insert(args.begin(), "carers-kiosk");
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    auto o = carers::app::parse_options(static_cast<int>(argv.size()), argv.data());
    REQUIRE(o);
    return o.value();
}
}  // namespace

TEST_CASE("kiosk.json can put the kiosk fullscreen on a chosen monitor; the command line wins") {
    using carers::app::choose_window;
    auto c = parse_kiosk_config(R"({"kiosk": {"fullscreen": true, "monitor": 1}})");
    REQUIRE(c);
    auto w = choose_window(options_from({}), c->behaviour);
    CHECK(w.fullscreen);
    CHECK(w.monitor == 1);
    CHECK(w.touch);  // fullscreen: a touch screen, no cursor, unless told otherwise
    auto personal = choose_window(options_from({"--windowed", "--size", "900x700"}), c->behaviour);
    CHECK_FALSE(personal.fullscreen);
    CHECK_FALSE(personal.touch);
    CHECK(personal.width == 900);
    CHECK(choose_window(options_from({"--monitor", "0"}), c->behaviour).monitor == 0);
    CHECK_FALSE(choose_window(options_from({"--mouse"}), c->behaviour).touch);
}

TEST_CASE("without settings the kiosk opens a window with a cursor, for personal use") {
    auto w = carers::app::choose_window(options_from({}), carers::app::KioskBehaviour{});
    CHECK_FALSE(w.fullscreen);
    CHECK_FALSE(w.touch);
    auto t = parse_kiosk_config(R"({"kiosk": {"touch": true}})");
    REQUIRE(t);
    CHECK(carers::app::choose_window(options_from({}), t->behaviour).touch);  // a touch laptop, windowed
    CHECK(options_from({"--fullscreen"}).fullscreen == true);
}

TEST_CASE("a window setting of the wrong kind is refused, naming it") {
    for (const char* bad : {R"({"kiosk": {"fullscreen": "yes"}})", R"({"kiosk": {"monitor": -1}})",
                            R"({"kiosk": {"monitor": 1.5}})", R"({"kiosk": {"touch": 1}})"}) {
        auto c = parse_kiosk_config(bad);
        INFO(bad);
        REQUIRE_FALSE(c);
        CHECK(c.message().find("kiosk.") != std::string::npos);
    }
    std::vector<std::string> args{"carers-kiosk", "--monitor", "two"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    CHECK_FALSE(carers::app::parse_options(3, argv.data()));
}
