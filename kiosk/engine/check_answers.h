// "Check your answers": every answered, enabled question with the answer as a person reads it,
// grouped by section, each with the page its Change link goes to (FormSession::change).
#pragma once

#include <string>
#include <vector>

#include "kiosk/engine/form_session.h"

namespace carers::engine {

struct AnswerRow {
    ItemRef question;
    std::string label;                // shortText, or the question's text
    std::vector<std::string> values;  // one line per answer ("3 March 1950", "Yes", the option)
    std::string repetition;           // inside a repeating group: "Mum" / "Person you look after 2"
};

struct AnswerSection {
    const Item* section = nullptr;  // null for questions at the top level of a form
    std::string title;              // the section's text
    std::vector<AnswerRow> rows;
};

// In form order; sections without answered questions are left out. Postcodes and NHS numbers
// appear tidied, as they will be sent.
std::vector<AnswerSection> check_answers(const FormSession& session);

}  // namespace carers::engine
