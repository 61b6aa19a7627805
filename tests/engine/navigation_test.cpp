// The journey through a long form: task list, sections, "Check your answers" with Change links,
// submitting with a reference number, and Back never losing an answer.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/check_answers.h"
#include "kiosk/engine/reference_number.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::group;
using test::question;
using test::when;

namespace {

// Three sections; the second asks a follow-up only for some; the third is for adults only.
std::shared_ptr<const Questionnaire> three_sections() {
    return test::form(
        {group("about", {question("name", "string", {{"required", true}}), question("adult", "boolean", {{"required", true}})}),
         group("caring", {question("hours", "integer", {{"required", true}}),
                          question("nights", "boolean", {{"required", true},
                                                         {"enableWhen", {when("hours", ">=", {{"Integer", 50}})}}})}),
         group("work", {question("works", "boolean")}, {{"enableWhen", {when("adult", "=", {{"Boolean", true}})}}})});
}

const std::array<std::uint8_t, 8> random_bytes{1, 2, 3, 4, 5, 6, 7, 8};

}  // namespace

TEST_CASE("a form of three or more sections uses a task list; a short form does not") {
    CHECK(uses_task_list(*three_sections()));
    CHECK_FALSE(uses_task_list(*test::form({question("a", "string")})));
    CHECK_FALSE(uses_task_list(*test::form({group("a", {question("x", "string")}), group("b", {question("y", "string")})})));
    CHECK(uses_task_list(*test::form({group("a", {question("x", "string")}), group("b", {question("y", "string")})},
                                     {{"extension", {test::kiosk_ext("task-list", "Boolean", true)}}})));
}

TEST_CASE("the first section opens at once, and finishing it shows the task list") {
    auto q = three_sections();
    FormSession s(q);
    CHECK(s.view() == View::Page);
    CHECK(s.current_page().anchor == s.ref("name"));
    s.answer(s.ref("name"), std::string("Sam"));
    s.next();
    s.answer(s.ref("adult"), true);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.view() == View::TaskList);
    auto list = s.task_list();
    REQUIRE(list.size() == 3);
    CHECK(list[0].section->link_id == "about");
    CHECK(list[0].status == SectionStatus::Completed);
    CHECK(list[1].status == SectionStatus::NotStarted);
    CHECK(list[2].status == SectionStatus::NotStarted);
}

TEST_CASE("a section left half way is in progress, and a disabled section is not listed") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Sam"));
    s.next();
    s.answer(s.ref("adult"), false);
    s.next();
    REQUIRE(s.open_section(*q->find("caring")) == Nav::Moved);
    s.answer(s.ref("hours"), std::int64_t{60});
    s.next();  // nights
    REQUIRE(s.show_task_list() == Nav::Moved);
    auto list = s.task_list();
    REQUIRE(list.size() == 2);  // "work" is for adults
    CHECK(list[1].status == SectionStatus::InProgress);
}

TEST_CASE("any section can be opened from the task list, in any order") {
    auto q = three_sections();
    FormSession s(q);
    s.show_task_list();
    s.answer(s.ref("adult"), true);  // so that "work" is on the list
    REQUIRE(s.open_section(*q->find("work")) == Nav::Moved);
    CHECK(s.current_page().anchor == s.ref("works"));
    s.answer(s.ref("works"), true);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.view() == View::TaskList);
    CHECK(s.task_list()[2].status == SectionStatus::Completed);
    CHECK(s.task_list()[0].status == SectionStatus::InProgress);  // name still missing
}

TEST_CASE("Continue on the task list goes to the first section not completed, then to check your answers") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Sam"));
    s.next();
    s.answer(s.ref("adult"), true);
    s.next();
    REQUIRE(s.next() == Nav::Moved);  // from the task list
    CHECK(s.current_page().anchor == s.ref("hours"));
    s.answer(s.ref("hours"), std::int64_t{10});
    s.next();
    CHECK(s.view() == View::TaskList);
    s.next();
    CHECK(s.current_page().anchor == s.ref("works"));
    s.answer(s.ref("works"), false);
    s.next();
    REQUIRE(s.view() == View::TaskList);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.view() == View::CheckAnswers);
}

TEST_CASE("check your answers lists every answered enabled question by section") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Sam"));
    s.answer(s.ref("adult"), false);
    s.answer(s.ref("hours"), std::int64_t{60});
    s.answer(s.ref("nights"), true);
    s.answer(s.ref("works"), true);  // answered, but its section is for adults: left out
    auto sections = check_answers(s);
    REQUIRE(sections.size() == 2);
    CHECK(sections[0].title == "Section about");
    REQUIRE(sections[0].rows.size() == 2);
    CHECK(sections[0].rows[0].label == "Question name");
    CHECK(sections[0].rows[0].values == std::vector<std::string>{"Sam"});
    CHECK(sections[0].rows[1].values == std::vector<std::string>{"No"});
    CHECK(sections[1].rows.size() == 2);
}

