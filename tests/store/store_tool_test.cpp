// carers-store, the staff tool, run as a real program.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <ctime>
#include <sys/stat.h>

#include "kiosk/store/local_store.h"
#include "tests/store/child_process.h"
#include "tests/store/store_fixtures.h"

using namespace carers;
using namespace carers::store;
using namespace carers::store::test_fixtures;
using Catch::Matchers::ContainsSubstring;

namespace {

struct ToolRun {
    int exit_code = -1;
    std::string out, err;
};

ToolRun run_tool(const test::TempDir& dir, std::vector<std::string> args, const std::string& input = "") {
    std::vector<std::string> argv = {CARERS_STORE_TOOL};
    argv.insert(argv.end(), args.begin(), args.end());
    std::filesystem::path in = dir / "tool-stdin.txt", err = dir / "tool-stderr.txt";
    test::write_file(in, input);
    std::filesystem::remove(err);
    ChildProcess tool(argv, err, {}, in);
    int status = tool.collect();
    ToolRun r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = tool.output();
    r.err = std::filesystem::exists(err) ? test::read_file(err) : "";
    return r;
}

// A store's folder (store_fixtures.h) and carers-store run on that store with its key file.
struct ToolOnStore : StoreFolder {
    ToolRun tool(const std::vector<std::string>& command, const std::string& input = "") const {
        std::vector<std::string> args = {"--store", options.key.database.string(), "--key", options.key.key_file.string()};
        args.insert(args.end(), command.begin(), command.end());
        return run_tool(dir, args, input);
    }
};

}  // namespace

TEST_CASE_METHOD(ToolOnStore, "carers-store status, verify and audit report on a sound store") {
    {
        auto s = open();
        REQUIRE(s->outbox().submit({"u", "1", "k", "{}"}, centre.pk, 1).ok());
        REQUIRE(s->outbox().submit({"u", "1", "k", "{}"}, centre.pk, 2).ok());
    }
    auto status = tool({"status"});
    INFO(status.err);
    CHECK(status.exit_code == 0);
    CHECK_THAT(status.out, ContainsSubstring("waiting for the centre: 2"));
    auto verify = tool({"verify"});
    CHECK(verify.exit_code == 0);
    CHECK_THAT(verify.out, ContainsSubstring("is sound"));
    auto audit = tool({"audit", "10"});
    CHECK(audit.exit_code == 0);
    CHECK_THAT(audit.out, ContainsSubstring("started") && ContainsSubstring("carers-store:key-file"));
    auto purge = tool({"purge"});
    CHECK(purge.exit_code == 0);
    CHECK_THAT(purge.out, ContainsSubstring("Purged now"));
}

TEST_CASE_METHOD(ToolOnStore, "carers-store exits with the store's codes: missing store, wrong key, damage") {
    auto missing = run_tool(dir, {"--store", (dir / "nothing.db").string(), "--key", options.key.key_file.string(), "status"});
    CHECK(missing.exit_code == 13);
    CHECK_THAT(missing.err, ContainsSubstring("There is no kiosk store"));
    CHECK_FALSE(std::filesystem::exists(dir / "nothing.db"));
    CHECK_FALSE(std::filesystem::exists(options.key.key_file));

    {
        auto s = open();
        for (int i = 0; i < 12; ++i) REQUIRE(s->outbox().submit({"u", "1", "k", std::string(3000, 'x')}, CentreKeys().pk, i).ok());
    }
    test::write_file(dir / "other.key", std::string(32, 'k'));
    chmod((dir / "other.key").c_str(), 0600);
    auto wrong = run_tool(dir, {"--store", options.key.database.string(), "--key", (dir / "other.key").string(), "status"});
    CHECK(wrong.exit_code == 12);

    std::string bytes = test::read_file(options.key.database);
    bytes.replace(6 * 4096 + 500, 16, std::string(16, '\0'));
    test::write_file(options.key.database, bytes);
    auto damaged = tool({"verify"});
    CHECK(damaged.exit_code == 13);
    CHECK_THAT(damaged.err, ContainsSubstring("damaged"));

    CHECK(run_tool(dir, {"status"}).exit_code == 64);
}

