#include "kiosk/engine/validation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

#include "kiosk/engine/date_fields.h"
#include "kiosk/engine/input_kind.h"

namespace carers::engine {

namespace {

const char* required_message(const Item& item) {
    switch (item.type) {
    case ItemType::Boolean: return translatable("Select yes or no");
    case ItemType::Choice:
    case ItemType::OpenChoice:
        return item.repeats ? translatable("Select at least one answer") : translatable("Select an answer");
    case ItemType::Date: return translatable("Enter a date");
    case ItemType::Integer:
    case ItemType::Decimal: return translatable("Enter a number");
    default: return translatable("Enter an answer");
    }
}

// The item's name at the start of a sentence, or a general word.
std::string subject(const Item& item, const char* fallback) {
    return item.short_text.empty() ? fallback : item.short_text;
}

// Adds a problem whose message is `tmpl` filled from `args` (both kept, for translation).
struct Problems {
    const ItemRef& ref;
    std::vector<ValidationError>& out;
    void add(Problem p, const char* tmpl, MessageArgs args = {}) const { add(p, std::string(tmpl), std::move(args)); }
    void add(Problem p, std::string tmpl, MessageArgs args = {}) const {
        std::string message = fill_message(tmpl, args);
        out.push_back(ValidationError{ref, p, std::move(message), 0, std::move(tmpl), std::move(args), {}});
    }
    // The English form for the count in `args`; both forms kept for translation.
    void add(Problem p, PluralTemplate tmpl, MessageArgs args) const {
        std::string message = fill_message(plural_count(args) == 1 ? tmpl.one : tmpl.other, args);
        out.push_back(ValidationError{ref, p, std::move(message), 0, tmpl.one, std::move(args), tmpl.other});
    }
};

std::size_t utf8_length(const std::string& s) {
    // Count code points, not bytes: maxLength is about what a person sees.
    return static_cast<std::size_t>(std::count_if(
        s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_option(const Item& item, const AnswerValue& v) {
    return std::any_of(item.answer_options.begin(), item.answer_options.end(),
                       [&](const AnswerOption& o) { return values_equal(o.value, v); });
}

// A minValue/maxValue inside a message, typed so the view formats it in its language.
MessageValue limit_value(const AnswerValue& v) {
    if (const auto* i = std::get_if<std::int64_t>(&v)) return MessageNumber{static_cast<double>(*i), 0};
    if (const auto* d = std::get_if<double>(&v)) return message_number(*d);
    if (const auto* d = std::get_if<Date>(&v)) return *d;
    return display_text(v);
}

int decimal_places(double d) {
    // Count the places a person typed, as printing with 15 significant digits shows them.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", d);
    std::string s = buf;
    if (s.find('e') != std::string::npos) return 0;
    auto dot = s.find('.');
    return dot == std::string::npos ? 0 : static_cast<int>(s.size() - dot - 1);
}

void check_text_kind(const Item& item, const std::string& s, std::vector<ValidationError>& out,
                     const ItemRef& ref) {
    const Problems problems{ref, out};
    const std::string example = item.entry_format;
    switch (item.input_kind) {
    case InputKind::Postcode:
        if (!is_uk_postcode(s))
            problems.add(Problem::NotAPostcode, translatable("Enter a real postcode, like {{example}}"),
                         {{"example", example.empty() ? std::string("SW1A 2AA") : example}});
        break;
    case InputKind::UkPhone:
        if (!is_uk_phone(s))
            problems.add(Problem::NotAPhoneNumber, translatable("Enter a UK phone number, like {{example}}"),
                         {{"example", example.empty() ? std::string("01632 960 001 or 07700 900 982") : example}});
        break;
    case InputKind::Email:
        if (!is_email_address(s))
            problems.add(Problem::NotAnEmailAddress,
                         translatable("Enter an email address in the correct format, like name@example.com"));
        break;
    case InputKind::NhsNumber:
        switch (check_nhs_number(s)) {
        case NhsNumberCheck::NotTenDigits:
            problems.add(Problem::NotAnNhsNumber, translatable("NHS number must be 10 numbers"));
            break;
        case NhsNumberCheck::WrongCheckDigit:
            problems.add(Problem::NotAnNhsNumber,
                         translatable("Enter a real NHS number. Check it against a letter from the NHS or the NHS App"));
            break;
        case NhsNumberCheck::Valid: break;
        }
        break;
    default: break;
    }
}

void check_date_value(const Item& item, const Date& d, const ValidationContext& context,
                      std::vector<ValidationError>& out, const ItemRef& ref) {
    std::optional<Date> not_before, not_after;
    if (item.min_value)
        if (auto* m = std::get_if<Date>(&*item.min_value)) not_before = *m;
    if (item.max_value)
        if (auto* m = std::get_if<Date>(&*item.max_value)) not_after = *m;
    const bool past_only = item.input_kind == InputKind::DateOfBirth || item.input_kind == InputKind::PastDate;
    const char* after_template = translatable("{{label}} must be the same as or before {{limit}}");
    if (past_only && context.today && (!not_after || *context.today < *not_after)) {
        not_after = context.today;
        after_template = translatable("{{label}} must be today or in the past");
    }
    auto problem = check_date(d, subject(item, translatable("Date")), not_before, not_after, after_template);
    if (!problem) return;
    Problem p = Problem::NotRealDate;
    if (problem->message.find("must include") != std::string::npos ||
        problem->message.rfind("Enter ", 0) == 0)
        p = Problem::DateIncomplete;
    else if (problem->in_future && past_only)
        p = Problem::DateInFuture;
    else if (problem->message.find("must be the same as") != std::string::npos)
        p = problem->in_future ? Problem::TooLarge : Problem::TooSmall;
    out.push_back(ValidationError{ref, p, problem->message, problem->parts, problem->message_template,
                                  problem->message_args, {}});
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

bool is_unparsed_number(const Item& item, const AnswerValue& v) {
    return (item.type == ItemType::Integer || item.type == ItemType::Decimal) &&
           kind_of(v) == ValueKind::String;
}

std::vector<ValidationError> validate_answers(const ItemRef& ref,
                                              const std::vector<AnswerValue>& values,
                                              const ValidationContext& context) {
    const Item& item = *ref.item;
    std::vector<ValidationError> errors;
    const Problems problems{ref, errors};
    if (!is_question(item.type)) return errors;
    if (values.empty()) {
        if (item.required) problems.add(Problem::Required, required_message(item));
        return errors;
    }
    const MessageArgs answer_label = {{"label", subject(item, translatable("Answer"))}};
    auto with_label = [&](std::string name, MessageValue value) {
        MessageArgs a = answer_label;
        a.push_back({std::move(name), std::move(value)});
        return a;
    };
    for (const AnswerValue& v : values) {
        if (is_unparsed_number(item, v)) {
            const bool whole = item.type == ItemType::Integer;
            if (item.short_text.empty())
                problems.add(Problem::WrongType, whole ? translatable("Enter a whole number, like 12")
                                                       : translatable("Enter a number, like 12 or 2.5"));
            else
                problems.add(Problem::WrongType, whole ? translatable("{{label}} must be a whole number")
                                                       : translatable("{{label}} must be a number"),
                             answer_label);
            continue;
        }
        if (!value_fits_item(item, v)) {
            if (item.type == ItemType::Choice)
                problems.add(Problem::NotAnOption, translatable("Select one of the answers shown"));
            else
                problems.add(Problem::WrongType, required_message(item));
            continue;
        }
        if (auto* d = std::get_if<Date>(&v)) {
            check_date_value(item, *d, context, errors, ref);
            continue;
        }
        if (auto* s = std::get_if<std::string>(&v)) {
            const std::size_t before = errors.size();
            if (item.max_length && utf8_length(*s) > static_cast<std::size_t>(*item.max_length))
                problems.add(Problem::TooLong,
                             translatable_plural("{{label}} must be {{count}} character or fewer",
                                                 "{{label}} must be {{count}} characters or fewer"),
                             with_label("count", MessageCount{*item.max_length}));
            if (item.min_length && utf8_length(*s) < static_cast<std::size_t>(*item.min_length))
                problems.add(Problem::TooShort,
                             translatable_plural("{{label}} must be {{count}} character or more",
                                                 "{{label}} must be {{count}} characters or more"),
                             with_label("count", MessageCount{*item.min_length}));
            check_text_kind(item, *s, errors, ref);
            // The kind's own message is clearer than a pattern's; report the pattern only when
            // the kind is satisfied (or there is none).
            if (errors.size() == before && !item.regex.empty()) {
                try {
                    if (!std::regex_match(*s, std::regex(item.regex))) {
                        // A form's own message is form text (translated with the form), so it
                        // is its own template.
                        if (!item.format_message.empty())
                            problems.add(Problem::WrongFormat, item.format_message);
                        else if (item.entry_format.empty())
                            problems.add(Problem::WrongFormat, translatable("Answer is not in the right format"));
                        else
                            problems.add(Problem::WrongFormat, translatable("Enter it like {{example}}"),
                                         {{"example", item.entry_format}});
                    }
                } catch (const std::regex_error&) {
                    // A broken pattern is the form author's mistake; the linter reports it.
                }
            }
        }
        if (auto* d = std::get_if<double>(&v);
            d && item.max_decimal_places && decimal_places(*d) > *item.max_decimal_places) {
            const int places = *item.max_decimal_places;
            if (places == 0)
                problems.add(Problem::TooManyDecimals, translatable("{{label}} must have no decimal places"),
                             answer_label);
            else
                problems.add(Problem::TooManyDecimals,
                             translatable_plural("{{label}} must have no more than {{count}} decimal place",
                                                 "{{label}} must have no more than {{count}} decimal places"),
                             with_label("count", MessageCount{places}));
        }
        if (item.min_value)
            if (auto c = compare_values(v, *item.min_value); c && *c < 0)
                problems.add(Problem::TooSmall, translatable("{{label}} must be {{limit}} or more"),
                             with_label("limit", limit_value(*item.min_value)));
        if (item.max_value)
            if (auto c = compare_values(v, *item.max_value); c && *c > 0)
                problems.add(Problem::TooLarge, translatable("{{label}} must be {{limit}} or less"),
                             with_label("limit", limit_value(*item.max_value)));
    }
    if (item.repeats) {
        const int n = static_cast<int>(values.size());
        if (item.min_occurs && n < *item.min_occurs)
            problems.add(Problem::TooFewAnswers,
                         translatable_plural("Select at least {{count}} answer", "Select at least {{count}} answers"),
                         {{"count", MessageCount{*item.min_occurs}}});
        if (item.max_occurs && n > *item.max_occurs)
            problems.add(Problem::TooManyAnswers,
                         translatable_plural("Select no more than {{count}} answer",
                                             "Select no more than {{count}} answers"),
                         {{"count", MessageCount{*item.max_occurs}}});
        if (n > 1)
            for (const AnswerOption& o : item.answer_options)
                if (o.exclusive && std::any_of(values.begin(), values.end(),
                                               [&](const AnswerValue& v) { return values_equal(v, o.value); }))
                    problems.add(Problem::ExclusiveOption,
                                 translatable("Select '{{option}}' on its own, or unselect it and choose other answers"),
                                 {{"option", display_text(o.value)}});
    }
    return errors;
}

namespace {

bool same_ignoring_first_case(const std::string& a, const std::string& b) {
    if (a.size() != b.size() || a.empty()) return a == b;
    return std::tolower(static_cast<unsigned char>(a[0])) == std::tolower(static_cast<unsigned char>(b[0])) &&
           a.compare(1, std::string::npos, b, 1, std::string::npos) == 0;
}

}  // namespace

std::string translated_message(const ValidationError& e, const MessageTranslator& t) {
    const Item* item = e.ref.item;
    if (e.message_template.empty()) return t.text(e.message);
    if (item && !item->format_message.empty() && e.message_template == item->format_message)
        return t.form_text(*item, ":format-message", item->format_message);
    MessageArgs args = e.message_args;
    for (auto& [name, arg] : args) {
        auto* value = std::get_if<std::string>(&arg);
        if (!value) continue;  // a date, number or count: formatted below, in the sentence's language
        if (name == "label") {
            // The label is the item's shortText ("Enter date of birth" lower-cases it), the
            // text of a repeating group (add-another pages), or one of the engine's words.
            if (item && !item->short_text.empty() && same_ignoring_first_case(*value, item->short_text))
                *value = t.form_text(*item, ":short", item->short_text);
            else if (item && !item->text.empty() && *value == item->text)
                *value = t.form_text(*item, "", item->text);
            else
                *value = t.text(*value);
        } else if (name == "option" && item) {
            for (const AnswerOption& o : item->answer_options)
                if (display_text(o.value) == *value) {
                    const auto* coding = std::get_if<Coding>(&o.value);
                    *value = t.form_text(*item, ":option:" + (coding ? coding->code : *value), *value);
                    break;
                }
        }
    }
    // A sentence still in English (no translation yet) keeps English values: "1 January 1900"
    // inside an English sentence, never "1 stycznia 1900".
    const bool translated = !t.has_text || t.has_text(e.message_template);
    const ValueFormatter& values = translated && t.values ? *t.values : english_values();
    if (e.message_template_plural.empty()) return fill_message(t.text(e.message_template), args, values);
    const long n = plural_count(args);
    const std::string tmpl = t.plural_text ? t.plural_text(e.message_template, e.message_template_plural, n)
                             : n == 1      ? e.message_template
                                           : e.message_template_plural;
    return fill_message(tmpl, args, values);
}

}  // namespace carers::engine
