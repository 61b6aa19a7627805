// The sync layer names why it could not get through as a FailureCause the staff screen turns into
// advice (issue 7). Each cause here comes from a real failure: the real centre on 127.0.0.1 with
// its port closed, a certificate the kiosk does not trust, one for another name, another pin, an
// address that answers 404, and a proxy that never answers.
#include <catch2/catch_test_macros.hpp>

#include <functional>

#include "sync/centre/tls_certificate.h"
#include "sync/client/centre_check.h"
#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;

namespace {

struct Tried {
    FailureCause run;    // what a sync run ended with
    FailureCause check;  // what "Check connection" found
    int check_status = 0;
    std::string message;
};

// One sync run and one connection check with `s` (`between` runs between them); nothing may
// leave the outbox.
Tried try_both(TestKiosk& kiosk, const SyncSettings& s, const std::string& token,
               const std::function<void()>& between = {}) {
    std::atomic<bool> cancel{false};
    SyncClient client(kiosk.db(), s, token, quick_environment());
    const std::int64_t before = kiosk.outbox_count();
    SyncResult r = client.run(cancel);
    CHECK(kiosk.outbox_count() == before);
    if (between) between();
    CentreCheckFailure failure;
    auto checked = check_centre(s, nullptr, &failure);
    CHECK_FALSE(checked.ok());
    return {r.outcome.cause, failure.cause, failure.http_status, r.message};
}

// Quick to give up: one attempt, short timeouts.
SyncSettings impatient(SyncSettings s) {
    s.max_attempts = 1;
    s.connect_timeout_ms = 2000;
    s.request_timeout_ms = 2000;
    s.stall_timeout_ms = 1000;
    return s;
}

}  // namespace

TEST_CASE("a closed port on the centre's address is a refused connection, not a generic failure") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 2);
    centre.stop();  // 127.0.0.1 refuses the connection at once
    auto t = try_both(kiosk, impatient(enrolled.config.sync), enrolled.token);
    INFO(t.message);
    CHECK(to_string(t.run) == std::string("connection-refused"));
    CHECK(t.check == FailureCause::ConnectionRefused);
}

TEST_CASE("a certificate that does not verify against the kiosk's CA file is untrusted") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 2);
    auto other = make_self_signed_certificate({"127.0.0.1"}, 1);
    REQUIRE(other.ok());
    write_file(kiosk.dir() / "wrong-ca.pem", other->certificate_pem);
    SyncSettings s = enrolled.config.sync;
    s.ca_file = (kiosk.dir() / "wrong-ca.pem").string();
    s.pin.clear();
    auto t = try_both(kiosk, s, enrolled.token);
    INFO(t.message);
    CHECK(to_string(t.run) == std::string("certificate-untrusted"));
    CHECK(t.check == FailureCause::CertificateUntrusted);
}

TEST_CASE("a trusted certificate issued for another name is told apart from an untrusted one") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 2);
    // The centre now serves a certificate for centre.example only; the kiosk trusts exactly it,
    // but reaches the centre as 127.0.0.1.
    auto elsewhere = make_self_signed_certificate({"centre.example"}, 1);
    REQUIRE(elsewhere.ok());
    centre.stop();
    write_file(centre.directory().certificate_file(), elsewhere->certificate_pem);
    write_file(centre.directory().private_key_file(), elsewhere->private_key_pem);
    centre.start();
    write_file(kiosk.dir() / "elsewhere-ca.pem", elsewhere->certificate_pem);
    SyncSettings s = enrolled.config.sync;
    s.ca_file = (kiosk.dir() / "elsewhere-ca.pem").string();
    s.pin.clear();
    auto t = try_both(kiosk, s, enrolled.token);
    INFO(t.message);
    CHECK(to_string(t.run) == std::string("certificate-wrong-name"));
    CHECK(t.check == FailureCause::CertificateWrongName);
}

TEST_CASE("another pin, an address that is not https and one that answers 404 each have their own cause") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 2);

    SyncSettings pinned = enrolled.config.sync;
    pinned.pin = public_key_pin(make_self_signed_certificate({"127.0.0.1"}, 1)->certificate_pem).value();
    auto p = try_both(kiosk, pinned, enrolled.token);
    CHECK(p.run == FailureCause::PinMismatch);
    CHECK(p.check == FailureCause::PinMismatch);

    SyncSettings plain = enrolled.config.sync;
    plain.url = "http://127.0.0.1:" + std::to_string(centre.port());
    auto h = try_both(kiosk, plain, enrolled.token);
    CHECK(h.run == FailureCause::NotHttps);
    CHECK(h.check == FailureCause::NotHttps);

    // The check asks for /v1/health under the address: a wrong path answers 404.
    SyncSettings lost = enrolled.config.sync;
    lost.url = centre.url() + "/somewhere-else";
    CentreCheckFailure failure;
    CHECK_FALSE(check_centre(lost, nullptr, &failure).ok());
    CHECK(failure.cause == FailureCause::UnexpectedAnswer);
    CHECK(failure.http_status == 404);
}

TEST_CASE("a centre that takes the connection but never answers has timed out") {
    TestCentre centre;
    TestKiosk kiosk;
    FaultProxy proxy(centre.port());
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir(), proxy.url());
    kiosk.add_submissions(enrolled.config, 2);
    proxy.set_mode(FaultProxy::Mode::Stall);
    // Each fault strikes one connection: the check gets one of its own.
    auto t = try_both(kiosk, impatient(enrolled.config.sync), enrolled.token,
                      [&] { proxy.set_mode(FaultProxy::Mode::Stall); });
    INFO(t.message);
    CHECK(t.run == FailureCause::TimedOut);
    CHECK(t.check == FailureCause::TimedOut);
}
