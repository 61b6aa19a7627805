// AnswerValue: one answer to one question, in the FHIR R4 value[x] types the engine supports.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include <nlohmann/json_fwd.hpp>

namespace carers::engine {

// A calendar date. Only complete, real dates are valid (validation checks that); the struct
// itself may hold anything so that what a carer typed is never lost.
struct Date {
    int year = 0;
    int month = 0;
    int day = 0;
    friend auto operator<=>(const Date&, const Date&) = default;
};

// "2024-02-29"; nullopt unless exactly YYYY-MM-DD with a real day of a real month.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(const Date& d);
bool is_real_date(const Date& d);

struct Coding {
    std::string system;
    std::string code;
    std::string display;
    // FHIR compares codings by system and code; display is for people.
    friend bool operator==(const Coding& a, const Coding& b) {
        return a.system == b.system && a.code == b.code;
    }
};

// The alternatives, in FHIR's value[x] naming. String covers string, text and the typed-in part
// of open-choice.
using AnswerValue = std::variant<bool, std::int64_t, double, Date, std::string, Coding>;

enum class ValueKind { Boolean, Integer, Decimal, Date, String, Coding };
ValueKind kind_of(const AnswerValue& v);
const char* fhir_value_key(ValueKind k);  // "valueBoolean", "valueInteger", ...

// Equality as FHIR enableWhen '=' means it: same kind and same value (integer and decimal compare
// numerically).
bool values_equal(const AnswerValue& a, const AnswerValue& b);

// Ordering for '>' '<' '>=' '<=': defined for numbers, dates and strings; nullopt when the two
// cannot be ordered (different kinds, booleans, codings).
std::optional<int> compare_values(const AnswerValue& a, const AnswerValue& b);

// {"valueX": ...} member of an answer / enableWhen / answerOption / initial object.
void write_value(nlohmann::json& out, const AnswerValue& v);
// Reads the single <prefix>[x] member of obj ("value" for answers, options and initial values,
// "answer" for enableWhen); nullopt with `why` set when there is none or it is malformed.
std::optional<AnswerValue> read_value(const nlohmann::json& obj, std::string& why,
                                      std::string_view prefix = "value");

// How a value looks to a person ("Yes", "12", "3 March 2024", the coding's display).
std::string display_text(const AnswerValue& v);

}  // namespace carers::engine
