// Saving a FormSession half-way and resuming it later: its whole state as JSON and back.
//
// Lossless: every answer as held (including text typed into a number box and incomplete dates),
// repetitions, the page or view the carer is on, the "return to Check your answers" state,
// which sections were visited and finished, completion and the reference number. The format is
// in kiosk/engine/README.md. The JSON holds personal data: the store keeps it encrypted, and the
// caller zeroes it after use (wipe_json in response_writer.h).
#pragma once

#include <nlohmann/json.hpp>

#include "kiosk/common/result.h"
#include "kiosk/engine/form_session.h"

namespace carers::engine {

inline constexpr const char* draft_format = "carers-kiosk-draft";
inline constexpr int draft_version = 1;

nlohmann::json save_draft(const FormSession& session);

// Puts a saved state back into a session made from the same questionnaire (same url and
// version). Refuses, leaving the session as it was, a draft of another form or version, or one
// that names items, repetitions or values the form does not have.
Result<void> restore_draft(FormSession& session, const nlohmann::json& draft);

}  // namespace carers::engine
