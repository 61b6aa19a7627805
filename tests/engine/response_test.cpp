#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/response_check.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::question;
using test::when;

TEST_CASE("the response follows the questionnaire's nesting and answer types") {
    auto q = test::form({{{"linkId", "about"},
                          {"type", "group"},
                          {"item", {question("name", "string"), question("age", "integer"), question("dob", "date")}}},
                         question("ok", "boolean")});
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Ada"));
    s.answer(s.ref("age"), std::int64_t{42});
    s.answer(s.ref("dob"), Date{1984, 3, 2});
    s.answer(s.ref("ok"), true);
    json r = s.response("2026-11-23T10:00:00Z");
    CHECK(r["resourceType"] == "QuestionnaireResponse");
    CHECK(r["questionnaire"] == "https://carers-kiosk.example.org/fhir/Questionnaire/test|1");
    CHECK(r["authored"] == "2026-11-23T10:00:00Z");
    REQUIRE(r["item"].size() == 2);
    CHECK(r["item"][0]["linkId"] == "about");
    CHECK(r["item"][0]["item"][0]["answer"][0]["valueString"] == "Ada");
    CHECK(r["item"][0]["item"][1]["answer"][0]["valueInteger"] == 42);
    CHECK(r["item"][0]["item"][2]["answer"][0]["valueDate"] == "1984-03-02");
    CHECK(r["item"][1]["answer"][0]["valueBoolean"] == true);
    CHECK(check_response_structure(*q, r).empty());
}

TEST_CASE("a disabled answer is dropped from the response") {
    auto q = test::form({question("a", "boolean"),
                         question("why", "string", {{"enableWhen", {when("a", "=", {{"Boolean", true}})}}})});
    FormSession s(q);
    s.answer(s.ref("a"), true);
    s.answer(s.ref("why"), std::string("MARKER-disabled-answer"));
    CHECK(s.response("t").dump().find("MARKER-disabled-answer") != std::string::npos);
    s.answer(s.ref("a"), false);
    json r = s.response("t");
    CHECK(r.dump().find("MARKER-disabled-answer") == std::string::npos);
    REQUIRE(r["item"].size() == 1);
    CHECK(r["item"][0]["linkId"] == "a");
    // ... but not lost: changing back brings it back.
    s.answer(s.ref("a"), true);
    CHECK(s.response("t").dump().find("MARKER-disabled-answer") != std::string::npos);
}

TEST_CASE("a repeating group gives one response item per repetition") {
    auto q = test::form({{{"linkId", "contact"},
                          {"type", "group"},
                          {"repeats", true},
                          {"item", {question("contact-name", "string")}}}});
    FormSession s(q);
    s.add_repetition(*q->find("contact"), {});
    s.answer(s.ref("contact-name", {0}), std::string("Ann"));
    s.answer(s.ref("contact-name", {1}), std::string("Bo"));
    json r = s.response("t");
    REQUIRE(r["item"].size() == 2);
    CHECK(r["item"][1]["item"][0]["answer"][0]["valueString"] == "Bo");
    CHECK(check_response_structure(*q, r).empty());
}

TEST_CASE("the structure check catches unknown linkIds and mismatched answer types") {
    auto q = test::form({question("a", "boolean"), question("n", "integer")});
    json bad = {{"resourceType", "QuestionnaireResponse"},
                {"questionnaire", q->canonical()},
                {"item",
                 {{{"linkId", "a"}, {"answer", {{{"valueString", "yes"}}}}},
                  {{"linkId", "ghost"}, {"answer", {{{"valueInteger", 1}}}}}}}};
    auto problems = check_response_structure(*q, bad);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("valueString") != std::string::npos);
    CHECK(problems[1].find("ghost") != std::string::npos);
}
