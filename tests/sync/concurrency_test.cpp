// Several senders at once: kiosks sharing a centre, and two syncs over one kiosk's store (the
// kiosk's own background sync while staff run carers-sync). Each submission arrives once and
// leaves its kiosk only against a receipt.
#include <catch2/catch_test_macros.hpp>

#include <thread>

#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;

TEST_CASE("three kiosks sending at once: every submission at the centre once, every outbox empty") {
    TestCentre centre;
    std::vector<std::unique_ptr<TestKiosk>> kiosks;
    std::vector<TestCentre::Enrolled> enrolments;
    std::map<std::string, std::string> sent;
    std::map<std::string, std::string> sender;  // submission id -> the device that sent it
    for (int i = 0; i < 3; ++i) {
        kiosks.push_back(std::make_unique<TestKiosk>());
        std::string device = "kiosk-0" + std::to_string(i + 1);
        enrolments.push_back(centre.enrol(device, kiosks.back()->dir()));
        enrolments.back().config.sync.batch_max_count = 10;
        auto more = kiosks.back()->add_submissions(enrolments.back().config, 80);
        sent.insert(more.begin(), more.end());
        for (const auto& [id, hash] : more) sender[id] = device;
    }
    std::vector<SyncResult> results(3);
    std::vector<std::thread> threads;
    for (int i = 0; i < 3; ++i)
        threads.emplace_back([&, i] {
            std::atomic<bool> cancel{false};
            results[static_cast<std::size_t>(i)] =
                SyncClient(kiosks[static_cast<std::size_t>(i)]->db(), enrolments[static_cast<std::size_t>(i)].config.sync,
                           enrolments[static_cast<std::size_t>(i)].token, quick_environment())
                    .run(cancel);
        });
    for (auto& t : threads) t.join();
    for (const auto& r : results) {
        INFO(r.message);
        CHECK(r.status == SyncStatus::Complete);
        CHECK(r.confirmed == 80);
    }
    for (auto& k : kiosks) CHECK(k->outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
    CHECK(centre.store().submission_count().value() == 240);
    auto held = centre.store().submissions();
    REQUIRE(held.ok());
    for (const auto& s : *held) {
        INFO(s.id);
        CHECK(s.device_id == sender[s.id]);  // filed under the kiosk that sent it
    }
}

TEST_CASE("two syncs over one kiosk store at once: nothing lost, nothing doubled, nothing purged early") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    enrolled.config.sync.batch_max_count = 10;
    auto sent = kiosk.add_submissions(enrolled.config, 200);
    // A second connection to the same file, as carers-sync would open beside the kiosk app.
    auto other = store::Database::open(kiosk.db_path(), kiosk.key());
    REQUIRE(other.ok());

    SyncResult first, second;
    std::thread a([&] {
        std::atomic<bool> cancel{false};
        first = SyncClient(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment()).run(cancel);
    });
    std::thread b([&] {
        std::atomic<bool> cancel{false};
        second = SyncClient(**other, enrolled.config.sync, enrolled.token, quick_environment()).run(cancel);
    });
    a.join();
    b.join();
    INFO(first.message << " / " << second.message);
    CHECK(first.status == SyncStatus::Complete);
    CHECK(second.status == SyncStatus::Complete);
    CHECK(first.confirmed + second.confirmed >= 200);  // both may be receipted for the same ones
    CHECK(first.confirmed > 0);  // both really sent: the runs overlapped
    CHECK(second.confirmed > 0);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
    CHECK(centre.store().submission_count().value() == 200);
}
