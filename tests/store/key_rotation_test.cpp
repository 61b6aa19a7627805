// Changing the database key, and a change cut short at each step being finished or undone at the
// next start (key_rotation.h). The SIGKILL version is in crash_test.cpp.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <sys/stat.h>

#include "kiosk/store/field_key.h"
#include "kiosk/store/key_file.h"
#include "kiosk/store/key_record.h"
#include "kiosk/store/key_rotation.h"
#include "kiosk/store/local_store.h"
#include "tests/store/decrypted_pages.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

const std::string parked_json = R"({"answers":{"notes":"REKEY-PARKED-7"}})";

struct Filled {
    std::string parked_code;
};

// A store with something of every kind in it: submissions, a personal draft, a parked draft.
Filled fill(LocalStore& s, const CentreKeys& centre) {
    for (int i = 0; i < 20; ++i)
        REQUIRE(s.outbox().submit({"https://forms/self-review", "1", "self-review", "{\"n\":" + std::to_string(i) + "}"},
                                  centre.pk, 100 + i)
                    .ok());
    REQUIRE(s.personal_drafts().save("form-a", R"({"step":4})", 130).ok());
    auto ticket = s.parked_drafts().save(parked_json, "lighthouse", 131);
    REQUIRE(ticket.ok());
    return {ticket->code};
}

// Everything fill() put there is there, intact, and the file is sound.
void check_filled(LocalStore& s, const CentreKeys& centre, const Filled& f) {
    auto pending = s.outbox().pending(100, 1 << 20);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 20);
    for (const auto& e : *pending) CHECK(open_sealed(e.sealed, centre.pk, centre.sk).ok());
    auto draft = s.personal_drafts().load("form-a");
    REQUIRE(draft.ok());
    REQUIRE(draft->has_value());
    CHECK((*draft)->draft == R"({"step":4})");
    auto resumed = s.parked_drafts().resume(f.parked_code, "lighthouse", 200);
    REQUIRE(resumed.ok());
    CHECK(resumed->status == ResumeStatus::opened);
    CHECK(resumed->draft == parked_json);
    CHECK(s.database().integrity_problems(true).value().empty());
    CHECK(s.database().cipher_problems().value().empty());
}

}  // namespace

