// Validation through a session, as the UI meets it: answer, press Next, read errors().
#include <catch2/catch_test_macros.hpp>

#include <map>

#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using test::ext;
using test::kiosk_ext;
using test::question;

namespace {

// The messages next() gives for one question answered with `values`.
std::vector<std::string> messages(const json& item, std::vector<AnswerValue> values,
                                  std::optional<Date> today = std::nullopt) {
    auto q = test::form({item, question("after", "string")});
    FormSession s(q);
    if (today) s.set_today(*today);
    const std::string id = item["linkId"];
    REQUIRE(s.answer(s.ref(id), std::move(values)) == AnswerResult::Ok);
    std::vector<std::string> out;
    if (s.next() == Nav::Blocked)
        for (const auto& e : s.errors()) {
            // Every message can be translated: it is its template filled with its values.
            CHECK_FALSE(e.message_template.empty());
            const bool other = !e.message_template_plural.empty() && plural_count(e.message_args) != 1;
            CHECK(fill_message(other ? e.message_template_plural : e.message_template, e.message_args) == e.message);
            out.push_back(e.message);
        }
    return out;
}
std::vector<std::string> messages(const json& item, AnswerValue v, std::optional<Date> today = std::nullopt) {
    return messages(item, std::vector<AnswerValue>{std::move(v)}, today);
}
using Msgs = std::vector<std::string>;
const std::string short_text_url = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText";

json kind(const std::string& id, const std::string& type, const std::string& code, json more = json::array()) {
    json exts = json::array({kiosk_ext("input-kind", "Code", code)});
    for (const json& e : more) exts.push_back(e);
    return question(id, type, {{"extension", exts}});
}

}  // namespace

TEST_CASE("a required question left empty asks for an answer in words that fit its type") {
    auto q = test::form({question("b", "boolean", {{"required", true}}),
                         question("c", "choice", {{"required", true}, {"repeats", true},
                                                  {"answerOption", {{{"valueString", "x"}}}}}),
                         question("n", "integer", {{"required", true}})});
    FormSession s(q);
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(s.errors()[0].message == "Select yes or no");
    s.answer(s.ref("b"), true);
    s.next();
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(s.errors()[0].message == "Select at least one answer");
}

TEST_CASE("a postcode field refuses what is not a UK postcode and sends it tidied") {
    json item = kind("postcode", "string", "postcode");
    CHECK(messages(item, std::string("SW1A")) == Msgs{"Enter a real postcode, like SW1A 2AA"});
    CHECK(messages(item, std::string("sw1a2aa")).empty());
    auto q = test::form({item});
    FormSession s(q);
    s.answer(s.ref("postcode"), std::string(" l20 3ab"));
    CHECK(s.response("t")["item"][0]["answer"][0]["valueString"] == "L20 3AB");
}

TEST_CASE("a phone field wants a UK phone number, with the form's example if it has one") {
    CHECK(messages(kind("p", "string", "uk-phone"), std::string("12345")) ==
          Msgs{"Enter a UK phone number, like 01632 960 001 or 07700 900 982"});
    CHECK(messages(kind("p", "string", "uk-phone", {ext("entryFormat", "String", "07700 900123")}), std::string("12345")) ==
          Msgs{"Enter a UK phone number, like 07700 900123"});
    CHECK(messages(kind("p", "string", "uk-phone"), std::string("+44 7700 900982")).empty());
}

TEST_CASE("an email field gives the GOV.UK email message") {
    CHECK(messages(kind("e", "string", "email"), std::string("name.example.com")) ==
          Msgs{"Enter an email address in the correct format, like name@example.com"});
    CHECK(messages(kind("e", "string", "email"), std::string("name@example.com")).empty());
}

