// The centre's database schema upgraded in place: a centre.db made by the first version (before
// `exported_at`), opened by today's receiver, keeps every device, submission and event.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/database.h"
#include "kiosk/store/sealed_box.h"
#include "sync/centre/centre_store.h"
#include "tests/support/test_files.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;

namespace {

// Step 1 of sync/centre/centre_store.cpp's schema as it shipped: the file the test makes is the
// file an older centre left behind.
const std::vector<const char*> first_schema = {R"sql(
    CREATE TABLE devices (
        device_id   TEXT PRIMARY KEY,
        token_hash  TEXT NOT NULL UNIQUE,
        enrolled_at INTEGER NOT NULL,
        revoked_at  INTEGER
    );
    CREATE TABLE submissions (
        id           TEXT PRIMARY KEY,
        device_id    TEXT NOT NULL,
        form_url     TEXT NOT NULL,
        form_version TEXT NOT NULL,
        kind         TEXT NOT NULL,
        created_at   INTEGER NOT NULL,
        received_at  INTEGER NOT NULL,
        batch_id     TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        sealed       BLOB NOT NULL
    );
    CREATE INDEX submissions_by_arrival ON submissions (received_at, id);
    CREATE TABLE events (
        seq     INTEGER PRIMARY KEY AUTOINCREMENT,
        at      INTEGER NOT NULL,
        event   TEXT NOT NULL,
        subject TEXT NOT NULL DEFAULT ''
    );
    )sql"};

struct OldRow {
    std::string id, kind;
    std::vector<std::uint8_t> sealed;
};

}  // namespace

TEST_CASE("a centre database from before exports were noted is upgraded with every device and submission intact") {
    TempDir dir;
    const auto path = dir / "centre.db";
    const auto key = store::SecretKey::random();
    std::vector<OldRow> rows;
    for (int i = 0; i < 5; ++i) {
        OldRow r{"0000000" + std::to_string(i) + "-1111-4222-8333-444455556666", i % 2 ? "self-review" : "emergency-card", {}};
        for (int b = 0; b < 300 + i * 17; ++b) r.sealed.push_back(static_cast<std::uint8_t>((b * 31 + i) & 0xff));
        rows.push_back(std::move(r));
    }
    {
        store::OpenOptions old;
        old.migrations = &first_schema;
        auto db = store::Database::open(path, key, old);
        REQUIRE(db.ok());
        REQUIRE((*db)->schema_version() == 1);
        REQUIRE((*db)->exec("INSERT INTO devices VALUES ('library-kiosk-1', 'aa11', 1700000000, NULL), "
                            "('old-kiosk', 'bb22', 1690000000, 1695000000)").ok());
        auto st = (*db)->prepare("INSERT INTO submissions VALUES (?, 'library-kiosk-1', 'https://forms/x', '1', ?, "
                                 "1700000100, 1700000200, 'batch-1', ?, ?)");
        REQUIRE(st.ok());
        for (const auto& r : rows) {
            st->reset();
            REQUIRE(st->bind(1, r.id).bind(2, r.kind).bind(3, store::sha256_hex(r.sealed)).bind_blob(4, r.sealed).run().ok());
        }
        REQUIRE((*db)->exec("INSERT INTO events (at, event, subject) VALUES (1700000200, 'batch', 'library-kiosk-1 stored=5')").ok());
    }

    auto centre = CentreStore::open(path, key);
    REQUIRE(centre.ok());
    CentreStore& store = **centre;
    CHECK(store.submission_count().value() == 5);
    // Nothing had been noted as exported before the upgrade, so the first export gives all of it.
    CHECK(store.not_exported_count().value() == 5);
    auto held = store.submissions().value();
    REQUIRE(held.size() == rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        INFO(rows[i].id);
        CHECK(held[i].id == rows[i].id);
        CHECK(held[i].kind == rows[i].kind);
        CHECK(held[i].device_id == "library-kiosk-1");
        CHECK(held[i].created_at == 1700000100);
        CHECK(held[i].received_at == 1700000200);
        CHECK(held[i].sealed == rows[i].sealed);
        CHECK(held[i].sha256 == store::sha256_hex(rows[i].sealed));
        CHECK_FALSE(held[i].exported_at.has_value());
    }
    auto devices = store.devices().value();
    REQUIRE(devices.size() == 2);
    auto revoked = store.find_device("old-kiosk").value();
    REQUIRE(revoked.has_value());
    CHECK(revoked->revoked_at == 1695000000);
    CHECK(store.find_device_by_token_hash("aa11").value()->device_id == "library-kiosk-1");

    // The new column works and lasts: two exported, the rest still new after reopening.
    CHECK(store.mark_exported({rows[0].id, rows[3].id}, 1700000300).value() == 2);
    centre->reset();
    auto again = CentreStore::open(path, key);
    REQUIRE(again.ok());
    CHECK((*again)->not_exported_count().value() == 3);
    CHECK((*again)->submission(rows[3].id).value()->exported_at == 1700000300);
    CHECK((*again)->submission(rows[3].id).value()->sealed == rows[3].sealed);
    again->reset();

    // The file is now at step 2: the first version's code refuses it as newer than itself.
    store::OpenOptions old;
    old.migrations = &first_schema;
    auto by_old_code = store::Database::open(path, key, old);
    REQUIRE_FALSE(by_old_code.ok());
    CHECK(by_old_code.failure() == store::StoreFailure::newer_schema);
}
