#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <random>

#include "kiosk/engine/page_list.h"
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

TEST_CASE("incremental re-evaluation agrees with evaluating from scratch after every answer") {
    // A random but fixed form: nested groups, a repeating group, conditions on earlier questions
    // with all / any, answered 400 times at random; after each answer every occurrence's cached
    // enablement must equal a fresh evaluation.
    std::mt19937 random(20261123);
    auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
    std::vector<std::string> questions;
    int next_id = 0;
    std::function<json(int)> make_items = [&](int depth) {
        json items = json::array();
        const int count = 3 + pick(4);
        for (int i = 0; i < count; ++i) {
            const std::string id = "q" + std::to_string(next_id++);
            const std::size_t earlier = questions.size();  // not its own children: that would loop
            json item;
            if (depth < 3 && pick(4) == 0) {
                item = {{"linkId", id}, {"type", "group"}, {"item", make_items(depth + 1)}};
                if (pick(3) == 0) item["repeats"] = true;
            } else {
                item = question(id, pick(2) ? "boolean" : "integer");
            }
            if (earlier > 0 && pick(3) != 0) {
                json conditions = json::array();
                for (int c = 0, n = 1 + pick(2); c < n; ++c) {
                    const std::string target = questions[static_cast<std::size_t>(pick(static_cast<int>(earlier)))];
                    const bool is_bool = target.back() == 'b';
                    conditions.push_back(is_bool ? when(target.substr(0, target.size() - 1), pick(2) ? "=" : "!=", {{"Boolean", true}})
                                                 : when(target.substr(0, target.size() - 1), pick(2) ? ">" : "<=", {{"Integer", 5}}));
                }
                item["enableWhen"] = conditions;
                item["enableBehavior"] = pick(2) ? "all" : "any";
            }
            if (item["type"] != "group") questions.push_back(id + (item["type"] == "boolean" ? "b" : "i"));
            items.push_back(item);
        }
        return items;
    };
    json items = make_items(0);
    auto parsed = parse_questionnaire(json{{"resourceType", "Questionnaire"}, {"item", items}}.dump());
    INFO((parsed.ok() ? "" : parsed.message()));
    REQUIRE(parsed.ok());
    auto q = parsed.value();
    FormSession s(q);
    for (const Item* it : q->all_items())
        if (it->is_repeating_group()) {
            const Reps outer(it->repeating_groups.size() - 1, 0);
            s.add_repetition(*it, outer);
        }
    int disagreements = 0, enabled_seen = 0, disabled_seen = 0;
    for (int step = 0; step < 400; ++step) {
        const Item* it = q->all_items()[static_cast<std::size_t>(pick(static_cast<int>(q->all_items().size())))];
        if (!is_question(it->type)) continue;
        auto occurrences = occurrences_of(*it, s.store());
        const ItemRef& r = occurrences[static_cast<std::size_t>(pick(static_cast<int>(occurrences.size())))];
        if (pick(5) == 0) s.clear(r);
        else if (it->type == ItemType::Boolean) s.answer(r, pick(2) == 0);
        else s.answer(r, AnswerValue{std::int64_t{pick(10)}});
        Enablement fresh(s.store());
        for (const Item* each : q->all_items())
            for (const ItemRef& occ : occurrences_of(*each, s.store())) {
                const bool cached = s.is_enabled(occ);
                disagreements += cached != fresh.is_enabled(occ) ? 1 : 0;
                (cached ? enabled_seen : disabled_seen)++;
            }
    }
    CHECK(disagreements == 0);
    CHECK(enabled_seen > 500);  // the form really switches things on and off
    CHECK(disabled_seen > 500);
}
