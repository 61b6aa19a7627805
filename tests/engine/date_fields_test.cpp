#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/date_fields.h"

using namespace carers::engine;

namespace {
std::string problem(const DateFields& f, bool required = true, std::optional<Date> today = std::nullopt) {
    auto r = read_date_fields(f, "Date of birth", required, std::nullopt, today);
    if (r.problem) CHECK(fill_message(r.problem->message_template, r.problem->message_args) == r.problem->message);
    return r.problem ? r.problem->message : "";
}
}  // namespace

TEST_CASE("three boxes that make a real date give that date") {
    auto r = read_date_fields({"3", "11", "1950"}, "Date of birth", true);
    REQUIRE(r.date);
    CHECK(*r.date == Date{1950, 11, 3});
    CHECK_FALSE(r.problem);
    CHECK(*date_from_fields(" 03 ", "March", "2001") == Date{2001, 3, 3});
    CHECK(date_from_fields("1", "sep", "2001")->month == 9);
    CHECK(date_from_fields("1", "SEPT", "2001")->month == 9);
    CHECK(date_from_fields("1", "ma", "2001")->month == -1);  // "ma" could be March or May
}

TEST_CASE("a missing part of a date is named in the message") {
    CHECK(problem({"3", "", "1950"}) == "Date of birth must include a month");
    CHECK(problem({"", "11", "1950"}) == "Date of birth must include a day");
    CHECK(problem({"3", "11", ""}) == "Date of birth must include a year");
    CHECK(problem({"", "", "1950"}) == "Date of birth must include a day and month");
    CHECK(problem({"3", "", ""}) == "Date of birth must include a month and year");
    CHECK(problem({"", "11", ""}) == "Date of birth must include a day and year");
}

TEST_CASE("three empty boxes are fine when optional and asked for when required") {
    CHECK(problem({"", "", ""}, false).empty());
    CHECK(problem({"", " ", ""}, true) == "Enter date of birth");
}

TEST_CASE("dates that do not exist must be real dates") {
    CHECK(problem({"31", "2", "2024"}) == "Date of birth must be a real date");
    CHECK(problem({"29", "2", "2023"}) == "Date of birth must be a real date");
    CHECK(problem({"29", "2", "2024"}).empty());
    CHECK(problem({"0", "1", "2000"}) == "Date of birth must be a real date");
    CHECK(problem({"1", "13", "2000"}) == "Date of birth must be a real date");
    CHECK(problem({"x", "1", "2000"}) == "Date of birth must be a real date");
    CHECK(problem({"1", "1", "85"}) == "Year must include 4 numbers");
}

TEST_CASE("a date of birth after today must be in the past") {
    const Date today{2026, 11, 23};
    CHECK(problem({"24", "11", "2026"}, true, today) == "Date of birth must be today or in the past");
    CHECK(problem({"23", "11", "2026"}, true, today).empty());
    auto r = read_date_fields({"24", "11", "2026"}, "Date of birth", true, std::nullopt, today);
    CHECK(r.problem->in_future);
    CHECK(r.problem->parts == (DatePartDay | DatePartMonth | DatePartYear));
}

TEST_CASE("the boxes a problem is about are marked") {
    auto r = read_date_fields({"3", "", "1950"}, "Date", true);
    CHECK(r.problem->parts == DatePartMonth);
    r = read_date_fields({"31", "4", "1950"}, "Date", true);
    CHECK(r.problem->parts == DatePartDay);
    r = read_date_fields({"3", "14", "1950"}, "Date", true);
    CHECK(r.problem->parts == DatePartMonth);
}

TEST_CASE("what was typed goes back into the boxes") {
    auto d = date_from_fields("3", "", "1950");
    REQUIRE(d);
    DateFields f = fields_from_date(*d);
    CHECK(f.day == "3");
    CHECK(f.month.empty());
    CHECK(f.year == "1950");
}
