#include "kiosk/engine/message_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace carers::engine {

namespace {

// "1234567.5" → "1,234,567.5": British grouping of the whole part, as ICU's en-GB writes it.
std::string group_thousands(std::string digits) {
    const std::size_t start = digits.empty() || digits[0] != '-' ? 0 : 1;
    std::size_t end = digits.find('.');
    if (end == std::string::npos) end = digits.size();
    for (std::size_t i = end; i > start + 3; i -= 3) digits.insert(i - 3, ",");
    return digits;
}

class EnglishValues final : public ValueFormatter {
public:
    std::string date(const Date& d) const override { return display_text(AnswerValue{d}); }
    std::string number(const MessageNumber& n) const override {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", n.decimals, n.value);
        return group_thousands(buf);
    }
    std::string count(long n) const override { return group_thousands(std::to_string(n)); }
};

}  // namespace

MessageNumber message_number(double value) {
    // The places a person wrote, as printing with 12 significant digits shows them.
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", value);
    const std::string s = buf;
    const auto dot = s.find('.');
    if (s.find('e') != std::string::npos || dot == std::string::npos) return {value, 0};
    return {value, static_cast<int>(std::min<std::size_t>(s.size() - dot - 1, 6))};
}

const ValueFormatter& english_values() {
    static const EnglishValues english;
    return english;
}

long plural_count(const MessageArgs& args) {
    for (const MessageArg& a : args)
        if (const auto* c = std::get_if<MessageCount>(&a.value)) return c->value;
    return 0;
}

std::string format_value(const MessageValue& value, const ValueFormatter& values) {
    if (const auto* s = std::get_if<std::string>(&value)) return *s;
    if (const auto* d = std::get_if<Date>(&value)) return is_real_date(*d) ? values.date(*d) : to_iso(*d);
    if (const auto* n = std::get_if<MessageNumber>(&value)) return values.number(*n);
    return values.count(std::get<MessageCount>(value).value);
}

std::string fill_message(std::string_view tmpl, const MessageArgs& args, const ValueFormatter& values) {
    std::string out;
    out.reserve(tmpl.size() + 32);
    std::size_t i = 0;
    while (i < tmpl.size()) {
        const std::size_t open = tmpl.find("{{", i);
        if (open == std::string_view::npos) break;
        const std::size_t close = tmpl.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out.append(tmpl.substr(i, open - i));
        const std::string_view name = tmpl.substr(open + 2, close - open - 2);
        const MessageArg* found = nullptr;
        for (const auto& a : args)
            if (a.name == name) found = &a;
        if (found) out += format_value(found->value, values);
        else out.append(tmpl.substr(open, close + 2 - open));
        i = close + 2;
    }
    out.append(tmpl.substr(i));
    return out;
}

}  // namespace carers::engine
