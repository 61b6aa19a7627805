// The real binaries killed with SIGKILL in the middle of a batch: carers-centre (server) and
// carers-sync (client). Afterwards every submission is at the centre exactly once, byte-identical,
// and nothing left the kiosk without a verified receipt.
#include <catch2/catch_test_macros.hpp>

#include <chrono>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <thread>

#include <nlohmann/json.hpp>

#include "kiosk/store/settings.h"
#include "sync/transport/https_connection.h"
#include "tests/support/tool_process.h"
#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;

namespace {

// carers-centre serve, as a child process; waits until /v1/health answers.
struct CentreProcess {
    std::filesystem::path dir;
    int port;
    pid_t pid = 0;
    void start() {
        pid = spawn_tool({CARERS_CENTRE_BIN, "serve", dir.string(), "--bind", "127.0.0.1", "--port", std::to_string(port)});
        HttpsConnection c(TlsPolicy{(dir / "tls" / "cert.pem").string(), "", 500, 2000, 2000});
        for (int i = 0; i < 600; ++i) {
            auto ex = c.get("https://127.0.0.1:" + std::to_string(port) + "/v1/health", nullptr);
            if (ex.error == TransportError::None && ex.status == 200) return;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        FAIL("carers-centre did not start");
    }
    void kill9() {
        if (pid) kill_and_reap(pid, SIGKILL);
        pid = 0;
    }
    ~CentreProcess() {
        if (pid) kill_and_reap(pid, SIGTERM);
    }
};

void check_nothing_purged_without_receipt(CentreStore& centre, TestKiosk& kiosk,
                                          const std::map<std::string, std::string>& sent) {
    auto waiting = kiosk.outbox_hashes();
    auto held = centre_holdings(centre);
    for (const auto& [id, hash] : sent)
        if (!waiting.count(id)) {
            INFO(id);
            REQUIRE(held.count(id) == 1);
            CHECK(held.at(id) == hash);
        }
}

}  // namespace

TEST_CASE("the centre killed mid-batch, three times: every submission arrives exactly once") {
    TempDir dir;
    InitOptions init;
    init.hosts = {"127.0.0.1"};
    init.port = free_loopback_port();
    init.bind_address = "127.0.0.1";
    REQUIRE(init_centre(dir.path(), init).ok());
    auto centre_dir = CentreDirectory::open(dir.path()).value();
    CentreProcess server{dir.path(), init.port};
    server.start();

    TestKiosk kiosk;
    auto enrolment = enrol_device(centre_dir, "kiosk-01", "", false, 1700000000);
    REQUIRE(enrolment.ok());
    REQUIRE(write_enrolment(*enrolment, kiosk.dir()).ok());
    auto config = load_kiosk_sync_config(kiosk.dir() / "kiosk-sync.json").value();
    config.sync.batch_max_count = 20;
    config.sync.max_attempts = 1000;
    config.sync.backoff_base_ms = 10;
    config.sync.backoff_max_ms = 50;
    auto sent = kiosk.add_submissions(config, 400);

    std::mt19937 rng(7);
    for (int round = 0; round < 3; ++round) {
        std::atomic<bool> cancel{false};
        std::atomic<std::int64_t> confirmed{0};
        std::atomic<int> failures{0};
        std::atomic<bool> done{false};
        std::thread killer([&] {
            // Once the first receipts are in, kill at a random moment: mostly mid-request.
            while (confirmed.load() < 20 && !done.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 30)(rng)));
            server.kill9();
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            server.start();
        });
        SyncClient client(kiosk.db(), config.sync, enrolment->token);
        auto result = client.run(cancel, [&](const SyncProgress& p) {
            confirmed = p.confirmed;
            failures = std::max(failures.load(), p.failures);
        });
        done = true;
        killer.join();
        INFO("round " << round << ": " << result.message);
        CHECK(result.status == SyncStatus::Complete);
        CHECK(failures.load() > 0);  // the kill hit the run: it had to retry
        check_nothing_purged_without_receipt(*centre_dir.open_store().value(), kiosk, sent);
        auto more = kiosk.add_submissions(config, 150);
        sent.insert(more.begin(), more.end());
    }
    std::atomic<bool> cancel{false};
    auto last = SyncClient(kiosk.db(), config.sync, enrolment->token).run(cancel);
    CHECK(last.status == SyncStatus::Complete);
    server.kill9();

    auto centre_store = centre_dir.open_store().value();
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(*centre_store) == sent);
    CHECK(centre_store->submission_count().value() == static_cast<std::int64_t>(sent.size()));
}

TEST_CASE("carers-sync killed mid-batch, five times: nothing lost, nothing doubled, nothing purged early") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
    std::string key(reinterpret_cast<const char*>(kiosk.key().data()), store::SecretKey::size);
    REQUIRE(write_private_file(kiosk.dir() / "kiosk.key", key).ok());
    auto sent = kiosk.add_submissions(enrolled.config, 300);
    {  // small batches, so that a kill lands between a request and its receipt often
        auto cfg = nlohmann::json::parse(read_file(kiosk.dir() / "kiosk-sync.json"));
        cfg["sync"]["batch_max_count"] = 10;
        write_file(kiosk.dir() / "kiosk-sync.json", cfg.dump());
    }

    std::mt19937 rng(11);
    int cut_short = 0;  // rounds killed after sending some but not all
    for (int round = 0; round < 5; ++round) {
        auto before = kiosk.outbox_count();
        pid_t pid = spawn_tool({CARERS_SYNC_BIN, "--config", (kiosk.dir() / "kiosk-sync.json").string(), "--store",
                           kiosk.db_path().string(), "--key", (kiosk.dir() / "kiosk.key").string(), "--quiet"});
        // Kill once it has had at least one receipt, at a random moment after that.
        for (int i = 0; i < 1000 && kiosk.outbox_count() == before; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 30)(rng)));
        int status = kill_and_reap(pid, SIGKILL);
        INFO("round " << round);
        check_nothing_purged_without_receipt(centre.store(), kiosk, sent);
        auto after = kiosk.outbox_count();
        if (WIFSIGNALED(status) && after > 0 && after < before) ++cut_short;
        UNSCOPED_INFO("round " << round << " signalled " << WIFSIGNALED(status) << " before " << before << " after " << after);
        if (WIFEXITED(status)) {  // it finished before the kill: give the next round work
            auto more = kiosk.add_submissions(enrolled.config, 100);
            sent.insert(more.begin(), more.end());
        }
    }
    CHECK(cut_short >= 2);
    std::atomic<bool> cancel{false};
    auto last = SyncClient(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment()).run(cancel);
    CHECK(last.status == SyncStatus::Complete);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
}
