// Every decoder that reads what crosses a network or a USB stick, fed thousands of damaged copies
// of a valid document (bytes flipped, cut, dropped, doubled, inserted). None may crash or throw
// (the test command runs this under ASan/UBSan); and damage must never yield a receipt that
// verifies for something it did not sign, nor a bundle whose MAC passes with other contents.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <random>

#include <nlohmann/json.hpp>

#include "kiosk/common/result.h"
#include "sync/protocol/device_token.h"
#include "sync/protocol/kiosk_sync_config.h"
#include "sync/protocol/offline_bundle.h"
#include "sync/protocol/receipt.h"
#include "sync/protocol/sealed_payload.h"
#include "sync/protocol/wire.h"

using namespace carers;
using namespace carers::sync;

namespace {

constexpr int rounds = 3000;

WireEnvelope envelope(std::uint8_t fill) {
    WireEnvelope e;
    e.id = new_uuid();
    e.form_url = "https://carers-kiosk.example.org/fhir/Questionnaire/self-review";
    e.form_version = "1.0.0";
    e.kind = "self-review";
    e.created_at = 1700000000 + fill;
    e.sealed = Bytes(90, fill);
    e.sha256 = sha256_hex(e.sealed);
    return e;
}

// One random kind of damage; sometimes several at once.
std::string damaged(const std::string& text, std::mt19937& rng) {
    std::string s = text;
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n)(rng); };
    static const std::string interesting = "{}[]\",:\\0123456789-eE.tfn \xff\xc3\x80";
    int times = 1 + static_cast<int>(pick(2));
    for (int t = 0; t < times && !s.empty(); ++t) {
        std::size_t at = pick(s.size() - 1);
        switch (pick(5)) {
        case 0: s[at] = static_cast<char>(pick(255)); break;
        case 1: s[at] = interesting[pick(interesting.size() - 1)]; break;
        case 2: s.resize(at); break;
        case 3: s.erase(at, 1 + pick(std::min<std::size_t>(40, s.size() - at - 1))); break;
        case 4: s.insert(at, s.substr(pick(s.size() - 1), 1 + pick(30))); break;
        default: s.insert(at, 1, interesting[pick(interesting.size() - 1)]); break;
        }
    }
    return s;
}

// Feeds `rounds` damaged copies to `decode`; returns how many it accepted.
int fuzz(const std::string& valid, std::uint32_t seed, const std::function<bool(const std::string&)>& decode) {
    std::mt19937 rng(seed);
    int accepted = 0;
    for (int i = 0; i < rounds; ++i) {
        std::string input = damaged(valid, rng);
        bool ok = false;
        try {
            ok = decode(input);
        } catch (const std::exception& e) {
            FAIL("threw on damaged input: " << e.what());
        }
        accepted += ok ? 1 : 0;
    }
    return accepted;
}

}  // namespace

TEST_CASE("damaged batches never crash the centre's decoder, and what it accepts is still well-formed") {
    SubmissionBatch b{new_uuid(), {envelope(1), envelope(2), envelope(3)}};
    const std::string valid = encode_batch(b);
    REQUIRE(decode_batch(valid, ProtocolLimits{}).ok());
    int accepted = fuzz(valid, 1, [](const std::string& text) {
        auto r = decode_batch(text, ProtocolLimits{});
        if (!r) {
            CHECK_FALSE(r.message().empty());
            return false;
        }
        for (const auto& e : r->envelopes) {  // accepted means every field passed its check
            CHECK(e.id.size() == 36);
            CHECK(e.sha256.size() == 64);
            CHECK(e.created_at >= 0);
        }
        return true;
    });
    CHECK(accepted < rounds);  // the damage is real: most copies are refused
}

TEST_CASE("a damaged centre reply never crashes the kiosk and never verifies for other items") {
    auto keys = generate_receipt_key_pair();
    BatchReply reply;
    reply.batch_id = new_uuid();
    for (int i = 0; i < 3; ++i) {
        auto e = envelope(static_cast<std::uint8_t>(i));
        reply.results.push_back({e.id, ItemStatus::Stored, ""});
        reply.receipt.items.push_back({e.id, e.sha256});
    }
    reply.receipt.device_id = "kiosk-01";
    reply.receipt.batch_id = reply.batch_id;
    reply.receipt.issued_at = 1700000100;
    sign_receipt(reply.receipt, keys.secret_key);
    const std::string valid = encode_reply(reply);
    const auto genuine = reply.receipt;

    auto check_reply = [&](const Result<BatchReply>& r) {
        if (!r) return false;
        if (verify_receipt(r->receipt, keys.public_key).ok()) {
            // Only damage outside the signed text (spacing, the per-item results) may pass.
            CHECK(r->receipt.items == genuine.items);
            CHECK(r->receipt.device_id == genuine.device_id);
            CHECK(r->receipt.batch_id == genuine.batch_id);
            CHECK(r->receipt.issued_at == genuine.issued_at);
        }
        return true;
    };
    fuzz(valid, 2, [&](const std::string& text) { return check_reply(decode_reply(text)); });
    fuzz(encode_receipts_file(reply), 3, [&](const std::string& text) { return check_reply(decode_receipts_file(text)); });
    fuzz(encode_error("The centre is busy."), 4, [](const std::string& text) {
        (void)decode_error_reply(text);
        return true;
    });
}

TEST_CASE("a damaged offline bundle never crashes the import, and its MAC passes only for its own contents") {
    auto token = new_device_token();
    OfflineBundle bundle{"kiosk-01", SubmissionBatch{new_uuid(), {envelope(4), envelope(5)}}};
    const std::string valid = encode_bundle(bundle, token);
    auto genuine = open_bundle(valid);
    REQUIRE(genuine.ok());
    REQUIRE(check_bundle_mac(*genuine, token_hash(token)).ok());
    fuzz(valid, 5, [&](const std::string& text) {
        auto opened = open_bundle(text);
        if (!opened) return false;
        if (check_bundle_mac(*opened, token_hash(token)).ok()) CHECK(opened->payload == genuine->payload);
        (void)decode_batch(opened->payload, ProtocolLimits{});
        return true;
    });
}

TEST_CASE("a damaged sealed payload or kiosk config is refused with a reason, never a crash") {
    auto payload = encode_sealed_payload(
        {R"({"resourceType":"QuestionnaireResponse","status":"completed","item":[]})", true, "en", "CEC-7F3K-92"});
    REQUIRE(payload.ok());
    fuzz(*payload, 6, [](const std::string& text) { return decode_sealed_payload(text).ok(); });

    const std::string key = base64_encode(Bytes(32, 7));
    nlohmann::json config{{"centre", {{"name", "Carers Centre"}, {"sealing_public_key", key}}},
                          {"sync",
                           {{"url", "https://centre.example.org:8443"},
                            {"pin", "sha256//" + key},
                            {"receipt_public_key", key},
                            {"device_id", "library-kiosk-1"},
                            {"batch_max_count", 50},
                            {"auto_sync_minutes", 15}}}};
    int accepted = fuzz(config.dump(), 7, [](const std::string& text) {
        auto r = parse_kiosk_sync_config(text, "/etc/carers");
        if (r) CHECK(r->sync.url.rfind("https://", 0) == 0);  // damage never turns it into plain http
        else CHECK_FALSE(r.message().empty());
        return r.ok();
    });
    CHECK(accepted < rounds);
}
