#include <catch2/catch_test_macros.hpp>

#include "kiosk/i18n/po_file.h"

using namespace carers::i18n;

namespace {
const char* const sample = R"po(# Polish translation of Carers Kiosk.
msgid ""
msgstr ""
"Language: pl\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"

#. The button that moves on to the next page.
#: kiosk/ui/question_view.cpp:230
msgid "Continue"
msgstr "Dalej"

#: kiosk/ui/kiosk_screen.cpp:12 kiosk/ui/kiosk_screen.cpp:40
msgctxt "form:am-i-a-carer:age"
msgid "How old are you?"
msgstr ""
"Ile masz "
"lat?"

#, fuzzy, c-format
msgid "Back"
msgstr "Wstecz"

msgid "{{n}} question"
msgid_plural "{{n}} questions"
msgstr[0] "{{n}} pytanie"
msgstr[1] "{{n}} pytania"
msgstr[2] "{{n}} pytań"

#~ msgid "Old"
#~ msgstr "Stare"
)po";
}  // namespace

TEST_CASE("a PO file's header, contexts, continuations, flags and plural forms are read") {
    auto po = parse_po(sample, "pl.po");
    REQUIRE(po.ok());
    const PoFile& f = po.value();
    CHECK(f.header_value("Language") == "pl");
    CHECK(f.header_value("Plural-Forms").rfind("nplurals=3;", 0) == 0);
    REQUIRE(f.entries.size() == 4);

    CHECK(f.entries[0].msgid == "Continue");
    CHECK(f.entries[0].msgstr == std::vector<std::string>{"Dalej"});
    CHECK_FALSE(f.entries[0].has_context);
    CHECK(f.entries[0].comments == std::vector<std::string>{"The button that moves on to the next page."});
    CHECK(f.entries[0].references == std::vector<std::string>{"kiosk/ui/question_view.cpp:230"});

    CHECK(f.entries[1].has_context);
    CHECK(f.entries[1].context == "form:am-i-a-carer:age");
    CHECK(f.entries[1].msgstr.front() == "Ile masz lat?");
    CHECK(f.entries[1].references.size() == 2);

    CHECK(f.entries[2].fuzzy());
    CHECK_FALSE(f.entries[2].translated());
    CHECK(f.entries[2].flags == std::vector<std::string>{"fuzzy", "c-format"});

    CHECK(f.entries[3].plural());
    CHECK(f.entries[3].msgid_plural == "{{n}} questions");
    CHECK(f.entries[3].msgstr == std::vector<std::string>{"{{n}} pytanie", "{{n}} pytania", "{{n}} pytań"});
    CHECK(f.entries[3].translated());
}

TEST_CASE("escapes in PO strings are decoded: newline, tab, quote, backslash, octal and hex") {
    auto po = parse_po("msgid \"a\\n\\tb \\\"q\\\" \\\\ \\101\\x42\"\nmsgstr \"x\"\n");
    REQUIRE(po.ok());
    CHECK(po.value().entries[0].msgid == "a\n\tb \"q\" \\ AB");
}

TEST_CASE("obsolete entries and a byte-order mark are ignored, and CRLF line ends are accepted") {
    auto po = parse_po("\xEF\xBB\xBFmsgid \"One\"\r\nmsgstr \"Jeden\"\r\n\r\n#~ msgid \"Gone\"\r\n#~ msgstr \"X\"\r\n");
    REQUIRE(po.ok());
    REQUIRE(po.value().entries.size() == 1);
    CHECK(po.value().entries[0].msgstr.front() == "Jeden");
}

TEST_CASE("an empty msgctxt is kept apart from no msgctxt") {
    auto po = parse_po("msgctxt \"\"\nmsgid \"A\"\nmsgstr \"1\"\n\nmsgid \"A\"\nmsgstr \"2\"\n");
    REQUIRE(po.ok());
    REQUIRE(po.value().entries.size() == 2);
    CHECK(po.value().entries[0].has_context);
    CHECK_FALSE(po.value().entries[1].has_context);
}

TEST_CASE("malformed PO text is refused with the line it is on") {
    struct Case {
        const char* text;
        const char* says;
    };
    const Case cases[] = {
        {"msgid \"a\"\nmsgstr \"b\n", "line 2: the string has no closing quote"},
        {"msgid a\nmsgstr \"b\"\n", "line 1: a string must be in double quotes"},
        {"msgid \"a\"\nmsgstr \"b\" x\n", "line 2: there is text after the closing quote"},
        {"msgid \"a\\q\"\nmsgstr \"\"\n", "unknown escape \\q"},
        {"msgid \"a\"\nmsgtxt \"b\"\n", "line 2: unknown keyword 'msgtxt'"},
        {"msgstr \"b\"\n", "msgstr must follow msgid"},
        {"msgid \"a\"\nmsgid \"b\"\nmsgstr \"\"\n", "a second msgid without a msgstr"},
        {"msgid \"a\"\n", "the last entry has a msgid but no msgstr"},
        {"\"dangling\"\n", "a continuation string follows no keyword"},
        {"msgid \"a\"\nmsgstr \"1\"\n\nmsgid \"a\"\nmsgstr \"2\"\n", "line 4: the same msgid appears twice"},
        {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr \"x\"\n", "a plural entry needs msgstr[0]"},
        {"msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"x\"\n", "msgstr[1] is out of order"},
        {"msgid \"a\"\nmsgstr[0] \"x\"\n", "msgstr[n] is only for entries with msgid_plural"},
        {"msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=ISO-8859-2\\n\"\n", "only UTF-8"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        auto po = parse_po(c.text, "x.po");
        REQUIRE_FALSE(po.ok());
        CHECK(po.message().find(c.says) != std::string::npos);
        CHECK(po.message().rfind("x.po", 0) == 0);
    }
}

TEST_CASE("po_quote writes strings that parse back to the same text") {
    const std::string texts[] = {"plain", "with \"quotes\" and \\ backslash", "two\nlines", "ends with newline\n",
                                 "tab\there", "Zażółć gęślą jaźń", "مرحبا", "你好", "", "a\nb\nc\n"};
    for (const auto& t : texts) {
        std::string po = "msgid " + po_quote(t) + "\nmsgstr " + po_quote(t) + "\n";
        INFO(po);
        auto parsed = parse_po(po);
        REQUIRE(parsed.ok());
        if (t.empty()) {
            CHECK(parsed.value().header.empty());  // an empty msgid is the header
            continue;
        }
        REQUIRE(parsed.value().entries.size() == 1);
        CHECK(parsed.value().entries[0].msgid == t);
        CHECK(parsed.value().entries[0].msgstr.front() == t);
    }
}
