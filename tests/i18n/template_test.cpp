#include <catch2/catch_test_macros.hpp>

#include "kiosk/i18n/locale_dir.h"
#include "tests/support/test_files.h"
#include "tools/i18n/form_scan.h"
#include "tools/i18n/template_builder.h"

using namespace carers;
using namespace carers::i18n_tools;

namespace {
const i18n::PoEntry* find(const std::vector<i18n::PoEntry>& es, const std::string& ctx) {
    for (const auto& e : es)
        if (e.context == ctx) return &e;
    return nullptr;
}

const char* const small_form = R"({
  "resourceType": "Questionnaire", "url": "https://example.org/fhir/Questionnaire/tiny", "status": "active",
  "title": "Tiny form",
  "item": [
    {"linkId": "q1", "type": "choice", "text": "How are you?",
     "answerOption": [{"valueCoding": {"code": "good", "display": "Good"}},
                      {"valueCoding": {"code": "bad", "display": "Not so good"}},
                      {"valueString": "Other"}],
     "item": [{"linkId": "q1-hint", "type": "display", "text": "Choose one.",
               "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl",
                              "valueCodeableConcept": {"coding": [{"system": "http://hl7.org/fhir/questionnaire-item-control", "code": "help"}]}}]}]},
    {"linkId": "q2", "type": "boolean", "text": "Do you agree?"},
    {"linkId": "q3", "type": "boolean", "text": "And this?"},
    {"linkId": "secret", "type": "string", "text": "Hidden one",
     "extension": [{"url": "http://hl7.org/fhir/StructureDefinition/questionnaire-hidden", "valueBoolean": true}]}
  ]})";
}  // namespace

TEST_CASE("a form's texts are keyed by form id (from its url) and linkId") {
    auto es = form_entries(small_form, "assets/forms/tiny.json");
    REQUIRE(es.ok());
    const auto& e = es.value();
    REQUIRE(find(e, "form:tiny:title"));
    CHECK(find(e, "form:tiny:title")->msgid == "Tiny form");
    CHECK(find(e, "form:tiny:q1")->msgid == "How are you?");
    CHECK(find(e, "form:tiny:q1:hint")->msgid == "Choose one.");
    CHECK(find(e, "form:tiny:q1:option:good")->msgid == "Good");
    CHECK(find(e, "form:tiny:q1:option:bad")->msgid == "Not so good");
    CHECK(find(e, "form:tiny:q1:option:Other")->msgid == "Other");
    CHECK(find(e, "form:tiny:q1-hint") == nullptr);  // only as the question's hint
    CHECK(find(e, "form:tiny:secret") == nullptr);   // hidden: never shown
    CHECK(find(e, "form:tiny:q1")->references == std::vector<std::string>{"assets/forms/tiny.json"});
}

TEST_CASE("the template holds Yes and No once as UI strings, with every file that needs them") {
    auto built = build_template({{"kiosk/ui/a.cpp", "tr(\"Yes\"); tr(\"Continue\");"}}, {{"tiny.json", small_form}});
    REQUIRE(built.ok());
    int yes = 0;
    for (const auto& e : built->pot.entries)
        if (e.msgid == "Yes" && !e.has_context) {
            ++yes;
            CHECK(e.references == std::vector<std::string>{"kiosk/ui/a.cpp", "tiny.json"});
        }
    CHECK(yes == 1);
    CHECK(built->pot.entries.front().msgid == "Yes");  // UI strings first, in source order
}

TEST_CASE("a form the engine cannot read stops extraction with its name") {
    auto built = build_template({}, {{"broken.json", "{ not json"}});
    REQUIRE_FALSE(built.ok());
    CHECK(built.message().rfind("broken.json", 0) == 0);
}

TEST_CASE("template differences name new, dropped and changed strings") {
    auto a = build_template({{"a.cpp", "tr(\"Keep\"); tr(\"Old\"); tr_plural(\"{{n}} x\", \"{{n}} xs\", n);"}}, {});
    auto b = build_template({{"a.cpp", "tr(\"Keep\"); tr(\"New\"); tr_plural(\"{{n}} x\", \"{{n}} exes\", n);"}}, {});
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    auto diff = template_differences(a->pot, b->pot);
    REQUIRE(diff.size() == 3);
    CHECK(diff[0] == "new string not in the template: 'New'");
    CHECK(diff[1] == "plural form changed: '{{n}} x'");
    CHECK(diff[2] == "string no longer used: 'Old'");
    CHECK(template_differences(a->pot, a->pot).empty());
}

TEST_CASE("a written template parses back to the same entries") {
    auto built = build_template({{"a.cpp", "tr(\"Line one\\nline two\"); tr_plural(\"{{n}} x\", \"{{n}} xs\", n);"}},
                                {{"tiny.json", small_form}});
    REQUIRE(built.ok());
    auto text = i18n::write_po(built->pot, "A comment\nover two lines");
    auto back = i18n::parse_po(text);
    REQUIRE(back.ok());
    CHECK(template_differences(back.value(), built->pot).empty());
    CHECK(back.value().header_value("Content-Type") == "text/plain; charset=UTF-8");
    CHECK(back.value().entries.size() == built->pot.entries.size());
    CHECK(back.value().entries[0].references == built->pot.entries[0].references);
    CHECK(back.value().entries[2].comments == built->pot.entries[2].comments);
}

TEST_CASE("every shipped form yields its title and texts") {
    for (const char* name : {"am-i-a-carer", "carers-self-review", "emergency-card"}) {
        const std::string file = std::string("assets/forms/") + name + ".json";
        auto es = form_entries(test::read_source_file(file), file);
        REQUIRE(es.ok());
        CHECK(find(es.value(), std::string("form:") + name + ":title") != nullptr);
        CHECK(es.value().size() > 30);
    }
}

TEST_CASE("a question's short name and its own format message are form texts too") {
    const std::string file = "assets/forms/emergency-card.json";
    auto es = form_entries(test::read_source_file(file), file);
    REQUIRE(es.ok());
    const auto* dob = find(es.value(), "form:emergency-card:carer-dob:short");
    REQUIRE(dob);
    CHECK(dob->msgid == "Date of birth");
    const auto* key_safe = find(es.value(), "form:emergency-card:person-access-more:format-message");
    REQUIRE(key_safe);
    CHECK(key_safe->msgid.find("key safe code") != std::string::npos);
}
