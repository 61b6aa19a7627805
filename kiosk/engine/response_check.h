// Checks that a QuestionnaireResponse fits its Questionnaire structurally: every linkId exists,
// items nest as the questionnaire nests them, non-repeating items occur once, and every answer has
// the value type its item's type requires. Used by tests, the linter and the centre's import.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

// One sentence per problem found, each naming its JSON path; empty when the response fits.
std::vector<std::string> check_response_structure(const Questionnaire& q,
                                                  const nlohmann::json& response);

}  // namespace carers::engine
