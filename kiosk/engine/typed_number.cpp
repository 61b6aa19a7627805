#include "kiosk/engine/typed_number.h"

#include <algorithm>

namespace carers::engine {

namespace {

// Two- and three-byte UTF-8 sequences that are digits, a decimal mark or nothing at all.
struct Mapping {
    std::string_view utf8;
    std::string_view ascii;
};
constexpr Mapping mappings[] = {
    {"\u0660", "0"}, {"\u0661", "1"}, {"\u0662", "2"}, {"\u0663", "3"}, {"\u0664", "4"},
    {"\u0665", "5"}, {"\u0666", "6"}, {"\u0667", "7"}, {"\u0668", "8"}, {"\u0669", "9"},
    {"\u06f0", "0"}, {"\u06f1", "1"}, {"\u06f2", "2"}, {"\u06f3", "3"}, {"\u06f4", "4"},
    {"\u06f5", "5"}, {"\u06f6", "6"}, {"\u06f7", "7"}, {"\u06f8", "8"}, {"\u06f9", "9"},
    {"\u066b", "."}, // Arabic decimal separator
    {"\u066c", ""},  // Arabic thousands separator
    {"\u00a0", ""},  // no-break space (Polish grouping)
    {"\u202f", ""},  // narrow no-break space
    {"\u2009", ""},  // thin space
    {"\u200e", ""},  // left-to-right mark
    {"\u200f", ""},  // right-to-left mark
    {"\u061c", ""},  // Arabic letter mark
};

} // namespace

std::string normalise_typed_number(std::string_view typed) {
    std::string s;
    s.reserve(typed.size());
    for (std::size_t i = 0; i < typed.size();) {
        const char c = typed[i];
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        bool mapped = false;
        for (const Mapping& m : mappings)
            if (typed.compare(i, m.utf8.size(), m.utf8) == 0) {
                s.append(m.ascii);
                i += m.utf8.size();
                mapped = true;
                break;
            }
        if (!mapped) s.push_back(typed[i++]);
    }
    const auto commas = std::count(s.begin(), s.end(), ',');
    if (commas == 1 && s.find('.') == std::string::npos) {
        const std::size_t comma = s.find(',');
        const std::size_t digits_after = s.size() - comma - 1;
        if (digits_after != 3) {
            s[comma] = '.';
            return s;
        }
    }
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    return s;
}

} // namespace carers::engine
