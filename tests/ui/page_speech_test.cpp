#include <catch2/catch_test_macros.hpp>

#include "kiosk/ui/page_speech.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using nlohmann::json;

namespace {
json help(const std::string& id, const std::string& text) {
    return {{"linkId", id},
            {"type", "display"},
            {"text", text},
            {"extension",
             {{{"url", "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"},
               {"valueCodeableConcept",
                {{"coding", {{{"system", "http://hl7.org/fhir/questionnaire-item-control"}, {"code", "help"}}}}}}}}}};
}

std::shared_ptr<const engine::Questionnaire> form() {
    return test::form({
        {{"linkId", "who"},
         {"type", "choice"},
         {"text", "Who is it?"},
         {"answerOption", {{{"valueCoding", test::coding("parent")}}, {{"valueCoding", test::coding("friend")}}}},
         {"item", {help("who-hint", "Choose one\nThe one you help most")}}},
        {{"linkId", "ok"}, {"type", "boolean"}, {"text", "Is that right"}},
        {{"linkId", "end"}, {"type", "display"}, {"text", "Phone {{centre.phone}} for help."}},
    });
}
}  // namespace

TEST_CASE("Listen reads the question, each line of its hint and every answer choice, in order") {
    engine::FormSession s(form());
    i18n::Catalog english;
    CHECK(ui::page_speech(s, english, {}) == "Who is it?\nChoose one.\nThe one you help most.\nparent.\nfriend.\n");
}

TEST_CASE("Listen reads the page in the person's language, Yes and No included") {
    engine::FormSession s(form());
    i18n::Catalog polish(i18n::Language{"pl", "Polski", "Polish", false, true, "draft", "pl"});
    polish.add("form:test:who", "Who is it?", "Kto to jest?");
    polish.add("form:test:who:hint", "Choose one\nThe one you help most", "Wybierz jedno\nTę osobę, której pomagasz najwięcej");
    polish.add("form:test:who:option:parent", "parent", "rodzic");
    polish.add("form:test:who:option:friend", "friend", "przyjaciel");
    polish.add("", "Yes", "Tak");
    polish.add("", "No", "Nie");
    polish.add("form:test:ok", "Is that right", "Czy to się zgadza?");
    CHECK(ui::page_speech(s, polish, {}) ==
          "Kto to jest?\nWybierz jedno.\nTę osobę, której pomagasz najwięcej.\nrodzic.\nprzyjaciel.\n");
    s.answer(s.ref("who"), test::code("parent"));
    REQUIRE(s.next() == engine::Nav::Moved);
    CHECK(ui::page_speech(s, polish, {}) == "Czy to się zgadza?\nTak.\nNie.\n");
}

TEST_CASE("Listen fills the venue's details into what it reads") {
    engine::FormSession s(form());
    s.answer(s.ref("who"), test::code("parent"));
    s.next();
    s.answer(s.ref("ok"), true);
    s.next();
    CHECK(ui::page_speech(s, i18n::Catalog(), {{"centre.phone", "0151 496 0000"}}) == "Phone 0151 496 0000 for help.\n");
}

TEST_CASE("Listen on the start screen reads each language's name in that language's own voice") {
    const i18n::Catalog english;
    const i18n::Catalog polish(i18n::Language{"pl", "Polski", "Polish", false, true, "draft", "pl"});
    const i18n::Catalog arabic(i18n::Language{"ar", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "Arabic", true, true, "draft", "ar"});
    const i18n::Catalog chinese(i18n::Language{"zh_CN", "\u4e2d\u6587", "Chinese", false, true, "draft", "cmn"});
    ui::KioskModel model;
    model.screen = ui::Screen::Start;
    model.languages = {&english, &polish, &arabic, &chinese};
    const std::string said = ui::screen_speech(model, english);
    INFO(said);
    CHECK(said.rfind("<speak>Choose your language.\n", 0) == 0);
    CHECK(said.find("<voice name=\"en\">English.\n</voice>") != std::string::npos);
    CHECK(said.find("<voice name=\"pl\">Polski.\n</voice>") != std::string::npos);
    CHECK(said.find("<voice name=\"ar\">\u0627\u0644\u0639\u0631\u0628\u064a\u0629\n</voice>") != std::string::npos);
    CHECK(said.find("<voice name=\"cmn\">\u4e2d\u6587\n</voice>") != std::string::npos);
    CHECK(said.find("High contrast: yellow and white on black.\n") != std::string::npos);
    CHECK(said.size() >= 8);
    CHECK(said.compare(said.size() - 8, 8, "</speak>") == 0);
}