TEST_CASE("an NHS number field checks the length and the check digit") {
    CHECK(messages(kind("nhs", "string", "nhs-number"), std::string("123")) == Msgs{"NHS number must be 10 numbers"});
    CHECK(messages(kind("nhs", "string", "nhs-number"), std::string("943 476 5918")) ==
          Msgs{"Enter a real NHS number. Check it against a letter from the NHS or the NHS App"});
    CHECK(messages(kind("nhs", "string", "nhs-number"), std::string("9434765919")).empty());
}

TEST_CASE("a kind's own message is given instead of its regex's") {
    json item = kind("p", "string", "uk-phone", {ext("regex", "String", "^[0-9 ]+$")});
    CHECK(messages(item, std::string("abc")) == Msgs{"Enter a UK phone number, like 01632 960 001 or 07700 900 982"});
}

TEST_CASE("a date of birth must be real, complete and not after today") {
    json dob = kind("dob", "date", "date-of-birth", {ext(short_text_url, "String", "Date of birth")});
    const Date today{2026, 11, 23};
    CHECK(messages(dob, Date{1950, 0, 3}, today) == Msgs{"Date of birth must include a month"});
    CHECK(messages(dob, Date{2023, 2, 29}, today) == Msgs{"Date of birth must be a real date"});
    CHECK(messages(dob, Date{2027, 1, 1}, today) == Msgs{"Date of birth must be today or in the past"});
    CHECK(messages(dob, Date{2026, 11, 23}, today).empty());
    // Without today the engine cannot know the future; it still checks the date is real.
    CHECK(messages(dob, Date{2027, 1, 1}).empty());
}

TEST_CASE("a date's minValue and maxValue are said as dates") {
    json item = question("d", "date", {{"extension", {ext("minValue", "Date", "1900-01-01")}}});
    CHECK(messages(item, Date{1899, 12, 31}) == Msgs{"Date must be the same as or after 1 January 1900"});
}

TEST_CASE("text typed into a number box is kept and explained") {
    auto q = test::form({question("n", "integer"), question("d", "decimal")});
    FormSession s(q);
    REQUIRE(s.answer_text(s.ref("n"), "12a") == AnswerResult::Ok);
    CHECK(s.answer_as_text(s.ref("n")) == "12a");
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(s.errors()[0].problem == Problem::WrongType);
    CHECK(s.errors()[0].message == "Enter a whole number, like 12");
    CHECK(s.response("t")["item"].empty());  // never sent
    REQUIRE(s.answer_text(s.ref("n"), " 1,250 ") == AnswerResult::Ok);
    CHECK(std::get<std::int64_t>(s.answers(s.ref("n"))[0]) == 1250);
    REQUIRE(s.answer_text(s.ref("d"), "2.5") == AnswerResult::Ok);
    CHECK(std::get<double>(s.answers(s.ref("d"))[0]) == 2.5);
    REQUIRE(s.answer_text(s.ref("n"), "") == AnswerResult::Ok);
    CHECK(s.answers(s.ref("n")).empty());
}

TEST_CASE("numbers are checked against minValue, maxValue and maxDecimalPlaces") {
    json age = question("age", "integer", {{"extension", {ext("minValue", "Integer", 5), ext("maxValue", "Integer", 17),
                                                          ext(short_text_url, "String", "Age")}}});
    CHECK(messages(age, std::int64_t{4}) == Msgs{"Age must be 5 or more"});
    CHECK(messages(age, std::int64_t{18}) == Msgs{"Age must be 17 or less"});
    CHECK(messages(age, std::int64_t{17}).empty());
    json hours = question("h", "decimal", {{"extension", {ext("maxDecimalPlaces", "Integer", 1)}}});
    CHECK(messages(hours, 2.25) == Msgs{"Answer must have no more than 1 decimal place"});
    CHECK(messages(hours, 2.5).empty());
}

TEST_CASE("text is checked against maxLength and minLength in characters, not bytes") {
    json item = question("t", "string", {{"maxLength", 3}, {"extension", {ext("minLength", "Integer", 2)}}});
    CHECK(messages(item, std::string("abcd")) == Msgs{"Answer must be 3 characters or fewer"});
    CHECK(messages(item, std::string("a")) == Msgs{"Answer must be 2 characters or more"});
    CHECK(messages(item, std::string("\xC3\xA9t\xC3\xA9")).empty());  // "été": 3 characters, 5 bytes
}

