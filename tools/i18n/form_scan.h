// The translatable texts of one form (FHIR Questionnaire JSON), keyed the way the UI asks for
// them: msgctxt "form:<form-id>:<linkId>" for an item's text, ":hint" for the help text under a
// question, ":option:<code>" for an answer option, "form:<form-id>:title" for the form's title.
// <form-id> is the last segment of the Questionnaire's url.
#pragma once

#include <string_view>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/i18n/po_file.h"

namespace carers::i18n_tools {

// Parses the form with the engine (so keys are exactly those the kiosk uses) and lists its texts
// in document order. Yes/No of boolean questions come out once as UI strings (no msgctxt): the
// catalog uses those for every form. Hidden items are left out. `file` goes into references.
Result<std::vector<i18n::PoEntry>> form_entries(std::string_view json, std::string_view file);

}  // namespace carers::i18n_tools
