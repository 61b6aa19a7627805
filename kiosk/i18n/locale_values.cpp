#include "kiosk/i18n/locale_values.h"

#include <chrono>
#include <cstdio>
#include <mutex>

#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

namespace carers::i18n {

namespace {

std::string utf8(const icu::UnicodeString& s) {
    std::string out;
    s.toUTF8String(out);
    return out;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's
// days_from_civil), so a date never passes through a time zone or the Julian switch.
long days_from_civil(long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

} // namespace

std::string icu_locale_for(std::string_view code) {
    if (code == "en") return "en_GB";
    if (code == "ar") return "ar@numbers=latn";
    return std::string(code);
}

struct LocaleValues::Icu {
    icu::Locale locale;
    std::unique_ptr<icu::DateFormat> date;       // day, month name, year
    std::unique_ptr<icu::DateFormat> time;       // hours and minutes
    std::mutex date_lock;                        // ICU's DateFormat::format is not thread-safe
    icu::number::LocalizedNumberFormatter whole; // immutable, thread-safe
};

LocaleValues::LocaleValues(std::string_view code)
    : icu_locale_(icu_locale_for(code)), icu_(std::make_unique<Icu>()) {
    const auto t0 = std::chrono::steady_clock::now();
    icu_->locale = icu::Locale::createCanonical(icu_locale_.c_str());
    UErrorCode status = U_ZERO_ERROR;
    // The language's own order and month form for "day, month name, year" (Polish writes the
    // genitive "stycznia" here, Chinese 年月日).
    std::unique_ptr<icu::DateTimePatternGenerator> patterns(
        icu::DateTimePatternGenerator::createInstance(icu_->locale, status));
    icu::UnicodeString pattern =
        U_SUCCESS(status) ? patterns->getBestPattern(u"yMMMMd", status) : u"d MMMM y";
    if (U_FAILURE(status)) pattern = u"d MMMM y";
    status = U_ZERO_ERROR;
    auto format = std::make_unique<icu::SimpleDateFormat>(pattern, icu_->locale, status);
    if (U_SUCCESS(status)) {
        auto calendar = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(),
                                                                 icu_->locale, status);
        calendar->setGregorianChange(-8.64e15, status); // proleptic: no Julian dates before 1582
        if (U_SUCCESS(status)) format->adoptCalendar(calendar.release());
        format->setTimeZone(*icu::TimeZone::getGMT());
        icu_->date = std::move(format);
    }
    status = U_ZERO_ERROR;
    icu::UnicodeString time_pattern =
        patterns ? patterns->getBestPattern(u"jmm", status) : icu::UnicodeString(u"HH:mm");
    if (U_FAILURE(status)) time_pattern = u"HH:mm";
    status = U_ZERO_ERROR;
    auto time = std::make_unique<icu::SimpleDateFormat>(time_pattern, icu_->locale, status);
    if (U_SUCCESS(status)) {
        time->setTimeZone(*icu::TimeZone::getGMT());
        icu_->time = std::move(time);
    }
    icu_->whole = icu::number::NumberFormatter::withLocale(icu_->locale);
    setup_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

std::string LocaleValues::time_of_day(int hour, int minute) const {
    const double ms = (static_cast<double>(hour) * 60.0 + static_cast<double>(minute)) * 60000.0;
    icu::UnicodeString out;
    {
        std::lock_guard<std::mutex> lock(icu_->date_lock);
        if (icu_->time) icu_->time->format(ms, out);
    }
    if (out.isEmpty()) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
        return buf;
    }
    return utf8(out);
}

LocaleValues::~LocaleValues() = default;

std::string LocaleValues::date(int year, int month, int day) const {
    const double ms = static_cast<double>(days_from_civil(year, static_cast<unsigned>(month),
                                                          static_cast<unsigned>(day))) *
                      86400000.0;
    icu::UnicodeString out;
    {
        std::lock_guard<std::mutex> lock(icu_->date_lock);
        if (icu_->date) icu_->date->format(ms, out);
    }
    if (out.isEmpty()) // ICU without data: ISO, never a blank
        return std::to_string(year) + "-" + (month < 10 ? "0" : "") + std::to_string(month) + "-" +
               (day < 10 ? "0" : "") + std::to_string(day);
    return utf8(out);
}

std::string LocaleValues::number(double value, int decimals) const {
    UErrorCode status = U_ZERO_ERROR;
    auto formatted = icu_->whole.precision(icu::number::Precision::fixedFraction(decimals))
                         .formatDouble(value, status);
    const icu::UnicodeString text = formatted.toString(status);
    return U_SUCCESS(status) ? utf8(text) : std::to_string(value);
}

std::string LocaleValues::count(long value) const {
    UErrorCode status = U_ZERO_ERROR;
    auto formatted = icu_->whole.formatInt(value, status);
    const icu::UnicodeString text = formatted.toString(status);
    return U_SUCCESS(status) ? utf8(text) : std::to_string(value);
}

} // namespace carers::i18n
