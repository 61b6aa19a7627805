// carers-store: look after a kiosk's encrypted store from the command line (staff).
//
//   carers-store --store kiosk.db --key kiosk.key init           make a new store with a key file
//   carers-store --store kiosk.db init --passphrase              make a new store opened by a passphrase
//   carers-store --store kiosk.db [--key kiosk.key] status       what is waiting, drafts, last events
//   carers-store --store kiosk.db [--key kiosk.key] verify       full integrity and page checks
//   carers-store --store kiosk.db [--key kiosk.key] purge        delete what has expired, now
//   carers-store --store kiosk.db [--key kiosk.key] audit [N]    the last N audit events (default 50)
//   carers-store --store kiosk.db [--key kiosk.key] set-pin      set the staff PIN (typed twice)
//   carers-store --store kiosk.db [--key kiosk.key] unlock-drafts  lift the block after too many unknown resume codes
//   carers-store --store kiosk.db [--key kiosk.key] rekey        re-encrypt under a new key file or passphrase
//   carers-store --store kiosk.db [--key kiosk.key] refused      submissions the centre refused, and why
//   carers-store --store kiosk.db [--key kiosk.key] set-aside ID stop offering a refused one (it stays, sealed)
//   carers-store --store kiosk.db [--key kiosk.key] put-back ID  offer a set-aside one again at the next sync
//
// The key is found as the kiosk finds it: $CREDENTIALS_DIRECTORY/carers-kiosk-db-key, the key
// file, or the staff passphrase typed here. Exit codes are the store's (kiosk/store/README.md):
// 0 fine, 10-19 a store failure, 64 usage, 1 a check that found problems.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <ctime>
#include <optional>
#include <string>
#include <unistd.h>

#include "kiosk/common/hidden_input.h"
#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/local_store.h"

using namespace carers;
using namespace carers::store;

namespace {

int usage() {
    std::fputs("usage: carers-store --store KIOSK.db [--key KEYFILE] status|verify|purge|audit [N]|set-pin|unlock-drafts|rekey\n"
               "       carers-store --store KIOSK.db [--key KEYFILE] refused|set-aside ID|put-back ID\n"
               "       carers-store --store KIOSK.db (--key KEYFILE init | init --passphrase)\n",
               stderr);
    return 64;
}

// Staff scripts may pipe the secret in, so a non-terminal stdin is read as it is.
std::optional<std::string> read_hidden(const char* prompt) {
    return carers::read_hidden_line(prompt, carers::WhenNotTerminal::read_line);
}

std::optional<std::string> ask_passphrase(const PassphraseRequest& request) {
    if (request.choosing_new) return std::nullopt;  // staff tools never make a new store
    if (!request.problem.empty()) std::fprintf(stderr, "%s\n", request.problem.c_str());
    return read_hidden("Kiosk store passphrase: ");
}

// For `init --passphrase`: the new passphrase, typed twice.
std::optional<std::string> choose_passphrase(const PassphraseRequest& request) {
    if (!request.choosing_new) return std::nullopt;
    if (!request.problem.empty()) std::fprintf(stderr, "%s\n", request.problem.c_str());
    for (;;) {
        auto first = read_hidden("New passphrase for the kiosk store (at least 10 characters): ");
        auto second = read_hidden("The same passphrase again: ");
        if (!first || !second) return std::nullopt;
        bool same = *first == *second;
        secure_wipe(*second);
        if (same) return first;
        secure_wipe(*first);
        std::fprintf(stderr, "The two passphrases differ; please type them again.\n");
        if (!isatty(STDIN_FILENO)) return std::nullopt;
    }
}

std::string when(std::int64_t t) {
    std::time_t tt = static_cast<std::time_t>(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", std::gmtime(&tt));
    return buf;
}

int fail(const StoreError& e) {
    std::fprintf(stderr, "carers-store: %s\n", e.message.c_str());
    return exit_code(e.failure);
}

}  // namespace

int main(int argc, char** argv) {
    std::string store_path, key_path, command, arg;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--store" && i + 1 < argc) store_path = argv[++i];
        else if (a == "--key" && i + 1 < argc) key_path = argv[++i];
        else if (command.empty()) command = a;
        else if (arg.empty()) arg = a;
        else return usage();
    }
    if (store_path.empty() || command.empty()) return usage();
    if (command != "status" && command != "verify" && command != "purge" && command != "audit" && command != "set-pin" &&
        command != "unlock-drafts" && command != "rekey" && command != "init" && command != "refused" &&
        command != "set-aside" && command != "put-back")
        return usage();
    if ((command == "set-aside" || command == "put-back") && arg.empty()) return usage();
    if (command == "init") {
        bool passphrase = arg == "--passphrase";
        if ((!passphrase && !arg.empty()) || (passphrase == !key_path.empty())) return usage();
        if (std::filesystem::exists(store_path)) {
            std::fprintf(stderr, "carers-store: there is already a store at %s; nothing was changed.\n", store_path.c_str());
            return 1;
        }
        StoreOptions fresh;
        fresh.key.database = store_path;
        fresh.key.key_file = key_path;
        fresh.key.new_key = passphrase ? NewKey::passphrase : NewKey::key_file;
        fresh.opened_by = "carers-store";
        auto made = LocalStore::open(fresh, choose_passphrase, static_cast<std::int64_t>(std::time(nullptr)));
        if (!made) return fail(made.store_error());
        std::printf("A new kiosk store is at %s, opened by %s. Keep %s with it in backups.\n", store_path.c_str(),
                    passphrase ? "the passphrase" : key_path.c_str(), (store_path + ".key-record").c_str());
        return 0;
    }

