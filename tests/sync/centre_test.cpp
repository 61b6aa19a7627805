// The centre's receiver under hostile and broken input, offline bundles, and exports.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <sstream>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "sync/centre/bundle_import.h"
#include "sync/centre/exporter.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/device_token.h"
#include "sync/protocol/offline_bundle.h"
#include "sync/transport/gzip.h"
#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;
using Catch::Matchers::ContainsSubstring;
using nlohmann::json;

namespace {

// A raw HTTPS client for sending what no well-behaved kiosk would.
struct RawClient {
    httplib::SSLClient client;
    std::string token;
    RawClient(int port, std::string t) : client("127.0.0.1", port), token(std::move(t)) {
        client.enable_server_certificate_verification(false);  // the attacker does not care
        client.set_read_timeout(10, 0);
    }
    httplib::Result post(const std::string& body, const std::string& encoding = "",
                         const std::string& type = "application/json") {
        httplib::Headers h{{"Authorization", "Bearer " + token}};
        if (!encoding.empty()) h.emplace("Content-Encoding", encoding);
        return client.Post("/v1/submissions", h, body, type.c_str());
    }
};

std::string valid_batch(const std::map<std::string, std::string>& ids_hashes, TestKiosk& kiosk) {
    SubmissionBatch b{new_uuid(), {}};
    for (const auto& e : kiosk.outbox_hashes()) {
        (void)e;
    }
    auto pending = store::Outbox(kiosk.db()).pending(1000, 1u << 30);
    for (auto& e : pending.value())
        if (ids_hashes.count(e.id))
            b.envelopes.push_back({e.id, e.form_url, e.form_version, e.kind, e.created_at, e.sha256, e.sealed});
    return encode_batch(b);
}

std::string reason_of(const httplib::Result& r) { return decode_error_reply(r->body); }

}  // namespace

TEST_CASE("bad input gets a 4xx with a reason, stores nothing, and the centre keeps serving") {
    ProtocolLimits limits;
    limits.max_body_bytes = 1u << 20;
    TestCentre centre(limits);
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 3);
    RawClient raw(centre.port(), enrolled.token);
    std::string good = valid_batch(sent, kiosk);

    auto expect = [&](httplib::Result r, int status, const std::string& why) {
        INFO(why << " error " << httplib::to_string(r.error()));
        REQUIRE(r);
        CHECK(r->status == status);
        CHECK_THAT(reason_of(r), ContainsSubstring(why));
        CHECK(centre.store().submission_count().value() == 0);
    };
    expect(raw.post("{\"protocol\":1,\"batch_id\":"), 400, "not valid JSON");
    expect(raw.post("{\"protocol\":1,\"batch_id\":\"" + new_uuid() + "\",\"envelopes\":\"lots\"}"), 400, "must be a list");
    auto wrong_type = json::parse(good);
    wrong_type["envelopes"][0]["created_at"] = "yesterday";
    expect(raw.post(wrong_type.dump()), 400, "created_at");
    auto dup = json::parse(good);
    dup["envelopes"].push_back(dup["envelopes"][0]);
    expect(raw.post(dup.dump()), 400, "twice");
    expect(raw.post(std::string("{\"protocol\":1,\"x\":\"\xc3\x28\"}")), 400, "UTF-8");
    {
        // Refused on its Content-Length before it is read, and the connection closed: the client
        // sees the 413, or (if still writing when the close lands) a broken write. Never a 2xx.
        auto big = raw.post(std::string(2u << 20, ' '));
        if (big) CHECK(big->status == 413);
        else CHECK(big.error() == httplib::Error::Write);
        CHECK(centre.store().submission_count().value() == 0);
    }
    // A gzip bomb: 60 KB on the wire, 60 MB once decompressed.
    expect(raw.post(gzip_compress(std::string(60u << 20, ' '), 9), "gzip"), 413, "once decompressed");
    auto truncated = gzip_compress(good, 6);
    truncated.resize(truncated.size() / 2);
    auto r = raw.post(truncated, "gzip");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(centre.store().submission_count().value() == 0);
    expect(raw.post(good, "", "text/plain"), 415, "application/json");
    expect(raw.post(good, "compress"), 415, "gzip");

    // Still alive, and the same client's valid batch is stored.
    auto ok = raw.post(gzip_compress(good, 6), "gzip");
    REQUIRE(ok);
    CHECK(ok->status == 200);
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("an envelope whose bytes do not match its hash is rejected alone") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 3);
    auto batch = json::parse(valid_batch(sent, kiosk));
    std::string damaged_id = batch["envelopes"][1]["id"];
    batch["envelopes"][1]["sha256"] = std::string(64, 'a');
    RawClient raw(centre.port(), enrolled.token);
    auto r = raw.post(batch.dump());
    REQUIRE(r);
    REQUIRE(r->status == 200);
    auto reply = decode_reply(r->body);
    REQUIRE(reply.ok());
    CHECK(reply->receipt.items.size() == 2);
    for (const auto& res : reply->results)
        CHECK((res.id == damaged_id) == (res.status == ItemStatus::Rejected));
    CHECK(centre.store().submission_count().value() == 2);
}

