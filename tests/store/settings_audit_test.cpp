#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/store/local_store.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("settings keep text and numbers across restarts and refuse a number that is not one") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    {
        auto s = open_store_ok(o);
        auto settings = s->settings();
        REQUIRE(settings.set("venue.name", "Central Library").ok());
        REQUIRE(settings.set_int("sync.batch", 50).ok());
        REQUIRE(settings.set("broken", "fifty").ok());
    }
    auto s = open_store_ok(o);
    auto settings = s->settings();
    CHECK(settings.get("venue.name").value() == std::optional<std::string>("Central Library"));
    CHECK(settings.get_int("sync.batch", 7).value() == 50);
    CHECK(settings.get_int("never.set", 7).value() == 7);
    CHECK_FALSE(settings.get("never.set").value().has_value());
    auto bad = settings.get_int("broken", 1);
    REQUIRE_FALSE(bad.ok());
    CHECK_THAT(bad.message(), ContainsSubstring("whole number"));
    REQUIRE(settings.remove("broken").ok());
    CHECK(settings.names().value() == std::vector<std::string>{"sync.batch", "venue.name"});
}

TEST_CASE("the audit log refuses anything that looks like free text") {
    test::TempDir dir;
    auto s = open_store_ok(fast_options(dir.path()));
    CHECK(s->audit(AuditEvent::submitted, "3b0c6f0e-9a55-4f0b-8e8e-1f3c2d4b5a69", 1).ok());
    CHECK(s->audit(AuditEvent::purged, "audit:12", 1).ok());
    CHECK_FALSE(s->audit(AuditEvent::submitted, "Mary Smith", 1).ok());
    CHECK_FALSE(s->audit(AuditEvent::submitted, "mary@example.org", 1).ok());
    CHECK_FALSE(s->audit(AuditEvent::submitted, std::string(81, 'a'), 1).ok());
    CHECK_FALSE(audit(s->database(), "note: call her", "", 1).ok());
}

TEST_CASE("old audit entries are purged after the retention period") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    { open_store_ok(o, 0); }
    auto s = open_store_ok(o, 401 * 86400);
    auto log = recent_audit(s->database(), 10).value();
    REQUIRE(log.size() == 2);  // this start and the purge; the first start is gone
    CHECK(log[0].event == "purged");
    CHECK(log[0].subject == "audit:1");
    CHECK(log[1].event == "started");
}

TEST_CASE("the staff PIN is kept only as a hash, and five wrong PINs lock staff entry for five minutes") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    const std::int64_t T = 1'700'000'000;  // audit entries far older than that would be purged at start-up
    {
        auto s = open_store_ok(o);
        auto pin = s->staff_pin();
        CHECK(pin.check("1234", T).value().status == StaffLoginStatus::no_pin);
        CHECK_FALSE(pin.set("12a4", T).ok());
        REQUIRE(pin.set("482913", T).ok());
        CHECK(everything_readable(s->database()).find("482913") == std::string::npos);
        CHECK(pin.check("482913", T + 1).value().status == StaffLoginStatus::ok);
        for (int i = 1; i <= 4; ++i) {
            auto r = pin.check("000000", T + 10 + i).value();
            CHECK(r.status == StaffLoginStatus::wrong_pin);
            CHECK(r.tries_left == 5 - i);
        }
    }
    auto s = open_store_ok(o);  // a restart does not reset the count
    auto pin = s->staff_pin();
    auto fifth = pin.check("000000", T + 20).value();
    CHECK(fifth.status == StaffLoginStatus::locked);
    CHECK(fifth.locked_until == T + 20 + 300);
    CHECK(pin.check("482913", T + 319).value().status == StaffLoginStatus::locked);  // even the right PIN
    CHECK(pin.check("482913", T + 320).value().status == StaffLoginStatus::ok);
    int failed = 0, ok = 0;
    auto log = recent_audit(s->database(), 100).value();
    for (const auto& e : log) {
        failed += e.event == "staff-login-failed";
        ok += e.event == "staff-login-ok";
    }
    CHECK(failed == 6);
    CHECK(ok == 2);
}
