// The staff tools as staff run them: carers-admin, carers-centre and carers-sync, as processes.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/store/settings.h"
#include "sync/centre/centre_directory.h"
#include "tests/support/tool_process.h"
#include "tests/sync/sync_fixture.h"

using namespace carers;
using namespace carers::sync;
using namespace carers::test;
using Catch::Matchers::ContainsSubstring;

TEST_CASE("staff tools: a centre is made, a kiosk enrolled, synced by USB stick and exported") {
    TempDir work;
    auto centre = work / "centre";
    auto enrol_dir = work / "enrol";
    const std::string admin = CARERS_ADMIN_BIN, sync = CARERS_SYNC_BIN, serve = CARERS_CENTRE_BIN;

    auto init = run_tool({admin, "init-centre", centre.string(), "--name", "Anytown Carers Centre", "--host", "127.0.0.1"}, work.path());
    INFO(init.out);
    REQUIRE(init.exit_code == 0);
    CHECK(run_tool({admin, "init-centre", centre.string()}, work.path()).exit_code == 1);  // never replaces keys
    for (const char* secret : {"sealing.key", "receipt.key", "database.key", "tls/key.pem"})
        CHECK((std::filesystem::status(centre / secret).permissions() & std::filesystem::perms::group_all) ==
              std::filesystem::perms::none);

    auto enrol = run_tool({admin, "enrol-device", centre.string(), "library-kiosk-1", "--out", enrol_dir.string()}, work.path());
    INFO(enrol.out);
    REQUIRE(enrol.exit_code == 0);
    auto config_text = read_file(enrol_dir / "kiosk-sync.json");
    auto token = read_file(enrol_dir / "device.token");
    CHECK_THAT(config_text, !ContainsSubstring(token.substr(0, 20)));  // the token is not in the config
    auto listed = run_tool({admin, "list-devices", centre.string()}, work.path());
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

    auto no_token = run_tool(with({"--export", (work / "early.json").string()}), work.path());
    CHECK(no_token.exit_code == 1);
    CHECK_THAT(no_token.out, ContainsSubstring("no device token"));
    auto install = run_tool(with({"--install-token", (enrol_dir / "device.token").string()}), work.path());
    INFO(install.out);
    REQUIRE(install.exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(enrol_dir / "device.token"));

    auto bundle = work / "stick" / "bundle.json";
    std::filesystem::create_directories(bundle.parent_path());
    auto exported = run_tool(with({"--export", bundle.string()}), work.path());
    INFO(exported.out);
    REQUIRE(exported.exit_code == 0);
    CHECK_THAT(exported.out, ContainsSubstring("12 sealed submissions"));

    auto receipts = work / "stick" / "receipts.json";
    auto imported = run_tool({serve, "import", centre.string(), bundle.string(), "--receipts", receipts.string()}, work.path());
    INFO(imported.out);
    REQUIRE(imported.exit_code == 0);
    CHECK_THAT(imported.out, ContainsSubstring("12 stored"));

    auto applied = run_tool(with({"--receipts", receipts.string()}), work.path());
    INFO(applied.out);
    REQUIRE(applied.exit_code == 0);
    CHECK_THAT(applied.out, ContainsSubstring("12 submissions deleted"));
    kiosk.reopen();
    CHECK(kiosk.outbox_count() == 0);

    auto status = run_tool({serve, "status", centre.string()}, work.path());
    CHECK_THAT(status.out, ContainsSubstring("12 submissions held"));

    auto fhir_file = work / "export.fhir.json";
    auto fhir = run_tool({serve, "export", centre.string(), "--format", "fhir", "--out", fhir_file.string()}, work.path());
    INFO(fhir.out);
    REQUIRE(fhir.exit_code == 0);
    CHECK_THAT(fhir.out, ContainsSubstring("Exported 12 submissions (4 urgent"));
    CHECK((std::filesystem::status(fhir_file).permissions() & std::filesystem::perms::others_all) ==
          std::filesystem::perms::none);
    auto bundle_json = nlohmann::json::parse(read_file(fhir_file));
    REQUIRE(bundle_json["entry"].size() == 12);
    CHECK(bundle_json["entry"][0]["resource"]["meta"]["tag"][0]["code"] == "urgent");

    // The next export gives only what is new, so the case-management system gets each once.
    auto nothing_new = run_tool({serve, "export", centre.string(), "--format", "json", "--out", (work / "again.json").string()},
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
    REQUIRE(run_tool(with({"--export", bundle2.string()}), work.path()).exit_code == 0);
    REQUIRE(run_tool({serve, "import", centre.string(), bundle2.string(), "--receipts", receipts2.string()}, work.path())
                .exit_code == 0);
    CHECK_THAT(run_tool({serve, "status", centre.string()}, work.path()).out,
               ContainsSubstring("15 submissions held (3 not yet exported)"));
    auto fresh = run_tool({serve, "export", centre.string(), "--format", "json", "--out", (work / "new.json").string()},
                     work.path());
    INFO(fresh.out);
    REQUIRE(fresh.exit_code == 0);
    auto fresh_list = nlohmann::json::parse(read_file(work / "new.json"));
    REQUIRE(fresh_list.size() == 3);
    for (const auto& item : fresh_list) CHECK(later.count(item["id"].get<std::string>()) == 1);
    // A lost export file: --all gives everything again.
    auto everything = run_tool({serve, "export", centre.string(), "--format", "csv", "--all", "--out",
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
    REQUIRE(run_tool(with({"--export", bundle3.string()}), work.path()).exit_code == 0);
    REQUIRE(run_tool({serve, "import", centre.string(), bundle3.string(), "--receipts", receipts3.string()}, work.path())
                .exit_code == 0);
    auto blocked = run_tool({serve, "export", centre.string(), "--out", (work / "new.json").string()}, work.path());
    CHECK(blocked.exit_code == 1);
    CHECK_THAT(blocked.out, ContainsSubstring("Nothing was noted as exported"));
    CHECK_THAT(run_tool({serve, "status", centre.string()}, work.path()).out, ContainsSubstring("(1 not yet exported)"));

    auto csv = run_tool({serve, "export", centre.string(), "--format", "xml"}, work.path());
    CHECK(csv.exit_code == 1);
    CHECK_THAT(csv.out, ContainsSubstring("csv, json or fhir"));

    auto revoke = run_tool({admin, "revoke-device", centre.string(), "library-kiosk-1"}, work.path());
    CHECK(revoke.exit_code == 0);
    auto again = run_tool({serve, "import", centre.string(), bundle.string(), "--receipts", receipts.string()}, work.path());
    CHECK(again.exit_code == 1);
    CHECK_THAT(again.out, ContainsSubstring("revoked"));
}

TEST_CASE("staff tools: usage mistakes get the usage text and exit code 64") {
    TempDir work;
    for (const auto& args : std::vector<std::vector<std::string>>{{CARERS_ADMIN_BIN},
                                                                   {CARERS_ADMIN_BIN, "frobnicate"},
                                                                   {CARERS_CENTRE_BIN, "serve"},
                                                                   {CARERS_SYNC_BIN, "--store"}}) {
        auto r = run_tool(args, work.path());
        INFO(args.back());
        CHECK(r.exit_code == 64);
        CHECK_THAT(r.out, ContainsSubstring("usage"));
    }
    auto missing = run_tool({CARERS_CENTRE_BIN, "status", (work / "nowhere").string()}, work.path());
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
    auto health = run_tool(health_args, kiosk.dir());
    INFO(health.out);
    CHECK(health.exit_code == 0);
    CHECK_THAT(health.out, ContainsSubstring("Connected to Test Carers Centre"));

    auto synced = run_tool(args, kiosk.dir());
    INFO(synced.out);
    CHECK(synced.exit_code == 3);
    CHECK_THAT(synced.out, ContainsSubstring("] 30/30"));  // the progress bar reached the end
    CHECK_THAT(synced.out, ContainsSubstring("Sent 29 submissions"));
    CHECK_THAT(synced.out, ContainsSubstring("refused " + damaged + ": Its bytes do not match its hash"));
    kiosk.reopen();
    CHECK(kiosk.outbox_count() == 1);  // the refused one stays on the kiosk
    sent.erase(damaged);
    CHECK(centre_holdings(centre.store()) == sent);
    kiosk.close();

    // Staff see it with the centre's reason, and set it aside: it is kept, sealed, but no longer
    // sent at every run.
    const std::vector<std::string> store_args = {CARERS_STORE_BIN, "--store", kiosk.db_path().string(), "--key",
                                                 (kiosk.dir() / "kiosk.key").string()};
    auto store_tool = [&](std::vector<std::string> extra) {
        auto a = store_args;
        a.insert(a.end(), extra.begin(), extra.end());
        return run_tool(a, kiosk.dir());
    };
    auto refused = store_tool({"refused"});
    INFO(refused.out);
    CHECK(refused.exit_code == 0);
    CHECK_THAT(refused.out, ContainsSubstring(damaged));
    CHECK_THAT(refused.out, ContainsSubstring("Its bytes do not match its hash"));
    CHECK_THAT(refused.out, !ContainsSubstring("Carer "));  // envelopes only: no answers, no names
    auto not_refused = store_tool({"set-aside", "00000000"});
    CHECK(not_refused.exit_code == 1);
    CHECK_THAT(not_refused.out, ContainsSubstring("Nothing was changed"));
    auto aside = store_tool({"set-aside", damaged.substr(0, 8)});
    INFO(aside.out);
    REQUIRE(aside.exit_code == 0);
    CHECK_THAT(aside.out, ContainsSubstring(damaged + " is set aside"));
    CHECK_THAT(store_tool({"status"}).out, ContainsSubstring("refused and set aside (not sent):   1"));
    CHECK_THAT(store_tool({"refused"}).out, ContainsSubstring("set aside"));

    auto quiet = run_tool(args, kiosk.dir());
    INFO(quiet.out);
    CHECK(quiet.exit_code == 0);  // nothing refused this time: it was not offered
    CHECK_THAT(quiet.out, ContainsSubstring("Nothing to send"));

    // For the centre to take by hand: a bundle of just the set-aside one.
    auto bundle_args = args;
    bundle_args.insert(bundle_args.end(), {"--export", (kiosk.dir() / "set-aside.json").string(), "--set-aside"});
    auto bundle = run_tool(bundle_args, kiosk.dir());
    INFO(bundle.out);
    CHECK(bundle.exit_code == 0);
    CHECK_THAT(bundle.out, ContainsSubstring("Wrote 1 sealed set-aside submissions"));
    CHECK_THAT(read_file(kiosk.dir() / "set-aside.json"), ContainsSubstring(damaged));

    // Put back, it is offered (and refused) again; every step is in the audit log.
    auto back = store_tool({"put-back", damaged});
    INFO(back.out);
    CHECK(back.exit_code == 0);
    CHECK(run_tool(args, kiosk.dir()).exit_code == 3);
    auto audit = store_tool({"audit", "200"});
    CHECK_THAT(audit.out, ContainsSubstring("set-aside"));
    CHECK_THAT(audit.out, ContainsSubstring("put-back"));
    CHECK_THAT(audit.out, ContainsSubstring("refused"));
    kiosk.reopen();
    CHECK(kiosk.outbox_count() == 1);  // never destroyed by any of it
}
