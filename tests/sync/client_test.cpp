// The kiosk's sync client against a real centre over real HTTPS on 127.0.0.1.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <chrono>
#include <thread>

#include "kiosk/store/settings.h"
#include "sync/centre/tls_certificate.h"
#include "sync/client/background_sync.h"
#include "sync/client/centre_check.h"
#include "sync/client/device_token_store.h"
#include "sync/protocol/device_token.h"
#include "sync/transport/https_connection.h"
#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;
using Catch::Matchers::ContainsSubstring;

namespace {
SyncResult run_sync(TestKiosk& kiosk, const SyncSettings& s, const std::string& token,
                    SyncEnvironment env = quick_environment()) {
    std::atomic<bool> cancel{false};
    SyncClient client(kiosk.db(), s, token, std::move(env));
    return client.run(cancel);
}
}  // namespace

TEST_CASE("every submission reaches the centre once, byte-identical, over one kept-alive connection") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 250);
    enrolled.config.sync.batch_max_count = 40;

    std::vector<SyncProgress> seen;
    std::atomic<bool> cancel{false};
    SyncClient client(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment());
    auto result = client.run(cancel, [&](const SyncProgress& p) { seen.push_back(p); });

    INFO(result.message);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(result.confirmed == 250);
    CHECK(result.connections == 1);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.front().total == 250);
    CHECK(seen.back().phase == SyncProgress::Phase::Finished);
    CHECK(seen.back().remaining == 0);
    bool saw_partial = false;
    for (const auto& p : seen) saw_partial |= p.confirmed > 0 && p.confirmed < 250;
    CHECK(saw_partial);
}

TEST_CASE("a submission made while a run is going is sent in it, and progress never passes its total") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 30);
    enrolled.config.sync.batch_max_count = 10;
    // The carer at the screen submits through the app's own connection while the run goes on.
    auto screen = store::Database::open(kiosk.db_path(), kiosk.key());
    REQUIRE(screen.ok());
    store::Outbox screen_outbox(**screen);
    std::map<std::string, std::string> late;
    std::vector<SyncProgress> seen;
    std::atomic<bool> cancel{false};
    SyncClient client(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment());
    auto result = client.run(cancel, [&](const SyncProgress& p) {
        seen.push_back(p);
        if (p.confirmed == 10 && late.empty()) {
            for (int i = 0; i < 5; ++i) {
                auto id = screen_outbox.submit({"https://carers-kiosk.example.org/fhir/Questionnaire/self-review", "1.0.0",
                                                "self-review", R"({"resourceType":"QuestionnaireResponse"})"},
                                               enrolled.config.centre.sealing_public_key, 1700000999);
                REQUIRE(id.ok());
            }
            auto waiting = screen_outbox.pending(100, 1u << 30);
            REQUIRE(waiting.ok());
            for (const auto& e : *waiting)
                if (!sent.count(e.id)) late[e.id] = e.sha256;
        }
    });
    INFO(result.message);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(late.size() == 5);
    CHECK(result.confirmed == 35);
    for (const auto& p : seen) CHECK(p.confirmed + p.rejected <= p.total);
    CHECK(seen.back().total == 35);
    sent.insert(late.begin(), late.end());
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("an empty outbox is a complete run that sends nothing") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(result.confirmed == 0);
    CHECK(result.connections == 0);
}

TEST_CASE("an unknown device is refused with 401 and nothing is stored or deleted") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 5);
    auto result = run_sync(kiosk, enrolled.config.sync, new_device_token());
    CHECK(result.status == SyncStatus::Failed);
    CHECK_THAT(result.message, ContainsSubstring("not enrolled"));
    CHECK(kiosk.outbox_count() == 5);
    CHECK(centre.store().submission_count().value() == 0);
}

TEST_CASE("a revoked device is refused with 401 and nothing is stored or deleted") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 5);
    REQUIRE(centre.store().revoke_device("kiosk-01", 1700000500).ok());
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(result.status == SyncStatus::Failed);
    CHECK_THAT(result.message, ContainsSubstring("revoked"));
    CHECK(kiosk.outbox_count() == 5);
    CHECK(centre.store().submission_count().value() == 0);
}

TEST_CASE("a receipt that does not verify with the configured key deletes nothing") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 12);
    SyncSettings forged = enrolled.config.sync;
    forged.receipt_public_key = generate_receipt_key_pair().public_key;  // receipts "from" someone else

    auto result = run_sync(kiosk, forged, enrolled.token);
    CHECK(result.status == SyncStatus::Failed);
    CHECK_THAT(result.message, ContainsSubstring("does not verify"));
    CHECK(kiosk.outbox_hashes() == sent);  // all still here

    // With the genuine key, sending again confirms what the centre already holds: no duplicates.
    auto again = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(again.status == SyncStatus::Complete);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("a receipt for another batch or naming other hashes is refused whole") {
    auto keys = generate_receipt_key_pair();
    std::string id = new_uuid(), hash = sha256_hex(std::string("a"));
    std::map<std::string, std::string> sent{{id, hash}};
    BatchReply reply;
    reply.batch_id = new_uuid();
    reply.receipt = Receipt{"kiosk-01", reply.batch_id, 1, {{id, hash}}, ""};
    sign_receipt(reply.receipt, keys.secret_key);
    CHECK(receipted_items(reply, keys.public_key, "kiosk-01", reply.batch_id, &sent).ok());
    CHECK_FALSE(receipted_items(reply, keys.public_key, "kiosk-01", new_uuid(), &sent).ok());
    CHECK_FALSE(receipted_items(reply, keys.public_key, "kiosk-02", reply.batch_id, &sent).ok());
    std::map<std::string, std::string> other{{id, sha256_hex(std::string("b"))}};
    CHECK_FALSE(receipted_items(reply, keys.public_key, "kiosk-01", reply.batch_id, &other).ok());
}

