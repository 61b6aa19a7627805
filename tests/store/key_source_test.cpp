#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <sys/stat.h>

#include "kiosk/store/key_file.h"
#include "kiosk/store/key_record.h"
#include "kiosk/store/key_source.h"
#include "kiosk/store/local_store.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

void write_private(const std::filesystem::path& p, const std::string& bytes) {
    test::write_file(p, bytes);
    chmod(p.c_str(), 0600);
}


// A staff member at the keyboard: answers each prompt with the next passphrase in the list and
// remembers what they were asked.
struct ScriptedStaff {
    std::vector<std::string> answers;
    std::vector<PassphraseRequest> asked;
    PassphraseProvider provider() {
        return [this](const PassphraseRequest& r) -> std::optional<std::string> {
            asked.push_back(r);
            if (asked.size() > answers.size()) return std::nullopt;
            return answers[asked.size() - 1];
        };
    }
};

std::vector<std::string> audit_lines(LocalStore& s) {
    auto entries = recent_audit(s.database(), 100);
    REQUIRE(entries.ok());
    std::vector<std::string> out;
    for (auto it = entries->rbegin(); it != entries->rend(); ++it) out.push_back(it->event + " " + it->subject);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

TEST_CASE("on first run a private key file and a key record are made, and the store reopens with them") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    {
        auto s = open_store_ok(o);
        CHECK(s->key_source() == KeySource::key_file);
    }
    struct stat st {};
    REQUIRE(stat(o.key.key_file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    auto record = read_key_record(o.key.database);
    REQUIRE(record.ok());
    REQUIRE(record->has_value());
    CHECK_FALSE((*record)->from_passphrase);
    auto s = open_store_ok(o);
    CHECK(contains(audit_lines(*s), "started key-file"));
}

TEST_CASE("a systemd credential is used before a key file") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    std::filesystem::create_directory(dir / "creds");
    SecretKey credential = SecretKey::random();
    write_private(dir / "creds" / "carers-kiosk-db-key", key_bytes(credential));
    o.key.credentials_directory = dir / "creds";
    o.key.key_file.clear();
    { open_store_ok(o); }

    // A different key file appears; the credential still wins.
    o.key.key_file = dir / "kiosk.key";
    write_private(o.key.key_file, key_bytes(SecretKey::random()));
    {
        auto s = open_store_ok(o);
        CHECK(s->key_source() == KeySource::credential);
        CHECK(contains(audit_lines(*s), "started credential"));
    }

    // Without the credential, the stray key file is refused as the wrong key before it is tried.
    o.key.credentials_directory.clear();
    auto wrong = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(wrong.ok());
    CHECK(wrong.failure() == StoreFailure::key_wrong);
    CHECK(wrong.exit_code() == 12);
    CHECK_THAT(wrong.message(), ContainsSubstring("key file"));
}

TEST_CASE("a credential of the wrong length is refused, not skipped") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    std::filesystem::create_directory(dir / "creds");
    write_private(dir / "creds" / "carers-kiosk-db-key", "not a key\n");
    o.key.credentials_directory = dir / "creds";
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::key_refused);
    CHECK_THAT(r.message(), ContainsSubstring("32 bytes"));
    CHECK_FALSE(std::filesystem::exists(o.key.key_file));
}

TEST_CASE("a key file others can read is refused with exit code 11") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    { open_store_ok(o); }
    chmod(o.key.key_file.c_str(), 0644);
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::key_refused);
    CHECK(r.exit_code() == 11);
    CHECK_THAT(r.message(), ContainsSubstring("chmod 600"));
}

TEST_CASE("a database whose key file went missing is not given a new key") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    {
        auto s = open_store_ok(o);
        REQUIRE(s->outbox().submit({"u", "1", "am-i-a-carer", "{}"}, CentreKeys().pk, 1).ok());
    }
    std::filesystem::remove(o.key.key_file);
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::key_missing);
    CHECK(r.exit_code() == 10);
    CHECK_THAT(r.message(), ContainsSubstring("exists but its key was not found"));
    CHECK_FALSE(std::filesystem::exists(o.key.key_file));
}

TEST_CASE("a database that vanished while its key record remains is reported, not silently recreated") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    { open_store_ok(o); }
    std::filesystem::remove(o.key.database);
    test::write_file(o.key.database, "");  // truncated to nothing
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::database_damaged);
    CHECK(r.exit_code() == 13);
    CHECK_THAT(r.message(), ContainsSubstring("remove the key record"));
}

