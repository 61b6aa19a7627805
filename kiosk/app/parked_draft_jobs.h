// ParkedDraftJobs: "Save and come back later" and "Continue a saved form" off the UI thread.
//
// Each costs two Argon2id derivations (about 0.2-0.3 s, more under load), too long for a frame,
// so they run on a thread of their own with their own connection to the store, like the staff
// screen's "Sync now" (staff_sync.h). The UI thread starts a job, polls take() each frame, and
// shows "Saving…" meanwhile; `wake` is called from the job's thread when it ends, so a sleeping
// event loop draws the outcome at once.
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <variant>

#include "kiosk/store/parked_drafts.h"
#include "kiosk/store/secret_key.h"

namespace carers::app {

struct ParkOutcome {
    std::optional<store::ParkedTicket> ticket; // set only when the store said it is saved
    std::string error;                         // otherwise: a sentence for staff
};

struct ResumeJobOutcome {
    std::optional<store::ResumeOutcome> outcome; // the store's answer (its draft is personal data)
    std::string error;                           // the store failed: a sentence for staff
};

using ParkedDraftResult = std::variant<ParkOutcome, ResumeJobOutcome>;

class ParkedDraftJobs {
  public:
    struct StoreAccess {
        std::filesystem::path database;
        store::SecretKey key;
        store::ParkedDraftOptions options;
    };

    ParkedDraftJobs(StoreAccess access, std::function<void()> wake);
    // Waits for a running job (under a second). A draft parked but never taken (the kiosk closed
    // while "Saving…" showed) is deleted: its code never reached anyone.
    ~ParkedDraftJobs();
    ParkedDraftJobs(const ParkedDraftJobs&) = delete;
    ParkedDraftJobs& operator=(const ParkedDraftJobs&) = delete;

    // Starts parking `draft` under `word`. False (nothing started, both zeroed) while a job runs.
    bool park(std::string draft, std::string word, std::int64_t now);
    // Starts trying `typed_code` with `word`. False (nothing started, word zeroed) while a job
    // runs.
    bool resume(std::string typed_code, std::string word, std::int64_t now);
    bool running() const;
    // The finished job's result, once; nullopt while running or when already taken.
    std::optional<ParkedDraftResult> take();

    // For tests: runs on the job's thread after the store answered and before the result is
    // handed over, so a test can hold a save there and end the session meanwhile.
    void set_before_finish(std::function<void()> hook) { before_finish_ = std::move(hook); }

  private:
    bool begin();
    void finish(ParkedDraftResult result);

    StoreAccess access_;
    std::function<void()> wake_;
    std::function<void()> before_finish_;
    mutable std::mutex mutex_;
    std::thread thread_;
    bool running_ = false;
    std::optional<ParkedDraftResult> result_;
};

} // namespace carers::app