TEST_CASE("a regex is matched against the whole answer, with the entry format as example") {
    json item = question("r", "string", {{"extension", {ext("regex", "String", "[0-9]{4}"), ext("entryFormat", "String", "1234")}}});
    CHECK(messages(item, std::string("12345")) == Msgs{"Enter it like 1234"});
    CHECK(messages(item, std::string("1234")).empty());
}

TEST_CASE("a form's own format message is given when its regex does not match") {
    json item = question("r", "text", {{"extension", {ext("regex", "String", "^(?![\\s\\S]*[0-9]{4})[\\s\\S]*$"),
                                                      kiosk_ext("format-message", "String", "Take out the numbers")}}});
    CHECK(messages(item, std::string("code 4821")) == Msgs{"Take out the numbers"});
    CHECK(messages(item, std::string("by the back door")).empty());
}

TEST_CASE("a long answer against a lookahead pattern is checked without trouble") {
    json item = question("r", "text", {{"extension", {ext("regex", "String", "^(?![\\s\\S]*[0-9]{4})[\\s\\S]*$")}}});
    std::string long_text(4000, 'a');
    CHECK(messages(item, long_text).empty());
    CHECK(messages(item, long_text + " 1234").size() == 1);
}

TEST_CASE("check boxes respect minOccurs, maxOccurs and an exclusive 'None of these'") {
    json item = question("c", "choice",
                         {{"repeats", true},
                          {"extension", {ext("questionnaire-maxOccurs", "Integer", 2)}},
                          {"answerOption", {{{"valueString", "a"}}, {{"valueString", "b"}}, {{"valueString", "c"}},
                                            {{"valueString", "None of these"},
                                             {"extension", {ext("questionnaire-optionExclusive", "Boolean", true)}}}}}});
    CHECK(messages(item, {std::string("a"), std::string("b"), std::string("c")}) == Msgs{"Select no more than 2 answers"});
    CHECK(messages(item, {std::string("a"), std::string("None of these")}) ==
          Msgs{"Select 'None of these' on its own, or unselect it and choose other answers"});
}

TEST_CASE("tapping an exclusive option clears the others, and tapping another clears it") {
    auto q = test::form({question("c", "choice",
                                  {{"repeats", true},
                                   {"answerOption", {{{"valueString", "a"}}, {{"valueString", "b"}},
                                                     {{"valueString", "none"},
                                                      {"extension", {ext("questionnaire-optionExclusive", "Boolean", true)}}}}}})});
    FormSession s(q);
    auto r = s.ref("c");
    s.toggle_option(r, std::string("a"));
    s.toggle_option(r, std::string("b"));
    CHECK(s.answers(r).size() == 2);
    s.toggle_option(r, std::string("none"));
    REQUIRE(s.answers(r).size() == 1);
    CHECK(std::get<std::string>(s.answers(r)[0]) == "none");
    s.toggle_option(r, std::string("a"));
    REQUIRE(s.answers(r).size() == 1);
    CHECK(std::get<std::string>(s.answers(r)[0]) == "a");
    s.toggle_option(r, std::string("a"));
    CHECK(s.answers(r).empty());
}

TEST_CASE("a read-only question keeps its initial value and refuses changes") {
    auto q = test::form({question("ro", "string", {{"readOnly", true}, {"initial", {{{"valueString", "fixed"}}}}})});
    FormSession s(q);
    CHECK(s.answer(s.ref("ro"), std::string("other")) == AnswerResult::ReadOnly);
    CHECK(s.response("t")["item"][0]["answer"][0]["valueString"] == "fixed");
}

