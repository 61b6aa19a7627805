// StaffSync: the staff screen's "Sync now". The sync client runs on its own thread with its own
// connection to the store (sync/client/background_sync.h); each frame the app reads its progress
// into the staff screen's model. The UI never waits on the network.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "kiosk/store/secret_key.h"
#include "kiosk/ui/kiosk_model.h"
#include "sync/client/background_sync.h"

namespace carers::app {

class StaffSync {
public:
    // `config_json` is kiosk.json's text (its "sync" and "centre" sections are read).
    StaffSync(std::filesystem::path database, store::SecretKey key, const std::string& config_json,
              std::filesystem::path config_dir);

    // Starts a run. Returns a sentence for staff when it cannot (not set up, already running),
    // empty when started.
    std::string start();
    // Copies progress into `m`. True once when a run has just finished (facts to re-read).
    bool poll(ui::StaffModel& m);
    bool running() const { return sync_.running(); }

private:
    std::filesystem::path database_;
    store::SecretKey key_;
    std::optional<sync::SyncSettings> settings_;
    std::string problem_;  // why sync is not set up
    sync::BackgroundSync sync_;
};

}  // namespace carers::app
