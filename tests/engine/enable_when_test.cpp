#include <catch2/catch_test_macros.hpp>

#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::question;
using test::when;

namespace {

// A form with one source question of `type` and one dependent string item "d" enabled by the
// condition. Returns whether "d" is enabled after answering the source with `given` (or not at all).
bool enabled_after(const std::string& type, const std::string& op, json condition_answer,
                   std::optional<AnswerValue> given, json source_extra = json::object()) {
    auto q = test::form({question("s", type, source_extra),
                         question("d", "string", {{"enableWhen", {when("s", op, condition_answer)}}})});
    FormSession s(q);
    if (given) REQUIRE(s.answer(s.ref("s"), *given) == AnswerResult::Ok);
    return s.is_enabled(s.ref("d"));
}

const json colour_options = {{"answerOption",
                              {{{"valueCoding", test::coding("red")}},
                               {{"valueCoding", test::coding("green")}}}}};

}  // namespace

TEST_CASE("'exists' true enables an item once its question has any answer") {
    CHECK_FALSE(enabled_after("string", "exists", {{"Boolean", true}}, std::nullopt));
    CHECK(enabled_after("string", "exists", {{"Boolean", true}}, AnswerValue{std::string("x")}));
}

TEST_CASE("'exists' false enables an item only while its question is unanswered") {
    CHECK(enabled_after("integer", "exists", {{"Boolean", false}}, std::nullopt));
    CHECK_FALSE(enabled_after("integer", "exists", {{"Boolean", false}}, AnswerValue{std::int64_t{3}}));
}

TEST_CASE("'=' on a boolean") {
    CHECK(enabled_after("boolean", "=", {{"Boolean", true}}, AnswerValue{true}));
    CHECK_FALSE(enabled_after("boolean", "=", {{"Boolean", true}}, AnswerValue{false}));
    CHECK_FALSE(enabled_after("boolean", "=", {{"Boolean", true}}, std::nullopt));
}

TEST_CASE("'=' and '!=' on a coded choice compare system and code") {
    CHECK(enabled_after("choice", "=", {{"Coding", test::coding("red")}}, AnswerValue{test::code("red")}, colour_options));
    CHECK_FALSE(enabled_after("choice", "=", {{"Coding", test::coding("red")}}, AnswerValue{test::code("green")}, colour_options));
    CHECK(enabled_after("choice", "!=", {{"Coding", test::coding("red")}}, AnswerValue{test::code("green")}, colour_options));
    CHECK_FALSE(enabled_after("choice", "!=", {{"Coding", test::coding("red")}}, AnswerValue{test::code("red")}, colour_options));
}

TEST_CASE("'!=' holds for an unanswered question, as FHIR defines it") {
    CHECK(enabled_after("choice", "!=", {{"Coding", test::coding("red")}}, std::nullopt, colour_options));
}

TEST_CASE("'=' on a string choice option") {
    json pets = {{"answerOption", {{{"valueString", "cat"}}, {{"valueString", "dog"}}}}};
    CHECK(enabled_after("choice", "=", {{"String", "dog"}}, AnswerValue{std::string("dog")}, pets));
    CHECK_FALSE(enabled_after("choice", "=", {{"String", "dog"}}, AnswerValue{std::string("cat")}, pets));
}

TEST_CASE("ordered operators on integers") {
    auto age = [](std::int64_t a) { return std::optional<AnswerValue>(AnswerValue{a}); };
    CHECK(enabled_after("integer", ">", {{"Integer", 17}}, age(18)));
    CHECK_FALSE(enabled_after("integer", ">", {{"Integer", 17}}, age(17)));
    CHECK(enabled_after("integer", "<", {{"Integer", 18}}, age(17)));
    CHECK_FALSE(enabled_after("integer", "<", {{"Integer", 18}}, age(18)));
    CHECK(enabled_after("integer", ">=", {{"Integer", 18}}, age(18)));
    CHECK_FALSE(enabled_after("integer", ">=", {{"Integer", 18}}, age(17)));
    CHECK(enabled_after("integer", "<=", {{"Integer", 18}}, age(18)));
    CHECK_FALSE(enabled_after("integer", "<=", {{"Integer", 18}}, age(19)));
    CHECK_FALSE(enabled_after("integer", ">", {{"Integer", 17}}, std::nullopt));
}