TEST_CASE("a staff passphrase is chosen on first run, then typed at each start; wrong tries are audited") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    o.key.key_file.clear();
    o.key.new_key = NewKey::passphrase;
    {
        ScriptedStaff staff{{"short", "correct horse battery"}, {}};
        auto s = open_store_ok(o, 1, staff.provider());
        CHECK(s->key_source() == KeySource::passphrase);
        REQUIRE(staff.asked.size() == 2);
        CHECK(staff.asked[0].choosing_new);
        CHECK_THAT(staff.asked[1].problem, ContainsSubstring("at least 10 characters"));
    }
    auto record = read_key_record(o.key.database);
    REQUIRE((record.ok() && record->has_value()));
    CHECK((*record)->from_passphrase);
    CHECK((*record)->limits.ops == KdfLimits::test_minimum().ops);
    CHECK(test::read_file(key_record_path(o.key.database)).find("correct horse") == std::string::npos);

    ScriptedStaff staff{{"wrong passphrase", "correct horse battery"}, {}};
    auto s = open_store_ok(o, 2, staff.provider());
    REQUIRE(staff.asked.size() == 2);
    CHECK_FALSE(staff.asked[0].choosing_new);
    CHECK(staff.asked[1].problem == "That passphrase is not right.");
    auto log = audit_lines(*s);
    CHECK(contains(log, "staff-login-failed passphrase"));
    CHECK(contains(log, "staff-login-ok passphrase"));
    CHECK(contains(log, "started passphrase"));
}

TEST_CASE("three wrong passphrases give key_wrong, and a cancelled prompt gives key_missing") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    o.key.key_file.clear();
    o.key.new_key = NewKey::passphrase;
    {
        ScriptedStaff staff{{"correct horse battery"}, {}};
        open_store_ok(o, 1, staff.provider());
    }
    ScriptedStaff wrong{{"nope nope nope", "still wrong!!", "third time no"}, {}};
    auto r = LocalStore::open(o, wrong.provider(), 2);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::key_wrong);
    CHECK(wrong.asked.size() == 3);

    ScriptedStaff cancels{{}, {}};
    auto c = LocalStore::open(o, cancels.provider(), 2);
    REQUIRE_FALSE(c.ok());
    CHECK(c.failure() == StoreFailure::key_missing);

    auto none = LocalStore::open(o, {}, 2);
    REQUIRE_FALSE(none.ok());
    CHECK(none.failure() == StoreFailure::key_missing);
}

TEST_CASE("a damaged key record is reported as damage") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    { open_store_ok(o); }
    test::write_file(key_record_path(o.key.database), "carers-kiosk-key-record 1\nsource random\ncheck 12\n");
    auto r = LocalStore::open(o, {}, 1);
    REQUIRE_FALSE(r.ok());
    CHECK(r.failure() == StoreFailure::database_damaged);
    CHECK_THAT(r.message(), ContainsSubstring("key record"));
}

TEST_CASE("a database made before key records gets one once its key has opened it") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    auto key = load_or_create_key_file(o.key.key_file);
    REQUIRE(key.ok());
    { open_ok(o.key.database, *key); }
    REQUIRE_FALSE(std::filesystem::exists(key_record_path(o.key.database)));
    { open_store_ok(o); }
    auto record = read_key_record(o.key.database);
    REQUIRE((record.ok() && record->has_value()));
    CHECK(key_matches(**record, *key));
}

TEST_CASE("a crash between choosing a passphrase and making the database does not lock the kiosk out") {
    test::TempDir dir;
    auto o = fast_options(dir.path());
    o.key.key_file.clear();
    o.key.new_key = NewKey::passphrase;
    ScriptedStaff first{{"correct horse battery"}, {}};
    REQUIRE(resolve_database_key(o.key, first.provider()).ok());  // ... and the power goes
    REQUIRE(std::filesystem::exists(key_record_path(o.key.database)));
    CHECK_FALSE((*read_key_record(o.key.database))->database_made);

    ScriptedStaff again{{"correct horse battery"}, {}};
    { open_store_ok(o, 1, again.provider()); }
    CHECK_FALSE(again.asked.front().choosing_new);  // the chosen passphrase stands
    CHECK((*read_key_record(o.key.database))->database_made);
}
