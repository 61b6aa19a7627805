#include <catch2/catch_test_macros.hpp>

#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::question;
using test::when;

using test::page_group;

TEST_CASE("each question is a page of its own, and a page group is one page") {
    auto q = test::form({question("a", "boolean"), question("b", "string"),
                         page_group("p", {question("c", "string"), question("d", "string")})});
    FormSession s(q);
    CHECK(s.current_page().anchor.item->link_id == "a");
    CHECK(s.current_page().count == 3);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.current_page().anchor.item->link_id == "b");
    REQUIRE(s.next() == Nav::Moved);
    Page p = s.current_page();
    CHECK(p.anchor.item->link_id == "p");
    REQUIRE(p.items.size() == 2);
    CHECK(p.items[1].item->link_id == "d");
}

TEST_CASE("next refuses to leave a page with a required question unanswered, saying which") {
    auto q = test::form({question("name", "string", {{"required", true}}), question("b", "string")});
    FormSession s(q);
    CHECK(s.next() == Nav::Blocked);
    REQUIRE(s.errors().size() == 1);
    CHECK(s.errors()[0].ref.item->link_id == "name");
    CHECK(s.errors()[0].problem == Problem::Required);
    CHECK(s.errors()[0].message == "Enter an answer");
    CHECK(s.current_page().anchor.item->link_id == "name");
    s.answer(s.ref("name"), std::string("Sam"));
    CHECK(s.errors().empty());
    CHECK(s.next() == Nav::Moved);
}

TEST_CASE("a required question that is disabled does not block") {
    auto q = test::form({question("a", "boolean"),
                         question("b", "string", {{"required", true}, {"enableWhen", {when("a", "=", {{"Boolean", true}})}}}),
                         question("c", "string")});
    FormSession s(q);
    s.answer(s.ref("a"), false);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.current_page().anchor.item->link_id == "c");  // b skipped
}

TEST_CASE("going back keeps every answer given") {
    auto q = test::form({question("a", "string"), question("b", "string"), question("c", "string")});
    FormSession s(q);
    s.answer(s.ref("a"), std::string("first"));
    s.next();
    s.answer(s.ref("b"), std::string("second"));
    s.next();
    CHECK(s.back() == Nav::Moved);
    CHECK(s.back() == Nav::Moved);
    CHECK(s.back() == Nav::NoMove);
    CHECK(std::get<std::string>(s.answers(s.ref("a"))[0]) == "first");
    CHECK(std::get<std::string>(s.answers(s.ref("b"))[0]) == "second");
}

TEST_CASE("a trailing page with no questions is a result page: reaching it completes the form") {
    auto q = test::form({question("a", "boolean", {{"required", true}}),
                         page_group("result", {{{"linkId", "yes"}, {"type", "display"}, {"text", "It sounds like you are a carer."},
                                                {"enableWhen", {when("a", "=", {{"Boolean", true}})}}},
                                               {{"linkId", "no"}, {"type", "display"}, {"text", "Maybe not right now."},
                                                {"enableWhen", {when("a", "=", {{"Boolean", false}})}}}})});
    FormSession s(q);
    s.answer(s.ref("a"), true);
    REQUIRE(s.next() == Nav::Completed);
    CHECK(s.complete());
    Page p = s.current_page();
    CHECK_FALSE(p.has_questions);
    REQUIRE(p.items.size() == 1);
    CHECK(p.items[0].item->link_id == "yes");
    CHECK(s.back() == Nav::NoMove);  // the result stands once given
}

TEST_CASE("a form ending on a question goes to check your answers, and submitting completes it") {
    auto q = test::form({question("a", "string", {{"required", true}})});
    FormSession s(q);
    CHECK(s.next() == Nav::Blocked);
    s.answer(s.ref("a"), std::string("x"));
    CHECK(s.next() == Nav::Moved);
    CHECK(s.view() == View::CheckAnswers);
    CHECK_FALSE(s.complete());
    CHECK(s.submit({1, 2, 3, 4, 5, 6, 7, 8}) == Nav::Completed);
    CHECK(s.complete());
    CHECK(s.view() == View::Confirmation);
    CHECK(s.reference().size() == 11);
}

