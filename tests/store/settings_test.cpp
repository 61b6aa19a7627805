#include <catch2/catch_test_macros.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

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

namespace {
std::int64_t memory_security_now(Database& db) {
    auto st = db.prepare("PRAGMA cipher_memory_security");
    REQUIRE(st.ok());
    auto row = st->step();
    REQUIRE((row.ok() && *row));
    return st->integer(0);
}
}  // namespace

TEST_CASE("SQLCipher's memory security is off by default (nothing personal reaches SQLite in clear) and can be switched on") {
    test::TempDir dir;
    SecretKey key = SecretKey::random();
    if (const char* mode = std::getenv("CARERS_MEMORY_SECURITY_CHILD")) {
        // A fresh process started below: nothing has switched memory security on here yet.
        OpenOptions options;
        if (std::string(mode) == "on") options.memory_security = true;
        auto db = Database::open(dir / "kiosk.db", key, options);
        REQUIRE(db.ok());
        CHECK(memory_security_now(**db) == (std::string(mode) == "on" ? 1 : 0));
        return;
    }
    // Process-wide and irreversible once on, so each case runs in a new process of this test
    // binary, running only this test.
    for (const char* mode : {"default", "on"}) {
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            setenv("CARERS_MEMORY_SECURITY_CHILD", mode, 1);
            int devnull = ::open("/dev/null", O_WRONLY);
            dup2(devnull, STDOUT_FILENO);
            execl("/proc/self/exe", "store_tests", "SQLCipher's memory security is off by default*", nullptr);
            _exit(127);
        }
        int status = 0;
        waitpid(child, &status, 0);
        INFO(mode);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
}