TEST_CASE("open-choice takes an option or typed text; choice takes only options") {
    json opts = {{"answerOption", {{{"valueCoding", test::coding("a")}}}}};
    auto q = test::form({question("o", "open-choice", opts), question("c", "choice", opts)});
    FormSession s(q);
    CHECK(s.answer(s.ref("o"), test::code("a")) == AnswerResult::Ok);
    CHECK(s.answer_text(s.ref("o"), "something else") == AnswerResult::Ok);
    CHECK(s.answer(s.ref("c"), std::string("something else")) == AnswerResult::WrongType);
    CHECK(s.response("t")["item"][0]["answer"][0]["valueString"] == "something else");
}

TEST_CASE("a message's template keeps the values out, so one translation serves every form") {
    auto q = test::form({question("age", "integer",
                                  {{"extension", {ext("maxValue", "Integer", 17),
                                                  ext(short_text_url, "String", "Your age")}}})});
    FormSession s(q);
    s.answer(s.ref("age"), std::int64_t{40});
    REQUIRE(s.next() == Nav::Blocked);
    REQUIRE(s.errors().size() == 1);
    const ValidationError& e = s.errors()[0];
    CHECK(e.message == "Your age must be 17 or less");
    CHECK(e.message_template == "{{label}} must be {{limit}} or less");
    CHECK(e.message_args == MessageArgs{{"label", std::string("Your age")}, {"limit", MessageNumber{17, 0}}});
    // The same template filled with another language's words.
    CHECK(fill_message("{{label}}: maksymalnie {{limit}}", e.message_args) == "Your age: maksymalnie 17");
}

namespace {

// Writes each kind of value so a test sees which kind arrived: never text made in the engine.
class MarkedValues final : public ValueFormatter {
public:
    std::string date(const Date& d) const override { return "date(" + to_iso(d) + ")"; }
    std::string number(const MessageNumber& n) const override {
        return "number(" + std::to_string(n.value) + "/" + std::to_string(n.decimals) + ")";
    }
    std::string count(long n) const override { return "count(" + std::to_string(n) + ")"; }
};

// The one message of `item` answered with `v` (it keeps its form alive: the error points into it).
struct OneError : ValidationError {
    std::shared_ptr<const Questionnaire> form;
};
OneError only_error(const json& item, AnswerValue v) {
    auto q = test::form({item, question("after", "string")});
    FormSession s(q);
    const std::string id = item["linkId"];
    REQUIRE(s.answer(s.ref(id), std::move(v)) == AnswerResult::Ok);
    REQUIRE(s.next() == Nav::Blocked);
    REQUIRE(s.errors().size() == 1);
    return OneError{s.errors()[0], q};
}

std::string marked(const ValidationError& e, bool translated = true) {
    static const MarkedValues values;
    MessageTranslator t;
    t.text = [](const std::string& en) { return en; };
    t.form_text = [](const Item&, const std::string&, const std::string& en) { return en; };
    t.values = &values;
    t.has_text = [translated](const std::string&) { return translated; };
    return translated_message(e, t);
}

}  // namespace

TEST_CASE("dates, numbers and counts reach the view typed, for its language to format") {
    const auto date_limit = only_error(question("d", "date", {{"extension", {ext("minValue", "Date", "1900-01-01")}}}),
                                       Date{1899, 12, 31});
    CHECK(date_limit.message_args.back() == MessageArg{"limit", Date{1900, 1, 1}});
    CHECK(marked(date_limit) == "Date must be the same as or after date(1900-01-01)");
    CHECK(date_limit.message == "Date must be the same as or after 1 January 1900");

    const auto decimal_limit = only_error(question("n", "decimal", {{"extension", {ext("maxValue", "Decimal", 2.5)}}}), 3.75);
    CHECK(decimal_limit.message_args.back() == MessageArg{"limit", MessageNumber{2.5, 1}});
    CHECK(marked(decimal_limit) == "Answer must be number(2.500000/1) or less");

    const auto big_limit = only_error(question("n", "integer", {{"extension", {ext("minValue", "Integer", 10000)}}}),
                                      std::int64_t{5});
    CHECK(big_limit.message == "Answer must be 10,000 or more");  // grouped, as en-GB writes it

    const auto length = only_error(question("t", "string", {{"maxLength", 3}}), std::string("four"));
    CHECK(length.message_args.back() == MessageArg{"count", MessageCount{3}});
    CHECK(marked(length) == "Answer must be count(3) characters or fewer");
}

