// The staff tools as staff run them: carers-admin, carers-centre and carers-sync, as processes.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "kiosk/store/settings.h"
#include "sync/centre/centre_directory.h"
#include "tests/sync/sync_fixture.h"

extern char** environ;

using namespace carers;
using namespace carers::sync;
using namespace carers::test;
using Catch::Matchers::ContainsSubstring;

namespace {

struct Ran {
    int exit_code = -1;
    std::string out;  // stdout and stderr together
};

Ran run(const std::vector<std::string>& args, const std::filesystem::path& scratch) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    auto log = scratch / "tool-output.txt";
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    pid_t pid = 0;
    int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    REQUIRE(rc == 0);
    int status = 0;
    waitpid(pid, &status, 0);
    return Ran{WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(log)};
}

}  // namespace

TEST_CASE("staff tools: a centre is made, a kiosk enrolled, synced by USB stick and exported") {
    TempDir work;
    auto centre = work / "centre";
    auto enrol_dir = work / "enrol";
    const std::string admin = CARERS_ADMIN_BIN, sync = CARERS_SYNC_BIN, serve = CARERS_CENTRE_BIN;

    auto init = run({admin, "init-centre", centre.string(), "--name", "Anytown Carers Centre", "--host", "127.0.0.1"}, work.path());
    INFO(init.out);
    REQUIRE(init.exit_code == 0);
    CHECK(run({admin, "init-centre", centre.string()}, work.path()).exit_code == 1);  // never replaces keys
    for (const char* secret : {"sealing.key", "receipt.key", "database.key", "tls/key.pem"})
        CHECK((std::filesystem::status(centre / secret).permissions() & std::filesystem::perms::group_all) ==
              std::filesystem::perms::none);

    auto enrol = run({admin, "enrol-device", centre.string(), "library-kiosk-1", "--out", enrol_dir.string()}, work.path());
    INFO(enrol.out);
    REQUIRE(enrol.exit_code == 0);
    auto config_text = read_file(enrol_dir / "kiosk-sync.json");
    auto token = read_file(enrol_dir / "device.token");
    CHECK_THAT(config_text, !ContainsSubstring(token.substr(0, 20)));  // the token is not in the config
    auto listed = run({admin, "list-devices", centre.string()}, work.path());
    CHECK_THAT(listed.out, ContainsSubstring("library-kiosk-1"));

    // The kiosk: a real store with submissions, its key in a 0600 file.
    TestKiosk kiosk;
    auto config = load_kiosk_sync_config(enrol_dir / "kiosk-sync.json").value();
    auto sent = kiosk.add_submissions(config, 12, 600, true);
    std::string key(reinterpret_cast<const char*>(kiosk.key().data()), store::SecretKey::size);
    REQUIRE(write_private_file(kiosk.dir() / "kiosk.key", key).ok());
    kiosk.close();
    const std::vector<std::string> kiosk_args = {sync, "--config", (enrol_dir / "kiosk-sync.json").string(), "--store",
                                                 kiosk.db_path().string(), "--key", (kiosk.dir() / "kiosk.key").string()};
    auto with = [&](std::vector<std::string> extra) {
        auto a = kiosk_args;
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };

    auto no_token = run(with({"--export", (work / "early.json").string()}), work.path());
    CHECK(no_token.exit_code == 1);
    CHECK_THAT(no_token.out, ContainsSubstring("no device token"));
    auto install = run(with({"--install-token", (enrol_dir / "device.token").string()}), work.path());
    INFO(install.out);
    REQUIRE(install.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(enrol_dir / "device.token"));

    auto bundle = work / "stick" / "bundle.json";
    std::filesystem::create_directories(bundle.parent_path());
    auto exported = run(with({"--export", bundle.string()}), work.path());
    INFO(exported.out);
    REQUIRE(exported.exit_code == 0);
    CHECK_THAT(exported.out, ContainsSubstring("12 sealed submissions"));

    auto receipts = work / "stick" / "receipts.json";
    auto imported = run({serve, "import", centre.string(), bundle.string(), "--receipts", receipts.string()}, work.path());
    INFO(imported.out);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, ContainsSubstring("12 stored"));

    auto applied = run(with({"--receipts", receipts.string()}), work.path());
    INFO(applied.out);
    REQUIRE(applied.exit_code == 0);
    CHECK_THAT(applied.out, ContainsSubstring("12 submissions deleted"));
    kiosk.reopen();
    CHECK(kiosk.outbox_count() == 0);

    auto status = run({serve, "status", centre.string()}, work.path());
    CHECK_THAT(status.out, ContainsSubstring("12 submissions held"));

    auto fhir_file = work / "export.fhir.json";
    auto fhir = run({serve, "export", centre.string(), "--format", "fhir", "--out", fhir_file.string()}, work.path());
    INFO(fhir.out);
    REQUIRE(fhir.exit_code == 0);
    CHECK_THAT(fhir.out, ContainsSubstring("Exported 12 submissions (4 urgent"));
    CHECK((std::filesystem::status(fhir_file).permissions() & std::filesystem::perms::others_all) ==
          std::filesystem::perms::none);
    auto bundle_json = nlohmann::json::parse(read_file(fhir_file));
    REQUIRE(bundle_json["entry"].size() == 12);
    CHECK(bundle_json["entry"][0]["resource"]["meta"]["tag"][0]["code"] == "urgent");

    // The next export gives only what is new, so the case-management system gets each once.
    auto nothing_new = run({serve, "export", centre.string(), "--format", "json", "--out", (work / "again.json").string()},
                           work.path());
    INFO(nothing_new.out);
    REQUIRE(nothing_new.exit_code == 0);
    CHECK_THAT(nothing_new.out, ContainsSubstring("Exported 0 submissions: nothing new"));
    CHECK_THAT(nothing_new.out, ContainsSubstring("12 exported earlier were left out"));
    CHECK(nlohmann::json::parse(read_file(work / "again.json")).empty());
    kiosk.reopen();
    auto later = kiosk.add_submissions(config, 3, 600);
    kiosk.close();
    auto bundle2 = work / "stick" / "bundle-2.json", receipts2 = work / "stick" / "receipts-2.json";
    REQUIRE(run(with({"--export", bundle2.string()}), work.path()).exit_code == 0);
    REQUIRE(run({serve, "import", centre.string(), bundle2.string(), "--receipts", receipts2.string()}, work.path())
                .exit_code == 0);
    CHECK_THAT(run({serve, "status", centre.string()}, work.path()).out,
               ContainsSubstring("15 submissions held (3 not yet exported)"));
    auto fresh = run({serve, "export", centre.string(), "--format", "json", "--out", (work / "new.json").string()},
                     work.path());
    INFO(fresh.out);
    REQUIRE(fresh.exit_code == 0);
    auto fresh_list = nlohmann::json::parse(read_file(work / "new.json"));
    REQUIRE(fresh_list.size() == 3);
    for (const auto& item : fresh_list) CHECK(later.count(item["id"].get<std::string>()) == 1);
    // A lost export file: --all gives everything again.
    auto everything = run({serve, "export", centre.string(), "--format", "csv", "--all", "--out",
                           (work / "all.csv").string()},
                          work.path());
    INFO(everything.out);
    REQUIRE(everything.exit_code == 0);
    CHECK_THAT(everything.out, ContainsSubstring("Exported 15 submissions"));
    // An export that cannot be written notes nothing as exported.
    kiosk.reopen();
    kiosk.add_submissions(config, 1, 600);
    kiosk.close();
    auto bundle3 = work / "stick" / "bundle-3.json", receipts3 = work / "stick" / "receipts-3.json";
    REQUIRE(run(with({"--export", bundle3.string()}), work.path()).exit_code == 0);
    REQUIRE(run({serve, "import", centre.string(), bundle3.string(), "--receipts", receipts3.string()}, work.path())
                .exit_code == 0);
    auto blocked = run({serve, "export", centre.string(), "--out", (work / "new.json").string()}, work.path());
    CHECK(blocked.exit_code == 1);
    CHECK_THAT(blocked.out, ContainsSubstring("Nothing was noted as exported"));
    CHECK_THAT(run({serve, "status", centre.string()}, work.path()).out, ContainsSubstring("(1 not yet exported)"));

    auto csv = run({serve, "export", centre.string(), "--format", "xml"}, work.path());
    CHECK(csv.exit_code == 1);
    CHECK_THAT(csv.out, ContainsSubstring("csv, json or fhir"));

    auto revoke = run({admin, "revoke-device", centre.string(), "library-kiosk-1"}, work.path());
    CHECK(revoke.exit_code == 0);
    auto again = run({serve, "import", centre.string(), bundle.string(), "--receipts", receipts.string()}, work.path());
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.out, ContainsSubstring("revoked"));
}

