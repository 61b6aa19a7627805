#include "sync/client/background_sync.h"

#include "kiosk/store/database.h"
#include "sync/client/device_token_store.h"

namespace carers::sync {

BackgroundSync::~BackgroundSync() {
    cancel();
    if (thread_.joinable()) thread_.join();
}

bool BackgroundSync::start(StoreAccess store, SyncSettings settings, SyncEnvironment env, std::function<void()> on_end) {
    if (running_.load()) return false;
    if (thread_.joinable()) thread_.join();  // the previous run has finished; reap its thread
    cancel_ = false;
    running_ = true;
    {
        std::lock_guard lock(mutex_);
        result_.reset();
        progress_ = SyncProgress{};
        progress_.phase = SyncProgress::Phase::Sending;
        progress_.status = "Starting…";
    }
    thread_ = std::thread(&BackgroundSync::body, this, std::move(store), std::move(settings), std::move(env),
                          std::move(on_end));
    return true;
}

void BackgroundSync::cancel() { cancel_ = true; }

bool BackgroundSync::running() const { return running_.load(); }

SyncProgress BackgroundSync::progress() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

std::optional<SyncResult> BackgroundSync::take_result() {
    std::lock_guard lock(mutex_);
    auto r = std::move(result_);
    result_.reset();
    return r;
}

void BackgroundSync::body(StoreAccess access, SyncSettings settings, SyncEnvironment env, std::function<void()> on_end) {
    SyncResult result;
    // Its own connection: SQLite transactions must not interleave with the UI thread's.
    auto db = store::Database::open(access.database, access.key);
    if (!db) {
        result.message = "The kiosk's store could not be opened for sending: " + db.message();
    } else {
        auto token = load_device_token(**db);
        if (!token) {
            result.message = token.message();
        } else {
            SyncClient client(**db, std::move(settings), std::move(*token), std::move(env));
            result = client.run(cancel_, [this](const SyncProgress& p) {
                std::lock_guard lock(mutex_);
                progress_ = p;
            });
        }
    }
    {
        std::lock_guard lock(mutex_);
        progress_.phase = SyncProgress::Phase::Finished;
        progress_.status = result.message;
        result_ = std::move(result);
    }
    running_ = false;
    if (on_end) on_end();
}

}  // namespace carers::sync
