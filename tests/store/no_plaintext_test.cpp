// Nothing leaks: a whole kiosk session with unique markers in every kind of field leaves none of
// them readable on disk, in temporary files or in what the program printed.
#include <catch2/catch_test_macros.hpp>

#include <sodium.h>

#include "kiosk/store/key_file.h"
#include "kiosk/store/local_store.h"
#include "tests/store/child_process.h"
#include "tests/store/session_markers.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;

namespace {

// Every marker found in any file below `root`, as "file: marker".
std::vector<std::string> markers_on_disk(const std::filesystem::path& root, const std::vector<std::string>& markers) {
    std::vector<std::string> found;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file()) continue;
        std::string bytes = test::read_file(entry.path());
        for (const auto& m : markers)
            if (bytes.find(m) != std::string::npos) found.push_back(entry.path().string() + ": " + m);
    }
    return found;
}

}  // namespace

TEST_CASE("after a session with markers in every kind of field, no marker is on disk, in temp files or in the output") {
    test::TempDir dir;
    CentreKeys centre;
    std::filesystem::create_directories(dir / "store");
    std::filesystem::create_directories(dir / "tmp");
    unsigned char r[6];
    randombytes_buf(r, sizeof r);
    const std::string prefix = "MK" + to_hex(r, sizeof r) + "-";
    SessionMarkers markers(prefix);

    ChildProcess child({CARERS_STORE_CHILD, "session", dir.path().string(), to_hex(centre.pk), prefix},
                       dir / "stderr.txt", {"TMPDIR=" + (dir / "tmp").string(), "SQLITE_TMPDIR=" + (dir / "tmp").string()});
    int status = child.collect();
    test::write_file(dir / "stdout.txt", child.output());
    INFO(child.output());
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    REQUIRE(child.output().find("session done") != std::string::npos);
    REQUIRE(std::filesystem::exists(dir / "snapshot" / "kiosk.db-wal"));

    // The scan can fail: every marker is found where it is in clear.
    {
        test::TempDir control;
        test::write_file(control / "clear.txt", markers.response() + markers.draft() + markers.parked_draft() +
                                                    markers.word + markers.wrong_word + markers.accented_word);
        CHECK(markers_on_disk(control.path(), markers.all()).size() == markers.all().size());
    }

    auto leaks = markers_on_disk(dir.path(), markers.all());
    CHECK(leaks.empty());
    for (const auto& l : leaks) UNSCOPED_INFO(l);
    CHECK(markers_on_disk(dir.path(), {markers.pin}).empty());
}

TEST_CASE("with the database key the submitted answers cannot be read; with the centre's secret key they can") {
    test::TempDir dir;
    CentreKeys centre;
    std::filesystem::create_directories(dir / "store");
    const std::string prefix = "MK-keys-";
    SessionMarkers markers(prefix);
    ChildProcess child({CARERS_STORE_CHILD, "session", dir.path().string(), to_hex(centre.pk), prefix},
                       dir / "stderr.txt");
    REQUIRE(WEXITSTATUS(child.collect()) == 0);

    // Someone holding the kiosk and its database key.
    auto key = load_key_file(dir / "store" / "kiosk.key");
    REQUIRE(key.ok());
    auto db = open_ok(dir / "store" / "kiosk.db", *key);
    std::string readable = everything_readable(*db);
    for (const auto& m : markers.submitted()) CHECK(readable.find(m) == std::string::npos);
    for (const auto& m : {markers.parked_text, markers.word, markers.wrong_word, markers.accented_word, markers.pin})
        CHECK(readable.find(m) == std::string::npos);
    // Personal mode keeps its draft under the database key alone, by design (the carer's own
    // device): sealed under the field key (so never in a row in clear), which that key unwraps.
    CHECK(readable.find(markers.draft_text) == std::string::npos);
    auto draft = PersonalDrafts(*db).latest();
    REQUIRE(draft.ok());
    REQUIRE(draft->has_value());
    CHECK((*draft)->draft.find(markers.draft_text) != std::string::npos);
    auto audit = recent_audit(*db, 1000);
    REQUIRE(audit.ok());
    for (const auto& e : *audit)
        for (const auto& m : markers.all()) CHECK(e.subject.find(m) == std::string::npos);

    // The Carers Centre, with its secret key, reads every answer exactly.
    auto pending = Outbox(*db).pending(10, 1 << 20);
    REQUIRE(pending.ok());
    REQUIRE(pending->size() == 2);  // one before the key change, one after
    CHECK(open_sealed(pending->back().sealed, centre.pk, centre.sk).value() == markers.response());
    auto opened = open_sealed(pending->front().sealed, centre.pk, centre.sk);
    REQUIRE(opened.ok());
    CHECK(*opened == markers.response());
    for (const auto& m : markers.submitted()) CHECK(opened->find(m) != std::string::npos);
}
