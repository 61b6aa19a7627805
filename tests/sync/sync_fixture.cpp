#include "tests/sync/sync_fixture.h"

#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "sync/protocol/encoding.h"
#include "sync/protocol/sealed_payload.h"

namespace carers::test {

namespace {
template <typename T> T must(Result<T> r, const char* what) {
    if (!r) throw std::runtime_error(std::string(what) + ": " + r.message());
    return std::move(r.value());
}
void must(Result<void> r, const char* what) {
    if (!r) throw std::runtime_error(std::string(what) + ": " + r.message());
}
}  // namespace

// TestCentre ----------------------------------------------------------------------------------------

TestCentre::TestCentre(sync::ProtocolLimits limits) : limits_(limits) {
    sync::InitOptions init;
    init.name = "Test Carers Centre";
    init.hosts = {"127.0.0.1", "localhost"};
    init.port = 8443;
    must(sync::init_centre(dir_.path(), init), "init_centre");
    directory_ = std::make_unique<sync::CentreDirectory>(must(sync::CentreDirectory::open(dir_.path()), "open centre"));
    store_ = must(directory_->open_store(), "open centre store");
    identity_ = must(directory_->identity(), "centre identity");
    service_ = std::make_unique<sync::SubmissionService>(*store_, identity_, limits_);
    start();
}

TestCentre::~TestCentre() { stop(); }

void TestCentre::start() {
    if (server_) return;
    sync::CentreServerOptions o;
    o.bind_address = "127.0.0.1";
    o.port = port_;  // 0 the first time: any free port; then the same one again
    o.certificate_file = directory_->certificate_file();
    o.private_key_file = directory_->private_key_file();
    o.read_timeout_s = 5;
    o.log = [this](const std::string& line) {
        std::lock_guard lock(log_mutex_);
        log_.push_back(line);
    };
    server_ = std::make_unique<sync::CentreServer>(*service_, o);
    for (int tries = 0;; ++tries) {
        auto bound = server_->bind();
        if (bound) break;
        if (tries > 50) throw std::runtime_error("centre bind: " + bound.message());
        server_ = std::make_unique<sync::CentreServer>(*service_, o);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    port_ = server_->port();
    thread_ = std::thread([this] { server_->run(); });
}

void TestCentre::stop() {
    if (!server_) return;
    server_->stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
}

std::vector<std::string> TestCentre::log_lines() {
    std::lock_guard lock(log_mutex_);
    return log_;
}

bool TestCentre::log_has(const std::string& needle) {
    for (int tries = 0; tries < 100; ++tries) {
        for (const auto& line : log_lines())
            if (line.find(needle) != std::string::npos) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

TestCentre::Enrolled TestCentre::enrol(const std::string& device_id, const std::filesystem::path& kiosk_dir,
                                       const std::string& url) {
    auto e = must(sync::enrol_device(*directory_, device_id, url.empty() ? this->url() : url, true, 1700000000),
                  "enrol_device");
    must(sync::write_enrolment(e, kiosk_dir), "write_enrolment");
    std::filesystem::remove(kiosk_dir / "device.token");
    auto cfg = must(sync::load_kiosk_sync_config(kiosk_dir / "kiosk-sync.json"), "kiosk config");
    cfg.sync.backoff_base_ms = 10;
    cfg.sync.backoff_max_ms = 100;
    cfg.sync.connect_timeout_ms = 2000;
    cfg.sync.request_timeout_ms = 10000;
    cfg.sync.stall_timeout_ms = 1000;
    return Enrolled{cfg, e.token};
}

// TestKiosk -----------------------------------------------------------------------------------------

TestKiosk::TestKiosk() : key_(store::SecretKey::random()) { reopen(); }

void TestKiosk::reopen() { db_ = must(store::Database::open(db_path(), key_), "open kiosk store"); }

std::map<std::string, std::string> TestKiosk::add_submissions(const sync::KioskSyncConfig& config, int count,
                                                              std::size_t bytes, bool urgent_every_third) {
    store::Outbox outbox(*db_);
    std::map<std::string, std::string> before = outbox_hashes();
    static int serial = 0;
    for (int i = 0; i < count; ++i) {
        ++serial;
        nlohmann::json qr{{"resourceType", "QuestionnaireResponse"},
                          {"status", "completed"},
                          {"item",
                           {{{"linkId", "name"}, {"answer", {{{"valueString", "Carer " + std::to_string(serial)}}}}},
                            {{"linkId", "notes"}, {"answer", {{{"valueString", std::string(bytes > 300 ? bytes - 300 : 1, 'x')}}}}}}}};
        bool urgent = urgent_every_third && serial % 3 == 0;
        auto payload = must(sync::encode_sealed_payload({qr.dump(), urgent, "en", "REF-" + std::to_string(serial)}),
                            "payload");
        must(outbox.submit({"https://carers-kiosk.example.org/fhir/Questionnaire/self-review", "1.0.0", "self-review",
                            payload},
                           config.centre.sealing_public_key, 1700000000 + serial),
             "submit");
    }
    auto after = outbox_hashes();
    for (const auto& [id, h] : before) after.erase(id);
    return after;
}

std::int64_t TestKiosk::outbox_count() { return must(store::Outbox(*db_).count(), "count"); }

std::map<std::string, std::string> TestKiosk::outbox_hashes() {
    std::map<std::string, std::string> out;
    for (const auto& e : must(store::Outbox(*db_).pending(1u << 30, std::size_t(1) << 40), "pending"))
        out[e.id] = e.sha256;
    return out;
}

sync::SyncEnvironment quick_environment(long cap_ms) {
    sync::SyncEnvironment env;
    env.wait = [cap_ms](long ms, const std::atomic<bool>& cancel) {
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min(ms, cap_ms)));
        return !cancel.load();
    };
    env.jitter_seed = 42;
    return env;
}

std::map<std::string, std::string> centre_holdings(sync::CentreStore& store) {
    std::map<std::string, std::string> out;
    for (const auto& s : must(store.submissions(), "centre submissions")) out[s.id] = sync::sha256_hex(s.sealed);
    return out;
}

// FaultProxy ----------------------------------------------------------------------------------------

FaultProxy::FaultProxy(int target_port) : target_port_(target_port) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listener_, 16) != 0)
        throw std::runtime_error("proxy bind");
    socklen_t len = sizeof addr;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    if (acceptor_.joinable()) acceptor_.join();
    {
        std::lock_guard lock(mutex_);
        for (int s : sockets_) ::shutdown(s, SHUT_RDWR);
    }
    for (auto& t : workers_)
        if (t.joinable()) t.join();
    for (int s : sockets_) ::close(s);
}

