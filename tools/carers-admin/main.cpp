// carers-admin: the Carers Centre's setup tool.
//
//   carers-admin init-centre DIR [--name NAME] [--host HOST]... [--port N] [--bind ADDR]
//   carers-admin enrol-device DIR DEVICE_ID [--url URL] [--out OUTDIR] [--replace]
//   carers-admin revoke-device DIR DEVICE_ID
//   carers-admin list-devices DIR
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "sync/centre/centre_directory.h"

using namespace carers;
using namespace carers::sync;

namespace {

int usage() {
    std::fputs("usage:\n"
               "  carers-admin init-centre DIR [--name NAME] [--host HOST]... [--port N] [--bind ADDR]\n"
               "  carers-admin enrol-device DIR DEVICE_ID [--url https://...] [--out OUTDIR] [--replace]\n"
               "  carers-admin revoke-device DIR DEVICE_ID\n"
               "  carers-admin list-devices DIR\n",
               stderr);
    return 64;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "carers-admin: %s\n", message.c_str());
    return 1;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

int init_centre_cmd(const std::vector<std::string>& a) {
    if (a.empty()) return usage();
    InitOptions o;
    std::vector<std::string> hosts;
    for (std::size_t i = 1; i < a.size(); ++i) {
        if (i + 1 >= a.size()) return usage();
        const std::string& v = a[++i];
        if (a[i - 1] == "--name") o.name = v;
        else if (a[i - 1] == "--host") hosts.push_back(v);
        else if (a[i - 1] == "--bind") o.bind_address = v;
        else if (a[i - 1] == "--port") {
            try {
                o.port = std::stoi(v);
            } catch (...) {
                return fail("--port needs a number.");
            }
        } else return usage();
    }
    if (!hosts.empty()) o.hosts = hosts;
    if (auto r = init_centre(a[0], o); !r) return fail(r.message());
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    std::printf("Created the Carers Centre in %s\n"
                "  centre.json        name, address, limits and public keys\n"
                "  sealing.key        SECRET: opens submissions. Back it up offline; without it nothing can be read.\n"
                "  receipt.key        SECRET: signs receipts\n"
                "  database.key       SECRET: encrypts centre.db\n"
                "  tls/cert.pem       self-signed certificate for %s (replace it for production)\n"
                "Kiosks will be told to use %s. Next: carers-admin enrol-device %s DEVICE_ID\n",
                a[0].c_str(), o.hosts[0].c_str(), dir->config().public_url.c_str(), a[0].c_str());
    return 0;
}

int enrol_cmd(const std::vector<std::string>& a) {
    if (a.size() < 2) return usage();
    std::string url, out;
    bool replace = false;
    for (std::size_t i = 2; i < a.size(); ++i) {
        if (a[i] == "--replace") replace = true;
        else if (a[i] == "--url" && i + 1 < a.size()) url = a[++i];
        else if (a[i] == "--out" && i + 1 < a.size()) out = a[++i];
        else return usage();
    }
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    auto e = enrol_device(*dir, a[1], url, replace, now());
    if (!e) return fail(e.message());
    std::filesystem::path out_dir = out.empty() ? std::filesystem::path("enrol-" + a[1]) : std::filesystem::path(out);
    if (auto w = write_enrolment(*e, out_dir); !w) return fail(w.message());
    std::printf("Enrolled %s. For the kiosk, in %s:\n"
                "  kiosk-sync.json    the \"centre\" and \"sync\" sections of the kiosk's config (no secrets)\n"
                "  centre-ca.pem      the centre's certificate (its ca_file)\n"
                "  device.token       SECRET (0600): install it once with\n"
                "                       carers-sync --config ... --store ... --key ... --install-token device.token\n"
                "                     which moves it into the kiosk's encrypted store and deletes the file.\n",
                a[1].c_str(), out_dir.c_str());
    return 0;
}

int revoke_cmd(const std::vector<std::string>& a) {
    if (a.size() != 2) return usage();
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    auto store = dir->open_store();
    if (!store) return fail(store.message());
    if (auto r = (*store)->revoke_device(a[1], now()); !r) return fail(r.message());
    std::printf("Revoked %s: its token is refused from now on. What it already sent is kept.\n", a[1].c_str());
    return 0;
}

int list_cmd(const std::vector<std::string>& a) {
    if (a.size() != 1) return usage();
    auto dir = CentreDirectory::open(a[0]);
    if (!dir) return fail(dir.message());
    auto store = dir->open_store();
    if (!store) return fail(store.message());
    auto devices = (*store)->devices();
    if (!devices) return fail(devices.message());
    for (const auto& d : *devices)
        std::printf("%-32s enrolled %lld%s\n", d.device_id.c_str(), static_cast<long long>(d.enrolled_at),
                    d.revoked_at ? "  REVOKED" : "");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage();
    std::string cmd = argv[1];
    std::vector<std::string> args(argv + 2, argv + argc);
    if (cmd == "init-centre") return init_centre_cmd(args);
    if (cmd == "enrol-device") return enrol_cmd(args);
    if (cmd == "revoke-device") return revoke_cmd(args);
    if (cmd == "list-devices") return list_cmd(args);
    return usage();
}
