// LocaleValues::glyph_sample(): what the glyph atlas must hold for the values a language writes.
// Built by formatting, not from hand-made character lists, so whatever the CLDR data of the ICU
// on the machine says (a day-period marker such as Arabic "ص"/"م" or Chinese "上午"/"下午", a
// bidi mark before a minus sign, a no-break space in grouping) is in the atlas before a carer or
// a staff member sees it. A character the atlas lacks is not lost (the renderer notes it and
// rebuilds), but that rebuild costs a frame on the screen showing it.
#include <cmath>
#include <limits>

#include "kiosk/i18n/locale_values.h"

namespace carers::i18n {

std::vector<std::string> LocaleValues::glyph_sample() const {
    std::vector<std::string> out;
    // Every month name in the form a date takes (Polish genitive, Chinese 月).
    for (int month = 1; month <= 12; ++month)
        out.push_back(date(2000 + month, month, 28));
    // Every hour, so every day period the time format names (AM/PM, 上午/中午/下午, ص/م) is here;
    // whole text per hour so Arabic shapes them as they appear.
    for (int hour = 0; hour < 24; ++hour)
        out.push_back(time_of_day(hour, 59));
    // Every digit, the group separator, both signs the language writes, the decimal separator.
    out.push_back(count(-1234567890));
    out.push_back(number(-9876543.21, 2));
    // A value that slipped past the engine's checks is still written, never a blank.
    out.push_back(number(std::numeric_limits<double>::infinity(), 0));
    out.push_back(number(-std::numeric_limits<double>::infinity(), 0));
    out.push_back(number(std::nan(""), 0));
    // What the fallbacks write when ICU has no data: ISO dates, "%02d:%02d", std::to_string.
    out.push_back("0123456789-:.");
    return out;
}

} // namespace carers::i18n