TEST_CASE_METHOD(ToolOnStore, "carers-store set-pin sets the staff PIN only when typed the same twice") {
    { open(); }
    auto differ = tool({"set-pin"}, "482913\n482914\n");
    CHECK(differ.exit_code == 1);
    auto set = tool({"set-pin"}, "482913\n482913\n");
    INFO(set.err);
    CHECK(set.exit_code == 0);
    auto s = open();
    CHECK(s->staff_pin().check("482913", 1'700'000'001).value().status == StaffLoginStatus::ok);
}

TEST_CASE("carers-store init makes a passphrase store the tools then open with that passphrase") {
    test::TempDir dir;
    auto db = (dir / "kiosk.db").string();
    auto mismatch = run_tool(dir, {"--store", db, "init", "--passphrase"}, "correct horse battery\nsomething else\n");
    CHECK(mismatch.exit_code == 10);
    CHECK_FALSE(std::filesystem::exists(dir / "kiosk.db"));
    std::filesystem::remove(dir / "kiosk.db.key-record");

    auto made = run_tool(dir, {"--store", db, "init", "--passphrase"}, "correct horse battery\ncorrect horse battery\n");
    INFO(made.err);
    REQUIRE(made.exit_code == 0);
    CHECK(std::filesystem::exists(dir / "kiosk.db.key-record"));
    CHECK(run_tool(dir, {"--store", db, "init", "--passphrase"}, "").exit_code == 1);  // never over an existing store

    auto status = run_tool(dir, {"--store", db, "status"}, "correct horse battery\n");
    CHECK(status.exit_code == 0);
    CHECK_THAT(status.out, ContainsSubstring("key from passphrase"));
    auto wrong = run_tool(dir, {"--store", db, "status"}, "not it at all\nnor this one\nnor that one\n");
    CHECK(wrong.exit_code == 12);
}

TEST_CASE_METHOD(ToolOnStore, "carers-store unlock-drafts lifts the block after too many unknown resume codes") {
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    {
        auto s = open(now);
        for (int i = 0; i < 10; ++i) REQUIRE(s->parked_drafts().resume("4CHK79XT", "lighthouse", now).ok());
        REQUIRE(s->parked_drafts().guess_limit().blocked_until(now).value().has_value());
    }
    auto status = tool({"status"});
    CHECK_THAT(status.out, ContainsSubstring("resume codes blocked"));
    auto unlock = tool({"unlock-drafts"});
    INFO(unlock.err);
    CHECK(unlock.exit_code == 0);
    CHECK_THAT(unlock.out, ContainsSubstring("block was lifted"));
    auto s = open(now);
    CHECK_FALSE(s->parked_drafts().guess_limit().blocked_until(now).value().has_value());
}

TEST_CASE_METHOD(ToolOnStore, "carers-store rekey gives a key-file store a new key and a passphrase store a new passphrase") {
    {
        auto s = open();
        REQUIRE(s->outbox().submit({"u", "1", "k", "{}"}, centre.pk, 1).ok());
    }
    std::string old_key = test::read_file(options.key.key_file);
    {
        // A kiosk still running on the store: rekey refuses and changes nothing.
        ChildProcess kiosk({CARERS_STORE_CHILD, "crash-loop", dir.path().string(), to_hex(centre.pk), "1"}, dir / "kiosk-stderr.txt");
        REQUIRE(kiosk.wait_for("ready 1\n", 20'000));
        auto refused = tool({"rekey"});
        CHECK(refused.exit_code == 18);
        CHECK_THAT(refused.err, ContainsSubstring("stop it first"));
        CHECK(test::read_file(options.key.key_file) == old_key);
        kiosk.kill_and_collect();
    }
    auto rekey = tool({"rekey"});
    INFO(rekey.err);
    CHECK(rekey.exit_code == 0);
    CHECK_THAT(rekey.out, ContainsSubstring("old key no longer opens"));
    CHECK(test::read_file(options.key.key_file) != old_key);
    auto status = tool({"status"});
    CHECK(status.exit_code == 0);
    CHECK_THAT(status.out, ContainsSubstring("waiting for the centre: "));
    test::write_file(dir / "old.key", old_key);
    chmod((dir / "old.key").c_str(), 0600);
    CHECK(run_tool(dir, {"--store", options.key.database.string(), "--key", (dir / "old.key").string(), "status"}).exit_code == 12);

    // A passphrase store: the current passphrase, then the new one twice.
    auto db = (dir / "pass.db").string();
    REQUIRE(run_tool(dir, {"--store", db, "init", "--passphrase"}, "correct horse battery\ncorrect horse battery\n").exit_code == 0);
    auto changed = run_tool(dir, {"--store", db, "rekey"}, "correct horse battery\nstaple and paperclip\nstaple and paperclip\n");
    INFO(changed.err);
    CHECK(changed.exit_code == 0);
    CHECK_THAT(changed.out, ContainsSubstring("new passphrase only"));
    CHECK(run_tool(dir, {"--store", db, "status"}, "staple and paperclip\n").exit_code == 0);
    CHECK(run_tool(dir, {"--store", db, "status"}, "correct horse battery\ncorrect horse battery\ncorrect horse battery\n")
              .exit_code == 12);
}
