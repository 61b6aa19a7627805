#include "kiosk/app/parked_draft_jobs.h"

#include <ctime>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/database.h"

namespace carers::app {

namespace {

// Its own connection: the UI thread's stays free for the outbox and the purge. The integrity
// check already ran when the kiosk opened the store.
store::StoreResult<std::unique_ptr<store::Database>>
open_for_job(const ParkedDraftJobs::StoreAccess& access) {
    store::OpenOptions options;
    options.create = false;
    options.check_integrity = false;
    return store::Database::open(access.database, access.key, options);
}

// The job's deeper frames (the store's, SQLCipher's, the resume code on its way) stay in the
// thread's stack after it returns, and glibc keeps the stacks of ended threads for the next one.
// Called at the end of a job, this overwrites the part of the stack those frames used.
[[gnu::noinline]] void wipe_used_stack() {
    constexpr std::size_t depth = 256 * 1024; // far more than a save or an opening goes down
    unsigned char area[depth];
    secure_wipe(area, sizeof area);
    __asm__ __volatile__("" : : "r"(area) : "memory"); // the area is used: kept
}

// The code (with the word it opens the saved answers) is zeroed wherever it was held.
void wipe_ticket(store::ParkedTicket& t) {
    secure_wipe(t.code);
    secure_wipe(t.shown_code);
}

} // namespace

ParkedDraftJobs::ParkedDraftJobs(StoreAccess access, std::function<void()> wake)
    : access_(std::move(access)), wake_(std::move(wake)) {}

ParkedDraftJobs::~ParkedDraftJobs() {
    if (thread_.joinable()) thread_.join();
    auto* parked = result_ ? std::get_if<ParkOutcome>(&*result_) : nullptr;
    if (!parked || !parked->ticket) return;
    wipe_ticket(*parked->ticket);
    if (auto db = open_for_job(access_))
        (void)store::ParkedDrafts(*db.value(), access_.options)
            .remove(parked->ticket->handle, "abandoned", std::time(nullptr));
}

bool ParkedDraftJobs::running() const {
    std::lock_guard lock(mutex_);
    return running_;
}

bool ParkedDraftJobs::begin() {
    std::lock_guard lock(mutex_);
    if (running_) return false;
    running_ = true;
    result_.reset();
    if (thread_.joinable()) thread_.join(); // the last job has ended: its thread is only exiting
    return true;
}

void ParkedDraftJobs::finish(ParkedDraftResult result) {
    if (before_finish_) before_finish_();
    {
        std::lock_guard lock(mutex_);
        result_ = std::move(result);
        running_ = false;
    }
    if (wake_) wake_();
}

bool ParkedDraftJobs::park(std::string draft, std::string word, std::int64_t now) {
    if (!begin()) {
        secure_wipe(draft);
        secure_wipe(word);
        return false;
    }
    thread_ = std::thread([this, draft = std::move(draft), word = std::move(word), now]() mutable {
        ParkOutcome out;
        auto db = open_for_job(access_);
        if (!db) {
            secure_wipe(draft);
            secure_wipe(word);
            out.error = db.message();
        } else {
            store::ParkedDrafts drafts(*db.value(), access_.options);
            auto saved = drafts.save(std::move(draft), std::move(word), now);
            if (saved) {
                out.ticket = std::move(saved.value());
                wipe_ticket(saved.value());
            } else {
                out.error = saved.message();
            }
        }
        finish(std::move(out));
        if (out.ticket) wipe_ticket(*out.ticket); // moved from: what is left of it
        wipe_used_stack();
    });
    secure_wipe(word);  // moved into the job; a short word stays in this string's own buffer
    return true;
}

bool ParkedDraftJobs::resume(std::string typed_code, std::string word, std::int64_t now) {
    if (!begin()) {
        secure_wipe(word);
        return false;
    }
    thread_ =
        std::thread([this, code = std::move(typed_code), word = std::move(word), now]() mutable {
            ResumeJobOutcome out;
            auto db = open_for_job(access_);
            if (!db) {
                secure_wipe(word);
                out.error = db.message();
            } else {
                store::ParkedDrafts drafts(*db.value(), access_.options);
                auto opened = drafts.resume(code, std::move(word), now);
                if (opened)
                    out.outcome = std::move(opened.value());
                else
                    out.error = opened.message();
            }
            secure_wipe(code);
            finish(std::move(out));
            wipe_used_stack();
        });
    secure_wipe(typed_code);
    secure_wipe(word);
    return true;
}

std::optional<ParkedDraftResult> ParkedDraftJobs::take() {
    std::lock_guard lock(mutex_);
    if (running_ || !result_) return std::nullopt;
    std::optional<ParkedDraftResult> r = std::move(result_);
    result_.reset();
    return r;
}

} // namespace carers::app