TEST_CASE("a pin that does not match the centre's key sends nothing and says why") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 3);
    auto other = make_self_signed_certificate({"127.0.0.1"}, 1);
    REQUIRE(other.ok());
    SyncSettings s = enrolled.config.sync;
    s.pin = public_key_pin(other->certificate_pem).value();
    auto result = run_sync(kiosk, s, enrolled.token);
    CHECK(result.status == SyncStatus::Failed);
    CHECK_THAT(result.message, ContainsSubstring("pinned"));
    CHECK(kiosk.outbox_count() == 3);
    CHECK(centre.store().submission_count().value() == 0);
    for (const auto& line : centre.log_lines()) CHECK_THAT(line, !ContainsSubstring("POST"));

    // Once the pin is the centre's again, everything arrives, once.
    auto fixed = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(fixed.status == SyncStatus::Complete);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre.store().submission_count().value() == 3);
}

TEST_CASE("a certificate that does not verify against the CA file sends nothing and says why") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 3);
    auto other = make_self_signed_certificate({"127.0.0.1"}, 1);
    REQUIRE(other.ok());
    write_file(kiosk.dir() / "wrong-ca.pem", other->certificate_pem);
    SyncSettings s = enrolled.config.sync;
    s.ca_file = (kiosk.dir() / "wrong-ca.pem").string();
    s.pin.clear();
    auto result = run_sync(kiosk, s, enrolled.token);
    CHECK(result.status == SyncStatus::Failed);
    CHECK_THAT(result.message, ContainsSubstring("certificate could not be verified"));
    CHECK(kiosk.outbox_count() == 3);
    CHECK(centre.store().submission_count().value() == 0);
}

TEST_CASE("a plain http address is refused before anything is sent") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 2);
    SyncSettings s = enrolled.config.sync;
    s.url = "http://127.0.0.1:" + std::to_string(centre.port());
    auto result = run_sync(kiosk, s, enrolled.token);
    CHECK(result.status == SyncStatus::Failed);
    CHECK_THAT(result.message, ContainsSubstring("not https://"));
    CHECK(result.connections == 0);
    CHECK(kiosk.outbox_count() == 2);
}

TEST_CASE("batches larger than the centre takes are split until they fit") {
    ProtocolLimits limits;
    limits.max_batch_count = 30;
    TestCentre centre(limits);
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 100);
    enrolled.config.sync.batch_max_count = 200;
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    INFO(result.message);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("a device over its rate gets 429 and the client waits at least Retry-After") {
    ProtocolLimits limits;
    limits.rate_burst = 2;
    limits.rate_per_minute = 60;  // then one request a second
    TestCentre centre(limits);
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 40);
    enrolled.config.sync.batch_max_count = 10;  // 4 requests: 2 at once, then rate-limited

    std::vector<long> waits;
    SyncEnvironment env;
    env.wait = [&](long ms, const std::atomic<bool>&) {
        waits.push_back(ms);
        std::this_thread::sleep_for(std::chrono::milliseconds(ms));
        return true;
    };
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token, env);
    INFO(result.message);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(centre_holdings(centre.store()) == sent);
    REQUIRE_FALSE(waits.empty());
    for (long w : waits) CHECK(w >= 1000);
    CHECK(centre.log_has(" 429 "));
}

TEST_CASE("a Retry-After longer than the run will wait ends the run with retry-later") {
    ProtocolLimits limits;
    limits.rate_burst = 1;
    limits.rate_per_minute = 1;  // a minute between requests
    TestCentre centre(limits);
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 20);
    enrolled.config.sync.batch_max_count = 10;
    enrolled.config.sync.max_wait_ms = 5000;
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    CHECK(result.status == SyncStatus::RetryLater);
    CHECK(result.confirmed == 10);
    CHECK(result.retry_after_s >= 50);
    CHECK(kiosk.outbox_count() == 10);
}

TEST_CASE("the device token moves from its 0600 file into the encrypted store") {
    TestKiosk kiosk;
    auto token = new_device_token();
    auto file = kiosk.dir() / "device.token";
    REQUIRE(write_private_file(file, token + "\n").ok());
    REQUIRE(install_device_token(kiosk.db(), file).ok());
    CHECK_FALSE(std::filesystem::exists(file));
    CHECK(load_device_token(kiosk.db()).value() == token);

    auto loose = kiosk.dir() / "loose.token";
    write_file(loose, new_device_token());
    std::filesystem::permissions(loose, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                            std::filesystem::perms::others_read);
    auto refused = install_device_token(kiosk.db(), loose);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.message(), ContainsSubstring("chmod 600"));
    CHECK(load_device_token(kiosk.db()).value() == token);
}

