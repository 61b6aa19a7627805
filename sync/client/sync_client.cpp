#include "sync/client/sync_client.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <set>
#include <thread>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/store/outbox.h"
#include "sync/client/backoff.h"
#include "sync/protocol/offline_bundle.h"
#include "sync/transport/https_connection.h"

namespace carers::sync {

const char* to_string(SyncStatus s) {
    switch (s) {
    case SyncStatus::Complete: return "complete";
    case SyncStatus::RetryLater: return "retry later";
    case SyncStatus::Failed: return "failed";
    case SyncStatus::Cancelled: return "cancelled";
    }
    return "failed";
}

namespace {

bool default_wait(long ms, const std::atomic<bool>& cancel) {
    auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (std::chrono::steady_clock::now() < until) {
        if (cancel.load()) return false;
        auto left = until - std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::min<std::chrono::steady_clock::duration>(left, std::chrono::milliseconds(50)));
    }
    return !cancel.load();
}

WireEnvelope to_wire(store::OutboxEnvelope&& e) {
    return WireEnvelope{std::move(e.id), std::move(e.form_url), std::move(e.form_version), std::move(e.kind),
                        e.created_at,     std::move(e.sha256),   std::move(e.sealed)};
}

std::string plural(std::int64_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// One run's state and steps; SyncClient::run drives it.
class Run {
public:
    Run(store::Database& db, const SyncSettings& s, const std::string& token, SyncEnvironment& env,
        const std::atomic<bool>& cancel, const std::function<void(const SyncProgress&)>& on_progress)
        : db_(db), outbox_(db), s_(s), token_(token), env_(env), cancel_(cancel), report_(on_progress),
          connection_(TlsPolicy{s.ca_file, s.pin, s.connect_timeout_ms, s.request_timeout_ms, s.stall_timeout_ms}),
          backoff_(s.backoff_base_ms, s.backoff_max_ms, env.jitter_seed), count_limit_(s.batch_max_count) {}

    SyncResult go();

private:
    enum class Step { Sent, Retry, Stop };
    Step send_one_batch();
    Result<std::vector<store::OutboxEnvelope>> next_batch();
    Step transient(const std::string& why, long retry_after_s, FailureCause cause, int http_status = 0);
    Step stop(SyncStatus status, const std::string& why, FailureCause cause = FailureCause::None);
    Step stop(SyncStatus status, const std::string& why, SyncOutcome outcome);
    void reject(const std::string& id, std::int64_t size, const std::string& reason);
    void publish(SyncProgress::Phase phase, const std::string& status, long wait_ms = 0);
    std::int64_t now() const { return env_.now(); }

    store::Database& db_;
    store::Outbox outbox_;
    const SyncSettings& s_;
    const std::string& token_;
    SyncEnvironment& env_;
    const std::atomic<bool>& cancel_;
    const std::function<void(const SyncProgress&)>& report_;
    HttpsConnection connection_;
    Backoff backoff_;
    std::size_t count_limit_;
    std::set<std::string> skipped_;  // refused by the centre this run: not offered again until the next
    std::size_t skipped_bytes_ = 0;
    SyncProgress progress_;
    SyncResult result_;
    int failures_ = 0;
};

void Run::publish(SyncProgress::Phase phase, const std::string& status, long wait_ms) {
    progress_.phase = phase;
    progress_.status = status;
    progress_.wait_ms = wait_ms;
    progress_.failures = failures_;
    progress_.confirmed = result_.confirmed;
    progress_.rejected = result_.rejected;
    if (report_) report_(progress_);
}

void Run::reject(const std::string& id, std::int64_t size, const std::string& reason) {
    if (skipped_.insert(id).second) {
        skipped_bytes_ += static_cast<std::size_t>(std::max<std::int64_t>(0, size));
        ++result_.rejected;
        result_.rejections.push_back({id, ItemStatus::Rejected, reason});
        // Kept with the envelope, so staff can list it and set it aside (carers-store refused).
        // Best effort: the envelope stays in the outbox either way, and is offered again.
        (void)outbox_.note_refused({{id, reason}}, now());
    }
}

Result<std::vector<store::OutboxEnvelope>> Run::next_batch() {
    // Envelopes skipped this run come first in outbox order; ask for enough to see past them.
    auto got = outbox_.pending(count_limit_ + skipped_.size(), s_.batch_max_bytes + skipped_bytes_);
    if (!got) return got.error();
    std::vector<store::OutboxEnvelope> batch;
    std::size_t bytes = 0;
    for (auto& e : *got) {
        if (skipped_.count(e.id)) continue;
        if (batch.size() >= count_limit_) break;
        auto size = e.sealed.size();
        if (!batch.empty() && bytes + size > s_.batch_max_bytes) break;
        bytes += size;
        batch.push_back(std::move(e));
    }
    return batch;
}

Run::Step Run::stop(SyncStatus status, const std::string& why, FailureCause cause) {
    SyncOutcome o;
    o.kind = status == SyncStatus::Cancelled ? SyncOutcomeKind::Cancelled : SyncOutcomeKind::Failed;
    if (status != SyncStatus::Cancelled) {
        o.detail = why;
        o.cause = cause == FailureCause::None ? FailureCause::Other : cause;
    }
    return stop(status, why, std::move(o));
}

Run::Step Run::stop(SyncStatus status, const std::string& why, SyncOutcome outcome) {
    result_.status = status;
    result_.message = why;
    result_.outcome = std::move(outcome);
    return Step::Stop;
}

Run::Step Run::transient(const std::string& why, long retry_after_s, FailureCause cause, int http_status) {
    ++failures_;
    if (retry_after_s >= 0 && retry_after_s * 1000 > s_.max_wait_ms) {
        result_.retry_after_s = retry_after_s;
        SyncOutcome o;
        o.kind = SyncOutcomeKind::CentrePause;
        o.retry_after_s = retry_after_s;
        o.detail = why;
        o.cause = cause;
        o.http_status = http_status;
        return stop(SyncStatus::RetryLater,
                    why + " The centre asked for a pause of " + std::to_string(retry_after_s) + " s; try again then.",
                    std::move(o));
    }
    if (failures_ >= s_.max_attempts) {
        SyncOutcome o;
        o.kind = SyncOutcomeKind::GaveUp;
        o.attempts = failures_;
        o.detail = why;
        o.cause = cause;
        o.http_status = http_status;
        return stop(SyncStatus::RetryLater, why + " Gave up for now after " + plural(failures_, "attempt", "attempts") + ".",
                    std::move(o));
    }
    long wait = backoff_.delay_ms(failures_, retry_after_s);
    publish(SyncProgress::Phase::Waiting, why + " Trying again in " + std::to_string((wait + 999) / 1000) + " s.", wait);
    if (!env_.wait(wait, cancel_)) return stop(SyncStatus::Cancelled, "Sending was cancelled; nothing is lost.");
    return Step::Retry;
}

Run::Step Run::send_one_batch() {
    auto batch = next_batch();
    if (!batch) return stop(SyncStatus::Failed, "The outbox could not be read: " + batch.message(), FailureCause::OutboxProblem);
    if (batch->empty()) {
        result_.status = SyncStatus::Complete;
        return Step::Stop;
    }
    SubmissionBatch wire{new_uuid(), {}};
    std::map<std::string, std::string> sent;
    std::map<std::string, std::int64_t> sizes;
    for (auto& e : *batch) {
        sent[e.id] = e.sha256;
        sizes[e.id] = e.size;
        wire.envelopes.push_back(to_wire(std::move(e)));
    }
    std::string body = encode_batch(wire);
    wire.envelopes.clear();  // the body holds them now; do not keep two copies of a large batch

    publish(SyncProgress::Phase::Sending, "Sending " + plural(static_cast<std::int64_t>(sent.size()), "submission", "submissions") +
                                              " to the Carers Centre…");
    HttpExchange ex = connection_.post_json(s_.url + "/v1/submissions", body, s_.gzip, token_, &cancel_);
    body.clear();
    body.shrink_to_fit();

    if (ex.error == TransportError::Cancelled) return stop(SyncStatus::Cancelled, "Sending was cancelled; nothing is lost.");
    if (ex.error != TransportError::None) {
        if (is_permanent(ex.error)) return stop(SyncStatus::Failed, ex.message, ex.cause);
        // A line that drops big requests may carry small ones: halve the next batch (it grows
        // back after each success). Also how a batch over the centre's byte limit, refused before
        // it was read, ends up small enough.
        count_limit_ = std::max<std::size_t>(1, count_limit_ / 2);
        return transient(ex.message, -1, ex.cause);
    }
    std::string reason = decode_error_reply(ex.body);
    if (ex.status == 401)
        return stop(SyncStatus::Failed,
                    "The Carers Centre refused this kiosk: " +
                        (reason.empty() ? std::string("it is not enrolled or was revoked.") : reason) +
                        " Nothing was stored or deleted.",
                    SyncOutcome{SyncOutcomeKind::DeviceRefused, 0, 0, 0, -1, 401, reason});
    if (ex.status == 413) {
        if (sent.size() > 1) {
            count_limit_ = std::max<std::size_t>(1, sent.size() / 2);  // smaller batches, straight away
            return Step::Retry;
        }
        reject(sent.begin()->first, sizes.begin()->second,
               "The centre refused it as too large" + (reason.empty() ? std::string(".") : ": " + reason));
        return Step::Sent;
    }
    if (ex.status == 429 || ex.status >= 500)
        return transient("The Carers Centre is busy or unwell (HTTP " + std::to_string(ex.status) + ")" +
                             (reason.empty() ? "." : ": " + reason),
                         ex.retry_after_s, FailureCause::CentreBusy, static_cast<int>(ex.status));
    if (ex.status != 200)
        return stop(SyncStatus::Failed,
                    "The Carers Centre refused the batch (HTTP " + std::to_string(ex.status) + ")" +
                        (reason.empty() ? "." : ": " + reason),
                    SyncOutcome{SyncOutcomeKind::BatchRefused, 0, 0, 0, -1, static_cast<int>(ex.status), reason});

    auto reply = decode_reply(ex.body);
    if (!reply)  // e.g. a captive portal's "200 OK" login page: not a receipt, so retry later
        return transient("The answer was not a Carers Centre receipt (" + reply.message() + ")", -1, FailureCause::NotACentre);
    auto held = receipted_items(*reply, s_.receipt_public_key, s_.device_id, wire.batch_id, &sent);
    if (!held)
        return stop(SyncStatus::Failed, held.message() + " Nothing was deleted from this kiosk.", FailureCause::ReceiptInvalid);
    if (auto removed = outbox_.remove_confirmed(*held, now()); !removed)
        return stop(SyncStatus::Failed, "The receipt verified but the outbox could not be updated: " + removed.message(),
                    FailureCause::OutboxProblem);
    result_.confirmed += static_cast<std::int64_t>(held->size());
    failures_ = 0;
    count_limit_ = std::min(s_.batch_max_count, count_limit_ * 2);

    std::set<std::string> confirmed;
    for (const auto& [id, hash] : *held) confirmed.insert(id);
    for (const auto& r : reply->results)
        if (r.status == ItemStatus::Rejected && sent.count(r.id) && !confirmed.count(r.id))
            reject(r.id, sizes[r.id], r.reason.empty() ? "The centre refused it." : r.reason);
    for (const auto& [id, hash] : sent)  // neither receipted nor refused: do not loop on it
        if (!confirmed.count(id)) reject(id, sizes[id], "The centre did not confirm it.");
    return Step::Sent;
}

SyncResult Run::go() {
    auto pending = outbox_.count();
    if (!pending) {
        result_.status = SyncStatus::Failed;
        result_.message = "The outbox could not be read: " + pending.message();
        result_.outcome.detail = result_.message;
        result_.outcome.cause = FailureCause::OutboxProblem;
        return result_;
    }
    progress_.total = *pending;
    progress_.remaining = *pending;
    publish(SyncProgress::Phase::Sending, "Connecting to the Carers Centre…");
    for (;;) {
        if (cancel_.load()) {
            stop(SyncStatus::Cancelled, "Sending was cancelled; nothing is lost.");
            break;
        }
        Step step = send_one_batch();
        if (auto left = outbox_.count(); left) progress_.remaining = *left;
        // A carer may submit while a run is going; it is sent in this run too, so the total
        // grows rather than the bar passing its end. (Refused ones are still in `remaining`.)
        progress_.total = std::max(progress_.total, result_.confirmed + progress_.remaining);
        if (step == Step::Stop) break;
        if (step == Step::Sent)
            publish(SyncProgress::Phase::Sending,
                    "Sent " + std::to_string(result_.confirmed) + " of " + std::to_string(progress_.total) + ".");
    }
    result_.remaining = progress_.remaining;
    result_.connections = connection_.connections_opened();
    if (result_.status == SyncStatus::Complete) {
        result_.outcome = SyncOutcome{};
        result_.outcome.kind = result_.confirmed == 0 && result_.rejected == 0 ? SyncOutcomeKind::NothingToSend
                                                                                : SyncOutcomeKind::Sent;
        result_.message = result_.confirmed == 0 && result_.rejected == 0
                              ? "Nothing to send: the outbox is empty."
                              : "Sent " + plural(result_.confirmed, "submission", "submissions") +
                                    "; the Carers Centre confirmed receipt of each.";
        if (result_.rejected > 0)
            result_.message += " " + plural(result_.rejected, "submission was", "submissions were") +
                               " refused by the centre and kept on this kiosk.";
    }
    result_.outcome.confirmed = result_.confirmed;
    result_.outcome.rejected = result_.rejected;
    publish(SyncProgress::Phase::Finished, result_.message);
    return result_;
}

}  // namespace

SyncClient::SyncClient(store::Database& db, SyncSettings settings, std::string device_token, SyncEnvironment env)
    : db_(db), settings_(std::move(settings)), token_(std::move(device_token)), env_(std::move(env)) {
    if (!env_.wait) env_.wait = default_wait;
    if (!env_.now) env_.now = [] { return static_cast<std::int64_t>(std::time(nullptr)); };
    if (env_.jitter_seed == 0) env_.jitter_seed = std::random_device{}();
}

SyncClient::~SyncClient() { secure_wipe(token_); }

SyncResult SyncClient::run(const std::atomic<bool>& cancel, const std::function<void(const SyncProgress&)>& on_progress) {
    Run run(db_, settings_, token_, env_, cancel, on_progress);
    return run.go();
}

Result<std::vector<std::pair<std::string, std::string>>> receipted_items(
    const BatchReply& reply, const ReceiptPublicKey& key, const std::string& device_id, const std::string& batch_id,
    const std::map<std::string, std::string>* sent) {
    if (auto v = verify_receipt(reply.receipt, key); !v) return v.error();
    if (reply.receipt.device_id != device_id)
        return make_error("The centre's receipt is for device " + reply.receipt.device_id + ", not this kiosk.");
    std::vector<std::pair<std::string, std::string>> out;
    if (sent) {
        if (reply.receipt.batch_id != batch_id) return make_error("The centre's receipt answers a different batch.");
        for (const auto& item : reply.receipt.items) {
            auto it = sent->find(item.id);
            if (it == sent->end() || it->second != item.sha256)
                return make_error("The centre's receipt names a submission or hash this kiosk did not send.");
        }
    }
    for (const auto& item : reply.receipt.items) out.emplace_back(item.id, item.sha256);
    return out;
}

Result<std::int64_t> apply_receipts_file(store::Database& db, const SyncSettings& settings, const std::string& text,
                                         std::int64_t now) {
    auto reply = decode_receipts_file(text);
    if (!reply) return reply.error();
    auto held = receipted_items(*reply, settings.receipt_public_key, settings.device_id, "", nullptr);
    if (!held) return make_error(held.message() + " Nothing was deleted from this kiosk.");
    store::Outbox outbox(db);
    auto before = outbox.count();
    if (!before) return before.error();
    if (auto r = outbox.remove_confirmed(*held, now); !r) return r.error();
    auto after = outbox.count();
    if (!after) return after.error();
    return *before - *after;
}

Result<ExportedBundle> export_outbox_bundle(store::Database& db, const SyncSettings& settings,
                                            const std::string& device_token, bool set_aside) {
    store::Outbox outbox(db);
    auto all = set_aside ? outbox.set_aside_envelopes()
                         : outbox.pending(static_cast<std::size_t>(-1) >> 1, static_cast<std::size_t>(-1) >> 1);
    if (!all) return all.error();
    OfflineBundle bundle{settings.device_id, SubmissionBatch{new_uuid(), {}}};
    for (auto& e : *all) bundle.batch.envelopes.push_back(to_wire(std::move(e)));
    ExportedBundle out;
    out.count = bundle.batch.envelopes.size();
    out.text = encode_bundle(bundle, device_token);
    return out;
}

}  // namespace carers::sync
