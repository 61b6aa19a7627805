// Commits never wait for a WAL checkpoint (the slowest 1% of submits did, under SQLite's automatic
// checkpoint); the app's idle loop moves the -wal file into the database instead, and a program
// that never idles is caught by the backstop (Database::checkpoint_if_over, OpenOptions).
#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/key_file.h"
#include "kiosk/store/local_store.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;

TEST_CASE_METHOD(StoreFolder, "a submit never waits for a checkpoint: the WAL grows past 1000 pages until the idle loop's purge_if_due moves it") {
    auto s = open(100);
    const std::string doc(3000, 'r');
    int last = s->database().wal_pages(), submits = 0;
    while (s->database().wal_pages() < 1000 && submits < 600) {
        REQUIRE(s->outbox().submit({"u", "1", "k", doc}, centre.pk, 100).ok());
        ++submits;
        CHECK(s->database().wal_pages() > last);  // never restarted by a checkpoint inside a commit
        last = s->database().wal_pages();
    }
    REQUIRE(s->database().wal_pages() >= 1000);
    CHECK(submits > 100);  // SQLite's automatic checkpoint would have run inside one of these

    // Not yet due for a purge (opened at 100), but the WAL is moved into the database.
    CHECK_FALSE(s->purge_if_due(101).value().has_value());
    CHECK(s->database().wal_pages() == 0);
    REQUIRE(s->outbox().submit({"u", "1", "k", doc}, centre.pk, 102).ok());
    CHECK(s->database().wal_pages() < 20);  // the next commit started the WAL again
    CHECK_FALSE(s->database().checkpoint_if_over().value());  // nothing to do below 1000
    CHECK(s->outbox().count().value() == submits + 1);
    CHECK(s->database().integrity_problems().value().empty());
}

TEST_CASE_METHOD(StoreFolder, "a program that never idles still has its WAL checkpointed by the commit that crosses the backstop") {
    { open(100); }  // a store with a key file
    auto key = load_key_file(options.key.key_file);
    REQUIRE(key.ok());
    OpenOptions o;
    o.wal_backstop_pages = 60;
    auto db = open_ok(options.key.database, *key, o);
    const std::string doc(3000, 'b');
    bool restarted = false;
    int last = 0;
    for (int i = 0; i < 40; ++i) {
        REQUIRE(Outbox(*db).submit({"u", "1", "k", doc}, centre.pk, 100).ok());
        CHECK(db->wal_pages() < 60);
        if (db->wal_pages() < last) restarted = true;
        last = db->wal_pages();
    }
    CHECK(restarted);
    CHECK(Outbox(*db).count().value() == 40);
}
