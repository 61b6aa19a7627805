// Outbox: sealed submissions waiting for the Carers Centre's receipt.
//
// What the kiosk can read of a submission is only its envelope (id, form, kind, time, size, hash);
// the answers are sealed to the centre before they reach the disk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/sealed_box.h"

namespace carers::store {

struct OutboxEnvelope {
    std::string id;            // random UUID
    std::string form_url;
    std::string form_version;
    std::string kind;          // "am-i-a-carer", "self-review", "emergency-card"
    std::int64_t created_at = 0;  // unix seconds
    std::int64_t size = 0;        // bytes of sealed
    std::string sha256;           // hex SHA-256 of sealed
    std::vector<std::uint8_t> sealed;
};

struct Submission {
    std::string form_url;
    std::string form_version;
    std::string kind;
    std::string response_json;  // the QuestionnaireResponse; wiped by submit()
};

class Outbox {
public:
    explicit Outbox(Database& db) : db_(db) {}

    // Seals the response to the centre and commits the envelope (and an audit event) in one
    // durable transaction: when this returns ok, the submission is on disk. Returns its id.
    // The plaintext in `submission.response_json` is zeroed whatever happens.
    Result<std::string> submit(Submission submission, const CentrePublicKey& centre, std::int64_t now);

    // Envelopes waiting, oldest first, at most `max_count` of them and (after the first) at most
    // `max_bytes` of sealed data.
    Result<std::vector<OutboxEnvelope>> pending(std::size_t max_count, std::size_t max_bytes);
    Result<std::int64_t> count();

    // Deletes envelopes the centre has confirmed (by id and hash) and audits it.
    Result<void> remove_confirmed(const std::vector<std::pair<std::string, std::string>>& id_and_hash, std::int64_t now);

private:
    Database& db_;
};

// Appends one event to the audit log. `subject` is an id or a count, never personal data.
Result<void> audit(Database& db, const std::string& event, const std::string& subject, std::int64_t now);

}  // namespace carers::store
