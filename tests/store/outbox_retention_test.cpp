#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/local_store.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;

namespace {

std::string audit_text(Database& db) {
    auto entries = recent_audit(db, 1000);
    REQUIRE(entries.ok());
    std::string s;
    for (const auto& e : *entries) s += e.event + ":" + e.subject + " ";
    return s;
}

}  // namespace

TEST_CASE("the envelope holds only id, form, kind, time, size and hash besides the sealed bytes") {
    test::TempDir dir;
    CentreKeys centre;
    auto s = open_store_ok(fast_options(dir.path()));
    REQUIRE(s->outbox().submit({"https://x/form", "2.1", "emergency-card", R"({"secret":"answers"})"}, centre.pk, 42).ok());
    auto st = s->database().prepare("SELECT * FROM outbox");
    REQUIRE(st.ok());
    std::vector<std::string> columns;
    for (int c = 0; c < st->column_count(); ++c) columns.push_back(st->column_name(c));
    CHECK(columns == std::vector<std::string>{"id", "form_url", "form_version", "kind", "created_at", "size", "sha256",
                                              "sealed", "confirmed_at", "delete_after", "refused_at", "refused_reason",
                                              "set_aside_at"});
    auto e = s->outbox().pending(1, 1 << 20).value().front();
    CHECK(e.form_url == "https://x/form");
    CHECK(e.form_version == "2.1");
    CHECK(e.created_at == 42);
    CHECK(e.size == static_cast<std::int64_t>(e.sealed.size()));
    CHECK(e.id.size() == 36);
}

TEST_CASE("by default a confirmed envelope is deleted at once, and a wrong hash confirms nothing") {
    test::TempDir dir;
    CentreKeys centre;
    auto s = open_store_ok(fast_options(dir.path()));
    auto outbox = s->outbox();
    auto id = outbox.submit({"u", "1", "am-i-a-carer", "{}"}, centre.pk, 1).value();
    auto e = outbox.pending(10, 1 << 20).value().front();
    REQUIRE(outbox.remove_confirmed({{id, std::string(64, '0')}}, 2).ok());
    CHECK(outbox.count().value() == 1);
    REQUIRE(outbox.remove_confirmed({{id, e.sha256}}, 3).ok());
    auto stats = outbox.stats().value();
    CHECK(stats.waiting == 0);
    CHECK(stats.retained == 0);
    CHECK(stats.sent_total == 1);
    auto log = audit_text(s->database());
    CHECK(log.find("synced:" + id) != std::string::npos);
    CHECK(log.find("purged:" + id) != std::string::npos);
}

TEST_CASE("with a retention period a confirmed envelope stays, out of the queue, and is purged at start-up once it runs out") {
    test::TempDir dir;
    CentreKeys centre;
    auto o = fast_options(dir.path());
    std::string id;
    {
        auto s = open_store_ok(o, 1000);
        REQUIRE(s->settings().set_int(setting::outbox_retention_seconds, 3600).ok());
        auto outbox = s->outbox();
        id = outbox.submit({"u", "1", "am-i-a-carer", "{}"}, centre.pk, 1000).value();
        auto other = outbox.submit({"u", "1", "am-i-a-carer", "{}"}, centre.pk, 1001).value();
        auto e = outbox.pending(10, 1 << 20).value().front();
        REQUIRE(e.id == id);
        REQUIRE(outbox.remove_confirmed({{id, e.sha256}}, 1100).ok());
        auto stats = outbox.stats().value();
        CHECK(stats.waiting == 1);
        CHECK(stats.retained == 1);
        CHECK(outbox.count().value() == 1);
        auto pending = outbox.pending(10, 1 << 20).value();
        REQUIRE(pending.size() == 1);
        CHECK(pending.front().id == other);
        // Confirming again does not count twice.
        REQUIRE(outbox.remove_confirmed({{id, e.sha256}}, 1200).ok());
        CHECK(outbox.stats().value().sent_total == 1);
    }
    {
        auto s = open_store_ok(o, 1100 + 3599);  // not yet
        CHECK(s->outbox().stats().value().retained == 1);
    }
    auto s = open_store_ok(o, 1100 + 3600);
    CHECK(s->outbox().stats().value().retained == 0);
    CHECK(s->outbox().count().value() == 1);
    CHECK(audit_text(s->database()).find("purged:" + id) != std::string::npos);
}

TEST_CASE("pending batches respect the byte limit but always offer at least one envelope") {
    test::TempDir dir;
    CentreKeys centre;
    auto s = open_store_ok(fast_options(dir.path()));
    auto outbox = s->outbox();
    for (int i = 0; i < 5; ++i) REQUIRE(outbox.submit({"u", "1", "k", std::string(1000, 'x')}, centre.pk, i).ok());
    CHECK(outbox.pending(10, 2500).value().size() == 2);
    CHECK(outbox.pending(10, 10).value().size() == 1);
    CHECK(outbox.pending(3, 1 << 20).value().size() == 3);
}
