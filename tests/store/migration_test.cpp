#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/store/key_file.h"
#include "kiosk/store/local_store.h"
#include "kiosk/store/schema.h"
#include "tests/store/decrypted_pages.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

// Kept in clear by schemas before 5; sealed under the field key (field_key.h) by the migration.
const std::string old_draft = R"({"notes":"MIGRATED-DRAFT-MARKER-a-fall-on-the-stairs"})";
const std::string old_token = "ck1_MIGRATED-TOKEN-MARKER-0123456789";

// Rows as a store at schema `version` would have written them, in that version's own shape.
// When a migration is added, add the rows its schema can hold here.
void seed(Database& db, int version, const CentreKeys& centre) {
    if (version >= 1) {
        auto sealed = seal_for_centre(R"({"resourceType":"QuestionnaireResponse","v":1})", centre.pk);
        auto st = db.prepare("INSERT INTO outbox (id, form_url, form_version, kind, created_at, size, sha256, sealed) "
                             "VALUES ('old-1', 'https://x/f', '1.0', 'am-i-a-carer', 5, ?, ?, ?)");
        REQUIRE(st.ok());
        REQUIRE(st->bind(1, static_cast<std::int64_t>(sealed.size())).bind(2, sha256_hex(sealed)).bind_blob(3, sealed).run().ok());
        REQUIRE(db.exec("INSERT INTO settings (key, value) VALUES ('venue.name', 'Old Library')").ok());
        REQUIRE(db.exec("INSERT INTO settings (key, value) VALUES ('sync.device_token', '" + old_token + "')").ok());
        // Recent enough that opening the store (retention: 400 days) keeps it.
        REQUIRE(db.exec("INSERT INTO audit_log (at, event, subject) VALUES (1699999000, 'submitted', 'old-1')").ok());
    }
    if (version >= 2) {
        // Changed recently: opening the store (drafts.personal_days: 30) keeps it.
        REQUIRE(db.exec("INSERT INTO personal_draft (form_url, draft, started_at, updated_at) "
                        "VALUES ('f', '" + old_draft + "', 1699999000, 1699999500)").ok());
    }
    if (version >= 4) {
        REQUIRE(db.exec("UPDATE outbox SET refused_at = 8, refused_reason = 'Too large.' WHERE id = 'old-1'").ok());
    }
}

void check_seeded(LocalStore& s, int version, const CentreKeys& centre) {
    if (version >= 1) {
        auto pending = s.outbox().pending(10, 1 << 20);
        REQUIRE(pending.ok());
        REQUIRE(pending->size() == 1);
        CHECK(pending->front().id == "old-1");
        auto opened = open_sealed(pending->front().sealed, centre.pk, centre.sk);
        REQUIRE(opened.ok());
        CHECK(*opened == R"({"resourceType":"QuestionnaireResponse","v":1})");
        CHECK(s.settings().get("venue.name").value() == std::optional<std::string>("Old Library"));
        CHECK(s.settings().get("sync.device_token").value() == std::optional<std::string>(old_token));
    }
    if (version >= 2) {
        auto draft = s.personal_drafts().latest().value();
        REQUIRE(draft.has_value());
        CHECK(draft->form_url == "f");
        CHECK(draft->draft == old_draft);
        CHECK(draft->started_at == 1'699'999'000);
        CHECK(draft->updated_at == 1'699'999'500);
    }
    if (version >= 1) {
        // The old event is still there, ordered before what the opened store has logged since.
        auto log = recent_audit(s.database(), 100);
        REQUIRE(log.ok());
        REQUIRE_FALSE(log->empty());
        CHECK(log->back().event == "submitted");
        CHECK(log->back().subject == "old-1");
        CHECK(log->back().at == 1'699'999'000);
        for (std::size_t i = 1; i < log->size(); ++i) CHECK((*log)[i - 1].seq > (*log)[i].seq);
    }
    if (version >= 4) {
        auto refused = s.outbox().refused();
        REQUIRE(refused.ok());
        REQUIRE(refused->size() == 1);
        CHECK(refused->front().reason == "Too large.");
    }
}

}  // namespace

TEST_CASE("a store at every earlier schema version migrates to the latest and keeps its data") {
    const int latest = static_cast<int>(migrations().size());
    REQUIRE(latest >= 2);
    for (int version = 0; version < latest; ++version) {
        DYNAMIC_SECTION("from schema " << version) {
            test::TempDir dir;
            CentreKeys centre;
            auto o = fast_options(dir.path());
            // Made as the skeleton made stores: a key file, no key record yet.
            auto key = load_or_create_key_file(o.key.key_file);
            REQUIRE(key.ok());
            {
                OpenOptions old;
                old.schema_target = version;
                auto db = open_ok(o.key.database, *key, old);
                REQUIRE(db->schema_version() == version);
                seed(*db, version, centre);
            }
            auto s = open_store_ok(o);
            CHECK(s->database().schema_version() == latest);
            check_seeded(*s, version, centre);
            // What was kept in clear is sealed now: not in any page, nor left in the -wal file.
            REQUIRE(s->database().checkpoint().ok());
            std::string pages = decrypted_pages(o.key.database, *key);
            CHECK(pages.find("MIGRATED-DRAFT-MARKER") == std::string::npos);
            CHECK(pages.find("MIGRATED-TOKEN-MARKER") == std::string::npos);
            CHECK((version == 0 || pages.find("Old Library") != std::string::npos));  // the scan can fail
            // A purge by age still finds old events without the index the log once had.
            CHECK(purge_audit_before(s->database(), 1'699'999'001).value() == (version >= 1 ? 1 : 0));
            // And the migrated store works for new data.
            REQUIRE(s->outbox().submit({"u", "1", "k", "{}"}, centre.pk, 9).ok());
            REQUIRE(s->parked_drafts().save("{}", "lighthouse", 9).ok());
            auto problems = s->database().integrity_problems();
            REQUIRE(problems.ok());
            CHECK(problems->empty());
        }
    }
}

TEST_CASE("a migration that fails is rolled back whole and the store stays at the earlier version") {
    test::TempDir dir;
    SecretKey key = SecretKey::random();
    CentreKeys centre;
    {
        OpenOptions v1;
        v1.schema_target = 1;
        auto db = open_ok(dir / "kiosk.db", key, v1);
        seed(*db, 1, centre);
    }
    const std::vector<const char*> broken = {migrations()[0],
                                             "CREATE TABLE half_done (a); INSERT INTO no_such_table VALUES (1);"};
    OpenOptions o;
    o.migrations = &broken;
    auto failed = Database::open(dir / "kiosk.db", key, o);
    REQUIRE_FALSE(failed.ok());
    CHECK_THAT(failed.message(), ContainsSubstring("schema 2 failed"));

    auto db = open_ok(dir / "kiosk.db", key, OpenOptions{true, true, 1, nullptr});
    CHECK(db->schema_version() == 1);
    auto st = db->prepare("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    CHECK(st->integer(0) == 0);
    auto rows = db->prepare("SELECT count(*) FROM outbox");
    REQUIRE(rows->step().value());
    CHECK(rows->integer(0) == 1);
}