TEST_CASE("a count's message keeps both English forms, for each language to choose its own") {
    const auto three = only_error(question("t", "string", {{"maxLength", 3}}), std::string("four"));
    CHECK(three.message == "Answer must be 3 characters or fewer");
    CHECK(three.message_template == "{{label}} must be {{count}} character or fewer");
    CHECK(three.message_template_plural == "{{label}} must be {{count}} characters or fewer");
    const auto one = only_error(question("t", "string", {{"maxLength", 1}}), std::string("no"));
    CHECK(one.message == "Answer must be 1 character or fewer");

    // A language with three forms (Polish-like: 1, 2-4, 5+) gets the count to choose by.
    MessageTranslator t;
    t.text = [](const std::string& en) { return en; };
    t.form_text = [](const Item&, const std::string&, const std::string& en) { return en; };
    t.plural_text = [](const std::string&, const std::string&, long n) {
        return std::string(n == 1 ? "form one: {{count}}" : n % 10 >= 2 && n % 10 <= 4 ? "form few: {{count}}" : "form many: {{count}}");
    };
    CHECK(translated_message(three, t) == "form few: 3");
    CHECK(translated_message(one, t) == "form one: 1");
    const auto answers = only_error(question("c", "choice", {{"repeats", true},
                                                             {"answerOption", {{{"valueCoding", test::coding("a")}}}},
                                                             {"extension", {ext("questionnaire-minOccurs", "Integer", 5)}}}),
                                    test::code("a"));
    CHECK(answers.message == "Select at least 5 answers");
    CHECK(translated_message(answers, t) == "form many: 5");
}

TEST_CASE("a message with no translation keeps English values in its English words") {
    const auto e = only_error(question("d", "date", {{"extension", {ext("minValue", "Date", "1900-01-01")}}}),
                              Date{1899, 12, 31});
    CHECK(marked(e, false) == "Date must be the same as or after 1 January 1900");
}

TEST_CASE("the engine's English writes numbers as en-GB does") {
    const ValueFormatter& en = english_values();
    CHECK(en.number({1234567.5, 1}) == "1,234,567.5");
    CHECK(en.number({-1234, 0}) == "-1,234");
    CHECK(en.number({999, 0}) == "999");
    CHECK(en.number({0.25, 2}) == "0.25");
    CHECK(en.count(1000) == "1,000");
    CHECK(en.date({2024, 2, 29}) == "29 February 2024");
    CHECK(message_number(2.5) == MessageNumber{2.5, 1});
    CHECK(message_number(17) == MessageNumber{17, 0});
    CHECK(message_number(0.125) == MessageNumber{0.125, 3});
}

TEST_CASE("filling a template leaves unknown and unfinished placeholders as written") {
    CHECK(fill_message("Enter {{label}} by {{when}}", {{"label", std::string("a date")}}) == "Enter a date by {{when}}");
    CHECK(fill_message("Broken {{label", {{"label", std::string("x")}}) == "Broken {{label");
    CHECK(fill_message("", {}).empty());
}

