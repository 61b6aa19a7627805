// The engine's messages in the language on screen: its templates translated by the catalog, and
// the dates, numbers and counts inside them written the language's way (ICU, through
// i18n::LocaleValues) — never "1 January 1900" inside a Polish sentence.
#pragma once

#include <string>

#include "kiosk/engine/message_text.h"
#include "kiosk/engine/validation.h"
#include "kiosk/i18n/catalog.h"
#include "kiosk/ui/placeholders.h"

namespace carers::ui {

// The engine's ValueFormatter over one language's ICU formats.
class LanguageValues final : public engine::ValueFormatter {
  public:
    explicit LanguageValues(const i18n::LocaleValues& locale) : locale_(locale) {}
    std::string date(const engine::Date& d) const override {
        return locale_.date(d.year, d.month, d.day);
    }
    std::string number(const engine::MessageNumber& n) const override {
        return locale_.number(n.value, n.decimals);
    }
    std::string count(long n) const override { return locale_.count(n); }

  private:
    const i18n::LocaleValues& locale_;
};

// `e`'s message in `catalog`'s language. `form_id` is the last part of the form's url (the
// "<form-id>" of form-text keys). A template with no translation yet is shown in English with
// English values.
std::string message_in_language(const i18n::Catalog& catalog, const std::string& form_id,
                                const engine::ValidationError& e);

// An answer's value as "Check your answers" shows it: a date ("3 marca 1950") and a decimal
// ("2,5") written the language's way; anything else as `english` (the engine's display text).
// Whole numbers stay as typed (digits, no grouping): an integer answer may be a year or a number
// the carer will compare with a letter.
std::string answer_value_text(const i18n::Catalog& catalog, const engine::AnswerValue& value,
                              const std::string& english);

// A count for a sentence ("{{n}} days"), written the language's way.
inline std::string count_text(const i18n::Catalog& catalog, long n) {
    return catalog.values().count(n);
}

// `text` (usually a tr_plural template) with its {{n}} filled by count_text.
inline std::string with_count(const i18n::Catalog& catalog, const std::string& text, long n) {
    return fill_placeholders(text, {{"n", count_text(catalog, n)}});
}

} // namespace carers::ui
