#include "kiosk/engine/validation.h"

#include <algorithm>
#include <regex>

namespace carers::engine {

namespace {

std::string required_message(ItemType t) {
    switch (t) {
    case ItemType::Boolean: return "Select yes or no";
    case ItemType::Choice:
    case ItemType::OpenChoice: return "Select an answer";
    case ItemType::Date: return "Enter a date";
    case ItemType::Integer:
    case ItemType::Decimal: return "Enter a number";
    default: return "Enter an answer";
    }
}

std::size_t utf8_length(const std::string& s) {
    // Count code points, not bytes: maxLength is about what a person sees.
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_option(const Item& item, const AnswerValue& v) {
    return std::any_of(item.answer_options.begin(), item.answer_options.end(),
                       [&](const AnswerOption& o) { return values_equal(o.value, v); });
}

}  // namespace

bool value_fits_item(const Item& item, const AnswerValue& v) {
    switch (item.type) {
    case ItemType::Boolean: return kind_of(v) == ValueKind::Boolean;
    case ItemType::Integer: return kind_of(v) == ValueKind::Integer;
    case ItemType::Decimal: return kind_of(v) == ValueKind::Decimal || kind_of(v) == ValueKind::Integer;
    case ItemType::Date: return kind_of(v) == ValueKind::Date;
    case ItemType::String:
    case ItemType::Text: return kind_of(v) == ValueKind::String;
    case ItemType::Choice: return is_option(item, v);
    case ItemType::OpenChoice: return is_option(item, v) || kind_of(v) == ValueKind::String;
    default: return false;
    }
}

std::vector<ValidationError> validate_answers(const ItemRef& ref,
                                              const std::vector<AnswerValue>& values) {
    const Item& item = *ref.item;
    std::vector<ValidationError> errors;
    auto add = [&](Problem p, std::string m) { errors.push_back({ref, p, std::move(m)}); };
    if (!is_question(item.type)) return errors;
    if (values.empty()) {
        if (item.required) add(Problem::Required, required_message(item.type));
        return errors;
    }
    for (const AnswerValue& v : values) {
        if (!value_fits_item(item, v)) {
            add(item.type == ItemType::Choice ? Problem::NotAnOption : Problem::WrongType,
                item.type == ItemType::Choice ? "Select one of the answers shown"
                                              : required_message(item.type));
            continue;
        }
        if (auto* d = std::get_if<Date>(&v); d && !is_real_date(*d))
            add(Problem::NotRealDate, "Date must be a real date");
        if (auto* s = std::get_if<std::string>(&v)) {
            if (item.max_length && utf8_length(*s) > static_cast<std::size_t>(*item.max_length))
                add(Problem::TooLong,
                    "Answer must be " + std::to_string(*item.max_length) + " characters or fewer");
            if (!item.regex.empty()) {
                try {
                    if (!std::regex_match(*s, std::regex(item.regex)))
                        add(Problem::WrongFormat, item.entry_format.empty()
                                                      ? "Answer is not in the right format"
                                                      : "Enter it like " + item.entry_format);
                } catch (const std::regex_error&) {
                    // A broken pattern is the form author's mistake; the linter reports it.
                }
            }
        }
        if (item.min_value)
            if (auto c = compare_values(v, *item.min_value); c && *c < 0)
                add(Problem::TooSmall, "Answer must be " + display_text(*item.min_value) + " or more");
        if (item.max_value)
            if (auto c = compare_values(v, *item.max_value); c && *c > 0)
                add(Problem::TooLarge, "Answer must be " + display_text(*item.max_value) + " or less");
    }
    return errors;
}

}  // namespace carers::engine
