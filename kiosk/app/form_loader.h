// Loading the shipped forms (assets/forms/*.json) in the order the home screen shows them.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/engine/questionnaire.h"

namespace carers::app {

struct LoadedForm {
    std::string id;  // file name without .json
    std::shared_ptr<const engine::Questionnaire> questionnaire;
};

// Reads every *.json form in `dir`, in journey order; a form that cannot be loaded is reported
// through `problem` (file name and sentence, no personal data) and skipped.
std::vector<LoadedForm> load_forms(const std::string& dir, const std::function<void(const std::string&)>& problem);

}  // namespace carers::app
