#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/engine/form_lint.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using nlohmann::json;
using Catch::Matchers::ContainsSubstring;
using test::ext;
using test::question;

namespace {
std::string doc(json items, json root = json::object()) {
    json q = {{"resourceType", "Questionnaire"}, {"url", "u"}, {"version", "1"}, {"item", std::move(items)}};
    q.update(root);
    return q.dump();
}
std::vector<Diagnostic> of(Severity s, const std::vector<Diagnostic>& all) {
    std::vector<Diagnostic> out;
    for (const auto& d : all)
        if (d.severity == s) out.push_back(d);
    return out;
}
}  // namespace

TEST_CASE("the linter lists every problem in a form, each with its JSON path") {
    auto all = lint_questionnaire(doc({question("a", "quantity"),
                                       question("b", "string", {{"enableWhen", {test::when("zzz", "=", {{"Boolean", true}})}}}),
                                       question("b", "string"),
                                       question("c", "choice")}));
    auto errors = of(Severity::Error, all);
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].path == "item[0]");
    CHECK_THAT(errors[0].message, ContainsSubstring("'quantity'"));
    CHECK(errors[1].path == "item[2]");
    CHECK_THAT(errors[1].message, ContainsSubstring("another item already has"));
    CHECK(errors[2].path == "item[3]");
    CHECK(errors[3].path == "item[1].enableWhen[0].question");
}

TEST_CASE("extensions the kiosk ignores are listed as warnings, with their paths") {
    auto all = lint_questionnaire(doc({question("a", "string", {{"extension", {ext("questionnaire-sliderStepValue", "Integer", 1),
                                                                               test::control("slider")}}})}));
    CHECK(of(Severity::Error, all).empty());
    auto warnings = of(Severity::Warning, all);
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].path == "item[0].extension[0]");
    CHECK_THAT(warnings[0].message, ContainsSubstring("sliderStepValue") && ContainsSubstring("ignores"));
    CHECK_THAT(warnings[1].message, ContainsSubstring("'slider'"));
}

TEST_CASE("a form that needs an expression to be answered correctly is refused") {
    for (const char* name : {"sdc-questionnaire-enableWhenExpression", "sdc-questionnaire-calculatedExpression",
                             "sdc-questionnaire-initialExpression", "sdc-questionnaire-answerExpression"}) {
        json e = {{"url", std::string("http://hl7.org/fhir/uv/sdc/StructureDefinition/") + name},
                  {"valueExpression", {{"language", "text/fhirpath"}, {"expression", "true"}}}};
        auto r = parse_questionnaire(doc({question("a", "string", {{"extension", {e}}})}));
        REQUIRE_FALSE(r.ok());
        CHECK_THAT(r.message(), ContainsSubstring(name) && ContainsSubstring("refused"));
    }
}

TEST_CASE("answerValueSet, implicitRules and modifierExtension are refused") {
    CHECK_THAT(parse_questionnaire(doc({question("a", "choice", {{"answerValueSet", "http://x"}})})).message(),
               ContainsSubstring("answerValueSet"));
    CHECK_THAT(parse_questionnaire(doc({question("a", "string")}, {{"implicitRules", "http://x"}})).message(),
               ContainsSubstring("implicitRules"));
    CHECK_THAT(parse_questionnaire(doc({question("a", "string")}, {{"modifierExtension", {{{"url", "x"}}}}})).message(),
               ContainsSubstring("modifierExtension"));
}

TEST_CASE("a refusal says how many more problems the linter would list") {
    auto r = parse_questionnaire(doc({question("a", "quantity"), question("b", "quantity"), question("c", "quantity")}));
    REQUIRE_FALSE(r.ok());
    CHECK_THAT(r.message(), ContainsSubstring("2 more problems"));
}

TEST_CASE("mistakes no one could answer past are errors") {
    json two_conditions = {test::when("a", "exists", {{"Boolean", true}}), test::when("b", "exists", {{"Boolean", true}})};
    json items = {question("a", "string", {{"required", true}, {"readOnly", true}}),
                  question("b", "string", {{"extension", {ext("regex", "String", "([a-z")}}}),
                  question("c", "integer", {{"extension", {ext("minValue", "Integer", 5), ext("maxValue", "Integer", 1)}}}),
                  question("d", "integer", {{"extension", {test::kiosk_ext("input-kind", "Code", "postcode")}}}),
                  question("e", "string", {{"enableWhen", two_conditions}})};
    auto errors = of(Severity::Error, lint_questionnaire(doc(items)));
    REQUIRE(errors.size() == 5);
    CHECK_THAT(errors[0].message, ContainsSubstring("nobody could ever answer"));
    CHECK_THAT(errors[1].message, ContainsSubstring("regex"));
    CHECK_THAT(errors[2].message, ContainsSubstring("minValue above"));
    CHECK_THAT(errors[3].message, ContainsSubstring("input-kind"));
    CHECK_THAT(errors[4].message, ContainsSubstring("enableBehavior"));
}

TEST_CASE("a field named like a phone number without an input-kind gets a warning") {
    auto warnings = of(Severity::Warning, lint_questionnaire(doc({question("carer-phone", "string")})));
    REQUIRE(warnings.size() == 1);
    CHECK_THAT(warnings[0].message, ContainsSubstring("input-kind 'uk-phone'"));
}

TEST_CASE("the input-kind, shortText, minOccurs and maxOccurs extensions are read") {
    auto q = test::form({question("p", "string", {{"extension", {test::kiosk_ext("input-kind", "Code", "nhs-number"),
                                                                 ext("http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-shortText", "String", "NHS number")}}}),
                         {{"linkId", "g"}, {"type", "group"}, {"repeats", true},
                          {"extension", {ext("questionnaire-minOccurs", "Integer", 1), ext("questionnaire-maxOccurs", "Integer", 3)}},
                          {"item", {question("x", "string")}}}});
    CHECK(q->find("p")->input_kind == InputKind::NhsNumber);
    CHECK(q->find("p")->label() == "NHS number");
    CHECK(q->find("g")->min_occurs == 1);
    CHECK(q->find("g")->max_occurs == 3);
    CHECK(q->warnings.empty());
}

TEST_CASE("a format message without a regex is a warning, because it could never be shown") {
    auto all = lint_questionnaire(
        doc({question("notes", "text", {{"extension", {test::kiosk_ext("format-message", "String", "Take out the numbers")}}})}));
    auto warnings = of(Severity::Warning, all);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].path == "item[0]");
    CHECK_THAT(warnings[0].message, ContainsSubstring("format-message but no regex"));
    CHECK(of(Severity::Error, all).empty());
}

TEST_CASE("talk of eligibility on a result page, in a hint or in an answer is a warning") {
    json result_page = {{"linkId", "result"}, {"type", "display"}, {"text", "You are Eligible for support."}};
    json options = {{"answerOption", {{{"valueString", "Yes"}}, {{"valueString", "I am not eligible"}}}}};
    auto warnings = of(Severity::Warning, lint_questionnaire(doc({question("q", "choice", options), result_page})));
    REQUIRE(warnings.size() == 2);
    CHECK(warnings[0].path == "item[0]");
    CHECK(warnings[1].path == "item[1]");
    CHECK_THAT(warnings[1].message, ContainsSubstring("only the council decides"));
    CHECK(of(Severity::Warning, lint_questionnaire(doc({question("q", "string")}))).empty());
}
