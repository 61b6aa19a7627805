#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <nlohmann/json.hpp>

#include "sync/protocol/device_token.h"
#include "sync/protocol/offline_bundle.h"
#include "sync/protocol/receipt.h"
#include "sync/protocol/sealed_payload.h"
#include "sync/protocol/wire.h"

using namespace carers;
using namespace carers::sync;
using Catch::Matchers::ContainsSubstring;

namespace {

WireEnvelope envelope(std::uint8_t fill) {
    WireEnvelope e;
    e.id = new_uuid();
    e.form_url = "https://carers-kiosk.example.org/fhir/Questionnaire/self-review";
    e.form_version = "1.0.0";
    e.kind = "self-review";
    e.created_at = 1700000000;
    e.sealed = Bytes(120, fill);
    e.sha256 = sha256_hex(e.sealed);
    return e;
}

std::string batch_text(std::size_t n) {
    SubmissionBatch b{new_uuid(), {}};
    for (std::size_t i = 0; i < n; ++i) b.envelopes.push_back(envelope(static_cast<std::uint8_t>(i)));
    return encode_batch(b);
}

Receipt signed_receipt(const ReceiptKeyPair& keys) {
    Receipt r{"kiosk-01", new_uuid(), 1700000100, {}, ""};
    for (int i = 0; i < 3; ++i) {
        auto e = envelope(static_cast<std::uint8_t>(i));
        r.items.push_back({e.id, e.sha256});
    }
    sign_receipt(r, keys.secret_key);
    return r;
}

}  // namespace

TEST_CASE("a batch survives encoding and decoding byte for byte") {
    SubmissionBatch b{new_uuid(), {envelope(1), envelope(2)}};
    auto decoded = decode_batch(encode_batch(b), ProtocolLimits{});
    REQUIRE(decoded.ok());
    REQUIRE(decoded->envelopes.size() == 2);
    CHECK(decoded->batch_id == b.batch_id);
    CHECK(decoded->envelopes[1].sealed == b.envelopes[1].sealed);
    CHECK(decoded->envelopes[1].sha256 == b.envelopes[1].sha256);
    CHECK(decoded->envelopes[0].form_url == b.envelopes[0].form_url);
}

TEST_CASE("malformed batches are refused with a reason and never throw") {
    ProtocolLimits limits;
    auto refuse = [&](const std::string& text, const std::string& why) {
        auto r = decode_batch(text, limits);
        INFO(text.substr(0, 200));
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.message(), ContainsSubstring(why));
    };
    refuse("", "not valid JSON");
    refuse("{\"protocol\":1,", "not valid JSON");
    refuse("[1,2,3]", "must be a JSON object");
    refuse(R"({"protocol":2,"batch_id":"x","envelopes":[]})", "protocol version 2");
    refuse(R"({"protocol":"1","batch_id":"x","envelopes":[]})", "\"protocol\" must be a whole number");
    refuse(R"({"protocol":1,"batch_id":"not-a-uuid","envelopes":[]})", "batch_id");
    refuse(R"({"protocol":1,"batch_id":")" + new_uuid() + R"(","envelopes":{}})", "must be a list");
    refuse(R"({"protocol":1,"batch_id":")" + new_uuid() + R"(","envelopes":[42]})", "not an object");
    refuse(std::string(R"({"protocol":1,"batch_id":")") + new_uuid() + "\",\"envelopes\":[],\"x\":\"\xff\xfe\"}",
           "not valid UTF-8");
    refuse(std::string(10000, '[') + std::string(10000, ']'), "nested too deeply");

    auto j = nlohmann::json::parse(batch_text(1));
    auto with = [&](const char* key, nlohmann::json value) {
        auto copy = j;
        copy["envelopes"][0][key] = std::move(value);
        return copy.dump();
    };
    refuse(with("created_at", "yesterday"), "created_at");
    refuse(with("created_at", -5), "must not be negative");
    refuse(with("sha256", "ABC"), "sha256");
    refuse(with("sealed", "***"), "not base64");
    refuse(with("kind", "Self Review!"), "kind");
    refuse(with("form_url", std::string(3000, 'a')), "form_url");
    refuse(with("id", 17), "\"id\" must be a string");
}

TEST_CASE("a batch holding the same id twice is refused whole") {
    auto e = envelope(7);
    SubmissionBatch b{new_uuid(), {e, envelope(8), e}};
    auto r = decode_batch(encode_batch(b), ProtocolLimits{});
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.message(), ContainsSubstring("twice"));
}

TEST_CASE("a batch over the count limit is refused") {
    ProtocolLimits limits;
    limits.max_batch_count = 3;
    CHECK(decode_batch(batch_text(3), limits).ok());
    auto r = decode_batch(batch_text(4), limits);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.message(), ContainsSubstring("most the centre takes at once is 3"));
}

