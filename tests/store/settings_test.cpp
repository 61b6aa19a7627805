#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/database.h"
#include "kiosk/store/settings.h"
#include "tests/support/test_files.h"

using namespace carers;
using namespace carers::store;

TEST_CASE("a setting is kept encrypted, replaced, and erased") {
    test::TempDir dir;
    SecretKey key = SecretKey::random();
    const std::string secret = "ck1_setting-marker-4f8a2c9e1d";
    {
        auto db = Database::open(dir / "kiosk.db", key);
        REQUIRE(db.ok());
        auto none = get_setting(**db, "sync.device_token");
        REQUIRE(none.ok());
        CHECK_FALSE(none->has_value());
        REQUIRE(put_setting(**db, "sync.device_token", "old").ok());
        REQUIRE(put_setting(**db, "sync.device_token", secret).ok());
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK_FALSE(test::file_contains(entry.path(), secret));
    auto db = Database::open(dir / "kiosk.db", key);
    REQUIRE(db.ok());
    auto got = get_setting(**db, "sync.device_token");
    REQUIRE(got.ok());
    CHECK(got->value() == secret);
    REQUIRE(erase_setting(**db, "sync.device_token").ok());
    CHECK_FALSE(get_setting(**db, "sync.device_token")->has_value());
    CHECK(erase_setting(**db, "never-set").ok());
}

TEST_CASE("a database opened with another schema gets that schema and refuses a newer one") {
    test::TempDir dir;
    SecretKey key = SecretKey::random();
    const std::vector<const char*> v1 = {"CREATE TABLE things (id TEXT PRIMARY KEY);"};
    const std::vector<const char*> v2 = {v1[0], "ALTER TABLE things ADD COLUMN note TEXT;"};
    {
        auto db = Database::open(dir / "other.db", key, v2);
        REQUIRE(db.ok());
        CHECK((*db)->schema_version() == 2);
        REQUIRE((*db)->exec("INSERT INTO things (id, note) VALUES ('a', 'b')").ok());
        CHECK_FALSE((*db)->exec("SELECT * FROM outbox").ok());
    }
    auto older = Database::open(dir / "other.db", key, v1);
    REQUIRE_FALSE(older.ok());
    CHECK(older.message().find("newer version") != std::string::npos);
}
