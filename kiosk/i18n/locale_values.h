// How one language writes the values inside its sentences — dates, numbers, counts — with ICU's
// locale data (CLDR), not hand-made tables: "1 January 1900", "1 stycznia 1900" (Polish genitive
// month), "1 يناير 1900", "1900年1月1日"; "10,000" / "10 000" / "2,5".
//
// Digits: every language writes Western digits (0-9), Arabic too (ICU locale "ar@numbers=latn").
// The kiosk's number pad and date boxes type 0-9, so a limit shown in a message reads exactly as
// the carer types it; Arabic speakers in the UK read both, and mixing Arabic-Indic digits in the
// message with Western ones in the box next to it would be the confusing choice. (The engine also
// accepts Arabic-Indic digits typed on a physical keyboard.)
//
// English is British English (en-GB): the kiosk stands in the UK.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace carers::i18n {

class LocaleValues {
  public:
    // The formats of a gettext language code ("en", "pl", "ar", "zh_CN"). An unknown code gets
    // ICU's root formats (never a failure: a sentence is still shown).
    explicit LocaleValues(std::string_view gettext_code);
    ~LocaleValues();
    LocaleValues(const LocaleValues&) = delete;
    LocaleValues& operator=(const LocaleValues&) = delete;

    // The ICU locale used, e.g. "ar@numbers=latn", "en_GB".
    const std::string& icu_locale() const { return icu_locale_; }
    // How long the constructor spent setting up ICU (the first one in a process also loads ICU's
    // locale data), so start-up can report what ICU costs it (tools/bench ui).
    double setup_ms() const { return setup_ms_; }

    // A real Gregorian date (proleptic, any year 1-9999) as day, month name and year in the
    // language's order.
    std::string date(int year, int month, int day) const;
    // A number with exactly `decimals` places, grouped as the language groups.
    std::string number(double value, int decimals) const;
    // A whole number, grouped.
    std::string count(long value) const;
    // A time of day (hours and minutes) as the language writes it ("14:05", "2:05 PM", "14:05").
    std::string time_of_day(int hour, int minute) const;

    // Text holding every character these formats can write, for the glyph atlas of the language:
    // written by the formats themselves (every month, every hour of the day, signs, separators,
    // non-finite numbers) and the fallbacks' ASCII, so nothing is listed by hand.
    // tests/i18n/glyph_sample_test.cpp checks it against a spread of real inputs.
    std::vector<std::string> glyph_sample() const;

  private:
    struct Icu;
    std::string icu_locale_;
    std::unique_ptr<Icu> icu_;
    double setup_ms_ = 0;
};

// The ICU locale for a gettext language code: "en" → "en_GB", "ar" → "ar@numbers=latn".
std::string icu_locale_for(std::string_view gettext_code);

} // namespace carers::i18n
