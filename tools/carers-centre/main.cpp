// carers-centre: the Carers Centre's receiver and its data tools.
//
//   carers-centre serve DIR [--bind ADDR] [--port N]
//   carers-centre import DIR BUNDLE --receipts OUT
//   carers-centre export DIR --format csv|json|fhir [--out FILE] [--all]
//   carers-centre status DIR
//
// export gives what no earlier export gave (so a case-management system imports each submission
// once); --all gives everything held again, e.g. when an export file was lost.
#include <csignal>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sync/centre/bundle_import.h"
#include "sync/centre/centre_directory.h"
#include "sync/centre/centre_server.h"
#include "sync/centre/exporter.h"

using namespace carers;
using namespace carers::sync;

namespace {

int usage() {
    std::fputs("usage:\n"
               "  carers-centre serve DIR [--bind ADDR] [--port N]\n"
               "  carers-centre import DIR BUNDLE --receipts OUT\n"
               "  carers-centre export DIR --format csv|json|fhir [--out FILE] [--all]\n"
               "  carers-centre status DIR\n",
               stderr);
    return 64;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "carers-centre: %s\n", message.c_str());
    return 1;
}

int serve(const std::vector<std::string>& a) {
    if (a.empty()) return usage();
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    CentreServerOptions o;
    o.bind_address = dir->config().bind_address;
    o.port = dir->config().port;
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (i + 1 >= a.size()) return usage();
        if (a[i] == "--bind") o.bind_address = a[++i];
        else if (a[i] == "--port") {
            try {
                o.port = std::stoi(a[++i]);
            } catch (...) {
                return fail("--port needs a number.");
            }
        } else return usage();
    }
    o.certificate_file = dir->certificate_file();
    o.private_key_file = dir->private_key_file();
    auto store = dir->open_store();
    if (!store) return fail(store.message());
    auto identity = dir->identity();
    if (!identity) return fail(identity.message());
    SubmissionService service(**store, *identity, dir->config().limits);
    CentreServer server(service, o);

    // Signals are taken by one thread with sigwait, so the server threads never see them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    if (auto b = server.bind(); !b) return fail(b.message());
    std::fprintf(stdout, "serving on port %d\n", server.port());
    std::fflush(stdout);
    std::thread watcher([&] {
        int sig = 0;
        sigwait(&signals, &sig);
        server.stop();
    });
    server.run();
    pthread_kill(watcher.native_handle(), SIGTERM);  // if run() ended on its own, release the watcher
    watcher.join();
    std::fprintf(stderr, "stopped\n");
    return 0;
}

int import_cmd(const std::vector<std::string>& a) {
    if (a.size() != 4 || a[2] != "--receipts") return usage();
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    std::ifstream in(a[1], std::ios::binary);
    if (!in) return fail("Cannot read " + a[1] + ".");
    std::ostringstream text;
    text << in.rdbuf();
    auto store = dir->open_store();
    if (!store) return fail(store.message());
    auto identity = dir->identity();
    if (!identity) return fail(identity.message());
    SubmissionService service(**store, *identity, dir->config().limits);
    auto outcome = import_bundle(**store, service, text.str());
    if (!outcome) return fail(outcome.message());
    std::ofstream out(a[3], std::ios::binary | std::ios::trunc);
    out << outcome->receipts_file;
    out.close();
    if (!out) return fail("The bundle was imported but the receipts could not be written to " + a[3] + ".");
    std::printf("Imported: %zu stored, %zu already held, %zu refused. Take %s back to the kiosk and run\n"
                "carers-sync ... --receipts %s\n",
                outcome->stored, outcome->already_held, outcome->rejected, a[3].c_str(), a[3].c_str());
    return 0;
}

int export_cmd(const std::vector<std::string>& a) {
    if (a.empty()) return usage();
    std::string format = "json", out_path;
    auto which = SubmissionSelection::NotYetExported;
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (a[i] == "--all") {
            which = SubmissionSelection::All;
            continue;
        }
        if (i + 1 >= a.size()) return usage();
        if (a[i] == "--format") format = a[++i];
        else if (a[i] == "--out") out_path = a[++i];
        else return usage();
    }
    auto fmt = parse_export_format(format);
    if (!fmt) return fail(fmt.message());
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    auto keys = dir->sealing_keys();
    if (!keys) return fail(keys.message());
    auto store = dir->open_store();
    if (!store) return fail(store.message());
    std::ostringstream buffer;
    auto summary = export_submissions(**store, *keys, *fmt, buffer, which);
    if (!summary) return fail(summary.message());
    if (out_path.empty()) {
        std::cout << buffer.str() << std::flush;
        if (!std::cout) return fail("The export could not be written to standard output; nothing was noted as exported.");
    } else if (auto w = write_private_file(out_path, buffer.str()); !w) {
        return fail(w.message() + " Nothing was noted as exported.");
    }
    // Only now that the file is on disk: a crash before this line exports them again next
    // time (twice), never not at all.
    auto marked = (*store)->mark_exported(summary->ids, static_cast<std::int64_t>(std::time(nullptr)));
    if (!marked) return fail(marked.message());
    auto held = (*store)->submission_count();
    std::int64_t left_out = held ? *held - static_cast<std::int64_t>(summary->exported + summary->unreadable.size()) : 0;
    if (summary->exported == 0 && summary->unreadable.empty())
        std::fprintf(stderr, "Exported 0 submissions: nothing new since the last export.\n");
    else
        std::fprintf(stderr, "Exported %zu submissions (%zu urgent, listed first).\n", summary->exported,
                     summary->urgent);
    if (which == SubmissionSelection::NotYetExported && left_out > 0)
        std::fprintf(stderr, "%lld exported earlier were left out; --all exports everything held again.\n",
                     static_cast<long long>(left_out));
    for (const auto& id : summary->unreadable)
        std::fprintf(stderr, "  could not open %s (sealed to another key, or damaged)\n", id.c_str());
    return summary->unreadable.empty() ? 0 : 3;
}

int status_cmd(const std::vector<std::string>& a) {
    if (a.size() != 1) return usage();
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    auto store = dir->open_store();
    if (!store) return fail(store.message());
    auto n = (*store)->submission_count();
    auto fresh = (*store)->not_exported_count();
    auto devices = (*store)->devices();
    if (!n || !fresh || !devices) return fail("The centre's database cannot be read.");
    std::printf("%s: %lld submissions held (%lld not yet exported), %zu devices enrolled, receipts signed by %s\n",
                dir->config().name.c_str(), static_cast<long long>(*n), static_cast<long long>(*fresh),
                devices->size(), dir->config().receipt_public_key.c_str());
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::string cmd = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "serve") return serve(args);
    if (cmd == "import") return import_cmd(args);
    if (cmd == "export") return export_cmd(args);
    if (cmd == "status") return status_cmd(args);
    return usage();
}
