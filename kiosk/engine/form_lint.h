// Linting a form file: every problem the parser finds (errors refuse the form; warnings name
// what the kiosk ignores), plus checks of the kiosk's own conventions. Used by `carers-forms
// lint` and by CI on every file in assets/forms.
#pragma once

#include <string_view>
#include <vector>

#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

// Every problem with the form text, errors first, each with its JSON path.
std::vector<Diagnostic> lint_questionnaire(std::string_view json_text);

}  // namespace carers::engine