TEST_CASE("ordered operators on dates") {
    auto date = [](int y, int m, int d) { return std::optional<AnswerValue>(AnswerValue{Date{y, m, d}}); };
    CHECK(enabled_after("date", ">", {{"Date", "2008-11-23"}}, date(2010, 1, 1)));
    CHECK_FALSE(enabled_after("date", ">", {{"Date", "2008-11-23"}}, date(2008, 11, 23)));
    CHECK(enabled_after("date", "<=", {{"Date", "2008-11-23"}}, date(2008, 11, 23)));
}

TEST_CASE("enableBehavior all needs every condition, any needs one") {
    json conditions = {when("a", "=", {{"Boolean", true}}), when("b", "=", {{"Boolean", true}})};
    auto q = test::form({question("a", "boolean"), question("b", "boolean"),
                         question("all", "string", {{"enableWhen", conditions}, {"enableBehavior", "all"}}),
                         question("any", "string", {{"enableWhen", conditions}, {"enableBehavior", "any"}})});
    FormSession s(q);
    CHECK_FALSE(s.is_enabled(s.ref("all")));
    CHECK_FALSE(s.is_enabled(s.ref("any")));
    s.answer(s.ref("a"), true);
    CHECK_FALSE(s.is_enabled(s.ref("all")));
    CHECK(s.is_enabled(s.ref("any")));
    s.answer(s.ref("b"), true);
    CHECK(s.is_enabled(s.ref("all")));
    CHECK(s.is_enabled(s.ref("any")));
}

TEST_CASE("a child of a disabled group is disabled, whatever its own conditions") {
    auto q = test::form({question("a", "boolean"),
                         {{"linkId", "g"},
                          {"type", "group"},
                          {"enableWhen", {when("a", "=", {{"Boolean", true}})}},
                          {"item", {question("inner", "string")}}}});
    FormSession s(q);
    CHECK_FALSE(s.is_enabled(s.ref("inner")));
    s.answer(s.ref("a"), true);
    CHECK(s.is_enabled(s.ref("inner")));
}

TEST_CASE("an answer to a disabled question does not enable what depends on it") {
    auto q = test::form({question("a", "boolean"),
                         question("b", "boolean", {{"enableWhen", {when("a", "=", {{"Boolean", true}})}}}),
                         question("c", "string", {{"enableWhen", {when("b", "=", {{"Boolean", true}})}}})});
    FormSession s(q);
    s.answer(s.ref("a"), true);
    s.answer(s.ref("b"), true);
    CHECK(s.is_enabled(s.ref("c")));
    s.answer(s.ref("a"), false);  // b is now disabled, so its answer no longer counts
    CHECK_FALSE(s.is_enabled(s.ref("c")));
}

TEST_CASE("inside a repeating group a condition reads the same repetition") {
    auto q = test::form({{{"linkId", "person"},
                          {"type", "group"},
                          {"repeats", true},
                          {"item", {question("lives-with-you", "boolean"),
                                    question("address", "string",
                                             {{"enableWhen", {when("lives-with-you", "=", {{"Boolean", false}})}}})}}}});
    FormSession s(q);
    s.add_repetition(*q->find("person"), {});
    s.answer(s.ref("lives-with-you", {0}), true);
    s.answer(s.ref("lives-with-you", {1}), false);
    CHECK_FALSE(s.is_enabled(s.ref("address", {0})));
    CHECK(s.is_enabled(s.ref("address", {1})));
}
