// store_test_child: a small program the store tests run, kill and starve of disk space.
//
//   store_test_child crash-loop DIR CENTRE_PK_HEX RUN
//       opens the store in DIR, prints "ready RUN", then saves submissions (and a personal draft)
//       in a loop, printing "saved ID RUN N" / "draft RUN N" only after each save returned ok.
//   store_test_child crash-server DIR CENTRE_PK_HEX -
//       for each line "run RUN" on stdin, forks a process that does crash-loop (printing
//       "pid RUN PID" first), waits for it to die and prints "end RUN WAIT_STATUS". Forking skips
//       the sanitizer start-up of a fresh program, so 200 kills take seconds, not minutes; every
//       forked process opens the store afresh, as a restarted kiosk does.
//   store_test_child fill-disk DIR CENTRE_PK_HEX FILE_SIZE_LIMIT
//       opens the store, sets RLIMIT_FSIZE, saves until a save fails; prints "saved ..." lines,
//       "failed KIND EXIT_CODE MESSAGE", then what later saves and a count say.
//   store_test_child session DIR CENTRE_PK_HEX MARKER_PREFIX
//       a kiosk session that types markers (session_markers.h) into every kind of field: a
//       submission, personal drafts, "come back later" drafts with right and wrong words, a staff
//       PIN. Copies the -wal and -shm files while the store is open to DIR/snapshot.
//   store_test_child rekey-loop DIR CENTRE_PK_HEX RUN
//       opens the store in DIR (settling a key change an earlier kill cut short), prints
//       "ready RUN", then changes the database key in a loop, printing "rekeyed RUN N" after each.
//   store_test_child tmpfs-full DIR CENTRE_PK_HEX CENTRE_SK_HEX
//       in a private mount namespace, puts the store on a 512 KiB tmpfs, fills it, checks that
//       everything saved is intact, frees space and saves again; prints "ok ..." or "skip ...".
// Output goes through write(2) at once, so a SIGKILL loses nothing that was printed.
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sched.h>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <sodium.h>

#include "kiosk/store/local_store.h"
#include "tests/store/crash_payload.h"
#include "tests/store/session_markers.h"

using namespace carers;
using namespace carers::store;
using carers::store::test_fixtures::crash_payload;