namespace {

// A pretend Polish catalog: engine templates and words by English, form texts by key.
MessageTranslator polish() {
    static const std::map<std::string, std::string> words = {
        {"{{label}} must be {{limit}} or less", "{{label}}: najwyżej {{limit}}"},
        {"Answer", "Odpowiedź"},
        {"Select an answer", "Wybierz odpowiedź"},
        {"Select '{{option}}' on its own, or unselect it and choose other answers",
         "Wybierz „{{option}}” samodzielnie albo odznacz tę odpowiedź i wybierz inne"},
        {"Add at least {{count}} ({{label}}) before you continue",
         "Dodaj co najmniej {{count}} ({{label}}), zanim przejdziesz dalej"}};
    static const std::map<std::string, std::string> form = {
        {"age:short", "Twój wiek"}, {"notes:format-message", "Usuń cyfry"},
        {"help:option:none", "Nic z tego"}, {"people", "Osoba"}};
    MessageTranslator t;
    t.text = [](const std::string& en) {
        auto it = words.find(en);
        return it == words.end() ? "[EN] " + en : it->second;
    };
    t.form_text = [](const Item& item, const std::string& suffix, const std::string& en) {
        auto it = form.find(item.link_id + suffix);
        return it == form.end() ? "[EN] " + en : it->second;
    };
    return t;
}

std::vector<std::string> polish_messages(const FormSession& s) {
    std::vector<std::string> out;
    for (const auto& e : s.errors()) out.push_back(translated_message(e, polish()));
    return out;
}

}  // namespace

TEST_CASE("a message is shown translated, its label, option and the form's own message too") {
    json none = {{"valueCoding", test::coding("none")},
                 {"extension", {ext("questionnaire-optionExclusive", "Boolean", true)}}};
    auto q = test::form({question("age", "integer", {{"extension", {ext("maxValue", "Integer", 17), ext(short_text_url, "String", "Your age")}}}),
                         question("count", "integer", {{"extension", {ext("maxValue", "Integer", 3)}}}),
                         question("notes", "text", {{"extension", {ext("regex", "String", "[a-z ]*"),
                                                                   kiosk_ext("format-message", "String", "Take out the numbers")}}}),
                         question("help", "choice", {{"repeats", true}, {"answerOption", {{{"valueCoding", test::coding("talk")}}, none}}}),
                         question("pick", "choice", {{"required", true}, {"answerOption", {{{"valueCoding", test::coding("x")}}}}}),
                         {{"linkId", "people"}, {"type", "group"}, {"text", "Person"}, {"repeats", true},
                          {"extension", {ext("questionnaire-minOccurs", "Integer", 2)}}, {"item", {question("name", "string")}}}});
    FormSession s(q);
    s.answer(s.ref("age"), std::int64_t{40});
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(polish_messages(s) == Msgs{"Twój wiek: najwyżej 17"});
    s.answer(s.ref("age"), std::int64_t{12});
    REQUIRE(s.next() == Nav::Moved);

    s.answer(s.ref("count"), std::int64_t{9});
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(polish_messages(s) == Msgs{"Odpowiedź: najwyżej 3"});  // no shortText: the general word
    s.answer(s.ref("count"), std::int64_t{2});
    REQUIRE(s.next() == Nav::Moved);

    s.answer(s.ref("notes"), std::string("code 4821"));
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(polish_messages(s) == Msgs{"Usuń cyfry"});
    s.clear(s.ref("notes"));
    REQUIRE(s.next() == Nav::Moved);

    s.answer(s.ref("help"), std::vector<AnswerValue>{test::code("talk"), test::code("none")});
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(polish_messages(s) == Msgs{"Wybierz „Nic z tego” samodzielnie albo odznacz tę odpowiedź i wybierz inne"});
    s.clear(s.ref("help"));
    REQUIRE(s.next() == Nav::Moved);

    REQUIRE(s.next() == Nav::Blocked);
    CHECK(polish_messages(s) == Msgs{"Wybierz odpowiedź"});  // a message without values
    s.answer(s.ref("pick"), test::code("x"));
    REQUIRE(s.next() == Nav::Moved);

    while (s.current_page().kind != PageKind::AddAnother) REQUIRE(s.next() == Nav::Moved);
    REQUIRE(s.next() == Nav::Blocked);
    CHECK(polish_messages(s) == Msgs{"Dodaj co najmniej 2 (Osoba), zanim przejdziesz dalej"});
}
