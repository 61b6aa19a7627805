// The glyph atlas is built from LocaleValues::glyph_sample(); a character a value needs that is not
// in it costs an atlas rebuild on the screen that shows it. Here every shipped language formats a
// spread of real inputs with real ICU, and each code point written must be in the sample.
#include <catch2/catch_test_macros.hpp>

#include <climits>
#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <set>
#include <string>

#include "kiosk/i18n/locale_dir.h"

using namespace carers;

namespace {

// UTF-8 to code points; ICU writes well-formed UTF-8, so no error handling is needed here.
std::u32string code_points(const std::string& s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? b : b & (0x7F >> len);
        for (int k = 1; k < len && i + k < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        out.push_back(cp);
        i += static_cast<std::size_t>(len);
    }
    return out;
}

std::string hex(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

// Every code point the sample holds, and the first input found to need one it lacks.
struct SampleCheck {
    std::set<char32_t> sample;
    std::map<char32_t, std::string> missing;
    int values_checked = 0;
    void check(const std::string& written, const std::string& input) {
        ++values_checked;
        for (char32_t cp : code_points(written))
            if (!sample.count(cp)) missing.emplace(cp, input + " → \"" + written + "\"");
    }
};

int days_in_month(int year, int month) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

} // namespace

TEST_CASE("every character a shipped language writes in a date, time, number or count is in its "
          "glyph sample") {
    const auto loaded = i18n::load_locales(std::string(CARERS_SOURCE_DIR) + "/locales");
    std::set<std::string> languages;
    for (const auto& catalog : loaded.languages.all()) {
        const i18n::LocaleValues& v = catalog.values();
        const std::string code = catalog.language().code;
        languages.insert(code);
        SampleCheck c;
        for (const auto& line : v.glyph_sample())
            for (char32_t cp : code_points(line))
                c.sample.insert(cp);

        for (int hour = 0; hour < 24; ++hour)
            for (int minute : {0, 1, 5, 10, 30, 45, 59})
                c.check(v.time_of_day(hour, minute),
                        "time " + std::to_string(hour) + ":" + std::to_string(minute));
        for (int year : {1, 999, 1900, 2000, 2024, 9999})
            for (int month = 1; month <= 12; ++month)
                for (int day = 1; day <= days_in_month(year, month); ++day)
                    c.check(v.date(year, month, day), "date " + std::to_string(year) + "-" +
                                                          std::to_string(month) + "-" +
                                                          std::to_string(day));
        for (double value : {-1234567.891, -168.0, -0.5, -0.0, 0.0, 0.001, 2.5, 99.99, 168.0, 1e15,
                             -1e12, 1e300, std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(), std::nan("")})
            for (int decimals = 0; decimals <= 3; ++decimals)
                c.check(v.number(value, decimals), "number " + std::to_string(value) + " with " +
                                                       std::to_string(decimals) + " decimals");
        for (long n : {LONG_MIN, -1000000L, -1L, 0L, 1L, 2L, 3L, 11L, 100L, 1000L, 12345L, 1234567L,
                       LONG_MAX})
            c.check(v.count(n), "count " + std::to_string(n));

        INFO(code << " (" << v.icu_locale() << "): " << c.values_checked << " values checked");
        for (const auto& [cp, example] : c.missing)
            UNSCOPED_INFO("not in the sample: " << hex(cp) << " from " << example);
        CHECK(c.missing.empty());
    }
    // The shipped languages are all here (a locales/ that failed to load would test only English).
    CHECK(languages == std::set<std::string>{"en", "pl", "ar", "zh_CN"});
}