TEST_CASE("a Change link goes to the page and Next returns to check your answers") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Sam"));
    s.answer(s.ref("adult"), true);
    s.answer(s.ref("hours"), std::int64_t{10});
    s.answer(s.ref("works"), false);
    s.show_task_list();
    for (const auto* id : {"about", "caring", "work"}) {
        s.open_section(*q->find(id));
        while (s.view() == View::Page) REQUIRE(s.next() == Nav::Moved);
    }
    REQUIRE(s.next() == Nav::Moved);
    REQUIRE(s.view() == View::CheckAnswers);

    REQUIRE(s.change(s.ref("name")) == Nav::Moved);
    CHECK(s.view() == View::Page);
    CHECK(s.current_page().anchor == s.ref("name"));
    CHECK(s.returning_to_check_answers());
    s.answer(s.ref("name"), std::string("Samira"));
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.view() == View::CheckAnswers);
    CHECK(check_answers(s)[0].rows[0].values == std::vector<std::string>{"Samira"});
}

TEST_CASE("a change that opens a new required question asks it before returning") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Sam"));
    s.answer(s.ref("adult"), false);
    s.answer(s.ref("hours"), std::int64_t{10});
    s.show_task_list();
    for (int i = 0; i < 6; ++i) s.next();  // about (2 pages), caring (1 page), via the task list
    REQUIRE(s.view() == View::CheckAnswers);
    s.change(s.ref("hours"));
    s.answer(s.ref("hours"), std::int64_t{70});
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.view() == View::Page);
    CHECK(s.current_page().anchor == s.ref("nights"));
    s.answer(s.ref("nights"), true);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.view() == View::CheckAnswers);
}

TEST_CASE("Back from a Change page returns to check your answers and keeps the new answer") {
    auto q = test::form({question("a", "string"), question("b", "string")});
    FormSession s(q);
    s.answer(s.ref("a"), std::string("one"));
    s.next();
    s.next();
    REQUIRE(s.view() == View::CheckAnswers);
    s.change(s.ref("a"));
    s.answer(s.ref("a"), std::string("two"));
    REQUIRE(s.back() == Nav::Moved);
    CHECK(s.view() == View::CheckAnswers);
    CHECK(std::get<std::string>(s.answers(s.ref("a"))[0]) == "two");
}

TEST_CASE("Back from check your answers goes to the last question; from a section's first page, to the task list") {
    auto simple = test::form({question("a", "string"), question("b", "string")});
    FormSession s(simple);
    s.next();
    s.next();
    REQUIRE(s.view() == View::CheckAnswers);
    REQUIRE(s.back() == Nav::Moved);
    CHECK(s.current_page().anchor == s.ref("b"));

    auto q = three_sections();
    FormSession t(q);
    t.answer(t.ref("adult"), true);
    t.open_section(*q->find("caring"));
    REQUIRE(t.back() == Nav::Moved);
    CHECK(t.view() == View::TaskList);
    CHECK(t.back() == Nav::NoMove);
}

TEST_CASE("submitting completes the form with a reference, and not before everything is answered") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("adult"), true);
    s.show_task_list();
    s.open_section(*q->find("work"));
    s.next();
    REQUIRE(s.view() == View::TaskList);
    REQUIRE(s.next() == Nav::Moved);  // to "about", not completed
    CHECK(s.current_page().anchor == s.ref("name"));
    CHECK(s.submit(random_bytes) == Nav::NoMove);  // only from check your answers
    s.answer(s.ref("name"), std::string("Sam"));
    s.answer(s.ref("hours"), std::int64_t{5});
    s.show_task_list();
    for (const auto* id : {"about", "caring"}) {
        s.open_section(*q->find(id));
        while (s.view() == View::Page) s.next();
    }
    s.next();
    REQUIRE(s.view() == View::CheckAnswers);
    REQUIRE(s.submit(random_bytes) == Nav::Completed);
    CHECK(s.complete());
    CHECK(s.view() == View::Confirmation);
    CHECK(s.reference() == make_reference(random_bytes));
    json r = s.response("t");
    CHECK(r["status"] == "completed");
    CHECK(r["identifier"]["value"] == s.reference());
    CHECK(s.back() == Nav::NoMove);
    CHECK(s.next() == Nav::NoMove);
}

TEST_CASE("an urgent answer marks the response and lists how to get help for the confirmation page") {
    auto q = test::form({question("safe", "boolean"),
                         {{"linkId", "help-now"},
                          {"type", "display"},
                          {"text", "Call Childline on 0800 1111"},
                          {"extension", {test::kiosk_ext("urgent-when-enabled", "Boolean", true)}},
                          {"enableWhen", {when("safe", "=", {{"Boolean", false}})}}},
                         question("more", "string")});
    FormSession s(q);
    s.answer(s.ref("safe"), false);
    REQUIRE(s.urgent_items().size() == 1);
    CHECK(s.urgent_items()[0].item->text == "Call Childline on 0800 1111");
    json r = s.response("t");
    CHECK(r["meta"]["tag"][0]["code"] == "urgent");
    s.answer(s.ref("safe"), true);
    CHECK(s.urgent_items().empty());
    CHECK_FALSE(s.response("t").contains("meta"));
}

TEST_CASE("going back through every page and forward again loses no answer") {
    auto q = three_sections();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Sam"));
    s.next();
    s.answer(s.ref("adult"), true);
    s.back();
    s.back();
    CHECK(std::get<std::string>(s.answers(s.ref("name"))[0]) == "Sam");
    CHECK(std::get<bool>(s.answers(s.ref("adult"))[0]));
    s.next();
    s.next();
    CHECK(s.view() == View::TaskList);
}
