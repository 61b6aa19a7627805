// The field key (field_key.h): personal drafts sealed to their own row, and a wrap the database key
// cannot open is reported as damage, never replaced by a new key that would orphan the drafts.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/store/field_key.h"
#include "kiosk/store/key_file.h"
#include "kiosk/store/local_store.h"
#include "kiosk/store/schema.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;

TEST_CASE_METHOD(StoreFolder, "a personal draft's sealed bytes copied into another form's row do not open") {
    auto s = open(100);
    REQUIRE(s->personal_drafts().save("form-a", R"({"a":1})", 100).ok());
    REQUIRE(s->personal_drafts().save("form-b", R"({"b":2})", 100).ok());
    REQUIRE(s->database()
                .exec("UPDATE personal_draft SET sealed = (SELECT sealed FROM personal_draft WHERE form_url = 'form-a') "
                      "WHERE form_url = 'form-b'")
                .ok());
    CHECK(s->personal_drafts().load("form-a").value()->draft == R"({"a":1})");
    CHECK_FALSE(s->personal_drafts().load("form-b").ok());
}

TEST_CASE_METHOD(StoreFolder, "a field key the database key cannot unwrap stops the store as damaged instead of making a new one") {
    {
        auto s = open(100);
        REQUIRE(s->personal_drafts().save("form-a", R"({"a":1})", 100).ok());
        REQUIRE(s->database().exec("UPDATE field_key SET wrapped = randomblob(length(wrapped))").ok());
    }
    auto again = LocalStore::open(options, {}, 200);
    REQUIRE_FALSE(again.ok());
    CHECK(again.failure() == StoreFailure::database_damaged);
    // Nothing was replaced: the one (damaged) wrap is still the only one.
    auto key = load_key_file(options.key.key_file);
    REQUIRE(key.ok());
    OpenOptions raw;
    raw.migrations = &migrations();  // given as another schema's list: opened without the field key
    auto db = open_ok(options.key.database, *key, raw);
    auto st = db->prepare("SELECT count(*) FROM field_key");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    CHECK(st->integer(0) == 1);
}
