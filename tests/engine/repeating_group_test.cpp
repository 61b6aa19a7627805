// Repeating groups: "Add another", removing one, minOccurs / maxOccurs, enableWhen within the
// same repetition, and the response with one item per repetition.
#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/check_answers.h"
#include "kiosk/engine/response_check.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::ext;
using test::question;
using test::when;

namespace {

// Emergency contacts, one to three, each with a name and a phone page and a key question.
std::shared_ptr<const Questionnaire> contacts_form() {
    return test::form(
        {question("intro", "boolean"),
         {{"linkId", "contact"},
          {"type", "group"},
          {"text", "Emergency contact"},
          {"repeats", true},
          {"extension", {ext("questionnaire-minOccurs", "Integer", 1), ext("questionnaire-maxOccurs", "Integer", 3)}},
          {"item", {question("name", "string", {{"required", true}}),
                    question("has-key", "boolean"),
                    question("key-where", "string", {{"enableWhen", {when("has-key", "=", {{"Boolean", true}})}}})}}},
         question("end", "string")});
}

}  // namespace

TEST_CASE("after the pages of a repeating group comes an add-another page listing each one") {
    auto q = contacts_form();
    FormSession s(q);
    s.answer(s.ref("intro"), true);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.current_page().anchor == s.ref("name", {0}));
    s.answer(s.ref("name", {0}), std::string("Priya"));
    REQUIRE(s.next() == Nav::Moved);  // has-key
    REQUIRE(s.next() == Nav::Moved);  // key-where is disabled: straight to add-another
    Page p = s.current_page();
    REQUIRE(p.kind == PageKind::AddAnother);
    REQUIRE(p.repeat);
    CHECK(p.repeat->count == 1);
    CHECK(p.repeat->labels == std::vector<std::string>{"Priya"});
    CHECK(p.repeat->can_add);
    CHECK_FALSE(p.repeat->can_remove);
    CHECK(p.repeat->max == 3);
}

TEST_CASE("add another opens the new repetition's first page and Next comes back to the list") {
    auto q = contacts_form();
    FormSession s(q);
    s.answer(s.ref("intro"), true);
    s.next();
    s.answer(s.ref("name", {0}), std::string("Priya"));
    s.next();
    s.next();
    REQUIRE(s.add_another() == Nav::Moved);
    CHECK(s.current_page().anchor == s.ref("name", {1}));
    s.answer(s.ref("name", {1}), std::string("Tom"));
    s.next();
    s.answer(s.ref("has-key", {1}), true);
    REQUIRE(s.next() == Nav::Moved);
    CHECK(s.current_page().anchor == s.ref("key-where", {1}));  // enabled in Tom's repetition only
    CHECK_FALSE(s.is_enabled(s.ref("key-where", {0})));
    s.next();
    Page p = s.current_page();
    REQUIRE(p.kind == PageKind::AddAnother);
    CHECK(p.repeat->labels == std::vector<std::string>{"Priya", "Tom"});
    CHECK(p.repeat->can_remove);
}

TEST_CASE("no more repetitions than maxOccurs can be added") {
    auto q = contacts_form();
    FormSession s(q);
    const Item& contact = *q->find("contact");
    CHECK(s.add_repetition(contact, {}) == 1);
    CHECK(s.add_repetition(contact, {}) == 2);
    CHECK(s.add_repetition(contact, {}) == -1);
    CHECK(s.store().repetitions(contact, {}) == 3);
}

TEST_CASE("removing a repetition wipes its answers and moves the later ones down") {
    auto q = contacts_form();
    FormSession s(q);
    const Item& contact = *q->find("contact");
    s.add_repetition(contact, {});
    s.add_repetition(contact, {});
    s.answer(s.ref("name", {0}), std::string("A"));
    s.answer(s.ref("name", {1}), std::string("B"));
    s.answer(s.ref("name", {2}), std::string("C"));
    s.answer(s.ref("has-key", {2}), true);
    REQUIRE(s.remove_repetition(contact, {}, 1));
    CHECK(s.store().repetitions(contact, {}) == 2);
    CHECK(std::get<std::string>(s.answers(s.ref("name", {1}))[0]) == "C");
    CHECK(std::get<bool>(s.answers(s.ref("has-key", {1}))[0]));
    CHECK(s.answers(s.ref("name", {2})).empty());
    CHECK(s.response("t").dump().find("\"B\"") == std::string::npos);
    CHECK(s.remove_repetition(contact, {}, 0));
    CHECK_FALSE(s.remove_repetition(contact, {}, 0));  // the only one left stays
}

