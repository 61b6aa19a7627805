// Messages the engine writes for a person to read (validation), kept translatable: each is made
// from an English template with {{placeholders}} and the typed values that fill them. The template
// is the msgid in locales/carers-kiosk.pot; a view translates it and fills in the values, formatted
// for the language on screen by a ValueFormatter (the engine has no locale data: the UI's i18n
// layer formats with ICU, kiosk/ui/value_formats.h).
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kiosk/engine/answer_value.h"

namespace carers::engine {

// Marks an English template for the translation template: carers-i18n finds the literal in
// kiosk/engine sources, as it finds tr("...") in the UI. Returns its argument unchanged.
constexpr const char* translatable(const char* english) { return english; }

// A message whose words depend on a count ("{{count}} character" / "{{count}} characters"): the
// msgid and msgid_plural of one template entry; each language picks its form by its Plural-Forms
// (Polish three, Arabic six, Chinese one). carers-i18n finds translatable_plural("...", "...").
struct PluralTemplate {
    const char* one;
    const char* other;
};
constexpr PluralTemplate translatable_plural(const char* one, const char* other) { return {one, other}; }

// A number inside a message (a limit such as maxValue): shown with `decimals` places, grouped as
// the language groups digits ("10,000", "10 000", "2,5").
struct MessageNumber {
    double value = 0;
    int decimals = 0;
    friend bool operator==(const MessageNumber&, const MessageNumber&) = default;
};
// A count of things inside a message (characters, answers, days): a whole number that also
// chooses the sentence's plural form.
struct MessageCount {
    long value = 0;
    friend bool operator==(const MessageCount&, const MessageCount&) = default;
};

// A placeholder's value: words (a label, an option, an example, already in English) or a value
// the language formats: a date, a number, a count.
using MessageValue = std::variant<std::string, Date, MessageNumber, MessageCount>;

struct MessageArg {
    std::string name;
    MessageValue value;
    friend bool operator==(const MessageArg&, const MessageArg&) = default;
};

// Placeholder values, in order: {"label", "Date of birth"}, {"limit", MessageNumber{17}}. "label"
// is the item's shortText, or a general word ("Answer", "Date") that is itself a translatable
// template.
using MessageArgs = std::vector<MessageArg>;

// A number as it is written in the form: 17 → {17, 0}, 2.5 → {2.5, 1} (at most 6 places).
MessageNumber message_number(double value);

// How a language writes the values inside its sentences. The view supplies one for the language
// on screen; english_values() is the engine's own, used for ValidationError::message.
class ValueFormatter {
public:
    virtual ~ValueFormatter() = default;
    // A real date as words: "1 January 1900", "1 stycznia 1900", "1900年1月1日". (An unreal date
    // never reaches a message: validation reports it without the value.)
    virtual std::string date(const Date& d) const = 0;
    virtual std::string number(const MessageNumber& n) const = 0;
    virtual std::string count(long n) const = 0;
};

// British English: "1 January 1900", "10,000", "2.5", "1,000".
const ValueFormatter& english_values();

// The count that chooses a plural template's form: the first MessageCount in `args` (0 without).
long plural_count(const MessageArgs& args);

// The text of a value: words as they are, the others through `values`.
std::string format_value(const MessageValue& value, const ValueFormatter& values);

// `tmpl` with every {{name}} replaced by its value in `args` (formatted by `values`); unknown
// names are left as written.
std::string fill_message(std::string_view tmpl, const MessageArgs& args,
                         const ValueFormatter& values = english_values());

}  // namespace carers::engine
