#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <sodium.h>
#include <sys/stat.h>

#include "kiosk/store/database.h"
#include "kiosk/store/key_file.h"
#include "kiosk/store/outbox.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

const char* const marker = "MARKER-7f3a9c-Zoë-Ångström";

Submission response_with_marker() {
    return Submission{"https://carers-kiosk.example.org/fhir/Questionnaire/am-i-a-carer", "1.0.0", "am-i-a-carer",
                      std::string(R"({"resourceType":"QuestionnaireResponse","item":[{"linkId":"name","answer":[{"valueString":")") +
                          marker + R"("}]}]})"};
}

}  // namespace

TEST_CASE("a saved response leaves no trace of its text in the database, -wal or -shm files") {
    test::TempDir dir;
    CentreKeys centre;
    SecretKey key = SecretKey::random();
    {
        auto db = open_ok(dir / "kiosk.db", key);
        Outbox outbox(*db);
        auto id = outbox.submit(response_with_marker(), centre.pk, 1700000000);
        REQUIRE(id.ok());
        // Checked while open too: the WAL holds the newest pages until a checkpoint.
        for (const char* f : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"}) CHECK_FALSE(test::file_contains(dir / f, marker));
        CHECK_FALSE(test::file_contains(dir / "kiosk.db", "SQLite format 3"));
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
        CHECK_FALSE(test::file_contains(entry.path(), marker));
}

TEST_CASE("with the right key the envelope comes back, and only the centre's key opens it") {
    test::TempDir dir;
    CentreKeys centre;
    SecretKey key = SecretKey::random();
    std::string id;
    {
        auto db = open_ok(dir / "kiosk.db", key);
        auto r = Outbox(*db).submit(response_with_marker(), centre.pk, 1700000000);
        REQUIRE(r.ok());
        id = r.value();
    }
    auto db = open_ok(dir / "kiosk.db", key);
    auto pending = Outbox(*db).pending(10, 1 << 20);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 1);
    const OutboxEnvelope& e = pending->front();
    CHECK(e.id == id);
    CHECK(e.kind == "am-i-a-carer");
    CHECK(e.sha256 == sha256_hex(e.sealed));
    CHECK(std::string(e.sealed.begin(), e.sealed.end()).find(marker) == std::string::npos);

    auto opened = open_sealed(e.sealed, centre.pk, centre.sk);
    REQUIRE(opened.ok());
    CHECK_THAT(opened.value(), ContainsSubstring(marker));

    CentreKeys thief;
    CHECK_FALSE(open_sealed(e.sealed, thief.pk, thief.sk).ok());
}

TEST_CASE("opening with a wrong key fails with a clear message, not a crash") {
    test::TempDir dir;
    {
        auto db = open_ok(dir / "kiosk.db", SecretKey::random());
        REQUIRE(Outbox(*db).submit(response_with_marker(), CentreKeys().pk, 1).ok());
    }
    auto wrong = Database::open(dir / "kiosk.db", SecretKey::random());
    REQUIRE_FALSE(wrong.ok());
    CHECK_THAT(wrong.message(), ContainsSubstring("cannot be opened with this key"));
}

TEST_CASE("a truncated or garbage database file gives a message, not a crash") {
    test::TempDir dir;
    SecretKey key = SecretKey::random();
    {
        auto db = open_ok(dir / "kiosk.db", key);
        REQUIRE(Outbox(*db).submit(response_with_marker(), CentreKeys().pk, 1).ok());
    }
    std::string bytes = test::read_file(dir / "kiosk.db");
    test::write_file(dir / "kiosk.db", bytes.substr(0, 1500));
    std::filesystem::remove(dir / "kiosk.db-wal");
    auto truncated = Database::open(dir / "kiosk.db", key);
    CHECK_FALSE(truncated.ok());

    test::write_file(dir / "garbage.db", std::string(8192, 'g'));
    auto garbage = Database::open(dir / "garbage.db", key);
    REQUIRE_FALSE(garbage.ok());
    CHECK_THAT(garbage.message(), ContainsSubstring("garbage.db"));
}

TEST_CASE("the store runs on SQLCipher 4, never plain SQLite") {
    test::TempDir dir;
    auto db = open_ok(dir / "kiosk.db", SecretKey::random());
    CHECK(db->cipher_version().rfind("4.", 0) == 0);
    CHECK(db->schema_version() >= 1);
}

TEST_CASE("a key file is created private, and reused") {
    test::TempDir dir;
    auto first = load_or_create_key_file(dir / "kiosk.key");
    REQUIRE(first.ok());
    struct stat st {};
    REQUIRE(stat((dir / "kiosk.key").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(st.st_size == 32);
    auto again = load_or_create_key_file(dir / "kiosk.key");
    REQUIRE(again.ok());
    CHECK(std::equal(first->data(), first->data() + 32, again->data()));
}

TEST_CASE("a key file readable by group or others is refused, saying how to fix it") {
    test::TempDir dir;
    REQUIRE(load_or_create_key_file(dir / "kiosk.key").ok());
    chmod((dir / "kiosk.key").c_str(), 0640);
    auto r = load_or_create_key_file(dir / "kiosk.key");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.message(), ContainsSubstring("chmod 600"));
    chmod((dir / "kiosk.key").c_str(), 0604);
    CHECK_FALSE(load_key_file(dir / "kiosk.key").ok());
}

TEST_CASE("a key file of the wrong length is refused as damaged") {
    test::TempDir dir;
    test::write_file(dir / "kiosk.key", "short");
    chmod((dir / "kiosk.key").c_str(), 0600);
    auto r = load_key_file(dir / "kiosk.key");
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.message(), ContainsSubstring("32 bytes"));
}

TEST_CASE("confirmed envelopes leave the outbox and the audit log says so without content") {
    test::TempDir dir;
    CentreKeys centre;
    auto db = open_ok(dir / "kiosk.db", SecretKey::random());
    Outbox outbox(*db);
    auto a = outbox.submit(response_with_marker(), centre.pk, 1);
    auto b = outbox.submit(response_with_marker(), centre.pk, 2);
    REQUIRE((a.ok() && b.ok()));
    auto pending = outbox.pending(10, 1 << 20);
    REQUIRE(pending->size() == 2);
    // A wrong hash confirms nothing.
    REQUIRE(outbox.remove_confirmed({{a.value(), "00"}}, 3).ok());
    CHECK(outbox.count().value() == 2);
    REQUIRE(outbox.remove_confirmed({{(*pending)[0].id, (*pending)[0].sha256}}, 3).ok());
    CHECK(outbox.count().value() == 1);
    auto st = db->prepare("SELECT group_concat(event || ':' || subject, ' ') FROM audit_log");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    std::string log = st->text(0);
    CHECK_THAT(log, ContainsSubstring("submitted:") && ContainsSubstring("purged:"));
    CHECK(log.find(marker) == std::string::npos);
}

TEST_CASE("sha256_hex is standard SHA-256, as the centre's receipts name a submission (FIPS 180-2 vectors)") {
    auto of = [](const std::string& s) { return sha256_hex(std::vector<std::uint8_t>(s.begin(), s.end())); };
    CHECK(of("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(of("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    // A million bytes: the long multi-block path.
    std::vector<std::uint8_t> big(1'000'000, 'a');
    CHECK(sha256_hex(big) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}
