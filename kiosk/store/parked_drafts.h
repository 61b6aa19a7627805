// ParkedDrafts: kiosk mode's "Save and come back later".
//
// The carer gets a resume code (resume_code.h) and chooses a memorable word. The draft is sealed
// (XChaCha20-Poly1305) with a key derived by Argon2id from code and word together; the row is
// found by a second Argon2id of the code alone (with a per-kiosk salt). Neither code nor word is
// stored, so someone holding the database key must still guess both, at an Argon2id per guess.
// A memorable word is weak on its own: the code carries most of the strength.
//
// A draft can be opened at this kiosk until it expires (setting drafts.parked_days, default 14).
// Five wrong words in a row delete it. purge_expired() runs at start-up and hourly.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/store/database.h"
#include "kiosk/store/key_derivation.h"
#include "kiosk/store/memorable_word.h"
#include "kiosk/store/resume_guess_limit.h"

namespace carers::store {

struct ParkedDraftOptions {
    KdfLimits limits = KdfLimits::interactive();  // two derivations per save and per resume
    int max_wrong_words = 5;
    ResumeGuessOptions guesses;  // unknown codes allowed at this kiosk, across all drafts
};

struct ParkedTicket {
    std::string code;          // 8 characters, canonical
    std::string shown_code;    // "4CHK-79XT", for the screen and a printed slip
    std::int64_t expires_at = 0;
    std::string handle;        // for remove(), when the code never reached the carer
};

enum class ResumeStatus {
    opened,        // `draft` holds the carer's answers
    wrong_word,    // the code is right, the word is not; `words_left` tries remain
    deleted,       // that was the last wrong word: the draft is gone
    no_such_code,  // no draft with that code (never made, expired or deleted)
    not_a_code,    // not 8 characters of the code alphabet: nothing was tried
    not_a_word,    // an empty or over-long word: nothing was tried
    too_many_codes,  // too many unknown codes were tried here lately: nothing was tried until `retry_at`
};

struct ResumeOutcome {
    ResumeStatus status = ResumeStatus::no_such_code;
    std::string draft;   // when opened; personal data: wipe when done
    std::string handle;  // when opened: pass to remove() once the draft is submitted or re-saved
    int words_left = 0;  // when wrong_word
    std::int64_t expires_at = 0;
    std::int64_t retry_at = 0;  // when too_many_codes: when codes may be tried again (unix seconds)
};

class ParkedDrafts {
public:
    explicit ParkedDrafts(Database& db, ParkedDraftOptions options = {}) : db_(db), options_(options) {}

    // Seals `draft` under a fresh code and `word` and stores it durably. Zeroes `draft` and
    // `word` whatever happens. Refuses a word normalise_memorable_word() refuses.
    StoreResult<ParkedTicket> save(std::string draft, std::string word, std::int64_t now);

    // Tries to open the draft for `typed_code` with `word`. Zeroes `word`. Wrong words are
    // counted in the database, so restarting the kiosk does not reset them; so are codes that
    // match no draft (resume_guess_limit.h): the attempt that reaches the limit, and every attempt
    // until its window ends, is answered too_many_codes.
    StoreResult<ResumeOutcome> resume(std::string_view typed_code, std::string word, std::int64_t now);

    // Deletes an opened draft (reason "finished" or "discarded"), or one whose code never reached
    // the carer ("abandoned": the session ended while it was being saved).
    Result<void> remove(const std::string& handle, const std::string& reason, std::int64_t now);

    // Deletes drafts past their expiry; returns how many.
    Result<std::int64_t> purge_expired(std::int64_t now);
    Result<std::int64_t> count();
    // The kiosk-wide limit on unknown codes (to show when it ends, or for staff to lift it).
    ResumeGuessLimit guess_limit() { return ResumeGuessLimit(db_, options_.guesses); }

private:
    Result<void> delete_row(const std::vector<std::uint8_t>& tag, const char* reason, std::int64_t now);

    Database& db_;
    ParkedDraftOptions options_;
};

}  // namespace carers::store
