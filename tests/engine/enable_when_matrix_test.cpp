// Every enableWhen operator on every answer type FHIR allows it on, against answers below, equal
// to and above the condition's value, and unanswered. The expected result comes from the
// position of the answer in each row (below / equal / above), not from the engine's comparison.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::question;
using test::when;

namespace {

struct TypeCase {
    std::string name;
    std::string type;
    json source_extra;           // answerOption etc.
    json condition;              // {"Integer": 5}: the answer[x] of the enableWhen
    std::vector<AnswerValue> below_equal_above;  // three answers; "above" may be absent
    bool ordered;                // FHIR allows > < >= <= here
};

json options(std::initializer_list<json> values) {
    json list = json::array();
    for (const json& v : values) list.push_back(v);
    return {{"answerOption", list}};
}

std::vector<TypeCase> type_cases() {
    const json colours = options({{{"valueCoding", test::coding("blue")}},
                                  {{"valueCoding", test::coding("green")}},
                                  {{"valueCoding", test::coding("red")}}});
    return {
        {"integer", "integer", json::object(), {{"Integer", 5}}, {std::int64_t{1}, std::int64_t{5}, std::int64_t{9}}, true},
        {"decimal", "decimal", json::object(), {{"Decimal", 5.25}}, {1.5, 5.25, 9.75}, true},
        {"decimal against a whole number", "decimal", json::object(), {{"Integer", 5}}, {4.5, 5.0, 5.5}, true},
        {"date", "date", json::object(), {{"Date", "2010-06-15"}}, {Date{2000, 1, 1}, Date{2010, 6, 15}, Date{2020, 12, 31}}, true},
        {"string", "string", json::object(), {{"String", "mango"}}, {std::string("apple"), std::string("mango"), std::string("zebra")}, true},
        {"text", "text", json::object(), {{"String", "mango"}}, {std::string("apple"), std::string("mango"), std::string("zebra")}, true},
        {"boolean", "boolean", json::object(), {{"Boolean", true}}, {false, true}, false},
        {"choice of codings", "choice", colours, {{"Coding", test::coding("green")}}, {test::code("blue"), test::code("green")}, false},
        {"choice of strings", "choice", options({{{"valueString", "a"}}, {{"valueString", "b"}}, {{"valueString", "c"}}}),
         {{"String", "b"}}, {std::string("a"), std::string("b"), std::string("c")}, true},
        {"choice of integers", "choice", options({{{"valueInteger", 1}}, {{"valueInteger", 2}}, {{"valueInteger", 3}}}),
         {{"Integer", 2}}, {std::int64_t{1}, std::int64_t{2}, std::int64_t{3}}, true},
        {"choice of dates", "choice", options({{{"valueDate", "2001-01-01"}}, {{"valueDate", "2002-01-01"}}, {{"valueDate", "2003-01-01"}}}),
         {{"Date", "2002-01-01"}}, {Date{2001, 1, 1}, Date{2002, 1, 1}, Date{2003, 1, 1}}, true},
        {"open-choice, option picked", "open-choice", colours, {{"Coding", test::coding("green")}}, {test::code("blue"), test::code("green")}, false},
        {"open-choice, typed in", "open-choice", colours, {{"String", "teal"}}, {std::string("mauve"), std::string("teal"), std::string("yellow")}, true},
    };
}

// Whether item "d" is enabled after answering "s" with `given`.
bool enabled_after(const TypeCase& t, const std::string& op, const json& condition,
                   const std::optional<AnswerValue>& given) {
    auto q = test::form({question("s", t.type, t.source_extra),
                         question("d", "string", {{"enableWhen", {when("s", op, condition)}}})});
    FormSession s(q);
    if (given) REQUIRE(s.answer(s.ref("s"), *given) == AnswerResult::Ok);
    return s.is_enabled(s.ref("d"));
}

bool expected(const std::string& op, std::optional<int> position) {
    if (!position) return op == "!=";  // unanswered: only "none equals" holds
    const int c = *position;           // -1 below, 0 equal, 1 above
    if (op == "=") return c == 0;
    if (op == "!=") return c != 0;
    if (op == ">") return c > 0;
    if (op == "<") return c < 0;
    if (op == ">=") return c >= 0;
    return c <= 0;  // "<="
}

}  // namespace