TEST_CASE("the same batch sent twice stores nothing twice and both replies carry a valid receipt") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 5);
    std::string batch = valid_batch(sent, kiosk);
    RawClient raw(centre.port(), enrolled.token);
    auto first = raw.post(batch);
    auto second = raw.post(batch);
    REQUIRE((first && second));
    auto a = decode_reply(first->body), b = decode_reply(second->body);
    REQUIRE((a.ok() && b.ok()));
    for (const auto& r : a->results) CHECK(r.status == ItemStatus::Stored);
    for (const auto& r : b->results) CHECK(r.status == ItemStatus::AlreadyHeld);
    CHECK(verify_receipt(b->receipt, centre.identity().receipt_public).ok());
    CHECK(b->receipt.items.size() == 5);
    CHECK(centre.store().submission_count().value() == 5);
}

TEST_CASE("a different submission under an id the centre holds is rejected, not overwritten") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 1);
    auto batch = json::parse(valid_batch(sent, kiosk));
    RawClient raw(centre.port(), enrolled.token);
    REQUIRE(raw.post(batch.dump())->status == 200);
    Bytes other(100, 9);
    batch["batch_id"] = new_uuid();
    batch["envelopes"][0]["sealed"] = base64_encode(other);
    batch["envelopes"][0]["sha256"] = sha256_hex(other);
    auto r = decode_reply(raw.post(batch.dump())->body);
    REQUIRE(r.ok());
    CHECK(r->results[0].status == ItemStatus::Rejected);
    CHECK_THAT(r->results[0].reason, ContainsSubstring("different submission"));
    CHECK(r->receipt.items.empty());
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("the centre's log names devices and counts, never tokens or contents") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 4);
    std::atomic<bool> cancel{false};
    SyncClient(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment()).run(cancel);
    RawClient(centre.port(), new_device_token()).post("{}");
    auto lines = centre.log_lines();
    REQUIRE(lines.size() >= 2);
    for (const auto& line : lines) {
        if (line.find("POST") == std::string::npos) continue;  // "listening on" names the server, not a person
        CHECK_THAT(line, !ContainsSubstring(enrolled.token.substr(4, 20)));
        CHECK_THAT(line, !ContainsSubstring("Carer "));
        CHECK_THAT(line, !ContainsSubstring("127.0.0.1:"));
    }
    CHECK_THAT(lines.back(), ContainsSubstring("401 unknown token"));
}

