// Which control a question is answered with, and which on-screen keyboard suits it: the one place
// that reads an item's type, `repeats`, itemControl and input-kind for presentation, so every
// view (and read aloud) shows a question the same way and itemControl is honoured.
#pragma once

#include "kiosk/engine/questionnaire.h"

namespace carers::engine {

enum class AnswerWidget {
    None,          // group or display item: nothing to answer
    YesNo,         // boolean: "Yes" / "No" as two radio buttons
    RadioButtons,  // choice, one answer (the default; itemControl radio-button)
    CheckBoxes,    // choice with `repeats` (the default; itemControl check-box)
    DropDown,      // itemControl drop-down: a list that opens; one answer, or several if it repeats
    OpenChoice,    // the options plus a text box for an answer of the carer's own
    TextLine,      // string
    TextArea,      // text (several lines)
    WholeNumber,   // integer
    Number,        // decimal
    DateBoxes,     // date: day, month and year boxes (date_fields.h)
};

// The control for `item`. itemControl is honoured where it fits the question: check-box on a
// question that takes one answer still gives radio buttons, radio-button on one that takes
// several still gives check boxes (carers-forms lint warns about both), and drop-down or
// check-box on a non-choice question is ignored.
AnswerWidget answer_widget(const Item& item);

// Whether the control takes several answers (check boxes, a repeating drop-down or open-choice).
bool takes_several_answers(const Item& item);

enum class KeyboardLayout {
    None,     // no typing (options, yes/no)
    Letters,  // text, with digits a tap away
    Digits,   // whole numbers, date boxes, NHS numbers
    Decimal,  // numbers with a decimal point
    Phone,    // digits, space, +, brackets
    Email,    // letters with @ and . on the first layer
    Postcode, // capital letters and digits together
};

// The on-screen keyboard that suits what `item` holds (its type and input-kind).
KeyboardLayout keyboard_for(const Item& item);

}  // namespace carers::engine
