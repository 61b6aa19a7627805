// CentreStore: what the Carers Centre holds — enrolled devices (token hashes only) and the sealed
// submissions they sent — in one SQLCipher database keyed with the centre's database key.
//
// Thread-safe: the HTTPS server calls it from several worker threads; one mutex serialises them
// around a single connection, and each batch is one durable transaction, so a crash leaves either
// all of a batch or none of it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"
#include "sync/protocol/wire.h"

namespace carers::sync {

struct DeviceRecord {
    std::string device_id;
    std::int64_t enrolled_at = 0;
    std::optional<std::int64_t> revoked_at;
    std::string token_hash;
};

struct StoredSubmission {
    std::string id;
    std::string device_id;
    std::string form_url;
    std::string form_version;
    std::string kind;
    std::int64_t created_at = 0;
    std::int64_t received_at = 0;
    std::string sha256;
    Bytes sealed;
    std::optional<std::int64_t> exported_at;  // when `carers-centre export` last handed it over
};

enum class SubmissionSelection { All, NotYetExported };

struct BatchOutcome {
    std::vector<ItemResult> results;   // one per envelope, in the batch's order
    std::vector<ReceiptItem> held;     // stored now or already held with the same hash
};

class CentreStore {
public:
    static Result<std::unique_ptr<CentreStore>> open(const std::filesystem::path& path, const store::SecretKey& key);

    // Enrols `device_id` with the hash of its new token. Refuses an id already enrolled unless
    // `replace` (then the old token stops working at once and a revocation is lifted).
    Result<void> enrol_device(const std::string& device_id, const std::string& token_hash, std::int64_t now,
                              bool replace);
    // Revokes a device: its token is refused from now on. Its submissions stay.
    Result<void> revoke_device(const std::string& device_id, std::int64_t now);
    Result<std::optional<DeviceRecord>> find_device_by_token_hash(const std::string& token_hash);
    Result<std::optional<DeviceRecord>> find_device(const std::string& device_id);
    Result<std::vector<DeviceRecord>> devices();

    // Stores a decoded batch from `device_id` in one transaction. Per envelope: stored, already
    // held (same id and same bytes: nothing is written twice), or rejected — bytes that do not
    // match their hash, larger than `max_envelope_bytes`, or an id the centre holds with different
    // bytes. Fails (storing nothing) only when the database does.
    Result<BatchOutcome> store_batch(const std::string& device_id, const SubmissionBatch& batch,
                                     std::size_t max_envelope_bytes, std::int64_t now);

    Result<std::int64_t> submission_count();
    // Submissions never yet handed over by an export.
    Result<std::int64_t> not_exported_count();
    // Every submission (or only those never exported), oldest received first (exports; the
    // centre's volumes fit in memory).
    Result<std::vector<StoredSubmission>> submissions(SubmissionSelection which = SubmissionSelection::All);
    // Notes that an export holding `ids` has been written, so the next default export leaves them
    // out. Call only once the export is safely written: a failure in between means they are
    // exported again (twice rather than never). Ids already marked keep their first time.
    // Returns how many were newly marked.
    Result<std::int64_t> mark_exported(const std::vector<std::string>& ids, std::int64_t now);
    Result<std::optional<StoredSubmission>> submission(const std::string& id);

    // Appends an event (no personal data: ids, counts, status codes).
    Result<void> log_event(const std::string& event, const std::string& subject, std::int64_t now);

private:
    explicit CentreStore(std::unique_ptr<store::Database> db) : db_(std::move(db)) {}
    std::mutex mutex_;
    std::unique_ptr<store::Database> db_;
};

}  // namespace carers::sync