namespace {

void say(const std::string& line) {
    std::string l = line + "\n";
    ssize_t ignored = write(1, l.data(), l.size());
    (void)ignored;
}

template <std::size_t N> bool from_hex(const char* hex, std::array<std::uint8_t, N>& out) {
    std::size_t n = 0;
    return sodium_hex2bin(out.data(), N, hex, std::strlen(hex), nullptr, &n, nullptr) == 0 && n == N;
}

StoreOptions options_in(const std::filesystem::path& dir) {
    StoreOptions o;
    o.key.database = dir / "kiosk.db";
    o.key.key_file = dir / "kiosk.key";
    o.parked.limits = KdfLimits::test_minimum();
    o.staff_pin.limits = KdfLimits::test_minimum();
    return o;
}

std::unique_ptr<LocalStore> open_or_exit(const StoreOptions& o) {
    auto s = LocalStore::open(o, {}, 1'700'000'000);
    if (!s) {
        say(std::string("open-failed ") + failure_name(s.failure()) + " " + s.message());
        std::exit(2);
    }
    return std::move(s.value());
}

int crash_loop(const std::filesystem::path& dir, const CentrePublicKey& centre, int run) {
    auto store = open_or_exit(options_in(dir));
    say("ready " + std::to_string(run));
    auto outbox = store->outbox();
    auto drafts = store->personal_drafts();
    for (int n = 0;; ++n) {
        auto id = outbox.submit({"https://example.org/fhir/Questionnaire/crash", "1", "self-review", crash_payload(run, n)},
                                centre, 1'700'000'000 + n);
        if (!id) {
            say(std::string("submit-failed ") + id.message());
            return 3;
        }
        say("saved " + *id + " " + std::to_string(run) + " " + std::to_string(n));
        if (n % 3 == 0) {
            std::string draft = "{\"run\":" + std::to_string(run) + ",\"n\":" + std::to_string(n) + "}";
            if (auto d = drafts.save("crash-form", draft, 1'700'000'000 + n); !d) {
                say(std::string("draft-failed ") + d.message());
                return 3;
            }
            say("draft " + std::to_string(run) + " " + std::to_string(n));
        }
    }
}

int crash_server(const std::filesystem::path& dir, const CentrePublicKey& centre) {
    std::string line;
    while (std::getline(std::cin, line)) {
        int run = 0;
        if (std::sscanf(line.c_str(), "run %d", &run) != 1) break;
        pid_t pid = fork();
        if (pid < 0) {
            say("fork-failed");
            return 2;
        }
        if (pid == 0) _exit(crash_loop(dir, centre, run));
        say("pid " + std::to_string(run) + " " + std::to_string(pid));
        int status = 0;
        waitpid(pid, &status, 0);
        say("end " + std::to_string(run) + " " + std::to_string(status));
    }
    return 0;
}

int fill_disk(const std::filesystem::path& dir, const CentrePublicKey& centre, long long limit) {
    auto store = open_or_exit(options_in(dir));
    std::signal(SIGXFSZ, SIG_IGN);  // a write past the limit then fails with EFBIG instead of killing us
    rlimit rl{static_cast<rlim_t>(limit), static_cast<rlim_t>(limit)};
    if (setrlimit(RLIMIT_FSIZE, &rl) != 0) {
        say("setrlimit-failed");
        return 2;
    }
    auto outbox = store->outbox();
    int n = 0;
    for (; n < 100000; ++n) {
        auto id = outbox.submit({"u", "1", "self-review", crash_payload(7000, n)}, centre, n);
        if (!id) {
            say(std::string("failed ") + failure_name(id.failure()) + " " + std::to_string(id.exit_code()) + " " + id.message());
            break;
        }
        say("saved " + *id + " 7000 " + std::to_string(n));
    }
    for (int i = 1; i <= 3; ++i) {
        auto id = outbox.submit({"u", "1", "self-review", crash_payload(7000, n + i)}, centre, n + i);
        say(std::string("later ") + (id ? std::string("saved ") + *id + " 7000 " + std::to_string(n + i)
                                        : std::string("failed ") + failure_name(id.failure())));
    }
    auto count = outbox.count();
    say(count ? "count " + std::to_string(*count) : "count-failed " + count.message());
    return 0;
}

// Puts `dir`/mnt on a private 512 KiB tmpfs; false (with the reason said) when the system will
// not let us.
bool private_tmpfs(const std::filesystem::path& mnt) {
    if (unshare(CLONE_NEWNS) != 0) {
        uid_t uid = geteuid();
        gid_t gid = getegid();
        if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0) {
            say(std::string("skip no mount namespace: ") + std::strerror(errno));
            return false;
        }
        std::ofstream("/proc/self/setgroups") << "deny";
        std::ofstream("/proc/self/uid_map") << "0 " << uid << " 1";
        std::ofstream("/proc/self/gid_map") << "0 " << gid << " 1";
    }
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) {
        say(std::string("skip cannot make mounts private: ") + std::strerror(errno));
        return false;
    }
    std::filesystem::create_directories(mnt);
    if (mount("tmpfs", mnt.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=512k,mode=0700") != 0) {
        say(std::string("skip cannot mount a tmpfs: ") + std::strerror(errno));
        return false;
    }
    return true;
}

int tmpfs_full(const std::filesystem::path& dir, const CentrePublicKey& centre, const std::array<std::uint8_t, 32>& sk) {
    auto mnt = dir / "mnt";
    if (!private_tmpfs(mnt)) return 77;
    // Ballast: space to free once the disk is full, as staff would.
    { std::ofstream(mnt / "ballast", std::ios::binary) << std::string(96 * 1024, 'b'); }
    auto o = options_in(mnt);
    std::vector<std::pair<std::string, int>> saved;
    std::string failure;
    {
        auto store = open_or_exit(o);
        auto outbox = store->outbox();
        for (int n = 0; n < 100000; ++n) {
            auto id = outbox.submit({"u", "1", "self-review", crash_payload(8000, n)}, centre, n);
            if (!id) {
                failure = std::string(failure_name(id.failure())) + " " + id.message();
                break;
            }
            saved.emplace_back(*id, n);
        }
        say("saved " + std::to_string(saved.size()));
        say("failed " + failure);
        auto count = outbox.count();
        say(count ? "count " + std::to_string(*count) : "count-failed " + count.message());
    }
    {
        auto again = LocalStore::open(o, {}, 1'700'000'000);
        say(std::string("reopen-while-full ") + (again ? "ok" : failure_name(again.failure())));
    }
    std::filesystem::remove(mnt / "ballast");
    auto store = open_or_exit(o);
    auto problems = store->database().integrity_problems(true);
    say(problems && problems->empty() ? "integrity ok" : "integrity damaged");
    auto pending = store->outbox().pending(1000000, std::size_t(1) << 40);
    std::size_t intact = 0;
    if (pending) {
        for (const auto& [id, n] : saved)
            for (const auto& e : *pending)
                if (e.id == id) {
                    auto plain = open_sealed(e.sealed, centre, sk);
                    if (plain && *plain == crash_payload(8000, n)) ++intact;
                }
    }
    say("intact " + std::to_string(intact) + " of " + std::to_string(saved.size()));
    auto after = store->outbox().submit({"u", "1", "self-review", crash_payload(8000, 999999)}, centre, 1);
    say(std::string("after-freeing ") + (after ? "saved" : after.message()));
    return 0;
}

int session(const std::filesystem::path& dir, const CentrePublicKey& centre, const std::string& prefix) {
    test_fixtures::SessionMarkers m(prefix);
    auto store = open_or_exit(options_in(dir / "store"));
    const std::int64_t now = 1'700'000'000;
    auto fail = [](const std::string& what, const std::string& why) {
        say("failed " + what + ": " + why);
        return 3;
    };
    // A carer in personal mode, saving as they go, then finishing; and another form left half done.
    auto drafts = store->personal_drafts();
    for (int i = 0; i < 5; ++i)
        if (auto r = drafts.save("self-review", m.draft(), now + i); !r) return fail("draft", r.message());
    if (auto r = drafts.save("emergency-card", m.draft(), now); !r) return fail("draft", r.message());
    auto id = store->outbox().submit({"https://carers-kiosk.example.org/fhir/Questionnaire/self-review", "1.0.0",
                                      "self-review", m.response()},
                                     centre, now + 10);
    if (!id) return fail("submit", id.message());
    say("submitted " + *id);
    if (auto r = drafts.remove("self-review", "finished", now + 11); !r) return fail("draft remove", r.message());

    // A carer at the kiosk saves to come back later, comes back, mistypes the word, then gets it.
    auto parked = store->parked_drafts();
    auto ticket = parked.save(m.parked_draft(), m.word, now + 20);
    if (!ticket) return fail("park", ticket.message());
    say("parked, expires " + std::to_string(ticket->expires_at));
    auto wrong = parked.resume(ticket->shown_code, m.wrong_word, now + 30);
    if (!wrong || wrong->status != ResumeStatus::wrong_word) return fail("wrong word", "not refused");
    auto right = parked.resume(ticket->shown_code, m.word, now + 31);
    if (!right || right->status != ResumeStatus::opened || right->draft != m.parked_draft()) return fail("resume", "not opened");
    if (auto r = parked.remove(right->handle, "finished", now + 32); !r) return fail("parked remove", r.message());
    // ... and another carer's saved answers wait for them.
    if (auto again = parked.save(m.parked_draft(), m.word, now + 40); !again) return fail("park", again.message());
    if (auto accented = parked.save(m.parked_draft(), m.accented_word, now + 41); !accented)
        return fail("park", accented.message());

    auto pin = store->staff_pin();
    if (auto r = pin.set(m.pin, now); !r) return fail("pin", r.message());
    if (auto r = pin.check(m.pin, now + 50); !r || r->status != StaffLoginStatus::ok) return fail("pin", "not accepted");

    // Staff change the database key.
    if (auto r = store->change_key({}, now + 60); !r) return fail("rekey", r.message());
    if (auto r = store->outbox().submit({"https://carers-kiosk.example.org/fhir/Questionnaire/self-review", "1.0.0",
                                         "self-review", m.response()},
                                        centre, now + 61);
        !r)
        return fail("submit after rekey", r.message());

    // The newest pages live in the WAL until a checkpoint: look at it while the store is open.
    std::filesystem::create_directories(dir / "snapshot");
    for (const char* f : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        if (std::filesystem::exists(dir / "store" / f))
            std::filesystem::copy_file(dir / "store" / f, dir / "snapshot" / f);
    say("session done");
    return 0;
}

int rekey_loop(const std::filesystem::path& dir, int run) {
    auto store = open_or_exit(options_in(dir));
    say("ready " + std::to_string(run));
    for (int n = 0;; ++n) {
        auto changed = store->change_key({}, 1'700'000'000 + n);
        if (!changed) {
            say(std::string("rekey-failed ") + failure_name(changed.failure()) + " " + changed.message());
            return 3;
        }
        say("rekeyed " + std::to_string(run) + " " + std::to_string(n));
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (sodium_init() < 0) return 2;
    if (argc != 5) {
        std::fprintf(stderr, "usage: store_test_child crash-loop|fill-disk|tmpfs-full DIR CENTRE_PK_HEX ARG\n");
        return 2;
    }
    std::string mode = argv[1];
    std::filesystem::path dir = argv[2];
    CentrePublicKey centre;
    if (!from_hex(argv[3], centre)) return 2;
    if (mode == "crash-loop") return crash_loop(dir, centre, std::atoi(argv[4]));
    if (mode == "crash-server") return crash_server(dir, centre);
    if (mode == "fill-disk") return fill_disk(dir, centre, std::atoll(argv[4]));
    if (mode == "session") return session(dir, centre, argv[4]);
    if (mode == "rekey-loop") return rekey_loop(dir, std::atoi(argv[4]));
    if (mode == "tmpfs-full") {
        std::array<std::uint8_t, 32> sk;
        if (!from_hex(argv[4], sk)) return 2;
        return tmpfs_full(dir, centre, sk);
    }
    return 2;
}
