// Nothing personal is left in the kiosk's memory by the store: with SQLCipher's memory security
// off (it is, by default), a personal draft and the device token, saved, read back, the store
// closed and opened again and read once more, leave no copy anywhere in this process's writable
// memory once the test has wiped its own buffers — not in SQLite's page cache or freed heap, since
// they were sealed (field_key.h) before SQLite saw them. A setting that is not sealed is found
// (the scan can fail).
//
// Memory security is process-wide, so the scan runs in a new process of this test binary.
#include <catch2/catch_test_macros.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/local_store.h"
#include "tests/store/memory_scan.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;

namespace {

constexpr const char* test_name = "a personal draft and the device token leave no copy in memory once the store is closed";
constexpr const char* child_variable = "CARERS_MEMORY_RESIDUE_CHILD";

std::int64_t memory_security_now(Database& db) {
    auto st = db.prepare("PRAGMA cipher_memory_security");
    REQUIRE(st.ok());
    REQUIRE(st->step().value());
    return st->integer(0);
}

// The markers in clear only inside `text` (reserved first, so no reallocation leaves a copy).
std::string with_marker(const char* before, const MaskedMarker& m, const char* after) {
    std::string text;
    text.reserve(256);
    text += before;
    m.append_to(text);
    text += after;
    return text;
}

std::string describe(const MemoryScan& scan) {
    std::string s = std::to_string(scan.bytes_scanned) + " bytes scanned, " + std::to_string(scan.regions_skipped) +
                    " huge mappings skipped; found in:";
    for (const auto& f : scan.found) s += "\n  " + f;
    return s;
}

void run_in_child() {
    StoreFolder folder;
    const MaskedMarker draft_marker("RESIDUE-DRAFT-"), token_marker("RESIDUE-TOKEN-"), plain_marker("RESIDUE-PLAIN-");
    {
        auto s = folder.open(100);
        REQUIRE(memory_security_now(s->database()) == 0);  // or the scan would show SQLite wiping, not sealing
        // Saved twice, as a carer going from page to page saves it.
        for (int i = 0; i < 2; ++i)
            REQUIRE(s->personal_drafts()
                        .save("form-residue", with_marker(R"({"notes":")", draft_marker, R"("})"), 101 + i)
                        .ok());
        std::string token = with_marker("ck1_", token_marker, "");
        REQUIRE(s->settings().set("sync.device_token", token).ok());
        secure_wipe(token);
        auto loaded = s->personal_drafts().load("form-residue");
        REQUIRE(loaded.ok());
        REQUIRE(loaded->has_value());
        CHECK(draft_marker.occurs_in((*loaded)->draft));
        secure_wipe((*loaded)->draft);
    }
    {
        auto s = folder.open(200);
        auto latest = s->personal_drafts().latest();
        REQUIRE(latest.ok());
        REQUIRE(latest->has_value());
        CHECK(draft_marker.occurs_in((*latest)->draft));
        secure_wipe((*latest)->draft);
        auto token = s->settings().get("sync.device_token");
        REQUIRE(token.ok());
        REQUIRE(token->has_value());
        CHECK(token_marker.occurs_in(**token));
        secure_wipe(**token);
        // Not a secret setting, so kept in clear: what the scan must find in SQLite's memory.
        std::string note = with_marker("", plain_marker, "");
        REQUIRE(s->settings().set("venue.note", note).ok());
        secure_wipe(note);
    }
    auto draft_scan = scan_own_memory(draft_marker);
    INFO("draft marker: " << describe(draft_scan));
    CHECK(draft_scan.found.empty());
    auto token_scan = scan_own_memory(token_marker);
    INFO("token marker: " << describe(token_scan));
    CHECK(token_scan.found.empty());
    auto plain_scan = scan_own_memory(plain_marker);
    INFO("unsealed setting's marker: " << describe(plain_scan));
    CHECK_FALSE(plain_scan.found.empty());  // the scan can fail
    CHECK(draft_scan.bytes_scanned > 1'000'000);
}

}  // namespace

TEST_CASE(test_name) {
    if (std::getenv(child_variable)) return run_in_child();
    pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        setenv(child_variable, "1", 1);
        execl("/proc/self/exe", "store_tests", test_name, nullptr);
        _exit(127);
    }
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);  // the child printed what failed
}
