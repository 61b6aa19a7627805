#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include "kiosk/engine/questionnaire.h"
#include "tests/engine/form_fixtures.h"
#include "tests/support/test_files.h"

using namespace carers;
using namespace carers::engine;
using Catch::Matchers::ContainsSubstring;

namespace {
std::string refusal(const std::string& text) {
    auto r = parse_questionnaire(text);
    REQUIRE_FALSE(r.ok());
    return r.message();
}
}  // namespace

TEST_CASE("an empty form file is refused with a message saying it is empty") {
    CHECK(refusal("") == "The form file is empty.");
}

TEST_CASE("malformed JSON is refused with the line and column where it breaks") {
    CHECK_THAT(refusal("{\n  \"resourceType\": \"Questionnaire\",\n  \"item\": [ oops ]\n}"),
               ContainsSubstring("not valid JSON") && ContainsSubstring("line 3"));
}

TEST_CASE("ten megabytes of garbage is refused without being parsed") {
    std::string garbage(10 * 1024 * 1024, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
    CHECK_THAT(refusal(garbage), ContainsSubstring("too large"));
}

TEST_CASE("garbage under the size limit is refused as invalid JSON") {
    std::string garbage(1024 * 1024, 'x');
    garbage[0] = '\x93';
    CHECK_THAT(refusal(garbage), ContainsSubstring("not valid JSON"));
}

TEST_CASE("a JSON document that is not a Questionnaire is refused") {
    CHECK_THAT(refusal(R"({"resourceType": "Patient"})"), ContainsSubstring("not a FHIR Questionnaire"));
    CHECK_THAT(refusal("[1, 2, 3]"), ContainsSubstring("Questionnaire"));
}

TEST_CASE("an enableWhen naming a question that does not exist is refused, naming both") {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"item", {test::question("a", "boolean"),
                                  test::question("b", "string",
                                                 {{"enableWhen", {test::when("zzz", "=", {{"Boolean", true}})}}})}}};
    std::string m = refusal(q.dump());
    CHECK_THAT(m, ContainsSubstring("'b'") && ContainsSubstring("'zzz'") &&
                      ContainsSubstring("item[1].enableWhen[0].question"));
}

TEST_CASE("an unsupported item type is refused with its JSON path") {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"item", {test::question("weight", "quantity")}}};
    CHECK_THAT(refusal(q.dump()), ContainsSubstring("'quantity'") && ContainsSubstring("item[0]"));
}

TEST_CASE("duplicate linkIds are refused") {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"item", {test::question("a", "string"), test::question("a", "boolean")}}};
    CHECK_THAT(refusal(q.dump()), ContainsSubstring("another item already has"));
}

TEST_CASE("an enableWhen comparing with the wrong answer type is refused") {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"item", {test::question("age", "integer"),
                                  test::question("b", "string",
                                                 {{"enableWhen", {test::when("age", "=", {{"String", "ten"}})}}})}}};
    CHECK_THAT(refusal(q.dump()), ContainsSubstring("integer question"));
}

TEST_CASE("enableWhen conditions that loop back on themselves are refused") {
    nlohmann::json q = {
        {"resourceType", "Questionnaire"},
        {"item",
         {{{"linkId", "g"},
           {"type", "group"},
           {"enableWhen", {test::when("inside", "exists", {{"Boolean", true}})}},
           {"item", {test::question("inside", "string")}}}}}};
    CHECK_THAT(refusal(q.dump()), ContainsSubstring("loop"));
}

TEST_CASE("a choice question without options is refused") {
    nlohmann::json q = {{"resourceType", "Questionnaire"}, {"item", {test::question("c", "choice")}}};
    CHECK_THAT(refusal(q.dump()), ContainsSubstring("no answerOption"));
}

TEST_CASE("a modifierExtension makes the form refused rather than half-understood") {
    nlohmann::json q = {{"resourceType", "Questionnaire"},
                        {"item", {test::question("c", "string", {{"modifierExtension", nlohmann::json::array({{{"url", "x"}}})}})}}};
    CHECK_THAT(refusal(q.dump()), ContainsSubstring("modifierExtension"));
}

TEST_CASE("a wrongly typed member gives a message, not a crash") {
    CHECK_THAT(refusal(R"({"resourceType":"Questionnaire","item":[{"linkId":5,"type":"string"}]})"),
               ContainsSubstring("linkId"));
    CHECK_THAT(refusal(R"({"resourceType":"Questionnaire","item":{"linkId":"a"}})"),
               ContainsSubstring("list"));
    CHECK_THAT(refusal(R"({"resourceType":"Questionnaire","item":[{"linkId":"a","type":"string","required":"yes"}]})"),
               ContainsSubstring("true or false"));
}

TEST_CASE("the extensions the engine acts on are read") {
    auto q = test::form({test::question(
        "n", "integer",
        {{"extension",
          {{{"url", "http://hl7.org/fhir/StructureDefinition/minValue"}, {"valueInteger", 1}},
           {{"url", "http://hl7.org/fhir/StructureDefinition/maxValue"}, {"valueInteger", 9}},
           {{"url", "http://hl7.org/fhir/StructureDefinition/entryFormat"}, {"valueString", "1 to 9"}},
           {{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"},
            {"valueCodeableConcept", {{"coding", {{{"system", "http://hl7.org/fhir/questionnaire-item-control"}, {"code", "drop-down"}}}}}}}}}})});
    const Item* n = q->find("n");
    REQUIRE(n);
    CHECK(n->control == ItemControl::DropDown);
    CHECK(n->entry_format == "1 to 9");
    CHECK(std::get<std::int64_t>(*n->min_value) == 1);
    CHECK(std::get<std::int64_t>(*n->max_value) == 9);
}
