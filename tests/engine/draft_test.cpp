// Saving a session half way and resuming it, losslessly.
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/engine/draft.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::group;
using test::question;
using test::when;

namespace {

std::shared_ptr<const Questionnaire> mixed_form() {
    return test::form(
        {group("about", {question("name", "string"), question("dob", "date"), question("age", "integer"),
                         question("height", "decimal"), question("ok", "boolean")}),
         group("people", {{{"linkId", "person"},
                           {"type", "group"},
                           {"text", "Person"},
                           {"repeats", true},
                           {"item", {question("pname", "string"),
                                     question("needs", "choice", {{"repeats", true},
                                                                  {"answerOption", {{{"valueCoding", test::coding("a")}},
                                                                                    {{"valueCoding", test::coding("b")}}}}})}}}}),
         group("end", {question("more", "text")})});
}

}  // namespace

TEST_CASE("a draft saved mid-form resumes with every answer, repetition and the same page") {
    auto q = mixed_form();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Ada \"Lovelace\" \xC3\xA9"));
    s.answer(s.ref("dob"), Date{1950, 2, 0});        // month and year typed, day not yet
    s.answer_text(s.ref("age"), "seventy");           // not yet a number
    s.answer(s.ref("height"), 1.6180339887498949);
    s.answer(s.ref("ok"), false);
    s.add_repetition(*q->find("person"), {});
    s.answer(s.ref("pname", {1}), std::string("Tom"));
    s.answer(s.ref("needs", {1}), std::vector<AnswerValue>{test::code("b"), test::code("a")});
    s.open_section(*q->find("people"));
    s.next();  // on needs[0]
    const Page before = s.current_page();
    json saved = save_draft(s);

    FormSession resumed(q);
    REQUIRE(restore_draft(resumed, json::parse(saved.dump())).ok());
    CHECK(resumed.store().all() == s.store().all());
    CHECK(resumed.store().repetitions(*q->find("person"), {}) == 2);
    CHECK(resumed.current_page().anchor == before.anchor);
    CHECK(resumed.view() == View::Page);
    CHECK(resumed.answer_as_text(resumed.ref("age")) == "seventy");
    CHECK(std::get<double>(resumed.answers(resumed.ref("height"))[0]) == 1.6180339887498949);
    CHECK(resumed.task_list()[0].status == s.task_list()[0].status);
    CHECK(save_draft(resumed) == saved);  // a second round trip changes nothing
    // ... and the resumed session carries on where the first would have.
    CHECK(resumed.next() == s.next());
    CHECK(resumed.current_page().anchor == s.current_page().anchor);
}

TEST_CASE("the Change state survives a draft: Next still returns to check your answers") {
    auto q = test::form({question("a", "string"), question("b", "string")});
    FormSession s(q);
    s.next();
    s.next();
    REQUIRE(s.view() == View::CheckAnswers);
    s.change(s.ref("b"));
    FormSession resumed(q);
    REQUIRE(restore_draft(resumed, save_draft(s)).ok());
    CHECK(resumed.returning_to_check_answers());
    REQUIRE(resumed.next() == Nav::Moved);
    CHECK(resumed.view() == View::CheckAnswers);
}

TEST_CASE("a completed session's reference survives a draft") {
    auto q = test::form({question("a", "string")});
    FormSession s(q);
    s.next();
    s.submit({7, 7, 7, 7, 7, 7, 7, 7});
    FormSession resumed(q);
    REQUIRE(restore_draft(resumed, save_draft(s)).ok());
    CHECK(resumed.complete());
    CHECK(resumed.reference() == s.reference());
    CHECK(resumed.response("t")["identifier"]["value"] == s.reference());
}

TEST_CASE("a draft of another form or version is refused and the session is left as it was") {
    auto q = mixed_form();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Ada"));
    json saved = save_draft(s);
    saved["questionnaire"] = "https://carers-kiosk.example.org/fhir/Questionnaire/test|2";
    FormSession other(q);
    other.answer(other.ref("name"), std::string("Keep me"));
    auto r = restore_draft(other, saved);
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.message(), Catch::Matchers::ContainsSubstring("another version"));
    CHECK(std::get<std::string>(other.answers(other.ref("name"))[0]) == "Keep me");
}

TEST_CASE("a damaged draft is refused with a sentence, never a crash") {
    auto q = mixed_form();
    FormSession s(q);
    s.answer(s.ref("name"), std::string("Ada"));
    s.answer(s.ref("needs", {0}), test::code("a"));
    const json good = save_draft(s);
    std::vector<json> bad;
    bad.push_back(json::array());
    bad.push_back(json{{"format", "something"}});
    json b = good; b["answers"][0]["linkId"] = "nope"; bad.push_back(b);
    b = good; b["answers"][0]["values"] = json::array({{{"integer", 3}}}); bad.push_back(b);
    b = good; b["answers"][0]["reps"] = json::array({5}); bad.push_back(b);
    b = good; b["answers"][1]["values"] = json::array({{{"coding", {{"system", "x"}, {"code", "zzz"}}}}}); bad.push_back(b);
    b = good; b["answers"] = "all of them"; bad.push_back(b);
    b = good; b["repetitions"] = json::array({{{"linkId", "person"}, {"outer", json::array()}, {"count", -4}}}); bad.push_back(b);
    b = good; b["position"] = {{"linkId", "pname"}, {"reps", {9}}}; bad.push_back(b);
    b = good; b["view"] = 12; bad.push_back(b);
    b = good; b["finishedSections"] = json::array({"name"}); bad.push_back(b);
    for (const json& d : bad) {
        FormSession t(q);
        auto r = restore_draft(t, d);
        INFO(d.dump());
        CHECK_FALSE(r.ok());
        if (!r.ok()) CHECK_FALSE(r.message().empty());
        CHECK(t.store().all().empty());
    }
}
