// Numbers typed in any of the kiosk's languages are read as the kiosk writes them (issue 7).
#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/date_fields.h"
#include "kiosk/engine/typed_number.h"
#include "tests/engine/form_fixtures.h"

using namespace carers;
using namespace carers::engine;
using test::question;

TEST_CASE("a typed number loses its grouping, whichever language grouped it") {
    CHECK(normalise_typed_number(" 1,250 ") == "1250");
    CHECK(normalise_typed_number("1,234,567") == "1234567");
    CHECK(normalise_typed_number("10\u00a0000") == "10000"); // Polish, as ICU writes it
    CHECK(normalise_typed_number("1\u202f234,5") == "1234.5");
    CHECK(normalise_typed_number("\u0661\u066c\u0662\u0665\u0660") == "1250"); // ١٬٢٥٠
    CHECK(normalise_typed_number("\u061c-3") == "-3"); // ICU's Arabic minus mark
}

TEST_CASE("a decimal comma and Arabic-Indic digits are read as the number they show") {
    CHECK(normalise_typed_number("2,5") == "2.5");
    CHECK(normalise_typed_number("0,25") == "0.25");
    CHECK(normalise_typed_number("2.5") == "2.5");
    CHECK(normalise_typed_number("\u0662\u066b\u0665") == "2.5"); // ٢٫٥
    CHECK(normalise_typed_number("\u06f1\u06f7") == "17");        // Persian ۱۷
    CHECK(normalise_typed_number("twelve") == "twelve");          // left for validation to explain
}

TEST_CASE("a number box keeps the value a Polish or Arabic carer typed") {
    auto q =
        test::form({question("d", "decimal"), question("n", "integer"), question("b", "date")});
    FormSession s(q);
    REQUIRE(s.answer_text(s.ref("d"), "2,5") == AnswerResult::Ok);
    CHECK(s.answers(s.ref("d")) == std::vector<AnswerValue>{2.5});
    REQUIRE(s.answer_text(s.ref("n"), "\u0661\u0667") == AnswerResult::Ok);
    CHECK(s.answers(s.ref("n")) == std::vector<AnswerValue>{std::int64_t{17}});
    REQUIRE(s.answer_text(s.ref("n"), "10\u00a0000") == AnswerResult::Ok);
    CHECK(s.answers(s.ref("n")) == std::vector<AnswerValue>{std::int64_t{10000}});
    CHECK(date_from_fields("\u0663", "\u0661\u0662", "\u0661\u0669\u0668\u0660") ==
          Date{1980, 12, 3});
}
