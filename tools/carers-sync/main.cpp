// carers-sync: send a kiosk's outbox to the Carers Centre from the command line.
//
//   carers-sync --config kiosk.json --store kiosk.db [--key kiosk.key]          sync, with a progress bar
//   (the store's key: $CREDENTIALS_DIRECTORY/carers-kiosk-db-key, --key FILE, or the passphrase)
//   carers-sync ... --install-token device.token     move the enrolment token into the store
//   carers-sync ... --export bundle.json             write an offline bundle (USB stick)
//   carers-sync ... --export bundle.json --set-aside only the refused ones staff set aside
//   carers-sync ... --receipts receipts.json         apply the centre's receipts for a bundle
//   carers-sync ... --health                         check the centre answers and is trusted
//
// Exit codes: 0 done, 1 failed (a person must act), 2 try again later, 3 done but the centre refused
// some (they stay on the kiosk; listed), 130 interrupted, 64 usage.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <optional>
#include <unistd.h>

#include "kiosk/common/hidden_input.h"
#include "kiosk/store/database.h"
#include "kiosk/store/key_source.h"
#include "sync/centre/centre_directory.h"
#include "sync/client/centre_check.h"
#include "sync/client/device_token_store.h"
#include "sync/client/sync_client.h"
#include "sync/protocol/kiosk_sync_config.h"

using namespace carers;
using namespace carers::sync;

namespace {

std::atomic<bool> interrupted{false};
void on_signal(int) { interrupted = true; }

int usage() {
    std::fputs("usage: carers-sync --config KIOSK.json --store KIOSK.db [--key KEYFILE]\n"
               "                   [--install-token FILE | --export FILE [--set-aside] | --receipts FILE | --health] [--quiet]\n",
               stderr);
    return 64;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "carers-sync: %s\n", message.c_str());
    return 1;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

void draw(const SyncProgress& p, bool tty) {
    std::int64_t done = p.confirmed + p.rejected;
    int width = 30;
    int filled = p.total > 0 ? static_cast<int>(width * std::min<std::int64_t>(done, p.total) / p.total) : width;
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(static_cast<std::size_t>(width), ' ');
    std::string status = p.status.size() > 70 ? p.status.substr(0, 67) + "..." : p.status;
    std::fprintf(stderr, "%s[%s] %lld/%lld  %s%s", tty ? "\r\033[K" : "", bar.c_str(), static_cast<long long>(done),
                 static_cast<long long>(p.total), status.c_str(), tty ? "" : "\n");
    std::fflush(stderr);
}

std::optional<std::string> ask_passphrase(const store::PassphraseRequest& request) {
    if (request.choosing_new || !isatty(STDIN_FILENO)) return std::nullopt;
    if (!request.problem.empty()) std::fprintf(stderr, "%s\n", request.problem.c_str());
    return carers::read_hidden_line("Kiosk store passphrase: ", carers::WhenNotTerminal::refuse);
}

}  // namespace

int main(int argc, char** argv) {
    std::string config_path, store_path, key_path, install, export_path, receipts_path;
    bool quiet = false, health = false, set_aside = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto value = [&](std::string& into) {
            if (i + 1 >= argc) return false;
            into = argv[++i];
            return true;
        };
        if (a == "--config" ? !value(config_path)
            : a == "--store" ? !value(store_path)
            : a == "--key" ? !value(key_path)
            : a == "--install-token" ? !value(install)
            : a == "--export" ? !value(export_path)
            : a == "--receipts" ? !value(receipts_path)
            : a == "--quiet" ? !(quiet = true)
            : a == "--health" ? !(health = true)
            : a == "--set-aside" ? !(set_aside = true)
            : true)
            return usage();
    }
    if (config_path.empty() || (set_aside && export_path.empty())) return usage();
    auto config = load_kiosk_sync_config(config_path);
    if (!config) return fail(config.message());

    if (health) {
        auto checked = check_centre(config->sync);
        if (!checked) return fail(checked.message());
        std::printf("%s\n", checked->message.c_str());
        return 0;
    }

    if (store_path.empty()) return usage();
    if (!std::filesystem::exists(store_path)) return fail("There is no kiosk store at " + store_path + ".");
    // The key comes from the same places the kiosk takes it from (systemd credential, key file,
    // staff passphrase), so staff need nothing extra to sync from the command line.
    store::KeyOptions key_options;
    key_options.database = store_path;
    key_options.credentials_directory = store::credentials_directory_from_environment();
    key_options.key_file = key_path;
    auto key = store::resolve_database_key(key_options, ask_passphrase);
    if (!key) return fail(key.message());
    auto db = store::Database::open(store_path, key->key);
    if (!db) return fail(db.message());

    if (!install.empty()) {
        if (auto r = install_device_token(**db, install); !r) return fail(r.message());
        std::printf("The device token is now in the kiosk's encrypted store; %s was deleted.\n", install.c_str());
        return 0;
    }
    if (!receipts_path.empty()) {
        std::ifstream in(receipts_path, std::ios::binary);
        if (!in) return fail("Cannot read " + receipts_path + ".");
        std::ostringstream text;
        text << in.rdbuf();
        auto n = apply_receipts_file(**db, config->sync, text.str(), now());
        if (!n) return fail(n.message());
        std::printf("The centre's receipts verified: %lld submissions deleted from this kiosk.\n",
                    static_cast<long long>(*n));
        return 0;
    }
    auto token = load_device_token(**db);
    if (!token) return fail(token.message());
    if (!export_path.empty()) {
        auto bundle = export_outbox_bundle(**db, config->sync, *token, set_aside);
        if (!bundle) return fail(bundle.message());
        if (auto w = write_private_file(export_path, bundle->text); !w) return fail(w.message());
        std::printf("Wrote %zu sealed%s submissions to %s. They stay on this kiosk until the centre's receipts\n"
                    "for them are applied with: carers-sync ... --receipts FILE\n",
                    bundle->count, set_aside ? " set-aside" : "", export_path.c_str());
        return 0;
    }

    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    bool tty = isatty(STDERR_FILENO);
    SyncClient client(**db, config->sync, std::move(*token));
    auto result = client.run(interrupted, [&](const SyncProgress& p) {
        if (!quiet) draw(p, tty);
    });
    if (!quiet && tty) std::fputc('\n', stderr);
    std::printf("%s\n", result.message.c_str());
    for (const auto& r : result.rejections) std::printf("  refused %s: %s\n", r.id.c_str(), r.reason.c_str());
    switch (result.status) {
    case SyncStatus::Complete: return result.rejected > 0 ? 3 : 0;
    case SyncStatus::RetryLater: return 2;
    case SyncStatus::Cancelled: return 130;
    case SyncStatus::Failed: return 1;
    }
    return 1;
}
