#include "kiosk/engine/date_fields.h"

#include <charconv>
#include <cctype>

#include "kiosk/engine/input_kind.h"

namespace carers::engine {

namespace {

const char* const month_names[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

// 0 for empty, -1 for not a positive whole number, else the number (capped, so 99999999999
// cannot overflow and is still not a real day).
int read_part(std::string_view raw) {
    const std::string s = trim(raw);
    if (s.empty()) return 0;
    if (s.size() > 6) return -1;
    int n = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || p != s.data() + s.size() || n <= 0) return -1;
    return n;
}

int read_month(std::string_view raw) {
    std::string s = trim(raw);
    if (s.empty()) return 0;
    if (std::isdigit(static_cast<unsigned char>(s[0]))) return read_part(s);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.size() >= 3)
        for (int m = 0; m < 12; ++m) {
            const std::string_view name = month_names[m];
            if (s.size() <= name.size() && name.compare(0, s.size(), s) == 0) return m + 1;
        }
    return -1;
}

std::string lower_first(std::string_view s) {
    std::string out(s);
    if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

std::string missing_message(std::string_view label, unsigned parts) {
    std::string list;
    switch (parts) {
    case DatePartDay: list = "a day"; break;
    case DatePartMonth: list = "a month"; break;
    case DatePartYear: list = "a year"; break;
    case DatePartDay | DatePartMonth: list = "a day and month"; break;
    case DatePartDay | DatePartYear: list = "a day and year"; break;
    case DatePartMonth | DatePartYear: list = "a month and year"; break;
    default: list = "a day, month and year"; break;
    }
    return std::string(label) + " must include " + list;
}

}  // namespace

std::optional<Date> date_from_fields(std::string_view day, std::string_view month,
                                     std::string_view year) {
    if (trim(day).empty() && trim(month).empty() && trim(year).empty()) return std::nullopt;
    return Date{read_part(year), read_month(month), read_part(day)};
}

DateFields fields_from_date(const Date& d) {
    auto part = [](int n) { return n > 0 ? std::to_string(n) : std::string(); };
    return DateFields{part(d.day), part(d.month), part(d.year)};
}

std::optional<DateProblem> check_date(const Date& d, std::string_view label,
                                      std::optional<Date> not_before, std::optional<Date> not_after,
                                      std::string_view after_message) {
    unsigned missing = (d.day == 0 ? DatePartDay : 0u) | (d.month == 0 ? DatePartMonth : 0u) |
                       (d.year == 0 ? DatePartYear : 0u);
    if (missing == (DatePartDay | DatePartMonth | DatePartYear))
        return DateProblem{"Enter " + lower_first(label), missing, false};
    if (missing) return DateProblem{missing_message(label, missing), missing, false};
    if (d.year > 0 && d.year < 1000) return DateProblem{"Year must include 4 numbers", DatePartYear, false};
    if (!is_real_date(d)) {
        unsigned wrong = (d.day < 1 || d.day > 31 ? DatePartDay : 0u) |
                         (d.month < 1 || d.month > 12 ? DatePartMonth : 0u) |
                         (d.year < 1 || d.year > 9999 ? DatePartYear : 0u);
        if (!wrong) wrong = DatePartDay;  // 31 April, 29 February 2023: the day is what is wrong
        return DateProblem{std::string(label) + " must be a real date", wrong, false};
    }
    if (not_after && d > *not_after)
        return DateProblem{std::string(label) + " " + std::string(after_message),
                           DatePartDay | DatePartMonth | DatePartYear, true};
    if (not_before && d < *not_before)
        return DateProblem{std::string(label) + " must be the same as or after " +
                               display_text(AnswerValue{*not_before}),
                           DatePartDay | DatePartMonth | DatePartYear, false};
    return std::nullopt;
}

DateFieldsReading read_date_fields(const DateFields& fields, std::string_view label, bool required,
                                   std::optional<Date> not_before, std::optional<Date> not_after) {
    auto d = date_from_fields(fields);
    if (!d) {
        if (!required) return {};
        return {std::nullopt, DateProblem{"Enter " + lower_first(label),
                                          DatePartDay | DatePartMonth | DatePartYear, false}};
    }
    if (auto problem = check_date(*d, label, not_before, not_after)) return {std::nullopt, problem};
    return {d, std::nullopt};
}

}  // namespace carers::engine