TEST_CASE("fewer repetitions than minOccurs blocks the add-another page") {
    auto q = test::form({{{"linkId", "g"},
                          {"type", "group"},
                          {"text", "Person"},
                          {"repeats", true},
                          {"extension", {ext("questionnaire-minOccurs", "Integer", 2)}},
                          {"item", {question("n", "string")}}}});
    FormSession s(q);
    s.next();
    REQUIRE(s.current_page().kind == PageKind::AddAnother);
    CHECK(s.next() == Nav::Blocked);
    CHECK(s.errors()[0].problem == Problem::TooFewAnswers);
    s.add_another();
    s.next();
    CHECK(s.next() != Nav::Blocked);
}

TEST_CASE("each repetition becomes its own response item, and a disabled one is left out") {
    auto q = contacts_form();
    FormSession s(q);
    s.add_repetition(*q->find("contact"), {});
    s.answer(s.ref("name", {0}), std::string("A"));
    s.answer(s.ref("has-key", {0}), true);
    s.answer(s.ref("key-where", {0}), std::string("Under the mat"));
    s.answer(s.ref("name", {1}), std::string("B"));
    s.answer(s.ref("key-where", {1}), std::string("MARKER-disabled"));
    json r = s.response("t");
    CHECK(check_response_structure(*q, r).empty());
    REQUIRE(r["item"].size() == 2);
    CHECK(r["item"][0]["linkId"] == "contact");
    CHECK(r["item"][1]["linkId"] == "contact");
    CHECK(r["item"][0]["item"].size() == 3);
    CHECK(r["item"][1]["item"].size() == 1);
    CHECK(r.dump().find("MARKER-disabled") == std::string::npos);
}

TEST_CASE("a condition inside nested repeating groups reads its own repetition at every level") {
    auto q = test::form({{{"linkId", "person"},
                          {"type", "group"},
                          {"repeats", true},
                          {"item", {question("cared-for-name", "string"),
                                    {{"linkId", "medicine"},
                                     {"type", "group"},
                                     {"repeats", true},
                                     {"item", {question("needs-fridge", "boolean"),
                                               question("fridge-where", "string",
                                                        {{"enableWhen", {when("needs-fridge", "=", {{"Boolean", true}})}}})}}}}}}});
    FormSession s(q);
    const Item& person = *q->find("person");
    const Item& medicine = *q->find("medicine");
    s.add_repetition(person, {});
    s.add_repetition(medicine, {1});
    s.add_repetition(medicine, {1});
    s.answer(s.ref("needs-fridge", {1, 2}), true);
    CHECK(s.is_enabled(s.ref("fridge-where", {1, 2})));
    CHECK_FALSE(s.is_enabled(s.ref("fridge-where", {1, 1})));
    CHECK_FALSE(s.is_enabled(s.ref("fridge-where", {0, 0})));
    CHECK(s.answer(s.ref("needs-fridge", {0, 1}), true) == AnswerResult::NotAQuestion);  // no such repetition
}

TEST_CASE("a condition outside a repeating group on a question inside it counts any repetition") {
    auto q = test::form({{{"linkId", "person"},
                          {"type", "group"},
                          {"repeats", true},
                          {"item", {question("lives-with-you", "boolean")}}},
                         question("household", "string", {{"enableWhen", {when("lives-with-you", "=", {{"Boolean", true}})}}})});
    FormSession s(q);
    s.add_repetition(*q->find("person"), {});
    s.answer(s.ref("lives-with-you", {0}), false);
    CHECK_FALSE(s.is_enabled(s.ref("household")));
    s.answer(s.ref("lives-with-you", {1}), true);
    CHECK(s.is_enabled(s.ref("household")));
}

TEST_CASE("check your answers names the repetition each answer belongs to") {
    auto q = contacts_form();
    FormSession s(q);
    s.add_repetition(*q->find("contact"), {});
    s.answer(s.ref("name", {0}), std::string("Priya"));
    s.answer(s.ref("has-key", {1}), false);
    auto sections = check_answers(s);
    REQUIRE(sections.size() == 1);
    REQUIRE(sections[0].rows.size() == 2);
    CHECK(sections[0].rows[0].repetition == "Priya");
    CHECK(sections[0].rows[1].repetition == "Emergency contact 2");
    CHECK(sections[0].rows[1].values == std::vector<std::string>{"No"});
}
