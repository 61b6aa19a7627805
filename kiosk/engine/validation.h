// Validation of one item occurrence's answers, with messages in the GOV.UK error-message style:
// say what went wrong and how to fix it, in plain words, without blaming the person.
//
// Messages name the item by its shortText when it has one ("Date of birth must include a
// month"), and otherwise use a general word ("Date must be a real date", "Answer must be 10 or
// less"). The full list is in kiosk/engine/README.md.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/engine/answer_value.h"
#include "kiosk/engine/item_ref.h"
#include "kiosk/engine/message_text.h"

namespace carers::engine {

enum class Problem {
    Required,      // nothing given for a required question
    NotRealDate,   // a date that does not exist (31 February), or a year of fewer than 4 numbers
    TooLong,       // longer than maxLength
    TooSmall,      // below minValue
    TooLarge,      // above maxValue
    WrongFormat,   // does not match the regex
    NotAnOption,   // a choice that is not one of the options
    WrongType,     // a value of the wrong kind for the item type (typed text that is no number)
    DateIncomplete,      // a day, month or year missing
    DateInFuture,        // a date of birth (or past-date) after today
    TooShort,            // shorter than minLength
    TooManyDecimals,     // more decimal places than maxDecimalPlaces
    NotAPostcode,        // input-kind postcode
    NotAPhoneNumber,     // input-kind uk-phone
    NotAnEmailAddress,   // input-kind email
    NotAnNhsNumber,      // input-kind nhs-number: not 10 digits, or the check digit is wrong
    TooFewAnswers,       // fewer answers (or repetitions) than minOccurs
    TooManyAnswers,      // more answers (or repetitions) than maxOccurs
    ExclusiveOption,     // "None of these" chosen together with other options
};

struct ValidationError {
    ItemRef ref;
    Problem problem = Problem::Required;
    std::string message;  // English, ready to show
    unsigned date_parts = 0;  // for date problems, which boxes (DatePart bits in date_fields.h)
    // For translation (message_text.h): the English template `message` was filled from — the
    // msgid in locales/carers-kiosk.pot, e.g. "{{label}} must be {{limit}} or less" — and its
    // typed values (a limit is a MessageNumber or a Date, never text). A view shows
    // translated_message(): fill_message(tr(message_template), args, its formatter), translating the "label"
    // value as the item's shortText (form text) or, without one, as a word (tr("Answer")).
    // A form's format-message is its own template.
    std::string message_template;
    MessageArgs message_args;
    // For a template with plural forms (translatable_plural): its msgid_plural; message_template
    // is then the msgid, and the first MessageCount in message_args picks the form.
    std::string message_template_plural;
};

// What validation needs from outside the form. The engine has no clock: the app passes today.
struct ValidationContext {
    std::optional<Date> today;  // without it, "must be in the past" is not checked
};

// How to show a message in the language on screen (the view passes its catalog in). `text`
// translates an engine template or general word ("Answer"); `form_text` translates one of the
// form's own texts about an item, given its English: the item's text (suffix ""), its shortText
// (":short"), its format-message (":format-message") or an option (":option:<code>") — the keys
// carers-i18n gives form texts after "form:<form id>:<linkId>". `values` writes the dates,
// numbers and counts in the language's way (null: English); `has_text` says whether a template
// has a translation at all (unset: yes) — one without keeps English values in its English words.
struct MessageTranslator {
    std::function<std::string(const std::string& english)> text;
    std::function<std::string(const Item& item, const std::string& suffix, const std::string& english)> form_text;
    const ValueFormatter* values = nullptr;
    std::function<bool(const std::string& english)> has_text;
    // The form of a plural template for count n (unset: English's, "one" for 1).
    std::function<std::string(const std::string& one, const std::string& other, long n)> plural_text;
};

// The message of `e` in the translator's language: its template translated, then filled with its
// values, the words among them (the label, an option) translated too, dates, numbers and counts
// formatted by the translator's ValueFormatter. Examples ("SW1A 2AA") are filled in as they are.
std::string translated_message(const ValidationError& e, const MessageTranslator& translator);

// Problems with the answers of one enabled occurrence; empty when they are acceptable.
std::vector<ValidationError> validate_answers(const ItemRef& ref,
                                              const std::vector<AnswerValue>& values,
                                              const ValidationContext& context = {});

// Whether a value has the kind an answer to `item` must have (choice: equals one of its options).
bool value_fits_item(const Item& item, const AnswerValue& value);

// Whether `value` is text typed into a number field that is not (yet) a number: kept so nothing
// typed is lost, and reported by validation as WrongType.
bool is_unparsed_number(const Item& item, const AnswerValue& value);

}  // namespace carers::engine
