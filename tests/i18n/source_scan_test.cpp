#include <catch2/catch_test_macros.hpp>

#include "tools/i18n/source_scan.h"

using namespace carers::i18n_tools;

namespace {
std::vector<std::string> ids(const SourceScan& s) {
    std::vector<std::string> out;
    for (const auto& x : s.strings) out.push_back(x.msgid);
    return out;
}
}  // namespace

TEST_CASE("the scanner finds tr calls however they are reached: dc.tr, catalog.tr, ->tr, plain tr") {
    auto s = scan_source(R"cpp(
        wrapped_text(dc.tr("Do you look after someone?"), font, colour);
        auto a = catalog.tr("Continue");
        auto b = ctx->tr( "Back" );
        return tr("Start again");
    )cpp");
    CHECK(ids(s) == std::vector<std::string>{"Do you look after someone?", "Continue", "Back", "Start again"});
    CHECK(s.strings[0].line == 2);
    CHECK(s.strings[3].line == 5);
    CHECK(s.dynamic_calls.empty());
}

TEST_CASE("adjacent literals across lines and comments are joined into one string") {
    auto s = scan_source(R"cpp(
        dc.tr("Lots of people help a family member or friend. "   // first half
              /* second */ "There is help for you.")
    )cpp");
    REQUIRE(s.strings.size() == 1);
    CHECK(s.strings[0].msgid == "Lots of people help a family member or friend. There is help for you.");
}

TEST_CASE("escapes in C++ literals are decoded, including universal character names") {
    auto s = scan_source(R"cpp(tr("Say \"hello\"\n\tthen \\ go \u00e9\U0001F600 \x41");)cpp");
    REQUIRE(s.strings.size() == 1);
    CHECK(s.strings[0].msgid == "Say \"hello\"\n\tthen \\ go \xC3\xA9\xF0\x9F\x98\x80 A");
}

TEST_CASE("raw strings and u8 literals are read as written") {
    auto s = scan_source(R"cpp(tr(R"x(A "quoted" (raw) \n text)x"); tr(u8"Zażółć");)cpp");
    CHECK(ids(s) == std::vector<std::string>{"A \"quoted\" (raw) \\n text", "Zażółć"});
}

TEST_CASE("tr inside comments, strings and character literals is ignored") {
    auto s = scan_source(R"cpp(
        // tr("in a line comment")
        /* tr("in a block comment") */
        const char* x = "tr(\"inside a string\")";
        char q = '"'; char p = '\''; int big = 1'000'000;
        auto y = R"(tr("in a raw string"))";
        tr("real one");
    )cpp");
    CHECK(ids(s) == std::vector<std::string>{"real one"});
}

TEST_CASE("names that merely contain tr are not calls") {
    auto s = scan_source(R"cpp(
        str("no"); tr_x("no"); my_tr("no"); ctr("no"); string tr_name = "no";
        translatable("yes");
    )cpp");
    CHECK(ids(s) == std::vector<std::string>{"yes"});
}

TEST_CASE("tr_plural gives a msgid and a msgid_plural") {
    auto s = scan_source(R"cpp(dc.catalog.tr_plural("{{n}} question left", "{{n}} questions left", n);)cpp");
    REQUIRE(s.strings.size() == 1);
    CHECK(s.strings[0].msgid == "{{n}} question left");
    CHECK(s.strings[0].msgid_plural == "{{n}} questions left");
}

TEST_CASE("translatable_plural marks an engine message with plural forms") {
    auto s = scan_source(R"cpp(
        constexpr PluralTemplate translatable_plural(const char* one, const char* other) { return {one, other}; }
        add(Problem::TooLong, translatable_plural("{{count}} character or fewer", "{{count}} characters or fewer"), n);
    )cpp");
    REQUIRE(s.strings.size() == 1);
    CHECK(s.strings[0].msgid == "{{count}} character or fewer");
    CHECK(s.strings[0].msgid_plural == "{{count}} characters or fewer");
    CHECK(s.dynamic_calls.empty());
}

TEST_CASE("calls with text that is not a literal are listed, declarations are not") {
    auto s = scan_source(R"cpp(
        const std::string& tr(std::string_view english) const;
        const std::string& Catalog::tr(std::string_view english) const { return lookup(english); }
        std::string tr(int x);
        wrapped_text(dc.tr(e.message), f, c);
        dc.tr("Hello " + name);
        dc.tr_plural(a, b, n);
    )cpp");
    CHECK(s.strings.empty());
    REQUIRE(s.dynamic_calls.size() == 3);
    CHECK(s.dynamic_calls[0].rfind("5:", 0) == 0);
    CHECK(s.dynamic_calls[1].rfind("6:", 0) == 0);
}

TEST_CASE("an unterminated literal or comment at the end of a file does not hang or crash") {
    CHECK(scan_source("tr(\"never closed").strings.size() <= 1);
    CHECK(scan_source("/* never closed tr(\"x\")").strings.empty());
    CHECK(scan_source("tr(R\"x(never closed").strings.size() <= 1);
    CHECK(scan_source("tr(").strings.empty());
    CHECK(scan_source("tr").strings.empty());
    CHECK(scan_source("'").strings.empty());
}
