#include "kiosk/engine/answer_value.h"

#include <charconv>
#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace carers::engine {

namespace {

// "has an answerInteger", "has a valueCoding".
std::string article(const std::string& member) {
    return member.empty() || std::string("aeiou").find(member[0]) == std::string::npos ? "has a " : "has an ";
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

bool parse_int(std::string_view s, int& out) {
    if (s.empty()) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

const char* const month_names[] = {"January", "February", "March",     "April",
                                   "May",     "June",     "July",      "August",
                                   "September", "October", "November", "December"};

}  // namespace

bool is_real_date(const Date& d) {
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::optional<Date> parse_iso_date(std::string_view t) {
    if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
    Date d;
    if (!parse_int(t.substr(0, 4), d.year) || !parse_int(t.substr(5, 2), d.month) ||
        !parse_int(t.substr(8, 2), d.day))
        return std::nullopt;
    if (!is_real_date(d)) return std::nullopt;
    return d;
}

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}

ValueKind kind_of(const AnswerValue& v) { return static_cast<ValueKind>(v.index()); }

const char* fhir_value_key(ValueKind k) {
    switch (k) {
    case ValueKind::Boolean: return "valueBoolean";
    case ValueKind::Integer: return "valueInteger";
    case ValueKind::Decimal: return "valueDecimal";
    case ValueKind::Date: return "valueDate";
    case ValueKind::String: return "valueString";
    case ValueKind::Coding: return "valueCoding";
    }
    return "value";
}

std::optional<int> compare_values(const AnswerValue& a, const AnswerValue& b) {
    auto as_number = [](const AnswerValue& v) -> std::optional<double> {
        if (auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
        if (auto* d = std::get_if<double>(&v)) return *d;
        return std::nullopt;
    };
    auto na = as_number(a), nb = as_number(b);
    if (na && nb) return *na < *nb ? -1 : (*na > *nb ? 1 : 0);
    if (a.index() != b.index()) return std::nullopt;
    if (auto* da = std::get_if<Date>(&a)) {
        auto c = *da <=> std::get<Date>(b);
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    if (auto* sa = std::get_if<std::string>(&a)) {
        int c = sa->compare(std::get<std::string>(b));
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

bool values_equal(const AnswerValue& a, const AnswerValue& b) {
    if (auto* ba = std::get_if<bool>(&a)) {
        auto* bb = std::get_if<bool>(&b);
        return bb && *ba == *bb;
    }
    if (auto* ca = std::get_if<Coding>(&a)) {
        auto* cb = std::get_if<Coding>(&b);
        return cb && *ca == *cb;
    }
    auto c = compare_values(a, b);
    return c && *c == 0;
}

void write_value(nlohmann::json& out, const AnswerValue& v) {
    const char* key = fhir_value_key(kind_of(v));
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, Date>) {
                out[key] = to_iso(x);
            } else if constexpr (std::is_same_v<T, Coding>) {
                nlohmann::json c;
                if (!x.system.empty()) c["system"] = x.system;
                c["code"] = x.code;
                if (!x.display.empty()) c["display"] = x.display;
                out[key] = std::move(c);
            } else {
                out[key] = x;
            }
        },
        v);
}

std::optional<AnswerValue> read_value(const nlohmann::json& obj, std::string& why,
                                      std::string_view prefix) {
    if (!obj.is_object()) {
        why = "is not an object";
        return std::nullopt;
    }
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        const std::string& full = it.key();
        if (full.size() <= prefix.size() || full.compare(0, prefix.size(), prefix) != 0) continue;
        // Compare on the type suffix so one table serves "valueX" and "answerX".
        const std::string k = "value" + full.substr(prefix.size());
        const auto& x = it.value();
        if (k == "valueBoolean") {
            if (x.is_boolean()) return AnswerValue{x.get<bool>()};
        } else if (k == "valueInteger") {
            if (x.is_number_integer()) return AnswerValue{x.get<std::int64_t>()};
        } else if (k == "valueDecimal") {
            if (x.is_number()) return AnswerValue{x.get<double>()};
        } else if (k == "valueDate") {
            if (x.is_string())
                if (auto d = parse_iso_date(x.get_ref<const std::string&>())) return AnswerValue{*d};
            why = "has a " + full + " that is not a real date written YYYY-MM-DD";
            return std::nullopt;
        } else if (k == "valueString") {
            if (x.is_string()) return AnswerValue{x.get<std::string>()};
        } else if (k == "valueCoding") {
            if (x.is_object() && x.contains("code") && x["code"].is_string()) {
                Coding c;
                c.code = x["code"].get<std::string>();
                if (x.contains("system") && x["system"].is_string()) c.system = x["system"];
                if (x.contains("display") && x["display"].is_string()) c.display = x["display"];
                return AnswerValue{std::move(c)};
            }
            why = article(full) + full + " without a code";
            return std::nullopt;
        } else {
            why = "uses " + full + ", which this kiosk does not support";
            return std::nullopt;
        }
        why = article(full) + full + " of the wrong JSON type";
        return std::nullopt;
    }
    why = "has no " + std::string(prefix) + "[x]";
    return std::nullopt;
}

std::string display_text(const AnswerValue& v) {
    return std::visit(
        [](const auto& x) -> std::string {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, bool>) {
                return x ? "Yes" : "No";
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(x);
            } else if constexpr (std::is_same_v<T, double>) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.12g", x);
                return buf;
            } else if constexpr (std::is_same_v<T, Date>) {
                if (!is_real_date(x)) return to_iso(x);
                return std::to_string(x.day) + " " + month_names[x.month - 1] + " " +
                       std::to_string(x.year);
            } else if constexpr (std::is_same_v<T, Coding>) {
                return x.display.empty() ? x.code : x.display;
            } else {
                return x;
            }
        },
        v);
}

}  // namespace carers::engine
