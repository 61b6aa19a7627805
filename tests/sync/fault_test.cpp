// Network and server faults between a kiosk and the centre. After each, once the fault clears,
// every submission is at the centre exactly once and byte-identical, and nothing left the kiosk
// without a verified receipt.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <chrono>
#include <deque>
#include <httplib.h>

#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;
using Catch::Matchers::ContainsSubstring;

namespace {

SyncResult run_sync(TestKiosk& kiosk, const SyncSettings& s, const std::string& token) {
    std::atomic<bool> cancel{false};
    SyncClient client(kiosk.db(), s, token, quick_environment());
    return client.run(cancel);
}

// Every submission at the centre once and byte-identical, the kiosk's outbox empty.
void check_exactly_once(TestCentre& centre, TestKiosk& kiosk, const std::map<std::string, std::string>& sent) {
    CHECK(kiosk.outbox_count() == 0);
    auto held = centre_holdings(centre.store());
    CHECK(held == sent);
    CHECK(centre.store().submission_count().value() == static_cast<std::int64_t>(sent.size()));
}

// While a fault lasts, what left the outbox must be exactly what the centre holds.
void check_nothing_purged_without_receipt(TestCentre& centre, TestKiosk& kiosk,
                                          const std::map<std::string, std::string>& sent) {
    auto waiting = kiosk.outbox_hashes();
    auto held = centre_holdings(centre.store());
    for (const auto& [id, hash] : sent) {
        INFO(id);
        if (!waiting.count(id)) CHECK(held.count(id) == 1);  // gone from the kiosk => at the centre
    }
}

}  // namespace

TEST_CASE("connection refused: the run retries with backoff, then completes once the centre is up") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 30);
    centre.stop();
    enrolled.config.sync.max_attempts = 3;
    auto down = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(down.status == SyncStatus::RetryLater);
    CHECK_THAT(down.message, ContainsSubstring("cannot be reached"));
    CHECK(kiosk.outbox_hashes() == sent);

    centre.start();
    auto up = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(up.status == SyncStatus::Complete);
    check_exactly_once(centre, kiosk, sent);
}

TEST_CASE("connection reset in the middle of the request body: retried, stored once") {
    TestCentre centre;
    TestKiosk kiosk;
    FaultProxy proxy(centre.port());
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), proxy.url());
    auto sent = kiosk.add_submissions(enrolled.config, 50);
    enrolled.config.sync.gzip = false;  // so the byte count lands inside the body
    proxy.set_mode(FaultProxy::Mode::ResetMidRequest, 60'000);
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    INFO(result.message);
    CHECK(proxy.faults_injected() == 1);
    CHECK(result.status == SyncStatus::Complete);
    check_exactly_once(centre, kiosk, sent);
}

TEST_CASE("reply lost after the centre stored the batch: resent, answered 'already held', stored once") {
    TestCentre centre;
    TestKiosk kiosk;
    FaultProxy proxy(centre.port());
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), proxy.url());
    auto sent = kiosk.add_submissions(enrolled.config, 20);
    enrolled.config.sync.gzip = false;
    proxy.set_mode(FaultProxy::Mode::DropReply, 20'000);
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    INFO(result.message);
    CHECK(proxy.faults_injected() == 1);
    CHECK(result.status == SyncStatus::Complete);
    check_exactly_once(centre, kiosk, sent);
    CHECK(centre.log_has("already=20"));
}

TEST_CASE("a server that stalls is given up on after the stall timeout, then the run completes") {
    TestCentre centre;
    TestKiosk kiosk;
    FaultProxy proxy(centre.port());
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), proxy.url());
    auto sent = kiosk.add_submissions(enrolled.config, 10);
    proxy.set_mode(FaultProxy::Mode::Stall);
    auto t0 = std::chrono::steady_clock::now();
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    INFO(result.message);
    CHECK(proxy.faults_injected() == 1);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(8));
    check_exactly_once(centre, kiosk, sent);
}

TEST_CASE("500 and 503 with Retry-After: the client backs off, honours the wait, and completes") {
    TestCentre centre;
    TestKiosk kiosk;
    // A front with the centre's certificate that fails as scripted, then hands over to the real service.
    std::deque<std::pair<int, long>> script = {{503, 1}, {500, -1}, {503, 1}};
    std::mutex m;
    httplib::SSLServer front(centre.directory().certificate_file().c_str(),
                             centre.directory().private_key_file().c_str());
    front.set_tcp_nodelay(true);
    front.Post("/v1/submissions", [&](const httplib::Request& req, httplib::Response& res) {
        {
            std::lock_guard lock(m);
            if (!script.empty()) {
                auto [status, retry] = script.front();
                script.pop_front();
                res.status = status;
                if (retry >= 0) res.set_header("Retry-After", std::to_string(retry));
                res.set_content("{\"protocol\":1,\"error\":\"scripted fault\"}", "application/json");
                return;
            }
        }
        auto a = centre.service().admit(req.get_header_value("Authorization"));
        auto reply = a.admitted ? centre.service().submit(a.device_id, req.body) : a.refusal;
        res.status = reply.status;
        res.set_content(reply.body, "application/json");
    });
    int port = front.bind_to_any_port("127.0.0.1");
    REQUIRE(port > 0);
    std::thread t([&] { front.listen_after_bind(); });

    auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), "https://127.0.0.1:" + std::to_string(port));
    auto sent = kiosk.add_submissions(enrolled.config, 15);
    std::vector<long> waits;
    SyncEnvironment env;
    env.wait = [&](long ms, const std::atomic<bool>&) {
        waits.push_back(ms);
        return true;  // waits recorded, not slept: the floor is what is checked
    };
    std::atomic<bool> cancel{false};
    SyncClient client(kiosk.db(), enrolled.config.sync, enrolled.token, env);
    auto result = client.run(cancel);
    front.stop();
    t.join();

    INFO(result.message);
    CHECK(result.status == SyncStatus::Complete);
    REQUIRE(waits.size() == 3);
    CHECK(waits[0] >= 1000);  // Retry-After: 1
    CHECK(waits[1] < 1000);   // plain 500: backoff only (base 10 ms)
    CHECK(waits[2] >= 1000);
    check_exactly_once(centre, kiosk, sent);
}

TEST_CASE("each fault in turn, on one outbox: nothing lost, nothing doubled, nothing purged early") {
    TestCentre centre;
    TestKiosk kiosk;
    FaultProxy proxy(centre.port());
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), proxy.url());
    enrolled.config.sync.gzip = false;
    enrolled.config.sync.batch_max_count = 10;
    enrolled.config.sync.max_attempts = 2;
    std::map<std::string, std::string> sent;
    const std::vector<std::pair<FaultProxy::Mode, std::size_t>> faults = {
        {FaultProxy::Mode::ResetMidRequest, 20'000}, {FaultProxy::Mode::DropReply, 20'000},
        {FaultProxy::Mode::Stall, 0}, {FaultProxy::Mode::ResetMidRequest, 5'000}};
    for (const auto& [mode, at] : faults) {
        auto more = kiosk.add_submissions(enrolled.config, 25);
        sent.insert(more.begin(), more.end());
        proxy.set_mode(mode, at);
        auto r = run_sync(kiosk, enrolled.config.sync, enrolled.token);
        INFO(r.message);
        check_nothing_purged_without_receipt(centre, kiosk, sent);
    }
    auto last = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(last.status == SyncStatus::Complete);
    check_exactly_once(centre, kiosk, sent);
}