TEST_CASE("every comparison operator on every answer type enables exactly when FHIR says") {
    int checked = 0;
    for (const TypeCase& t : type_cases()) {
        std::vector<std::string> ops = {"=", "!="};
        if (t.ordered) ops.insert(ops.end(), {">", "<", ">=", "<="});
        for (const std::string& op : ops) {
            for (int i = -1; i < static_cast<int>(t.below_equal_above.size()); ++i) {
                std::optional<AnswerValue> given;
                std::optional<int> position;
                if (i >= 0) {
                    given = t.below_equal_above[static_cast<std::size_t>(i)];
                    position = i - 1;
                }
                INFO(t.name << " " << op << " answer #" << i);
                CHECK(enabled_after(t, op, t.condition, given) == expected(op, position));
                ++checked;
            }
        }
    }
    CHECK(checked > 200);
}

TEST_CASE("'exists' on every answer type follows whether the question has an answer") {
    for (const TypeCase& t : type_cases()) {
        INFO(t.name);
        const AnswerValue any = t.below_equal_above.front();
        CHECK(enabled_after(t, "exists", {{"Boolean", true}}, any));
        CHECK_FALSE(enabled_after(t, "exists", {{"Boolean", true}}, std::nullopt));
        CHECK_FALSE(enabled_after(t, "exists", {{"Boolean", false}}, any));
        CHECK(enabled_after(t, "exists", {{"Boolean", false}}, std::nullopt));
    }
}

TEST_CASE("ordering operators on booleans and codings are refused when the form loads") {
    for (const std::string op : {">", "<", ">=", "<="}) {
        json bool_form = {{"resourceType", "Questionnaire"},
                          {"item", {question("s", "boolean"),
                                    question("d", "string", {{"enableWhen", {when("s", op, {{"Boolean", true}})}}})}}};
        auto r = parse_questionnaire(bool_form.dump());
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.message(), Catch::Matchers::ContainsSubstring("has no order"));
        json coding_form = {{"resourceType", "Questionnaire"},
                            {"item", {question("s", "choice", {{"answerOption", {{{"valueCoding", test::coding("x")}}}}}),
                                      question("d", "string", {{"enableWhen", {when("s", op, {{"Coding", test::coding("x")}})}}})}}};
        CHECK_FALSE(parse_questionnaire(coding_form.dump()).ok());
    }
}

TEST_CASE("on a question with several answers '=' needs one equal and '!=' needs none equal") {
    json checkboxes = {{"repeats", true},
                       {"answerOption", {{{"valueCoding", test::coding("a")}}, {{"valueCoding", test::coding("b")}},
                                         {{"valueCoding", test::coding("c")}}}}};
    auto q = test::form({question("s", "choice", checkboxes),
                         question("eq", "string", {{"enableWhen", {when("s", "=", {{"Coding", test::coding("b")}})}}}),
                         question("ne", "string", {{"enableWhen", {when("s", "!=", {{"Coding", test::coding("b")}})}}})});
    FormSession s(q);
    s.answer(s.ref("s"), std::vector<AnswerValue>{test::code("a"), test::code("c")});
    CHECK_FALSE(s.is_enabled(s.ref("eq")));
    CHECK(s.is_enabled(s.ref("ne")));
    s.answer(s.ref("s"), std::vector<AnswerValue>{test::code("a"), test::code("b")});
    CHECK(s.is_enabled(s.ref("eq")));
    CHECK_FALSE(s.is_enabled(s.ref("ne")));
}

TEST_CASE("an ordering operator on several answers holds when any answer compares so") {
    auto q = test::form({question("s", "integer", {{"repeats", true}}),
                         question("d", "string", {{"enableWhen", {when("s", ">", {{"Integer", 10}})}}})});
    FormSession s(q);
    s.answer(s.ref("s"), std::vector<AnswerValue>{std::int64_t{3}, std::int64_t{4}});
    CHECK_FALSE(s.is_enabled(s.ref("d")));
    s.answer(s.ref("s"), std::vector<AnswerValue>{std::int64_t{3}, std::int64_t{40}});
    CHECK(s.is_enabled(s.ref("d")));
}

TEST_CASE("text typed into a number box that is not a number satisfies no comparison") {
    auto q = test::form({question("s", "integer"),
                         question("gt", "string", {{"enableWhen", {when("s", ">", {{"Integer", 1}})}}}),
                         question("ex", "string", {{"enableWhen", {when("s", "exists", {{"Boolean", true}})}}})});
    FormSession s(q);
    REQUIRE(s.answer_text(s.ref("s"), "twelve") == AnswerResult::Ok);
    CHECK_FALSE(s.is_enabled(s.ref("gt")));
    CHECK(s.is_enabled(s.ref("ex")));  // something was typed
    REQUIRE(s.answer_text(s.ref("s"), "12") == AnswerResult::Ok);
    CHECK(s.is_enabled(s.ref("gt")));
}