TEST_CASE("a background sync reports progress and its result without blocking the caller") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 60);
    REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
    enrolled.config.sync.batch_max_count = 10;

    BackgroundSync sync;
    auto t0 = std::chrono::steady_clock::now();
    REQUIRE(sync.start({kiosk.db_path(), kiosk.key()}, enrolled.config.sync, quick_environment()));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(1));  // generous: CI is busy
    CHECK_FALSE(sync.start({kiosk.db_path(), kiosk.key()}, enrolled.config.sync));  // one at a time
    std::optional<SyncResult> result;
    for (int i = 0; i < 600 && !result; ++i) {
        auto p = sync.progress();
        CHECK(p.confirmed <= 60);
        result = sync.take_result();
        if (!result) std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
    REQUIRE(result.has_value());
    INFO(result->message);
    CHECK(result->status == SyncStatus::Complete);
    CHECK(result->confirmed == 60);
    CHECK(sync.progress().phase == SyncProgress::Phase::Finished);
    CHECK_FALSE(sync.take_result().has_value());
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("cancelling a background sync stops it promptly and loses nothing") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 20);
    REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
    SyncSettings s = enrolled.config.sync;
    s.url = "https://127.0.0.1:1";  // nothing listens: the run will be backing off
    s.backoff_base_ms = 60'000;
    s.backoff_max_ms = 60'000;

    BackgroundSync sync;
    REQUIRE(sync.start({kiosk.db_path(), kiosk.key()}, s));
    for (int i = 0; i < 200 && sync.progress().phase != SyncProgress::Phase::Waiting; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(sync.progress().phase == SyncProgress::Phase::Waiting);
    auto t0 = std::chrono::steady_clock::now();
    sync.cancel();
    while (sync.running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
    auto result = sync.take_result();
    REQUIRE(result.has_value());
    CHECK(result->status == SyncStatus::Cancelled);
    CHECK(kiosk.outbox_hashes() == sent);
}

TEST_CASE("health answers without a token and shows no personal data") {
    TestCentre centre;
    HttpsConnection c(TlsPolicy{(centre.dir() / "tls" / "cert.pem").string(), "", 2000, 5000, 5000});
    auto ex = c.get(centre.url() + "/v1/health", nullptr);
    REQUIRE(ex.error == TransportError::None);
    CHECK(ex.status == 200);
    CHECK_THAT(ex.body, ContainsSubstring("\"status\":\"ok\""));
    CHECK_THAT(ex.body, ContainsSubstring("max_batch_count"));
    auto missing = c.get(centre.url() + "/v1/nothing-here", nullptr);
    CHECK(missing.status == 404);
}

TEST_CASE("checking the centre names what is wrong: nothing there, no trust, another pin, new receipt keys") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto good = check_centre(enrolled.config.sync);
    INFO((good ? std::string("ok") : good.message()));
    REQUIRE(good.ok());
    CHECK(good->centre_name == "Test Carers Centre");
    CHECK_THAT(good->message, ContainsSubstring("matches the pin"));
    CHECK_THAT(good->message, ContainsSubstring("receipts will verify"));

    SyncSettings rekeyed = enrolled.config.sync;  // the centre was set up again since enrolment
    rekeyed.receipt_public_key = generate_receipt_key_pair().public_key;
    auto stale = check_centre(rekeyed);
    REQUIRE_FALSE(stale.ok());
    CHECK_THAT(stale.message(), ContainsSubstring("different key"));

    SyncSettings pinned = enrolled.config.sync;
    pinned.pin = public_key_pin(make_self_signed_certificate({"127.0.0.1"}, 1)->certificate_pem).value();
    auto intercepted = check_centre(pinned);
    REQUIRE_FALSE(intercepted.ok());
    CHECK_THAT(intercepted.message(), ContainsSubstring("pinned"));

    SyncSettings lost = enrolled.config.sync;
    lost.url = centre.url() + "/somewhere-else";
    auto wrong_place = check_centre(lost);
    REQUIRE_FALSE(wrong_place.ok());
    CHECK_THAT(wrong_place.message(), ContainsSubstring("HTTP 404"));

    centre.stop();
    auto down = check_centre(enrolled.config.sync);
    REQUIRE_FALSE(down.ok());
    CHECK_THAT(down.message(), ContainsSubstring("cannot be reached"));
}

TEST_CASE("with gzip turned on, batches travel compressed and arrive intact") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 30);
    enrolled.config.sync.gzip = true;
    auto result = run_sync(kiosk, enrolled.config.sync, enrolled.token);
    INFO(result.message);
    CHECK(result.status == SyncStatus::Complete);
    CHECK(centre_holdings(centre.store()) == sent);
}