TEST_CASE("answers of the wrong kind are refused as a caller's mistake") {
    auto q = test::form({question("a", "boolean"), question("n", "integer"),
                         question("c", "choice", {{"answerOption", {{{"valueString", "x"}}}}})});
    FormSession s(q);
    CHECK(s.answer(s.ref("a"), std::string("yes")) == AnswerResult::WrongType);
    CHECK(s.answer(s.ref("n"), 2.5) == AnswerResult::WrongType);
    CHECK(s.answer(s.ref("c"), std::string("not an option")) == AnswerResult::WrongType);
    CHECK(s.answer(s.ref("c"), std::string("x")) == AnswerResult::Ok);
}

TEST_CASE("an impossible date is kept as typed, and next explains it") {
    auto q = test::form({question("dob", "date")});
    FormSession s(q);
    REQUIRE(s.answer(s.ref("dob"), Date{2024, 2, 31}) == AnswerResult::Ok);
    CHECK(s.next() == Nav::Blocked);
    REQUIRE(s.errors().size() == 1);
    CHECK(s.errors()[0].message == "Date must be a real date");
    CHECK(std::get<Date>(s.answers(s.ref("dob"))[0]) == Date{2024, 2, 31});
}

TEST_CASE("wipe forgets every answer and returns to the first page") {
    auto q = test::form({question("a", "string"), question("b", "string")});
    FormSession s(q);
    s.answer(s.ref("a"), std::string("secret"));
    s.next();
    s.wipe();
    CHECK(s.answers(s.ref("a")).empty());
    CHECK(s.current_page().anchor.item->link_id == "a");
    CHECK_FALSE(s.complete());
}

TEST_CASE("initial values and initially selected options are pre-filled") {
    auto q = test::form({question("n", "integer", {{"initial", {{{"valueInteger", 2}}}}}),
                         question("c", "choice", {{"answerOption", {{{"valueString", "a"}}, {{"valueString", "b"}, {"initialSelected", true}}}}})});
    FormSession s(q);
    CHECK(std::get<std::int64_t>(s.answers(s.ref("n"))[0]) == 2);
    CHECK(std::get<std::string>(s.answers(s.ref("c"))[0]) == "b");
}

TEST_CASE("a hidden item is never shown, and its initial value is still sent") {
    auto q = test::form({question("source", "string",
                                  {{"initial", {{{"valueString", "library kiosk"}}}},
                                   {"extension", {test::ext("questionnaire-hidden", "Boolean", true)}}}),
                         question("name", "string")});
    FormSession s(q);
    CHECK(s.current_page().items.at(0).item->link_id == "name");
    REQUIRE(s.current_page().count == 1);
    s.answer(s.ref("name"), std::string("Sam"));
    REQUIRE(s.next() != Nav::Blocked);
    const auto r = s.response("t");
    REQUIRE(r["item"].size() == 2);
    CHECK(r["item"][0]["linkId"] == "source");
    CHECK(r["item"][0]["answer"][0]["valueString"] == "library kiosk");
}

TEST_CASE("an urgent item makes the session urgent only while it is enabled") {
    auto q = test::form({question("safe", "boolean"),
                         {{"linkId", "help-now"},
                          {"type", "display"},
                          {"text", "Call Childline"},
                          {"extension", {{{"url", "https://carers-kiosk.example.org/fhir/StructureDefinition/urgent-when-enabled"}, {"valueBoolean", true}}}},
                          {"enableWhen", {when("safe", "=", {{"Boolean", false}})}}}});
    FormSession s(q);
    CHECK_FALSE(s.urgent());
    s.answer(s.ref("safe"), false);
    CHECK(s.urgent());
    s.answer(s.ref("safe"), true);
    CHECK_FALSE(s.urgent());
}
