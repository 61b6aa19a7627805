#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <nlohmann/json.hpp>

#include "sync/protocol/encoding.h"
#include "sync/protocol/kiosk_sync_config.h"

using namespace carers::sync;
using Catch::Matchers::ContainsSubstring;
using nlohmann::json;

namespace {
const std::string key32 = base64_encode(Bytes(32, 7));

json good_config() {
    return json{{"kiosk", {{"mode", "public"}}},
                {"centre", {{"name", "Carers Centre"}, {"sealing_public_key", key32}, {"phone", "01632 960 123"}}},
                {"sync",
                 {{"url", "https://centre.example.org:8443/"},
                  {"ca_file", "centre-ca.pem"},
                  {"pin", "sha256//" + key32},
                  {"receipt_public_key", key32},
                  {"device_id", "library-kiosk-1"},
                  {"batch_max_count", 50}}}};
}

std::string refusal(const json& j) {
    auto r = parse_kiosk_sync_config(j.dump(), "/etc/carers");
    REQUIRE_FALSE(r.ok());
    return r.message();
}
}  // namespace

TEST_CASE("the sync and centre sections are read, with defaults for what is left out") {
    auto r = parse_kiosk_sync_config(good_config().dump(), "/etc/carers");
    REQUIRE(r.ok());
    CHECK(r->sync.url == "https://centre.example.org:8443");
    CHECK(r->sync.ca_file == "/etc/carers/centre-ca.pem");
    CHECK(r->sync.device_id == "library-kiosk-1");
    CHECK(r->sync.batch_max_count == 50);
    CHECK(r->sync.batch_max_bytes == 4u * 1024 * 1024);
    CHECK_FALSE(r->sync.gzip);
    CHECK(r->sync.auto_sync_minutes == 15);
    CHECK(r->centre.sealing_public_key[0] == 7);
    CHECK(r->sync.receipt_public_key[31] == 7);
}

TEST_CASE("a kiosk config that would send in the clear or trust anyone is refused") {
    auto j = good_config();
    j["sync"]["url"] = "http://centre.example.org";
    CHECK_THAT(refusal(j), ContainsSubstring("https://"));
    j = good_config();
    j["sync"]["pin"] = "md5//abc";
    CHECK_THAT(refusal(j), ContainsSubstring("pin"));
    j = good_config();
    j["sync"]["receipt_public_key"] = base64_encode(Bytes(16, 1));
    CHECK_THAT(refusal(j), ContainsSubstring("receipt_public_key"));
    j = good_config();
    j["sync"].erase("receipt_public_key");
    CHECK_THAT(refusal(j), ContainsSubstring("receipt_public_key"));
}

TEST_CASE("typos, wrong types and out-of-range numbers in the sync section are named") {
    auto j = good_config();
    j["sync"]["batch_max_cuont"] = 10;
    CHECK_THAT(refusal(j), ContainsSubstring("unknown key \"batch_max_cuont\""));
    j = good_config();
    j["sync"]["batch_max_count"] = "many";
    CHECK_THAT(refusal(j), ContainsSubstring("batch_max_count"));
    j = good_config();
    j["sync"]["batch_max_count"] = 0;
    CHECK_THAT(refusal(j), ContainsSubstring("between 1 and 1000"));
    j = good_config();
    j["sync"]["auto_sync_minutes"] = -5;
    CHECK_THAT(refusal(j), ContainsSubstring("between 0 and 1440"));
    j = good_config();
    j["sync"]["device_id"] = "kiosk one\n";
    CHECK_THAT(refusal(j), ContainsSubstring("device_id"));
    j = good_config();
    j["sync"]["device_token"] = "ck1_secret";
    CHECK_THAT(refusal(j), ContainsSubstring("unknown key \"device_token\""));
    j = good_config();
    j.erase("centre");
    CHECK_THAT(refusal(j), ContainsSubstring("\"centre\" section"));
}