TEST_CASE("staff tools: usage mistakes get the usage text and exit code 64") {
    TempDir work;
    for (const auto& args : std::vector<std::vector<std::string>>{{CARERS_ADMIN_BIN},
                                                                   {CARERS_ADMIN_BIN, "frobnicate"},
                                                                   {CARERS_CENTRE_BIN, "serve"},
                                                                   {CARERS_SYNC_BIN, "--store"}}) {
        auto r = run(args, work.path());
        INFO(args.back());
        CHECK(r.exit_code == 64);
        CHECK_THAT(r.out, ContainsSubstring("usage"));
    }
    auto missing = run({CARERS_CENTRE_BIN, "status", (work / "nowhere").string()}, work.path());
    CHECK(missing.exit_code == 1);
    CHECK_THAT(missing.out, ContainsSubstring("not a Carers Centre directory"));
}

TEST_CASE("staff tools: carers-sync checks the centre, sends with progress, and exits 3 when one was refused") {
    TestCentre centre;
    TestKiosk kiosk;
    auto enrolled = centre.enrol("kiosk-01", kiosk.dir());
    REQUIRE(store::put_setting(kiosk.db(), "sync.device_token", enrolled.token).ok());
    std::string key(reinterpret_cast<const char*>(kiosk.key().data()), store::SecretKey::size);
    REQUIRE(write_private_file(kiosk.dir() / "kiosk.key", key).ok());
    auto sent = kiosk.add_submissions(enrolled.config, 30);
    // One envelope damaged in the kiosk's store: its bytes no longer match its hash.
    const std::string damaged = sent.begin()->first;
    REQUIRE(kiosk.db().exec("UPDATE outbox SET sha256 = '" + std::string(64, 'a') + "' WHERE id = '" + damaged + "'").ok());
    kiosk.close();
    const std::vector<std::string> args = {CARERS_SYNC_BIN, "--config", (kiosk.dir() / "kiosk-sync.json").string(),
                                           "--store", kiosk.db_path().string(), "--key",
                                           (kiosk.dir() / "kiosk.key").string()};

    auto health_args = args;
    health_args.push_back("--health");
    auto health = run(health_args, kiosk.dir());
    INFO(health.out);
    CHECK(health.exit_code == 0);
    CHECK_THAT(health.out, ContainsSubstring("Connected to Test Carers Centre"));

    auto synced = run(args, kiosk.dir());
    INFO(synced.out);
    CHECK(synced.exit_code == 3);
    CHECK_THAT(synced.out, ContainsSubstring("] 30/30"));  // the progress bar reached the end
    CHECK_THAT(synced.out, ContainsSubstring("Sent 29 submissions"));
    CHECK_THAT(synced.out, ContainsSubstring("refused " + damaged + ": Its bytes do not match its hash"));
    kiosk.reopen();
    CHECK(kiosk.outbox_count() == 1);  // the refused one stays on the kiosk
    sent.erase(damaged);
    CHECK(centre_holdings(centre.store()) == sent);
}
