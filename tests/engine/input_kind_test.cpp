#include <catch2/catch_test_macros.hpp>

#include "kiosk/engine/input_kind.h"

using namespace carers::engine;

TEST_CASE("UK postcodes are accepted in every usual shape and tidied") {
    for (const char* p : {"SW1A 2AA", "sw1a2aa", " L20 3AB ", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT",
                          "W1A 0AX", "EC1A 1BB", "GIR 0AA"})
        CHECK(is_uk_postcode(p));
    CHECK(tidy_postcode("sw1a2aa") == "SW1A 2AA");
    CHECK(tidy_postcode("  l20   3ab ") == "L20 3AB");
}

TEST_CASE("things that are not postcodes are refused") {
    for (const char* p : {"", "SW1A", "12345", "SW1A 2A", "SW1A 2AAA", "1W1 1AA", "L20 3CI", "L20-3AB", "ABC 1AA"})
        CHECK_FALSE(is_uk_postcode(p));
    CHECK(tidy_postcode(" not one ") == "not one");
}

TEST_CASE("UK phone numbers are accepted with spaces, brackets and +44") {
    for (const char* p : {"07700 900982", "07700900982", "01632 960 001", "0151 496 0000", "+44 7700 900982",
                          "+44 (0)151 496 0000", "0044 7700 900 982", "(01632) 960001", "0808 157 0192", "020 7946 0000"})
        CHECK(is_uk_phone(p));
}

TEST_CASE("phone numbers of the wrong length or with letters are refused") {
    for (const char* p : {"", "999", "0770090098", "077009009822", "07700 9009AB", "7700 900982", "+33 1 23 45 67 89",
                          "00 7700 900982"})
        CHECK_FALSE(is_uk_phone(p));
}

TEST_CASE("email addresses need one @ and a domain with a dot") {
    for (const char* e : {"name@example.com", "first.last+tag@sub.example.co.uk", " a@b.org "}) CHECK(is_email_address(e));
    for (const char* e : {"", "name", "name@", "@example.com", "name@example", "na me@example.com", "a@@b.com",
                          "a@b..com", "a@-b.com", "a@b.c", "a.@b.com", "a@b.c0m"})
        CHECK_FALSE(is_email_address(e));
}

TEST_CASE("NHS numbers pass only with the right modulus 11 check digit") {
    CHECK(check_nhs_number("943 476 5919") == NhsNumberCheck::Valid);
    CHECK(check_nhs_number("9434765919") == NhsNumberCheck::Valid);
    CHECK(check_nhs_number("943-476-5919") == NhsNumberCheck::Valid);
    CHECK(check_nhs_number("401 023 2137") == NhsNumberCheck::Valid);
    CHECK(check_nhs_number("943 476 5918") == NhsNumberCheck::WrongCheckDigit);  // one digit wrong
    CHECK(check_nhs_number("934 476 5919") == NhsNumberCheck::WrongCheckDigit);  // two swapped
    CHECK(check_nhs_number("943 476 591") == NhsNumberCheck::NotTenDigits);
    CHECK(check_nhs_number("943 476 59190") == NhsNumberCheck::NotTenDigits);
    CHECK(check_nhs_number("943 476 591X") == NhsNumberCheck::NotTenDigits);
    CHECK(tidy_nhs_number("9434765919") == "943 476 5919");
}

TEST_CASE("an NHS number whose check digit would be 10 is never valid") {
    // 0 0 0 0 0 0 0 0 6: weighted sum 12, remainder 1, 11 - 1 = 10: no last digit can be right.
    for (char last = '0'; last <= '9'; ++last)
        CHECK(check_nhs_number(std::string("000000006") + last) == NhsNumberCheck::WrongCheckDigit);
}
