// bench_sync: 10,000 sealed submissions of about 3 KB from a kiosk store to the Carers Centre over
// loopback HTTPS, batched (the kiosk's defaults) versus one submission per request (how OpenRosa
// clients send) in the same run. Targets (issue 6): batched under 10 s and at least 10x faster.
//
// Both runs use the real pieces: SQLCipher kiosk stores (synchronous=FULL while syncing), the
// libcurl client with receipt verification, and the cpp-httplib centre with its SQLCipher
// database, in this process on 127.0.0.1. The one-per-request run keeps its connection alive
// too, so the ratio is, if anything, kind to it.
//
//   bench_sync [--count N] [--bytes B] [--baseline-count M]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "kiosk/store/database.h"
#include "kiosk/store/outbox.h"
#include "sync/centre/centre_directory.h"
#include "sync/centre/centre_server.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/sealed_payload.h"

using namespace carers;
using namespace carers::sync;
namespace fs = std::filesystem;

namespace {

template <typename T> T must(Result<T> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "bench_sync: %s: %s\n", what, r.message().c_str());
        std::exit(2);
    }
    return std::move(r.value());
}

void must(Result<void> r, const char* what) {
    if (!r) {
        std::fprintf(stderr, "bench_sync: %s: %s\n", what, r.message().c_str());
        std::exit(2);
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

struct Measured {
    double seconds = 0;
    SyncResult result;
};

Measured timed_sync(store::Database& db, SyncSettings settings, const std::string& token) {
    std::atomic<bool> cancel{false};
    SyncClient client(db, std::move(settings), token);
    auto t0 = std::chrono::steady_clock::now();
    Measured m;
    m.result = client.run(cancel);
    m.seconds = seconds_since(t0);
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    int count = 10'000, baseline_count = -1;
    std::size_t bytes = 3000;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--count") count = std::atoi(argv[i + 1]);
        else if (a == "--bytes") bytes = static_cast<std::size_t>(std::atoi(argv[i + 1]));
        else if (a == "--baseline-count") baseline_count = std::atoi(argv[i + 1]);
    }
    if (baseline_count < 0) baseline_count = count;
    bytes = std::max<std::size_t>(bytes, 400);

    fs::path dir = fs::temp_directory_path() / ("carers-bench-sync-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    InitOptions init;
    init.hosts = {"127.0.0.1"};
    must(init_centre(dir / "centre", init), "init centre");
    auto centre = must(CentreDirectory::open(dir / "centre"), "open centre");
    auto centre_store = must(centre.open_store(), "centre store");
    ProtocolLimits limits = centre.config().limits;
    limits.rate_per_minute = 1e9;  // the bench measures throughput, not the rate limit
    limits.rate_burst = 1e9;
    SubmissionService service(*centre_store, must(centre.identity(), "identity"), limits);
    CentreServerOptions options;
    options.port = 0;
    options.certificate_file = centre.certificate_file();
    options.private_key_file = centre.private_key_file();
    options.log = [](const std::string&) {};
    CentreServer server(service, options);
    must(server.bind(), "bind");
    std::thread serving([&] { server.run(); });

    auto kiosk_dir = dir / "kiosk";
    std::string url = "https://127.0.0.1:" + std::to_string(server.port());
    auto enrol = must(enrol_device(centre, "bench-kiosk", url, false, 1700000000), "enrol");
    (void)write_enrolment(enrol, kiosk_dir);
    auto config = must(load_kiosk_sync_config(kiosk_dir / "kiosk-sync.json"), "kiosk config");
    auto sealing = must(store::parse_centre_public_key(centre.config().sealing_public_key), "sealing key");
    auto key = store::SecretKey::random();

    std::printf("setting up two kiosk stores (%d and %d submissions of ~%zu bytes)...\n", count, baseline_count, bytes);
    std::fflush(stdout);
    auto batched_db = make_kiosk(kiosk_dir / "batched.db", key, sealing, count, bytes);
    auto single_db = make_kiosk(kiosk_dir / "single.db", key, sealing, baseline_count, bytes);
    std::int64_t sealed_bytes = 0;
    for (const auto& e : must(store::Outbox(*batched_db).pending(1, 1 << 30), "peek")) sealed_bytes = e.size;

    auto batched = timed_sync(*batched_db, config.sync, enrol.token);
    SyncSettings one = config.sync;
    one.batch_max_count = 1;
    auto single = timed_sync(*single_db, one, enrol.token);

    auto held = must(centre_store->submission_count(), "count");
    bool correct = batched.result.status == SyncStatus::Complete && single.result.status == SyncStatus::Complete &&
                   batched.result.confirmed == count && single.result.confirmed == baseline_count &&
                   held == count + baseline_count &&
                   must(store::Outbox(*batched_db).count(), "left") == 0 &&
                   must(store::Outbox(*single_db).count(), "left") == 0;

    double batched_rate = count / batched.seconds;
    double single_rate = baseline_count / single.seconds;
    double ratio = batched_rate / single_rate;
    std::printf("sealed envelope size:             %lld bytes\n", static_cast<long long>(sealed_bytes));
    std::printf("batched (%zu per request, gzip %s): %d submissions in %.2f s  (%.0f/s, %ld connection%s)\n",
                config.sync.batch_max_count, config.sync.gzip ? "on" : "off", count, batched.seconds, batched_rate,
                batched.result.connections, batched.result.connections == 1 ? "" : "s");
    std::printf("one per request (OpenRosa style): %d submissions in %.2f s  (%.0f/s, %ld connection%s)\n",
                baseline_count, single.seconds, single_rate, single.result.connections,
                single.result.connections == 1 ? "" : "s");
    std::printf("batched is %.1fx faster per submission\n", ratio);
    std::printf("targets: batched < 10 s for 10,000: %s; >= 10x: %s\n",
                count == 10'000 ? (batched.seconds < 10 ? "met" : "MISSED") : "n/a (count is not 10,000)",
                ratio >= 10 ? "met" : "MISSED");
    std::printf("every submission at the centre once, outboxes empty: %s\n", correct ? "yes" : "NO");

    server.stop();
    serving.join();
    batched_db.reset();
    single_db.reset();
    centre_store.reset();
    fs::remove_all(dir);
    return correct ? 0 : 1;
}
