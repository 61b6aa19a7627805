#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <set>

#include "kiosk/store/key_file.h"
#include "kiosk/store/key_record.h"
#include "kiosk/store/local_store.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

// A store with `n` submissions, closed again (so everything is checkpointed into the main file).
std::vector<std::string> store_with_submissions(const StoreOptions& o, int n) {
    CentreKeys centre;
    auto s = open_store_ok(o);
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
        auto id = s->outbox().submit({"u", "1", "self-review", std::string(3000, static_cast<char>('a' + i % 26))}, centre.pk, i);
        REQUIRE(id.ok());
        ids.push_back(*id);
    }
    return ids;
}

void overwrite(const std::filesystem::path& p, std::size_t offset, const std::string& bytes) {
    std::string all = test::read_file(p);
    REQUIRE(offset + bytes.size() <= all.size());
    all.replace(offset, bytes.size(), bytes);
    test::write_file(p, all);
}

}  // namespace

TEST_CASE("every store failure kind has its own exit code and name") {
    std::set<int> codes;
    std::set<std::string> names;
    const StoreFailure all[] = {StoreFailure::key_missing,  StoreFailure::key_refused,   StoreFailure::key_wrong,
                                StoreFailure::database_damaged, StoreFailure::disk_full, StoreFailure::disk_error,
                                StoreFailure::newer_schema, StoreFailure::no_encryption, StoreFailure::in_use,
                                StoreFailure::other};
    for (auto f : all) {
        CHECK(exit_code(f) != 0);
        CHECK(exit_code(f) < 64);
        codes.insert(exit_code(f));
        names.insert(failure_name(f));
    }
    CHECK(codes.size() == std::size(all));
    CHECK(names.size() == std::size(all));
    CHECK(exit_code(StoreFailure::none) == 0);
}

TEST_CASE("a wrong key is key_wrong, and trying it changes nothing in the file") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    store_with_submissions(o, 3);
    std::string before = test::read_file(o.key.database);
    for (int i = 0; i < 3; ++i) {
        auto r = Database::open(o.key.database, SecretKey::random());
        REQUIRE_FALSE(r.ok());
        CHECK(r.failure() == StoreFailure::key_wrong);
        CHECK(r.exit_code() == 12);
    }
    CHECK(test::read_file(o.key.database) == before);
    auto s = open_store_ok(o);
    CHECK(s->outbox().count().value() == 3);
}

TEST_CASE("a damaged first page with the right key is reported as damage, not as a wrong key") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    store_with_submissions(o, 2);
    overwrite(o.key.database, 100, std::string(16, '\x5a'));
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::database_damaged);
    CHECK_THAT(r.message(), ContainsSubstring("its key is right"));
}

TEST_CASE("a damaged page further in is found at start-up and reported as damage") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    store_with_submissions(o, 12);
    auto size = std::filesystem::file_size(o.key.database);
    REQUIRE(size > 8 * 4096);
    overwrite(o.key.database, 5 * 4096 + 700, std::string(32, '\x00'));
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    INFO(r.message());
    CHECK(r.failure() == StoreFailure::database_damaged);
    CHECK(r.exit_code() == 13);
}

TEST_CASE("a truncated database is reported as damage") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    store_with_submissions(o, 12);
    auto size = std::filesystem::file_size(o.key.database);
    std::filesystem::resize_file(o.key.database, size / 2);
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::database_damaged);

    std::filesystem::resize_file(o.key.database, 1500);  // not even one page
    auto tiny = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(tiny.ok());
    CHECK(tiny.failure() == StoreFailure::database_damaged);
}

TEST_CASE("a file that is not a database, with no key record, is refused with its name") {
    test::TempDir dir;
    test::write_file(dir / "garbage.db", std::string(8192, 'g'));
    auto r = Database::open(dir / "garbage.db", SecretKey::random());
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::key_wrong);  // SQLCipher cannot tell a wrong key from garbage
    CHECK_THAT(r.message(), ContainsSubstring("garbage.db"));
}

TEST_CASE("a database from a newer version is refused with newer_schema and left untouched") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    store_with_submissions(o, 1);
    auto key = load_key_file(o.key.key_file);
    REQUIRE(key.ok());
    {
        auto db = open_ok(o.key.database, *key);
        REQUIRE(db->exec("PRAGMA user_version = 99").ok());
    }
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::newer_schema);
    CHECK(r.exit_code() == 16);
    CHECK_THAT(r.message(), ContainsSubstring("newer version"));
}

TEST_CASE("a database folder that does not exist is a disk error with a sentence") {
    test::TempDir dir;
    auto r = Database::open(dir / "no" / "such" / "kiosk.db", SecretKey::random());
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::disk_error);
    CHECK_THAT(r.message(), ContainsSubstring("folder exists"));
}

TEST_CASE("staff tools never create a database where one is missing") {
    test::TempDir dir;
    OpenOptions no_create;
    no_create.create = false;
    auto r = Database::open(dir / "kiosk.db", SecretKey::random(), no_create);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(std::filesystem::exists(dir / "kiosk.db"));
}

TEST_CASE("a database another program holds locked is reported as in use, and nothing is lost") {
    test::TempDir dir;
    CentreKeys centre;
    SecretKey key = SecretKey::random();
    auto holder = open_ok(dir / "kiosk.db", key);
    OpenOptions impatient;
    impatient.busy_timeout_ms = 100;
    auto kiosk = open_ok(dir / "kiosk.db", key, impatient);
    REQUIRE(holder->exec("BEGIN IMMEDIATE").ok());
    auto r = Outbox(*kiosk).submit({"u", "1", "k", "{}"}, centre.pk, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::in_use);
    CHECK(r.exit_code() == 18);
    CHECK_THAT(r.message(), ContainsSubstring("in use by another program"));
    REQUIRE(holder->exec("COMMIT").ok());
    CHECK(Outbox(*kiosk).submit({"u", "1", "k", "{}"}, centre.pk, 2).ok());
    CHECK(Outbox(*holder).count().value() == 1);
}
