#include <catch2/catch_test_macros.hpp>

#include "kiosk/app/kiosk_config.h"

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
