#include <catch2/catch_test_macros.hpp>

#include "kiosk/i18n/plural_rule.h"

using namespace carers::i18n;

namespace {
// The standard Plural-Forms lines (gettext manual, "Plural forms") of the shipped languages.
const char* const english = "nplurals=2; plural=(n != 1);";
const char* const polish = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
const char* const arabic =
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);";
const char* const chinese = "nplurals=1; plural=0;";

PluralRule rule(const char* header) {
    auto r = PluralRule::parse(header);
    REQUIRE(r.ok());
    return r.value();
}
}  // namespace

TEST_CASE("English plural forms: one for 1, the other for everything else") {
    auto r = rule(english);
    CHECK(r.nplurals() == 2);
    CHECK(r.index(0) == 1);
    CHECK(r.index(1) == 0);
    CHECK(r.index(2) == 1);
    CHECK(PluralRule().index(1) == 0);  // the default rule is English's
    CHECK(PluralRule().index(7) == 1);
}

TEST_CASE("Polish plural forms: 1, 2-4 (but not 12-14), and the rest") {
    auto r = rule(polish);
    CHECK(r.nplurals() == 3);
    const std::pair<unsigned long, int> expected[] = {{0, 2},  {1, 0},  {2, 1},  {4, 1},   {5, 2},   {11, 2}, {12, 2},
                                                      {14, 2}, {21, 2}, {22, 1}, {24, 1},  {25, 2},  {101, 2},
                                                      {102, 1}, {112, 2}, {1000, 2}, {1002, 1}, {1012, 2}};
    for (auto [n, i] : expected) {
        INFO("n = " << n);
        CHECK(r.index(n) == i);
    }
}

TEST_CASE("Arabic plural forms: zero, one, two, few, many and other") {
    auto r = rule(arabic);
    CHECK(r.nplurals() == 6);
    const std::pair<unsigned long, int> expected[] = {{0, 0},   {1, 1},   {2, 2},   {3, 3},   {10, 3},  {11, 4},
                                                      {99, 4},  {100, 5}, {101, 5}, {102, 5}, {103, 3}, {111, 4},
                                                      {200, 5}, {1000, 5}, {1003, 3}};
    for (auto [n, i] : expected) {
        INFO("n = " << n);
        CHECK(r.index(n) == i);
    }
}

TEST_CASE("Chinese has one form for every count") {
    auto r = rule(chinese);
    CHECK(r.nplurals() == 1);
    for (unsigned long n : {0UL, 1UL, 2UL, 5UL, 1000UL}) CHECK(r.index(n) == 0);
}

TEST_CASE("the evaluator agrees with the same rules written in C++ for the first ten thousand counts") {
    auto pl = rule(polish), ar = rule(arabic);
    for (unsigned long n = 0; n < 10000; ++n) {
        int p = n == 1 ? 0 : n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20) ? 1 : 2;
        int a = n == 0 ? 0 : n == 1 ? 1 : n == 2 ? 2 : n % 100 >= 3 && n % 100 <= 10 ? 3 : n % 100 >= 11 ? 4 : 5;
        if (pl.index(n) != p || ar.index(n) != a) FAIL("disagreement at n = " << n);
    }
}

TEST_CASE("C precedence and operators: arithmetic, comparison, negation, nested conditionals") {
    CHECK(rule("nplurals=6; plural=1 + 2 * 2;").index(0) == 5);
    CHECK(rule("nplurals=6; plural=(1 + 2) * 1;").index(0) == 3);
    CHECK(rule("nplurals=2; plural=!(n <= 1);").index(1) == 0);
    CHECK(rule("nplurals=2; plural=!(n <= 1);").index(2) == 1);
    CHECK(rule("nplurals=3; plural=n>=2 ? n>=5 ? 2 : 1 : 0;").index(3) == 1);
    CHECK(rule("nplurals=3; plural=n>=2 ? n>=5 ? 2 : 1 : 0;").index(7) == 2);
    CHECK(rule("nplurals=2; plural=n - 3 > 0;").index(1) == 1);  // unsigned, as in gettext
    CHECK(rule("nplurals=2; plural=n / 0 + n % 0;").index(5) == 0);  // no trap on division by zero
    CHECK(rule("nplurals=2; plural=n==1 || n==3 && 0;").index(3) == 0);  // && binds tighter than ||
}

TEST_CASE("an expression whose value is beyond nplurals picks the first form") {
    CHECK(rule("nplurals=2; plural=n;").index(7) == 0);
}

TEST_CASE("broken Plural-Forms headers are refused with a reason") {
    const char* bad[] = {"plural=(n != 1);",           "nplurals=2;",          "nplurals=x; plural=0;",
                         "nplurals=0; plural=0;",      "nplurals=7; plural=0;", "nplurals=2; plural=(n != 1;",
                         "nplurals=2; plural=n ? 1;",  "nplurals=2; plural=n @ 1;", "nplurals=2; plural=;",
                         "nplurals=2; plural=m != 1;"};
    for (const char* h : bad) {
        INFO(h);
        auto r = PluralRule::parse(h);
        CHECK_FALSE(r.ok());
        if (!r.ok()) CHECK_FALSE(r.message().empty());
    }
}

TEST_CASE("deeply nested parentheses are refused rather than overflowing the stack") {
    std::string expr = "nplurals=2; plural=" + std::string(5000, '(') + "n" + std::string(5000, ')') + ";";
    CHECK_FALSE(PluralRule::parse(expr).ok());
}
