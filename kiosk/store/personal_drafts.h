// PersonalDrafts: personal mode (a carer's own laptop or tablet). The form in progress is saved
// as the carer goes, inside the encrypted store, and offered again at the next start.
//
// The draft is the engine's serialised state, opaque here. One draft per form. It is sealed under
// the database's field key before SQLite sees it (field_key.h), so SQLite's memory never holds it. A draft nobody has
// changed for `drafts.personal_days` (default 30; 0 keeps drafts until finished) is deleted by the
// purge at start-up and hourly: it is special category data, and a form left that long is
// better started again than kept forever on a laptop.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"

namespace carers::store {

struct PersonalDraft {
    std::string form_url;
    std::string draft;  // personal data: wipe it (carers::secure_wipe) when done
    std::int64_t started_at = 0;
    std::int64_t updated_at = 0;
    std::int64_t expires_at = 0;  // deleted by the purge after this (unix seconds); 0: never
};

inline constexpr std::int64_t default_personal_draft_days = 30;

// What a draft's sealed bytes are bound to (field_key.h): its form, so it cannot be moved to another.
inline std::string personal_draft_context(const std::string& form_url) { return "personal_draft:" + form_url; }

class PersonalDrafts {
public:
    explicit PersonalDrafts(Database& db) : db_(db) {}

    // Saves (replaces) the draft of `form_url`, durably. `draft` is zeroed whatever happens.
    // The first save of a form is audited ("draft-saved personal"); later saves are not, since
    // they happen with every answer.
    StoreResult<void> save(const std::string& form_url, std::string draft, std::int64_t now);

    // The most recently updated draft, if any: what to offer at start-up.
    Result<std::optional<PersonalDraft>> latest();
    Result<std::optional<PersonalDraft>> load(const std::string& form_url);
    // Forms with a draft, most recent first (no draft contents).
    Result<std::vector<std::string>> forms();

    // Deletes the draft of `form_url` (submitted, or the carer chose to start again). `reason` is
    // audited: "finished" or "discarded".
    Result<void> remove(const std::string& form_url, const std::string& reason, std::int64_t now);

    // Deletes drafts not changed for drafts.personal_days; returns how many (audited).
    Result<std::int64_t> purge_expired(std::int64_t now);

private:
    Database& db_;
};

}  // namespace carers::store
