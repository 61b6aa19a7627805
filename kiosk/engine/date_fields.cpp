#include "kiosk/engine/date_fields.h"

#include <charconv>
#include <cctype>

#include "kiosk/engine/input_kind.h"
#include "kiosk/engine/typed_number.h"

namespace carers::engine {

namespace {

const char* const month_names[] = {"january", "february", "march",     "april",   "may",      "june",
                                   "july",    "august",   "september", "october", "november", "december"};

// 0 for empty, -1 for not a positive whole number, else the number (capped, so 99999999999
// cannot overflow and is still not a real day).
int read_part(std::string_view raw) {
    const std::string s = normalise_typed_number(trim(raw));  // Arabic-Indic digits too
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
    if (std::isdigit(static_cast<unsigned char>(s[0])) || s[0] == '\xd9' || s[0] == '\xdb') return read_part(s);
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.size() >= 3)
        for (int m = 0; m < 12; ++m) {
            const std::string_view name = month_names[m];
            if (s.size() <= name.size() && name.compare(0, s.size(), s) == 0) return m + 1;
        }
    return -1;
}

DateProblem problem(const char* tmpl, MessageArgs args, unsigned parts, bool in_future = false) {
    DateProblem p;
    p.message = fill_message(tmpl, args);
    p.parts = parts;
    p.in_future = in_future;
    p.message_template = tmpl;
    p.message_args = std::move(args);
    return p;
}

DateProblem missing_problem(std::string_view label, unsigned parts) {
    const char* tmpl = nullptr;
    switch (parts) {
    case DatePartDay: tmpl = translatable("{{label}} must include a day"); break;
    case DatePartMonth: tmpl = translatable("{{label}} must include a month"); break;
    case DatePartYear: tmpl = translatable("{{label}} must include a year"); break;
    case DatePartDay | DatePartMonth: tmpl = translatable("{{label}} must include a day and month"); break;
    case DatePartDay | DatePartYear: tmpl = translatable("{{label}} must include a day and year"); break;
    case DatePartMonth | DatePartYear: tmpl = translatable("{{label}} must include a month and year"); break;
    default: tmpl = translatable("{{label}} must include a day, month and year"); break;
    }
    return problem(tmpl, {{"label", std::string(label)}}, parts);
}

// "Enter date of birth": the label starts lower case in the middle of a sentence (English).
DateProblem enter_problem(std::string_view label) {
    std::string lower(label);
    if (!lower.empty()) lower[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(lower[0])));
    return problem(translatable("Enter {{label}}"), {{"label", lower}}, DatePartDay | DatePartMonth | DatePartYear);
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
                                      std::string_view after_template) {
    unsigned missing = (d.day == 0 ? DatePartDay : 0u) | (d.month == 0 ? DatePartMonth : 0u) |
                       (d.year == 0 ? DatePartYear : 0u);
    if (missing == (DatePartDay | DatePartMonth | DatePartYear)) return enter_problem(label);
    if (missing) return missing_problem(label, missing);
    if (d.year > 0 && d.year < 1000) return problem(translatable("Year must include 4 numbers"), {}, DatePartYear);
    if (!is_real_date(d)) {
        unsigned wrong = (d.day < 1 || d.day > 31 ? DatePartDay : 0u) |
                         (d.month < 1 || d.month > 12 ? DatePartMonth : 0u) |
                         (d.year < 1 || d.year > 9999 ? DatePartYear : 0u);
        if (!wrong) wrong = DatePartDay;  // 31 April, 29 February 2023: the day is what is wrong
        return problem(translatable("{{label}} must be a real date"), {{"label", std::string(label)}}, wrong);
    }
    constexpr unsigned all = DatePartDay | DatePartMonth | DatePartYear;
    if (not_after && d > *not_after) {
        DateProblem p = problem("", {{"label", std::string(label)}, {"limit", *not_after}}, all, true);
        p.message_template = std::string(after_template);
        p.message = fill_message(after_template, p.message_args);
        return p;
    }
    if (not_before && d < *not_before)
        return problem(translatable("{{label}} must be the same as or after {{limit}}"),
                       {{"label", std::string(label)}, {"limit", *not_before}}, all);
    return std::nullopt;
}

DateFieldsReading read_date_fields(const DateFields& fields, std::string_view label, bool required,
                                   std::optional<Date> not_before, std::optional<Date> not_after) {
    auto d = date_from_fields(fields);
    if (!d) {
        if (!required) return {};
        return {std::nullopt, enter_problem(label)};
    }
    if (auto problem = check_date(*d, label, not_before, not_after)) return {std::nullopt, problem};
    return {d, std::nullopt};
}

}  // namespace carers::engine
