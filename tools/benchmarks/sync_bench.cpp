// bench_sync: 10,000 sealed submissions of about 3 KB from a kiosk store to the Carers Centre over
// loopback HTTPS, batched (the kiosk's defaults) versus one submission per request (how OpenRosa
// clients send) in the same run. Targets (issue 6): batched under 10 s and at least 10x faster.
//
// Both runs use the real pieces: SQLCipher kiosk stores (synchronous=FULL while syncing), the
// libcurl client with receipt verification, and the real `carers-centre serve` (cpp-httplib,
// SQLCipher) as a separate process on 127.0.0.1, as it would be on its own machine. The
// one-per-request run keeps its connection alive too, so the ratio is, if anything, kind to it.
//
//   bench_sync [--count N] [--bytes B] [--baseline-count M] [--batch N] [--gzip 0|1]
// (defaults: 10,000 of 3,000 bytes; 2,000 for the one-per-request baseline, whose rate per
// submission is what the ratio compares — all 10,000 that way takes minutes on a loaded 2-core
// machine; the kiosk's default batch size and gzip setting)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <csignal>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "kiosk/common/child_process.h"
#include "kiosk/store/database.h"
#include "kiosk/store/outbox.h"
#include "sync/centre/centre_directory.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/sealed_payload.h"
#include "sync/transport/https_connection.h"

using namespace carers;
using namespace carers::sync;
namespace fs = std::filesystem;

namespace {

pid_t centre_pid = 0;  // killed on the way out, so a failed run leaves no server behind

[[noreturn]] void give_up() {
    if (centre_pid > 0) ::kill(centre_pid, SIGKILL);
    std::exit(2);
}

template <typename T> T must(Result<T> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "bench_sync: %s: %s\n", what, r.message().c_str());
        give_up();
    }
    return std::move(r.value());
}

void must(Result<void> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "bench_sync: %s: %s\n", what, r.message().c_str());
        give_up();
    }
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// A kiosk store holding `count` sealed submissions of about `bytes` each. Filled with
// synchronous=OFF to save setup time; the sync runs with the kiosk's FULL.
std::unique_ptr<store::Database> make_kiosk(const fs::path& path, const store::SecretKey& key,
                                            const store::CentrePublicKey& centre, int count, std::size_t bytes) {
    auto db = must(store::Database::open(path, key), "kiosk store");
    must(db->exec("PRAGMA synchronous = OFF"), "pragma");
    store::Outbox outbox(*db);
    for (int i = 0; i < count; ++i) {
        nlohmann::json qr{{"resourceType", "QuestionnaireResponse"},
                          {"status", "completed"},
                          {"item", {{{"linkId", "notes"}, {"answer", {{{"valueString", std::string(bytes - 200, 'x')}}}}}}}};
        auto payload = must(encode_sealed_payload({qr.dump(), i % 50 == 0, "en", "REF-" + std::to_string(i)}), "payload");
        must(outbox.submit({"https://carers-kiosk.example.org/fhir/Questionnaire/self-review", "1.0.0", "self-review",
                            payload},
                           centre, 1700000000 + i),
             "submit");
    }
    must(db->exec("PRAGMA synchronous = FULL"), "pragma");
    return db;
}