TEST_CASE_METHOD(StoreFolder, "changing the key re-encrypts the store: the old key no longer opens it, the new one does, nothing is lost") {
    Filled f;
    {
        auto s = open(100);
        f = fill(*s, centre);
    }
    auto old_key = load_key_file(options.key.key_file).value();
    {
        auto s = open(150);
        REQUIRE(s->database().checkpoint().ok());
        // The scan can fail: the old key reads the envelopes in the file now.
        REQUIRE(decrypted_pages(options.key.database, old_key).find("https://forms/self-review") != std::string::npos);
        REQUIRE(s->change_key({}, 151).ok());
        CHECK(audited(s->database(), "key-changed", "key-file"));
        check_filled(*s, centre, f);  // the open store goes on working under the new key
    }
    auto new_key = load_key_file(options.key.key_file).value();
    CHECK(key_bytes(new_key) != key_bytes(old_key));
    struct stat st {};
    REQUIRE(stat(options.key.key_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK_FALSE(std::filesystem::exists(next_key_file_path(options.key.key_file)));
    auto record = read_key_record(options.key.database).value();
    REQUIRE(record.has_value());
    CHECK(key_matches(*record, new_key));
    CHECK_FALSE(record->next.has_value());
    // The checkpoint after re-encrypting leaves no page under the old key in the -wal file.
    const std::filesystem::path wal = options.key.database.string() + "-wal";
    CHECK((!std::filesystem::exists(wal) || std::filesystem::file_size(wal) == 0));

    auto with_old = Database::open(options.key.database, old_key);
    CHECK(with_old.failure() == StoreFailure::key_wrong);
    // No page was left under the old key: decrypting every page with it shows nothing.
    CHECK(decrypted_pages(options.key.database, old_key).find("https://forms/self-review") == std::string::npos);
    CHECK(decrypted_pages(options.key.database, new_key).find("https://forms/self-review") != std::string::npos);
    auto s = open(300);
    check_filled(*s, centre, f);
}

TEST_CASE_METHOD(StoreFolder, "a passphrase store changes to a new passphrase, and only the new one opens it") {
    options.key.key_file.clear();
    options.key.new_key = NewKey::passphrase;
    Filled f;
    {
        auto s = open(100, typed_passphrases({"first passphrase 1"}));
        f = fill(*s, centre);
        // Too short first, then a good one.
        auto changed = s->change_key(typed_passphrases({"short", "second passphrase 2"}), 150);
        INFO((changed.ok() ? "" : changed.message()));
        REQUIRE(changed.ok());
        CHECK(audited(s->database(), "key-changed", "passphrase"));
    }
    auto old = LocalStore::open(options, typed_passphrases({"first passphrase 1", "first passphrase 1", "first passphrase 1"}), 200);
    CHECK(old.failure() == StoreFailure::key_wrong);
    auto s = open(200, typed_passphrases({"second passphrase 2"}));
    check_filled(*s, centre, f);
    CHECK(s->change_key({}, 201).failure() == StoreFailure::key_missing);  // nobody to ask: nothing changes
    s.reset();
    open(202, typed_passphrases({"second passphrase 2"}));
}

TEST_CASE_METHOD(StoreFolder, "a store under a systemd credential is not re-keyed, and says how to do it") {
    { open(); }
    std::filesystem::create_directories(dir / "creds");
    std::filesystem::copy_file(options.key.key_file, dir / "creds" / "carers-kiosk-db-key");
    options.key.credentials_directory = dir / "creds";
    auto s = open();
    REQUIRE(s->key_source() == KeySource::credential);
    auto refused = s->change_key({}, 1);
    CHECK(refused.failure() == StoreFailure::key_refused);
    CHECK_THAT(refused.message(), ContainsSubstring("Changing the key"));
}

TEST_CASE_METHOD(StoreFolder, "a key change cut short before the database was re-encrypted is undone at the next start") {
    Filled f;
    {
        auto s = open(100);
        f = fill(*s, centre);
    }
    auto old_key = load_key_file(options.key.key_file).value();
    // Steps 1 and 2 done, then the power went.
    SecretKey next = SecretKey::random();
    REQUIRE(write_new_key_file(next_key_file_path(options.key.key_file), next).ok());
    auto record = *read_key_record(options.key.database).value();
    record.next = PendingKey{false, {}, {}, key_check_value(next)};
    REQUIRE(write_key_record(options.key.database, record).ok());

    auto s = open(150);
    CHECK(audited(s->database(), "key-changed", "undone-after-stop"));
    check_filled(*s, centre, f);
    CHECK(key_bytes(load_key_file(options.key.key_file).value()) == key_bytes(old_key));
    CHECK_FALSE(std::filesystem::exists(next_key_file_path(options.key.key_file)));
    CHECK_FALSE(read_key_record(options.key.database).value()->next.has_value());
}

TEST_CASE_METHOD(StoreFolder, "a key change cut short after the database was re-encrypted is finished at the next start") {
    Filled f;
    {
        auto s = open(100);
        f = fill(*s, centre);
    }
    auto old_key = load_key_file(options.key.key_file).value();
    SecretKey next = SecretKey::random();
    REQUIRE(write_new_key_file(next_key_file_path(options.key.key_file), next).ok());
    auto record = *read_key_record(options.key.database).value();
    record.next = PendingKey{false, {}, {}, key_check_value(next)};
    REQUIRE(write_key_record(options.key.database, record).ok());
    {
        // Step 3 committed (the field key wrapped under the new key first, as change_key does),
        // then the power went before the key file moved.
        auto db = open_ok(options.key.database, old_key);
        REQUIRE(add_field_key_wrap(*db, next).ok());
        REQUIRE(db->rekey(next).ok());
    }
    REQUIRE(Database::open(options.key.database, old_key).failure() == StoreFailure::key_wrong);

    SECTION("with the new key file still beside the old one") {}
    SECTION("with the new key file already moved into place") {
        REQUIRE(replace_key_file(next_key_file_path(options.key.key_file), options.key.key_file).ok());
    }
    auto s = open(150);
    CHECK(audited(s->database(), "key-changed", "finished-after-stop"));
    check_filled(*s, centre, f);
    CHECK(key_bytes(load_key_file(options.key.key_file).value()) == key_bytes(next));
    CHECK_FALSE(std::filesystem::exists(next_key_file_path(options.key.key_file)));
    auto after = read_key_record(options.key.database).value();
    CHECK(key_matches(*after, next));
    CHECK_FALSE(after->next.has_value());
}

TEST_CASE_METHOD(StoreFolder, "a passphrase change cut short after re-encrypting opens with the new passphrase and asks for it by name") {
    options.key.key_file.clear();
    options.key.new_key = NewKey::passphrase;
    { open(100, typed_passphrases({"first passphrase 1"})); }
    auto record = *read_key_record(options.key.database).value();
    auto old_key = derive_key("first passphrase 1", record.salt, record.limits).value();
    PendingKey next{true, random_salt(), KdfLimits::test_minimum(), {}};
    auto new_key = derive_key("second passphrase 2", next.salt, next.limits).value();
    next.check = key_check_value(new_key);
    record.next = next;
    REQUIRE(write_key_record(options.key.database, record).ok());
    {
        auto db = open_ok(options.key.database, old_key);
        REQUIRE(add_field_key_wrap(*db, new_key).ok());
        REQUIRE(db->rekey(new_key).ok());
    }
    auto with_old = LocalStore::open(options, typed_passphrases({"first passphrase 1"}), 150);
    CHECK(with_old.failure() == StoreFailure::key_wrong);
    CHECK_THAT(with_old.message(), ContainsSubstring("was being changed"));
    auto s = open(151, typed_passphrases({"second passphrase 2"}));
    CHECK(audited(s->database(), "key-changed", "finished-after-stop"));
    CHECK(key_matches(*read_key_record(options.key.database).value(), new_key));
}
