// Dates typed as three fields (day, month, year), the GOV.UK date input pattern, and the GOV.UK
// messages for what can be wrong with them.
//
// A Date may hold an incomplete or impossible date, so that what a carer typed survives a trip to
// another page or a saved draft: 0 in a part means "left empty", -1 means "typed something that is
// not a number of that kind".
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "kiosk/engine/answer_value.h"
#include "kiosk/engine/message_text.h"

namespace carers::engine {

struct DateFields {
    std::string day, month, year;
};

// Reads the three boxes. Day and year are numbers; month may also be a name or its first three
// letters ("3", "03", "March", "mar"). nullopt when all three are empty (no answer at all).
std::optional<Date> date_from_fields(std::string_view day, std::string_view month,
                                     std::string_view year);
inline std::optional<Date> date_from_fields(const DateFields& f) {
    return date_from_fields(f.day, f.month, f.year);
}
// What to put back in the boxes for a stored Date (empty for 0 and -1 parts).
DateFields fields_from_date(const Date& d);

// Which boxes a date problem is about, so the view can mark just those.
enum DatePart : unsigned { DatePartDay = 1, DatePartMonth = 2, DatePartYear = 4 };

struct DateProblem {
    std::string message;  // e.g. "Date of birth must include a month"
    unsigned parts = 0;   // DatePart bits
    bool in_future = false;
    // For translation (message_text.h): "{{label}} must include a month", {{"label", ...}}.
    std::string message_template;
    MessageArgs message_args;
};

// What is wrong with a date typed into the boxes, in GOV.UK words, or nullopt when it is a real
// date within the limits. `label` names the date at the start of a sentence ("Date of birth");
// `not_after` (today, for a date of birth) and `not_before` are optional limits. `after_template`
// is the message for a date after `not_after` ({{label}}, and {{limit}}: not_after as words).
std::optional<DateProblem> check_date(const Date& d, std::string_view label,
                                      std::optional<Date> not_before = std::nullopt,
                                      std::optional<Date> not_after = std::nullopt,
                                      std::string_view after_template = translatable("{{label}} must be today or in the past"));

// The three boxes in one step: either the real date, or the problem. `required` decides whether
// three empty boxes are a problem ("Enter <label in lower case>").
struct DateFieldsReading {
    std::optional<Date> date;            // the date typed, when it is real and within limits
    std::optional<DateProblem> problem;  // otherwise what to tell the person
};
DateFieldsReading read_date_fields(const DateFields& fields, std::string_view label, bool required,
                                   std::optional<Date> not_before = std::nullopt,
                                   std::optional<Date> not_after = std::nullopt);

}  // namespace carers::engine
