// BackgroundSync: runs SyncClient on its own thread with its own connection to the store, for the
// staff screen's "Sync now" button. The UI thread only calls start/cancel and polls progress()
// and take_result() each frame; none of them waits on the network.
//
//   BackgroundSync sync;
//   sync.start({db_path, db_key}, config.sync);          // returns at once
//   ... each frame: auto p = sync.progress();             // draw p.status, p.confirmed / p.total
//   if (auto r = sync.take_result()) show(r->message);     // once, when the run ends
//   sync.cancel();                                        // "Stop" button; returns at once
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "kiosk/store/secret_key.h"
#include "sync/client/sync_client.h"

namespace carers::sync {

class BackgroundSync {
public:
    struct StoreAccess {
        std::filesystem::path database;
        store::SecretKey key;
    };

    BackgroundSync() = default;
    ~BackgroundSync();  // cancels a run and waits for its thread (at most one request's timeout)
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    // Starts a run unless one is going (then returns false and changes nothing). The device token
    // is read from the store on the sync thread. `on_end`, when given, is called on the sync
    // thread once the result is ready (the kiosk wakes its event loop with it).
    bool start(StoreAccess store, SyncSettings settings, SyncEnvironment env = {}, std::function<void()> on_end = {});
    // Asks the run to stop; it ends within a moment (an in-flight request is aborted).
    void cancel();
    bool running() const;
    // The latest progress (Idle before the first run).
    SyncProgress progress() const;
    // The finished run's result, once; nullopt while running or when already taken.
    std::optional<SyncResult> take_result();

private:
    void body(StoreAccess store, SyncSettings settings, SyncEnvironment env, std::function<void()> on_end);

    mutable std::mutex mutex_;
    std::thread thread_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> running_{false};
    SyncProgress progress_;
    std::optional<SyncResult> result_;
};

}  // namespace carers::sync
