// Validation of one item occurrence's answers, with messages in the GOV.UK error-message style:
// say what went wrong and how to fix it, in plain words, without blaming the person.
#pragma once

#include <string>
#include <vector>

#include "kiosk/engine/answer_value.h"
#include "kiosk/engine/item_ref.h"

namespace carers::engine {

enum class Problem {
    Required,      // nothing given for a required question
    NotRealDate,   // a date that does not exist (31 February)
    TooLong,       // longer than maxLength
    TooSmall,      // below minValue
    TooLarge,      // above maxValue
    WrongFormat,   // does not match the regex
    NotAnOption,   // a choice that is not one of the options
    WrongType,     // a value of the wrong kind for the item type
};

struct ValidationError {
    ItemRef ref;
    Problem problem = Problem::Required;
    std::string message;  // English; the UI may translate by `problem`
};

// Problems with the answers of one enabled occurrence; empty when they are acceptable.
std::vector<ValidationError> validate_answers(const ItemRef& ref,
                                              const std::vector<AnswerValue>& values);

// Whether a value has the kind an answer to `item` must have (choice: equals one of its options).
bool value_fits_item(const Item& item, const AnswerValue& value);

}  // namespace carers::engine
