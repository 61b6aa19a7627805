// What the sync tests share: a real Carers Centre (directory, keys, SQLCipher database, HTTPS
// server on 127.0.0.1 with a certificate made in the test), a real kiosk store with sealed
// submissions in its outbox, and a TCP proxy that injects network faults between them.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/store/database.h"
#include "kiosk/store/outbox.h"
#include "sync/centre/centre_directory.h"
#include "sync/centre/centre_server.h"
#include "sync/client/sync_client.h"
#include "tests/support/test_files.h"

namespace carers::test {

// A centre made with init-centre's code, served on a free port of 127.0.0.1 until destroyed.
class TestCentre {
public:
    explicit TestCentre(sync::ProtocolLimits limits = {});
    ~TestCentre();

    void start();  // binds a new free port unless `fixed_port` was set by a previous start
    void stop();
    int port() const { return port_; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
    const std::filesystem::path& dir() const { return dir_.path(); }
    sync::CentreDirectory& directory() { return *directory_; }
    sync::CentreStore& store() { return *store_; }
    sync::SubmissionService& service() { return *service_; }
    const sync::CentreIdentity& identity() const { return identity_; }
    std::vector<std::string> log_lines();
    // True once a log line contains `needle`, waiting up to 5 s: the access log is written after
    // the reply has gone, so a client can finish before its line is there.
    bool log_has(const std::string& needle);

    // Enrols a device and returns the kiosk-side settings (CA file written under `kiosk_dir`) and
    // its token.
    struct Enrolled {
        sync::KioskSyncConfig config;
        std::string token;
    };
    Enrolled enrol(const std::string& device_id, const std::filesystem::path& kiosk_dir, const std::string& url = "");

private:
    TempDir dir_;
    std::unique_ptr<sync::CentreDirectory> directory_;
    std::unique_ptr<sync::CentreStore> store_;
    std::unique_ptr<sync::SubmissionService> service_;
    std::unique_ptr<sync::CentreServer> server_;
    sync::CentreIdentity identity_;
    sync::ProtocolLimits limits_;
    std::thread thread_;
    int port_ = 0;
    std::mutex log_mutex_;
    std::vector<std::string> log_;
};

// A kiosk store (real SQLCipher file) with `count` submissions sealed to the centre.
class TestKiosk {
public:
    TestKiosk();
    const std::filesystem::path& dir() const { return dir_.path(); }
    std::filesystem::path db_path() const { return dir_ / "kiosk.db"; }
    const store::SecretKey& key() const { return key_; }
    store::Database& db() { return *db_; }
    // Seals `count` submissions of about `bytes` each; returns id -> sha256 of each.
    std::map<std::string, std::string> add_submissions(const sync::KioskSyncConfig& config, int count,
                                                       std::size_t bytes = 3000, bool urgent_every_third = false);
    std::int64_t outbox_count();
    std::map<std::string, std::string> outbox_hashes();  // id -> sha256 still waiting
    void close() { db_.reset(); }
    void reopen();

private:
    TempDir dir_;
    store::SecretKey key_;
    std::unique_ptr<store::Database> db_;
};

// Fast, deterministic waits for tests: no real sleeping beyond `cap_ms`.
sync::SyncEnvironment quick_environment(long cap_ms = 20);

// Fault-injecting TCP proxy on 127.0.0.1 between kiosk and centre (TLS passes through it).
class FaultProxy {
public:
    enum class Mode {
        Pass,             // forward both ways
        ResetMidRequest,  // forward `reset_after` bytes of the request, then reset the kiosk's side
        Stall,            // accept, read, never forward, never answer
        DropReply,        // forward the whole request; when the reply comes, reset instead
                          // (the server's first 1,000-byte chunk after `bytes` up: not its TLS
                          // session tickets, which can come while the request is still going up)
    };
    explicit FaultProxy(int target_port);
    ~FaultProxy();
    void set_mode(Mode m, std::size_t reset_after = 0);
    int port() const { return port_; }
    std::string url() const { return "https://127.0.0.1:" + std::to_string(port_); }
    int faults_injected() const { return faults_.load(); }

private:
    void accept_loop();
    void serve(int client);

    int target_port_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    std::atomic<int> faults_{0};
    std::mutex mutex_;
    Mode mode_ = Mode::Pass;
    std::size_t reset_after_ = 0;
    std::thread acceptor_;
    std::vector<std::thread> workers_;
    std::vector<int> sockets_;
};

// Every submission at the centre, id -> sha256 of the bytes it holds (re-hashed from the bytes).
std::map<std::string, std::string> centre_holdings(sync::CentreStore& store);

}  // namespace carers::test