TEST_CASE("a signed receipt verifies, and any change to it does not") {
    auto keys = generate_receipt_key_pair();
    Receipt r = signed_receipt(keys);
    REQUIRE(verify_receipt(r, keys.public_key).ok());

    SECTION("a different key") { CHECK_FALSE(verify_receipt(r, generate_receipt_key_pair().public_key).ok()); }
    SECTION("an item added") {
        auto e = envelope(9);
        r.items.push_back({e.id, e.sha256});
        CHECK_FALSE(verify_receipt(r, keys.public_key).ok());
    }
    SECTION("an item's hash changed") {
        r.items[1].sha256[0] = r.items[1].sha256[0] == 'a' ? 'b' : 'a';
        CHECK_FALSE(verify_receipt(r, keys.public_key).ok());
    }
    SECTION("another device") {
        r.device_id = "kiosk-02";
        CHECK_FALSE(verify_receipt(r, keys.public_key).ok());
    }
    SECTION("another batch") {
        r.batch_id = new_uuid();
        CHECK_FALSE(verify_receipt(r, keys.public_key).ok());
    }
    SECTION("the items in another order still verify: the text is canonical") {
        std::swap(r.items[0], r.items[2]);
        CHECK(verify_receipt(r, keys.public_key).ok());
    }
    SECTION("a signature that is not base64") {
        r.signature = "!!";
        CHECK_FALSE(verify_receipt(r, keys.public_key).ok());
    }
}

TEST_CASE("a reply with its receipt round-trips through JSON") {
    auto keys = generate_receipt_key_pair();
    BatchReply reply{new_uuid(), {}, signed_receipt(keys)};
    reply.results.push_back({reply.receipt.items[0].id, ItemStatus::Stored, ""});
    reply.results.push_back({reply.receipt.items[1].id, ItemStatus::AlreadyHeld, ""});
    reply.results.push_back({new_uuid(), ItemStatus::Rejected, "The hash does not match."});
    auto back = decode_reply(encode_reply(reply));
    REQUIRE(back.ok());
    CHECK(back->results.size() == 3);
    CHECK(back->results[2].status == ItemStatus::Rejected);
    CHECK(back->results[2].reason == "The hash does not match.");
    CHECK(verify_receipt(back->receipt, keys.public_key).ok());
}

TEST_CASE("device tokens are random, well-formed, and hashed the same way every time") {
    auto a = new_device_token();
    auto b = new_device_token();
    CHECK(a != b);
    CHECK(looks_like_device_token(a));
    CHECK_FALSE(looks_like_device_token("ck1_short"));
    CHECK_FALSE(looks_like_device_token(a.substr(0, 46) + "="));
    CHECK(token_hash(a) == token_hash(a));
    CHECK(is_sha256_hex(token_hash(a)));
}

TEST_CASE("an offline bundle opens with the right token hash and not with another") {
    auto token = new_device_token();
    OfflineBundle bundle{"kiosk-07", SubmissionBatch{new_uuid(), {envelope(3)}}};
    auto text = encode_bundle(bundle, token);
    auto opened = open_bundle(text);
    REQUIRE(opened.ok());
    CHECK(opened->device_id == "kiosk-07");
    CHECK(check_bundle_mac(*opened, token_hash(token)).ok());
    CHECK_FALSE(check_bundle_mac(*opened, token_hash(new_device_token())).ok());

    auto tampered = *opened;
    tampered.payload[tampered.payload.size() / 2] ^= 1;
    CHECK_FALSE(check_bundle_mac(tampered, token_hash(token)).ok());
    CHECK_FALSE(open_bundle("{\"format\":\"something-else\"}").ok());
}

TEST_CASE("the sealed payload carries the urgent flag, and a bare response is read as not urgent") {
    const std::string qr = R"({"resourceType":"QuestionnaireResponse","status":"completed"})";
    auto text = encode_sealed_payload({qr, true, "cy", "CEC-7F3K-92"});
    REQUIRE(text.ok());
    auto back = decode_sealed_payload(*text);
    REQUIRE(back.ok());
    CHECK(back->urgent);
    CHECK(back->language == "cy");
    CHECK(back->reference == "CEC-7F3K-92");
    CHECK(nlohmann::json::parse(back->response_json) == nlohmann::json::parse(qr));

    auto bare = decode_sealed_payload(qr);
    REQUIRE(bare.ok());
    CHECK_FALSE(bare->urgent);
    CHECK_FALSE(decode_sealed_payload(R"({"urgent":true})").ok());
    CHECK_FALSE(decode_sealed_payload(R"({"response":{"resourceType":"QuestionnaireResponse"},"urgent":"yes"})").ok());
    CHECK_FALSE(encode_sealed_payload({R"({"resourceType":"Patient"})", false, "", ""}).ok());
}
