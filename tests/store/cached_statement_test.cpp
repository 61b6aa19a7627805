// Database::prepare_cached: statements kept for reuse on the submit path must behave like fresh
// ones, and must not keep values or reads alive after use.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/database.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using test_fixtures::open_ok;

TEST_CASE("a kept statement forgets the values bound to it once it has been used") {
    test::TempDir dir;
    auto db = open_ok(dir / "kiosk.db", SecretKey::random());
    {
        auto st = db->prepare_cached("SELECT ?");
        REQUIRE(st.ok());
        st->bind(1, std::string("a value from the last use"));
        REQUIRE(st->step().value());
        CHECK(st->text(0) == "a value from the last use");
    }
    auto again = db->prepare_cached("SELECT ?");
    REQUIRE(again.ok());
    REQUIRE(again->step().value());
    CHECK(again->is_null(0));
}

TEST_CASE("a kept statement dropped part-way through its rows does not hold up a checkpoint") {
    test::TempDir dir;
    SecretKey key = SecretKey::random();
    OpenOptions quick;
    quick.busy_timeout_ms = 200;
    auto db = open_ok(dir / "kiosk.db", key, quick);
    REQUIRE(db->exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2), (3)").ok());
    {
        auto st = db->prepare_cached("SELECT x FROM t");
        REQUIRE(st.ok());
        REQUIRE(st->step().value());  // one row of three, then dropped
    }
    // A reader left open would pin the WAL: another connection's TRUNCATE checkpoint would fail.
    auto other = open_ok(dir / "kiosk.db", key, quick);
    REQUIRE(other->exec("INSERT INTO t VALUES (4)").ok());
    auto done = other->checkpoint();
    INFO((done.ok() ? "" : done.message()));
    CHECK(done.ok());
}

TEST_CASE("the same kept statement asked for while in use comes back as a second, independent one") {
    test::TempDir dir;
    auto db = open_ok(dir / "kiosk.db", SecretKey::random());
    REQUIRE(db->exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)").ok());
    auto outer = db->prepare_cached("SELECT x FROM t ORDER BY x");
    REQUIRE(outer.ok());
    REQUIRE(outer->step().value());
    {
        auto inner = db->prepare_cached("SELECT x FROM t ORDER BY x");
        REQUIRE(inner.ok());
        REQUIRE(inner->step().value());
        REQUIRE(inner->step().value());
        CHECK(inner->integer(0) == 2);
    }
    CHECK(outer->integer(0) == 1);  // the outer one kept its place
    REQUIRE(outer->step().value());
    CHECK(outer->integer(0) == 2);
}

TEST_CASE("a kept statement still works after the schema under it changes") {
    test::TempDir dir;
    auto db = open_ok(dir / "kiosk.db", SecretKey::random());
    REQUIRE(db->exec("CREATE TABLE t (x)").ok());
    auto insert = [&](std::int64_t v) {
        auto st = db->prepare_cached("INSERT INTO t (x) VALUES (?)");
        REQUIRE(st.ok());
        REQUIRE(st->bind(1, v).run().ok());
    };
    insert(1);
    REQUIRE(db->exec("ALTER TABLE t ADD COLUMN y DEFAULT 'later'; CREATE INDEX t_x ON t (x)").ok());
    insert(2);
    auto rows = db->prepare("SELECT count(*), count(y) FROM t");
    REQUIRE(rows.ok());
    REQUIRE(rows->step().value());
    CHECK(rows->integer(0) == 2);
    CHECK(rows->integer(1) == 2);
}

TEST_CASE("a transaction that fails part-way leaves nothing behind, with its statements kept for reuse") {
    test::TempDir dir;
    auto db = open_ok(dir / "kiosk.db", SecretKey::random());
    REQUIRE(db->exec("CREATE TABLE t (x UNIQUE)").ok());
    auto add = [&](std::int64_t v) -> Result<void> {
        auto st = db->prepare_cached("INSERT INTO t (x) VALUES (?)");
        if (!st) return st.error();
        return st->bind(1, v).run();
    };
    REQUIRE(db->transaction([&] { return add(1); }).ok());
    CHECK_FALSE(db->transaction([&]() -> Result<void> {
                      if (auto r = add(2); !r) return r;
                      return add(1);  // refused: already there
                  }).ok());
    REQUIRE(db->transaction([&] { return add(3); }).ok());
    auto rows = db->prepare("SELECT group_concat(x) FROM (SELECT x FROM t ORDER BY x)");
    REQUIRE(rows.ok());
    REQUIRE(rows->step().value());
    CHECK(rows->text(0) == "1,3");
}
