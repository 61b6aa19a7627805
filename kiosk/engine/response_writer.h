// Writes a FHIR R4 QuestionnaireResponse from the answers held.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "kiosk/engine/answer_store.h"
#include "kiosk/engine/enable_when.h"

namespace carers::engine {

// Items follow the questionnaire's nesting (a repeating group gives one item per repetition);
// disabled occurrences, display items and unanswered questions are left out, and so is a group
// with nothing answered inside it. Follow-up items nested under a question go in its first
// answer's `item`, as FHIR requires.
nlohmann::json write_response(const Questionnaire& q, const AnswerStore& answers,
                              const Enablement& enablement, const std::string& authored,
                              const std::string& status);

// Zeroes every string in a JSON value (answers copied into a response) before it is freed.
void wipe_json(nlohmann::json& j) noexcept;

}  // namespace carers::engine