    StoreOptions options;
    options.key.database = store_path;
    options.key.credentials_directory = credentials_directory_from_environment();
    options.key.key_file = key_path;
    options.create_database = false;
    options.opened_by = "carers-store";
    options.refuse_if_open_elsewhere = command == "rekey";
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    // Opening already purges what has expired; `purge` says what that removed.
    auto opened = LocalStore::open(options, ask_passphrase, now);
    if (!opened) return fail(opened.store_error());
    LocalStore& store = *opened.value();
    Database& db = store.database();

    if (command == "status") {
        auto stats = store.outbox().stats();
        auto parked = store.parked_drafts().count();
        auto personal = store.personal_drafts().forms();
        if (!stats || !parked || !personal) return fail(db.failure(!stats ? stats.message() : !parked ? parked.message() : personal.message()));
        std::printf("store %s: schema %d, SQLCipher %s, key from %s\n", store_path.c_str(), db.schema_version(),
                    db.cipher_version().c_str(), key_source_name(store.key_source()));
        std::printf("submissions waiting for the centre: %lld\n", static_cast<long long>(stats->waiting));
        if (stats->set_aside > 0)
            std::printf("refused and set aside (not sent):   %lld; see `refused`\n", static_cast<long long>(stats->set_aside));
        std::printf("confirmed, kept for retention:      %lld\n", static_cast<long long>(stats->retained));
        std::printf("confirmed by the centre in all:     %lld\n", static_cast<long long>(stats->sent_total));
        std::printf("saved to come back later:           %lld\n", static_cast<long long>(*parked));
        std::printf("personal drafts:                    %zu\n", personal->size());
        auto blocked = store.parked_drafts().guess_limit().blocked_until(now);
        if (blocked && *blocked)
            std::printf("resume codes blocked (too many unknown codes) until %s UTC; lift with unlock-drafts\n",
                        when(**blocked).c_str());
        return 0;
    }
    if (command == "verify") {
        auto problems = db.integrity_problems(true);
        if (!problems) return fail(db.failure(problems.message()));
        auto pages = db.cipher_problems();
        if (!pages) return fail(db.failure(pages.message()));
        for (const auto& p : *problems) std::printf("integrity: %s\n", p.c_str());
        for (const auto& p : *pages) std::printf("page check: %s\n", p.c_str());
        if (problems->empty() && pages->empty()) {
            std::printf("The store %s is sound: every page decrypts, its checks match, and the tables are consistent.\n",
                        store_path.c_str());
            return 0;
        }
        std::printf("The store %s has problems (above); keep a copy and restore from a backup.\n", store_path.c_str());
        return exit_code(StoreFailure::database_damaged);
    }
    if (command == "purge") {
        auto counts = store.purge_expired(now);
        if (!counts) return fail(counts.store_error());
        std::printf("Purged now: %lld confirmed submissions past retention, %lld expired saved drafts, %lld expired "
                    "personal drafts, %lld old audit events.\n",
                    static_cast<long long>(counts->outbox), static_cast<long long>(counts->parked_drafts),
                    static_cast<long long>(counts->personal_drafts), static_cast<long long>(counts->audit_entries));
        std::printf("(Opening the store purges too; see `audit` for what each start removed.)\n");
        return 0;
    }
    if (command == "audit") {
        long n = arg.empty() ? 50 : std::strtol(arg.c_str(), nullptr, 10);
        if (n <= 0) return usage();
        auto entries = recent_audit(db, static_cast<std::size_t>(n));
        if (!entries) return fail(db.failure(entries.message()));
        for (auto it = entries->rbegin(); it != entries->rend(); ++it)
            std::printf("%s  %-20s %s\n", when(it->at).c_str(), it->event.c_str(), it->subject.c_str());
        return 0;
    }
    if (command == "rekey") {
        // With the kiosk stopped: a running kiosk would find its database under a key it lacks.
        auto changed = store.change_key(choose_passphrase, now);
        if (!changed) return fail(changed.store_error());
        if (store.key_source() == KeySource::passphrase)
            std::printf("The database key was changed: %s now opens with the new passphrase only.\n", store_path.c_str());
        else
            std::printf("The database key was changed: %s now holds a new key, and the old key no longer opens %s.\n",
                        key_path.c_str(), store_path.c_str());
        std::printf("Back up %s and %s.key-record again; backups made before now still need the old key.\n",
                    store_path.c_str(), store_path.c_str());
        return 0;
    }
    if (command == "refused") {
        // Envelopes only: the kiosk cannot open what it sealed, so nothing personal can show.
        auto refused = store.outbox().refused();
        if (!refused) return fail(db.failure(refused.message()));
        if (refused->empty()) {
            std::printf("The Carers Centre has refused nothing that is still on this kiosk.\n");
            return 0;
        }
        for (const auto& r : *refused)
            std::printf("%s  %-15s made %s UTC, %lld bytes, refused %s UTC%s\n    %s\n", r.id.c_str(), r.kind.c_str(),
                        when(r.created_at).c_str(), static_cast<long long>(r.size), when(r.refused_at).c_str(),
                        r.set_aside_at ? (", set aside " + when(r.set_aside_at) + " UTC").c_str() : "", r.reason.c_str());
        std::printf("Refused submissions stay on this kiosk, sealed, and are offered again at every sync. `set-aside ID` "
                    "stops offering one (it is kept; `carers-sync --export FILE --set-aside` carries set-aside ones to "
                    "the centre); `put-back ID` offers it again once the centre has fixed the cause.\n");
        return 0;
    }
    if (command == "set-aside" || command == "put-back") {
        auto done = command == "set-aside" ? store.outbox().set_aside(arg, now) : store.outbox().put_back(arg, now);
        if (!done) {
            std::fprintf(stderr, "carers-store: %s Nothing was changed.\n", done.message().c_str());
            return 1;
        }
        if (command == "set-aside")
            std::printf("The submission %s is set aside: it stays on this kiosk, sealed, and is no longer sent.\n",
                        done->c_str());
        else
            std::printf("The submission %s is back in the queue: it is sent at the next sync.\n", done->c_str());
        return 0;
    }
    if (command == "unlock-drafts") {
        auto limit = store.parked_drafts().guess_limit();
        auto until = limit.blocked_until(now);
        if (!until) return fail(db.failure(until.message()));
        if (auto r = limit.clear(now); !r) return fail(db.failure(r.message()));
        std::printf(*until ? "Resume codes can be tried again at this kiosk (the block was lifted).\n"
                           : "Resume codes were not blocked; the count of unknown codes was reset.\n");
        return 0;
    }
    // set-pin
    auto first = read_hidden("New staff PIN (4 to 12 digits): ");
    auto second = read_hidden("The same PIN again: ");
    if (!first || !second) return usage();
    bool same = *first == *second;
    secure_wipe(*second);
    if (!same) {
        secure_wipe(*first);
        std::fprintf(stderr, "carers-store: the two PINs differ; nothing was changed.\n");
        return 1;
    }
    if (auto r = store.staff_pin().set(std::move(*first), now); !r) {
        std::fprintf(stderr, "carers-store: %s\n", r.message().c_str());
        return 1;
    }
    std::printf("The staff PIN is set.\n");
    return 0;
}
