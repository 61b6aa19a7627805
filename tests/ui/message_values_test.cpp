// Validation messages in the shipped languages with real ICU: the date, the number and the count
// inside the translated sentence are written as that language writes them (issue 7).
#include <catch2/catch_test_macros.hpp>

#include <nlohmann/json.hpp>

#include "kiosk/engine/form_session.h"
#include "kiosk/engine/questionnaire.h"
#include "kiosk/i18n/locale_dir.h"
#include "kiosk/ui/message_values.h"

using namespace carers;
using nlohmann::json;

namespace {

const i18n::LanguageSet& shipped() {
    static const i18n::LoadedLocales loaded =
        i18n::load_locales(std::string(CARERS_SOURCE_DIR) + "/locales");
    return loaded.languages;
}

json limit(const char* name, const char* type, json value) {
    return {{"url", std::string("http://hl7.org/fhir/StructureDefinition/") + name},
            {std::string("value") + type, value}};
}

// The one message of a question `type` with `extensions`, answered with `answer`, in `code`'s
// language (through the shipped PO file and ICU).
std::string message(const std::string& code, const char* type, json extensions,
                    engine::AnswerValue answer, const i18n::Catalog* catalog = nullptr,
                    int max_length = 0) {
    json q = {{"resourceType", "Questionnaire"},
              {"url", "https://carers-kiosk.example.org/fhir/Questionnaire/test"},
              {"version", "1"},
              {"status", "active"},
              {"item",
               {{{"linkId", "q"}, {"type", type}, {"text", "Question"}, {"extension", extensions}},
                {{"linkId", "after"}, {"type", "string"}, {"text", "After"}}}}};
    if (max_length > 0) q["item"][0]["maxLength"] = max_length;
    auto parsed = engine::parse_questionnaire(q.dump());
    REQUIRE(parsed.ok());
    engine::FormSession s(parsed.value());
    REQUIRE(s.answer(s.ref("q"), std::move(answer)) == engine::AnswerResult::Ok);
    REQUIRE(s.next() == engine::Nav::Blocked);
    REQUIRE(s.errors().size() == 1);
    return ui::message_in_language(catalog ? *catalog : shipped().get(code), "test", s.errors()[0]);
}

std::string date_message(const std::string& code) {
    return message(code, "date", {limit("minValue", "Date", "1900-01-01")},
                   engine::Date{1899, 12, 31});
}
std::string big_number_message(const std::string& code) {
    return message(code, "integer", {limit("minValue", "Integer", 1234567)}, std::int64_t{5});
}
std::string decimal_message(const std::string& code) {
    return message(code, "decimal", {limit("maxValue", "Decimal", 2.5)}, 3.75);
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("English messages write dates, numbers and counts as British English does") {
    CHECK(date_message("en") == "Date must be the same as or after 1 January 1900");
    CHECK(big_number_message("en") == "Answer must be 1,234,567 or more");
    CHECK(decimal_message("en") == "Answer must be 2.5 or less");
}

TEST_CASE("Polish messages use the genitive month name, space grouping and a decimal comma") {
    const std::string date = date_message("pl");
    INFO(date);
    CHECK(contains(date, "1 stycznia 1900"));
    CHECK_FALSE(contains(date, "January"));
    CHECK(contains(big_number_message("pl"), "1\u00a0234\u00a0567")); // no-break spaces
    CHECK(contains(decimal_message("pl"), "2,5"));
    CHECK_FALSE(contains(decimal_message("pl"), "2.5"));
}

TEST_CASE("Arabic messages use Arabic month names with the Western digits the number pad types") {
    const std::string date = date_message("ar");
    INFO(date);
    CHECK(contains(date, "\u064a\u0646\u0627\u064a\u0631")); // يناير, January
    CHECK(contains(date, "1900"));
    CHECK_FALSE(contains(date, "January"));
    CHECK(contains(big_number_message("ar"), "1,234,567"));
    CHECK(contains(decimal_message("ar"), "2.5"));
    for (const std::string& m : {date, big_number_message("ar"), decimal_message("ar")})
        CHECK_FALSE(contains(m, "\u0661")); // no Arabic-Indic digit one
}

TEST_CASE("Chinese messages write dates with year, month and day characters") {
    const std::string date = date_message("zh_CN");
    INFO(date);
    CHECK(contains(date, "1900\u5e741\u67081\u65e5")); // 1900年1月1日
    CHECK(contains(big_number_message("zh_CN"), "1,234,567"));
    CHECK(contains(decimal_message("zh_CN"), "2.5"));
}

TEST_CASE("a count inside a translated message takes the language's plural form") {
    auto too_long = [](const std::string& code, int max) {
        return message(code, "string", json::array(), std::string(static_cast<std::size_t>(max) + 1, 'x'),
                       nullptr, max);
    };
    CHECK(too_long("en", 1) == "Answer must be 1 character or fewer");
    CHECK(too_long("en", 3) == "Answer must be 3 characters or fewer");
    CHECK(too_long("en", 1000) == "Answer must be 1,000 characters or fewer");
    // Polish: 1 znak, 2-4 znaki, 5+ znaków (and 22 znaki, 25 znaków); 12 000 grouped.
    CHECK(too_long("pl", 1) == "Odpowiedź: najwyżej 1 znak");
    CHECK(too_long("pl", 3) == "Odpowiedź: najwyżej 3 znaki");
    CHECK(too_long("pl", 5) == "Odpowiedź: najwyżej 5 znaków");
    CHECK(too_long("pl", 22) == "Odpowiedź: najwyżej 22 znaki");
    CHECK(too_long("pl", 12000) == "Odpowiedź: najwyżej 12\u00a0000 znaków");
    // Arabic: two (dual), 3-10 (plural), 11-99 (singular accusative), 100+ (singular).
    CHECK(contains(too_long("ar", 2), "\u062d\u0631\u0641\u064a\u0646"));           // حرفين
    CHECK(contains(too_long("ar", 5), "5 \u0623\u062d\u0631\u0641"));               // 5 أحرف
    CHECK(contains(too_long("ar", 60), "60 \u062d\u0631\u0641\u064b\u0627"));      // 60 حرفًا
    CHECK(contains(too_long("ar", 1000), "1,000 \u062d\u0631\u0641"));
    CHECK(too_long("zh_CN", 1000) == "\u7b54\u6848\u4e0d\u80fd\u8d85\u8fc7 1,000 \u4e2a\u5b57\u7b26");
}

TEST_CASE("every shipped language translates the sentence around the value") {
    for (const char* code : {"pl", "ar", "zh_CN"}) {
        INFO(code);
        INFO(date_message(code) + " | " + big_number_message(code) + " | " + decimal_message(code));
        CHECK_FALSE(contains(date_message(code), "must be the same as or after"));
        CHECK_FALSE(contains(big_number_message(code), "or more"));
    }
}

TEST_CASE("a sentence with no translation falls back to English with English values") {
    i18n::Language polish;
    polish.code = "pl";
    const i18n::Catalog untranslated(polish); // Polish formats, but no Polish sentences
    CHECK(untranslated.values().date(1900, 1, 1) == "1 stycznia 1900");
    CHECK(message("pl", "date", {limit("minValue", "Date", "1900-01-01")},
                  engine::Date{1899, 12, 31},
                  &untranslated) == "Date must be the same as or after 1 January 1900");
    CHECK(message("pl", "integer", {limit("minValue", "Integer", 1234567)}, std::int64_t{5},
                  &untranslated) == "Answer must be 1,234,567 or more");
}

TEST_CASE("dates before the Gregorian switch and far in the future are written as they are typed") {
    const i18n::LocaleValues en("en");
    CHECK(en.date(1066, 10, 14) == "14 October 1066");
    CHECK(en.date(2024, 2, 29) == "29 February 2024");
    CHECK(en.date(9999, 12, 31) == "31 December 9999");
    CHECK(en.icu_locale() == "en_GB");
    CHECK(i18n::LocaleValues("ar").icu_locale() == "ar@numbers=latn");
}

TEST_CASE("Check your answers shows a date and a decimal the language's way, whole numbers as typed") {
    const engine::AnswerValue birthday = engine::Date{1950, 3, 3};
    CHECK(ui::answer_value_text(shipped().get("en"), birthday, "3 March 1950") == "3 March 1950");
    CHECK(ui::answer_value_text(shipped().get("pl"), birthday, "3 March 1950") == "3 marca 1950");
    CHECK(ui::answer_value_text(shipped().get("zh_CN"), birthday, "3 March 1950") == "1950\u5e743\u67083\u65e5");
    CHECK(contains(ui::answer_value_text(shipped().get("ar"), birthday, "3 March 1950"), "\u0645\u0627\u0631\u0633"));  // مارس
    CHECK(ui::answer_value_text(shipped().get("pl"), 2.5, "2.5") == "2,5");
    CHECK(ui::answer_value_text(shipped().get("pl"), std::int64_t{1980}, "1980") == "1980");
    CHECK(ui::answer_value_text(shipped().get("pl"), engine::Date{1950, 2, 31}, "1950-02-31") == "1950-02-31");
}