void FaultProxy::set_mode(Mode m, std::size_t reset_after) {
    std::lock_guard lock(mutex_);
    mode_ = m;
    reset_after_ = reset_after;
}

void FaultProxy::accept_loop() {
    while (!stopping_) {
        pollfd p{listener_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;
        int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        std::lock_guard lock(mutex_);
        sockets_.push_back(client);
        workers_.emplace_back([this, client] { serve(client); });
    }
}

void FaultProxy::serve(int client) {
    Mode mode;
    std::size_t reset_after;
    {
        std::lock_guard lock(mutex_);
        mode = mode_;
        reset_after = reset_after_;
        if (mode != Mode::Pass) mode_ = Mode::Pass;  // each fault strikes one connection, then clears
    }
    auto reset = [&](int s) {
        linger l{1, 0};  // close with RST, not FIN: what a dropped line looks like
        setsockopt(s, SOL_SOCKET, SO_LINGER, &l, sizeof l);
        ::shutdown(s, SHUT_RDWR);
    };
    int server = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    {
        std::lock_guard lock(mutex_);
        sockets_.push_back(server);
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(target_port_));
    if (mode == Mode::Stall) {
        ++faults_;
        char buf[16384];
        while (!stopping_) {  // swallow whatever comes, answer nothing
            pollfd p{client, POLLIN, 0};
            if (::poll(&p, 1, 100) > 0 && ::read(client, buf, sizeof buf) <= 0) break;
        }
        ::shutdown(client, SHUT_RDWR);
        return;
    }
    if (::connect(server, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        reset(client);
        return;
    }
    std::size_t up = 0;
    bool faulted = false;
    char buf[16384];
    while (!stopping_) {
        pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (::poll(p, 2, 100) <= 0) continue;
        if (p[0].revents) {
            ssize_t n = ::read(client, buf, sizeof buf);
            if (n <= 0) break;
            std::size_t send_n = static_cast<std::size_t>(n);
            if (mode == Mode::ResetMidRequest && !faulted && up + send_n >= reset_after) {
                send_n = reset_after > up ? reset_after - up : 0;
                if (send_n) (void)!::write(server, buf, send_n);
                ++faults_;
                reset(client);
                reset(server);
                break;
            }
            up += send_n;
            if (::write(server, buf, send_n) < 0) break;
        }
        if (p[1].revents) {
            ssize_t n = ::read(server, buf, sizeof buf);
            if (n <= 0) break;
            // TLS 1.3 servers send session tickets (a few hundred bytes) after the handshake; on a
            // busy machine they arrive after the request's first bytes, and dropping them instead
            // of the reply would lose the request before the centre stored it.
            if (mode == Mode::DropReply && up >= reset_after && n >= 1000) {
                ++faults_;
                reset(client);
                reset(server);
                break;
            }
            if (::write(client, buf, static_cast<std::size_t>(n)) < 0) break;
        }
    }
    ::shutdown(client, SHUT_RDWR);
    ::shutdown(server, SHUT_RDWR);
}

}  // namespace carers::test