TEST_CASE("an offline bundle goes in by USB stick and its receipts empty the outbox") {
    ProtocolLimits limits;
    limits.max_batch_count = 50;
    TestCentre centre(limits);
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto sent = kiosk.add_submissions(enrolled.config, 120);  // more than one online batch may hold

    auto bundle = export_outbox_bundle(kiosk.db(), enrolled.config.sync, enrolled.token);
    REQUIRE(bundle.ok());
    CHECK(bundle->count == 120);
    CHECK(kiosk.outbox_count() == 120);  // nothing leaves before the receipts come back

    auto imported = import_bundle(centre.store(), centre.service(), bundle->text);
    REQUIRE(imported.ok());
    CHECK(imported->stored == 120);
    auto again = import_bundle(centre.store(), centre.service(), bundle->text);
    REQUIRE(again.ok());
    CHECK(again->already_held == 120);
    CHECK(again->stored == 0);

    // Receipts from another centre are refused; the genuine ones apply.
    SyncSettings other = enrolled.config.sync;
    other.receipt_public_key = generate_receipt_key_pair().public_key;
    CHECK_FALSE(apply_receipts_file(kiosk.db(), other, imported->receipts_file, 1700000000).ok());
    CHECK(kiosk.outbox_count() == 120);
    auto applied = apply_receipts_file(kiosk.db(), enrolled.config.sync, imported->receipts_file, 1700000000);
    REQUIRE(applied.ok());
    CHECK(*applied == 120);
    CHECK(kiosk.outbox_count() == 0);
    CHECK(centre_holdings(centre.store()) == sent);
}

TEST_CASE("a bundle from an unknown, revoked or impostor device is refused and nothing is stored") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 3);

    auto impostor = export_outbox_bundle(kiosk.db(), enrolled.config.sync, new_device_token());
    auto refused = import_bundle(centre.store(), centre.service(), impostor->text);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.message(), ContainsSubstring("not made by device kiosk-01"));

    SyncSettings stranger = enrolled.config.sync;
    stranger.device_id = "kiosk-99";
    auto unknown = import_bundle(centre.store(), centre.service(),
                                 export_outbox_bundle(kiosk.db(), stranger, enrolled.token)->text);
    REQUIRE_FALSE(unknown.ok());
    CHECK_THAT(unknown.message(), ContainsSubstring("not enrolled"));

    REQUIRE(centre.store().revoke_device("kiosk-01", 1700000001).ok());
    auto revoked = import_bundle(centre.store(), centre.service(),
                                 export_outbox_bundle(kiosk.db(), enrolled.config.sync, enrolled.token)->text);
    REQUIRE_FALSE(revoked.ok());
    CHECK_THAT(revoked.message(), ContainsSubstring("revoked"));
    CHECK(centre.store().submission_count().value() == 0);
}

TEST_CASE("exports open every submission, list urgent ones first and flag them") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 9, 400, true);  // every third is urgent
    std::atomic<bool> cancel{false};
    REQUIRE(SyncClient(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment()).run(cancel).status ==
            SyncStatus::Complete);
    auto keys = centre.directory().sealing_keys();
    REQUIRE(keys.ok());

    std::ostringstream js;
    auto summary = export_submissions(centre.store(), *keys, ExportFormat::Json, js);
    REQUIRE(summary.ok());
    CHECK(summary->exported == 9);
    CHECK(summary->urgent == 3);
    CHECK(summary->unreadable.empty());
    auto list = json::parse(js.str());
    REQUIRE(list.size() == 9);
    for (std::size_t i = 0; i < 9; ++i) CHECK(list[i]["urgent"].get<bool>() == (i < 3));
    CHECK(list[0]["response"]["resourceType"] == "QuestionnaireResponse");
    CHECK_THAT(list[0]["reference"].get<std::string>(), ContainsSubstring("REF-"));

    std::ostringstream fh;
    REQUIRE(export_submissions(centre.store(), *keys, ExportFormat::Fhir, fh).ok());
    auto bundle = json::parse(fh.str());
    CHECK(bundle["resourceType"] == "Bundle");
    CHECK(bundle["type"] == "collection");
    REQUIRE(bundle["entry"].size() == 9);
    auto first = bundle["entry"][0]["resource"];
    CHECK(first["resourceType"] == "QuestionnaireResponse");
    CHECK(first["meta"]["tag"][0]["code"] == "urgent");
    CHECK_FALSE(bundle["entry"][8]["resource"]["meta"]["tag"][0]["code"] == "urgent");
    CHECK(bundle["entry"][0]["fullUrl"].get<std::string>().rfind("urn:uuid:", 0) == 0);

    std::ostringstream csv;
    REQUIRE(export_submissions(centre.store(), *keys, ExportFormat::Csv, csv).ok());
    std::istringstream lines(csv.str());
    std::string header, row1;
    std::getline(lines, header);
    std::getline(lines, row1);
    CHECK_THAT(header, ContainsSubstring("submission_id,urgent,kind"));
    CHECK_THAT(row1, ContainsSubstring(",yes,"));
    CHECK_THAT(csv.str(), ContainsSubstring("\"Carer "));
}