// CPU seconds (user + system) a process has used so far, from /proc: wall time on a shared
// 2-core machine depends on who else is busy; CPU time says what the work itself costs.
double cpu_seconds(pid_t pid) {
    std::ifstream in("/proc/" + (pid == 0 ? std::string("self") : std::to_string(pid)) + "/stat");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto close = text.rfind(')');
    if (close == std::string::npos) return 0;
    std::istringstream rest(text.substr(close + 2));
    std::string field;
    double ticks = 0;
    for (int i = 3; i <= 15 && rest >> field; ++i)
        if (i == 14 || i == 15) ticks += std::stod(field);
    return ticks / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Measured {
    double seconds = 0;
    double kiosk_cpu = 0;
    double centre_cpu = 0;
    SyncResult result;
};

Measured timed_sync(store::Database& db, SyncSettings settings, const std::string& token, pid_t centre) {
    std::atomic<bool> cancel{false};
    SyncClient client(db, std::move(settings), token);
    Measured m;
    double k0 = cpu_seconds(0), c0 = cpu_seconds(centre);
    auto t0 = std::chrono::steady_clock::now();
    m.result = client.run(cancel);
    m.seconds = seconds_since(t0);
    m.kiosk_cpu = cpu_seconds(0) - k0;
    m.centre_cpu = cpu_seconds(centre) - c0;
    return m;
}

// `carers-centre serve DIR`, started and waited for (until /v1/health answers).
pid_t spawn_centre(const fs::path& dir, const CentreDirectory& centre) {
    const pid_t pid = must(spawn_process({CARERS_CENTRE_BIN, "serve", dir.string()}), "start carers-centre");
    HttpsConnection probe(TlsPolicy{centre.certificate_file().string(), "", 500, 2000, 2000});
    for (int i = 0; i < 200; ++i) {
        auto ex = probe.get("https://127.0.0.1:" + std::to_string(centre.config().port) + "/v1/health", nullptr);
        if (ex.error == TransportError::None && ex.status == 200) return pid;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    std::fprintf(stderr, "bench_sync: carers-centre did not start\n");
    ::kill(pid, SIGKILL);
    std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
    int count = 10'000, baseline_count = -1, batch = -1, gzip = -1;
    std::size_t bytes = 3000;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--count") count = std::atoi(argv[i + 1]);
        else if (a == "--bytes") bytes = static_cast<std::size_t>(std::atoi(argv[i + 1]));
        else if (a == "--baseline-count") baseline_count = std::atoi(argv[i + 1]);
        else if (a == "--batch") batch = std::atoi(argv[i + 1]);
        else if (a == "--gzip") gzip = std::atoi(argv[i + 1]);
    }
    if (baseline_count < 0) baseline_count = std::min(count, 2'000);
    bytes = std::max<std::size_t>(bytes, 400);

    fs::path dir = fs::temp_directory_path() / ("carers-bench-sync-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    InitOptions init;
    init.hosts = {"127.0.0.1"};
    must(init_centre(dir / "centre", init), "init centre");
    auto centre = must(CentreDirectory::open(dir / "centre"), "open centre");
    {  // the bench measures throughput, not the per-device rate limit
        std::ifstream in(dir / "centre" / "centre.json");
        auto cfg = nlohmann::json::parse(in);
        cfg["limits"]["rate_per_minute"] = 1'000'000'000;
        cfg["limits"]["rate_burst"] = 1'000'000'000;
        cfg["port"] = free_loopback_port();
        cfg["bind_address"] = "127.0.0.1";
        std::ofstream(dir / "centre" / "centre.json") << cfg.dump(2);
    }
    centre = must(CentreDirectory::open(dir / "centre"), "open centre");
    pid_t server = spawn_centre(dir / "centre", centre);
    centre_pid = server;

    auto kiosk_dir = dir / "kiosk";
    std::string url = "https://127.0.0.1:" + std::to_string(centre.config().port);
    auto enrol = must(enrol_device(centre, "bench-kiosk", url, false, 1700000000), "enrol");
    (void)write_enrolment(enrol, kiosk_dir);
    auto config = must(load_kiosk_sync_config(kiosk_dir / "kiosk-sync.json"), "kiosk config");
    if (batch > 0) config.sync.batch_max_count = static_cast<std::size_t>(batch);
    if (gzip >= 0) config.sync.gzip = gzip != 0;
    auto sealing = must(store::parse_centre_public_key(centre.config().sealing_public_key), "sealing key");
    auto key = store::SecretKey::random();

    std::printf("setting up two kiosk stores (%d and %d submissions of ~%zu bytes)...\n", count, baseline_count, bytes);
    std::fflush(stdout);
    auto batched_db = make_kiosk(kiosk_dir / "batched.db", key, sealing, count, bytes);
    auto single_db = make_kiosk(kiosk_dir / "single.db", key, sealing, baseline_count, bytes);
    std::int64_t sealed_bytes = 0;
    for (const auto& e : must(store::Outbox(*batched_db).pending(1, 1 << 30), "peek")) sealed_bytes = e.size;

    double load[1] = {0};
    getloadavg(load, 1);
    auto batched = timed_sync(*batched_db, config.sync, enrol.token, server);
    SyncSettings one = config.sync;
    one.batch_max_count = 1;
    auto single = timed_sync(*single_db, one, enrol.token, server);

    ::kill(server, SIGTERM);
    waitpid(server, nullptr, 0);
    centre_pid = 0;
    auto centre_store = must(centre.open_store(), "centre store");
    auto held = must(centre_store->submission_count(), "count");
    bool correct = batched.result.status == SyncStatus::Complete && single.result.status == SyncStatus::Complete &&
                   batched.result.confirmed == count && single.result.confirmed == baseline_count &&
                   held == count + baseline_count &&
                   must(store::Outbox(*batched_db).count(), "left") == 0 &&
                   must(store::Outbox(*single_db).count(), "left") == 0;

    double batched_rate = count / batched.seconds;
    double single_rate = baseline_count / single.seconds;
    double ratio = batched_rate / single_rate;
    std::printf("sealed envelope size: %lld bytes; load average at start: %.1f on %ld cores\n",
                static_cast<long long>(sealed_bytes), load[0], sysconf(_SC_NPROCESSORS_ONLN));
    std::printf("batched (%zu per request, gzip %s): %d submissions in %.2f s  (%.0f/s, %ld connection%s; "
                "CPU: kiosk %.2f s, centre %.2f s)\n",
                config.sync.batch_max_count, config.sync.gzip ? "on" : "off", count, batched.seconds, batched_rate,
                batched.result.connections, batched.result.connections == 1 ? "" : "s", batched.kiosk_cpu,
                batched.centre_cpu);
    std::printf("one per request (OpenRosa style): %d submissions in %.2f s  (%.0f/s, %ld connection%s; "
                "CPU: kiosk %.2f s, centre %.2f s)\n",
                baseline_count, single.seconds, single_rate, single.result.connections,
                single.result.connections == 1 ? "" : "s", single.kiosk_cpu, single.centre_cpu);
    std::printf("batched is %.1fx faster per submission\n", ratio);
    std::printf("targets: batched < 10 s for 10,000: %s; >= 10x: %s\n",
                count == 10'000 ? (batched.seconds < 10 ? "met" : "MISSED") : "n/a (count is not 10,000)",
                ratio >= 10 ? "met" : "MISSED");
    std::printf("every submission at the centre once, outboxes empty: %s\n", correct ? "yes" : "NO");

    batched_db.reset();
    single_db.reset();
    centre_store.reset();
    fs::remove_all(dir);
    return correct ? 0 : 1;
}
