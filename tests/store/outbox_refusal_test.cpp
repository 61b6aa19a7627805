// Submissions the Carers Centre refused: kept, listed with the centre's reason, and set aside or
// put back by staff — never destroyed by either.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/store/local_store.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

std::vector<std::string> submit(LocalStore& s, const CentreKeys& centre, int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i)
        ids.push_back(s.outbox().submit({"https://x/form", "1", "self-review", R"({"a":1})"}, centre.pk, 100 + i).value());
    return ids;
}

std::vector<std::string> pending_ids(LocalStore& s) {
    std::vector<std::string> ids;
    auto pending = s.outbox().pending(100, 1 << 20);
    REQUIRE(pending.ok());
    for (const auto& e : *pending) ids.push_back(e.id);
    return ids;
}

}  // namespace

TEST_CASE("a refused submission is kept with the centre's reason and offered again until staff set it aside") {
    test::TempDir dir;
    CentreKeys centre;
    auto s = open_store_ok(fast_options(dir.path()));
    auto ids = submit(*s, centre, 3);
    auto sealed_before = s->outbox().pending(100, 1 << 20).value()[1].sealed;

    REQUIRE(s->outbox().note_refused({{ids[1], "Its bytes do not match its hash.\n\x01 Really."}}, 200).ok());
    auto refused = s->outbox().refused().value();
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].id == ids[1]);
    CHECK(refused[0].kind == "self-review");
    CHECK(refused[0].refused_at == 200);
    CHECK(refused[0].reason == "Its bytes do not match its hash.   Really.");  // one printable line
    CHECK(refused[0].set_aside_at == 0);
    CHECK(pending_ids(*s) == ids);  // still offered at the next sync
    CHECK(s->outbox().count().value() == 3);

    // Only a refused one can be set aside; ids are given as their first 8 characters or more.
    auto not_refused = s->outbox().set_aside(ids[0].substr(0, 8), 300);
    REQUIRE_FALSE(not_refused.ok());
    CHECK_THAT(not_refused.message(), ContainsSubstring("has not refused"));
    CHECK_FALSE(s->outbox().set_aside("abc", 300).ok());
    CHECK_FALSE(s->outbox().set_aside("'; DROP TABLE outbox; --", 300).ok());
    auto unknown = s->outbox().set_aside("ffffffff-ffff", 300);
    REQUIRE_FALSE(unknown.ok());
    CHECK_THAT(unknown.message(), ContainsSubstring("No submission"));

    auto aside = s->outbox().set_aside(ids[1].substr(0, 8), 300);
    REQUIRE(aside.ok());
    CHECK(*aside == ids[1]);
    CHECK_FALSE(s->outbox().set_aside(ids[1], 301).ok());  // already set aside
    CHECK(pending_ids(*s) == std::vector<std::string>{ids[0], ids[2]});
    CHECK(s->outbox().count().value() == 2);
    auto stats = s->outbox().stats().value();
    CHECK(stats.waiting == 2);
    CHECK(stats.set_aside == 1);
    // Kept whole: the same sealed bytes, listed as set aside, and carried out in a bundle.
    auto kept = s->outbox().set_aside_envelopes().value();
    REQUIRE(kept.size() == 1);
    CHECK(kept[0].sealed == sealed_before);
    CHECK(s->outbox().refused().value()[0].set_aside_at == 300);
    // Nothing purges it: it was never confirmed.
    CHECK(s->outbox().purge_expired(1'000'000'000).value() == 0);
    CHECK(s->outbox().set_aside_envelopes().value().size() == 1);

    // Put back: offered again, the refusal forgotten.
    auto back = s->outbox().put_back(ids[1], 400);
    REQUIRE(back.ok());
    CHECK_FALSE(s->outbox().put_back(ids[1], 401).ok());  // not set aside any more
    CHECK(pending_ids(*s) == ids);
    CHECK(s->outbox().refused().value().empty());

    // A receipt still removes one that was refused before (the centre fixed the cause).
    REQUIRE(s->outbox().note_refused({{ids[2], "Too large."}}, 500).ok());
    auto e = s->outbox().pending(100, 1 << 20).value()[2];
    REQUIRE(s->outbox().remove_confirmed({{e.id, e.sha256}}, 600).ok());
    CHECK(s->outbox().refused().value().empty());

    // Every step is in the audit log, by id only.
    std::string log;
    auto audit = recent_audit(s->database(), 100);
    REQUIRE(audit.ok());
    for (const auto& a : *audit) log += a.event + ":" + a.subject + " ";
    CHECK_THAT(log, ContainsSubstring("refused:" + ids[1]));
    CHECK_THAT(log, ContainsSubstring("set-aside:" + ids[1]));
    CHECK_THAT(log, ContainsSubstring("put-back:" + ids[1]));
}

TEST_CASE("a reason from the centre is kept bounded, even when it is long or cut inside a character") {
    test::TempDir dir;
    CentreKeys centre;
    auto s = open_store_ok(fast_options(dir.path()));
    auto ids = submit(*s, centre, 1);
    std::string long_reason(299, 'x');
    long_reason += "\xc5\x82\xc5\x82";  // "łł": the bound falls inside the first
    REQUIRE(s->outbox().note_refused({{ids[0], long_reason}}, 1).ok());
    auto kept = s->outbox().refused().value().at(0).reason;
    CHECK(kept == std::string(299, 'x'));
    REQUIRE(s->outbox().note_refused({{ids[0], ""}}, 2).ok());
    CHECK(s->outbox().refused().value().at(0).reason == "The centre refused it.");
}