TEST_CASE("a submission the centre's key cannot open is listed, not exported, and does not stop the rest") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    kiosk.add_submissions(enrolled.config, 2);
    KioskSyncConfig wrong = enrolled.config;
    wrong.centre.sealing_public_key[0] ^= 0x55;  // sealed to a key the centre does not have
    auto bad = kiosk.add_submissions(wrong, 1);
    std::atomic<bool> cancel{false};
    REQUIRE(SyncClient(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment()).run(cancel).status ==
            SyncStatus::Complete);
    std::ostringstream out;
    auto summary = export_submissions(centre.store(), centre.directory().sealing_keys().value(), ExportFormat::Json, out);
    REQUIRE(summary.ok());
    CHECK(summary->exported == 2);
    REQUIRE(summary->unreadable.size() == 1);
    CHECK(summary->unreadable[0] == bad.begin()->first);
}

TEST_CASE("an export noted as written is left out of the next one; --all still gives everything") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    auto first = kiosk.add_submissions(enrolled.config, 4, 400, true);
    std::atomic<bool> cancel{false};
    auto sync_all = [&] {
        REQUIRE(SyncClient(kiosk.db(), enrolled.config.sync, enrolled.token, quick_environment()).run(cancel).status ==
                SyncStatus::Complete);
    };
    sync_all();
    auto keys = centre.directory().sealing_keys().value();

    std::ostringstream one;
    auto a = export_submissions(centre.store(), keys, ExportFormat::Json, one, SubmissionSelection::NotYetExported);
    REQUIRE(a.ok());
    REQUIRE(a->ids.size() == 4);
    // Not noted yet (say the file could not be written): the next export gives them again.
    std::ostringstream retry;
    CHECK(export_submissions(centre.store(), keys, ExportFormat::Json, retry, SubmissionSelection::NotYetExported)
              ->exported == 4);
    CHECK(centre.store().mark_exported(a->ids, 1700000100).value() == 4);
    CHECK(centre.store().not_exported_count().value() == 0);

    auto second = kiosk.add_submissions(enrolled.config, 2);
    sync_all();
    std::ostringstream two;
    auto b = export_submissions(centre.store(), keys, ExportFormat::Json, two, SubmissionSelection::NotYetExported);
    REQUIRE(b.ok());
    std::map<std::string, std::string> got;
    for (const auto& id : b->ids) got[id] = second.count(id) ? second.at(id) : "not new";
    CHECK(got == second);
    CHECK(centre.store().mark_exported(b->ids, 1700000200).value() == 2);
    CHECK(centre.store().mark_exported(b->ids, 1700000300).value() == 0);  // first time kept
    CHECK(centre.store().submission("" + b->ids[0]).value()->exported_at == 1700000200);

    std::ostringstream all;
    auto c = export_submissions(centre.store(), keys, ExportFormat::Json, all, SubmissionSelection::All);
    REQUIRE(c.ok());
    CHECK(c->exported == 6);
    CHECK(json::parse(all.str())[0]["urgent"].get<bool>());
}
