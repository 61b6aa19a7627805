#include <catch2/catch_test_macros.hpp>

#include "kiosk/i18n/catalog.h"
#include "kiosk/i18n/coverage.h"
#include "kiosk/i18n/language_set.h"

using namespace carers::i18n;

namespace {
const char* const polish_po = R"po(msgid ""
msgstr ""
"Language: pl\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\n"
"X-Language-Name: Polski\n"
"X-Language-English-Name: Polish\n"
"X-Translation-Status: draft, awaiting native-speaker review\n"
"X-Speech-Voice: pl\n"

msgid "Continue"
msgstr "Dalej"

msgid "Yes"
msgstr "Tak"

msgctxt "form:am-i-a-carer:age"
msgid "How old are you?"
msgstr "Ile masz lat?"

msgctxt "form:am-i-a-carer:who:option:parent"
msgid "My parent"
msgstr ""

#, fuzzy
msgid "Back"
msgstr "Wstecz"

msgid "{{n}} question left"
msgid_plural "{{n}} questions left"
msgstr[0] "Zostało {{n}} pytanie"
msgstr[1] "Zostały {{n}} pytania"
msgstr[2] "Zostało {{n}} pytań"
)po";

Catalog polish() {
    auto po = parse_po(polish_po, "pl.po");
    REQUIRE(po.ok());
    auto c = Catalog::from_po(po.value());
    REQUIRE(c.ok());
    return std::move(c.value());
}
}  // namespace

TEST_CASE("a catalog takes its language from the PO header") {
    Catalog c = polish();
    CHECK(c.language().code == "pl");
    CHECK(c.language().native_name == "Polski");
    CHECK(c.language().english_name == "Polish");
    CHECK(c.language().draft);
    CHECK(c.language().status == "draft, awaiting native-speaker review");
    CHECK_FALSE(c.language().right_to_left);
    CHECK(c.language().speech_voice == "pl");
    CHECK(c.plural_rule().nplurals() == 3);
}

TEST_CASE("UI strings and form texts are translated by English text and form key") {
    Catalog c = polish();
    CHECK(c.tr("Continue") == "Dalej");
    CHECK(c.form_text("am-i-a-carer:age", "How old are you?") == "Ile masz lat?");
    CHECK(c.missing().empty());
}

TEST_CASE("a form text with no translation of its own uses the UI translation of the same English") {
    Catalog c = polish();
    CHECK(c.form_text("am-i-a-carer:someone:option:true", "Yes") == "Tak");
    CHECK(c.missing().empty());
}

TEST_CASE("a missing, empty or fuzzy translation falls back to English and is reported, never blank") {
    Catalog c = polish();
    CHECK(c.tr("Back") == "Back");  // fuzzy
    CHECK(c.form_text("am-i-a-carer:who:option:parent", "My parent") == "My parent");  // empty msgstr
    CHECK(c.tr("Never seen") == "Never seen");
    CHECK(c.form_text("am-i-a-carer:age", "How old are you now?") == "How old are you now?");  // English changed
    const std::set<MissingString> expected = {{"", "Back"},
                                              {"", "Never seen"},
                                              {"form:am-i-a-carer:who:option:parent", "My parent"},
                                              {"form:am-i-a-carer:age", "How old are you now?"}};
    CHECK(c.missing() == expected);
    CHECK(c.tr("") == "");  // nothing to show, nothing to report
    CHECK(c.missing().size() == 4);
}

TEST_CASE("the returned strings stay valid while the catalog lives") {
    Catalog c = polish();
    const std::string& a = c.tr("Not there A");
    for (int i = 0; i < 1000; ++i) (void)c.tr("filler " + std::to_string(i));
    CHECK(a == "Not there A");
}

TEST_CASE("plural UI strings follow the language's Plural-Forms") {
    Catalog c = polish();
    CHECK(c.tr_plural("{{n}} question left", "{{n}} questions left", 1) == "Zostało {{n}} pytanie");
    CHECK(c.tr_plural("{{n}} question left", "{{n}} questions left", 3) == "Zostały {{n}} pytania");
    CHECK(c.tr_plural("{{n}} question left", "{{n}} questions left", 5) == "Zostało {{n}} pytań");
    CHECK(c.tr_plural("{{n}} question left", "{{n}} questions left", 22) == "Zostały {{n}} pytania");
    CHECK(c.missing().empty());
    CHECK(c.tr_plural("{{n}} page", "{{n}} pages", 1) == "{{n}} page");
    CHECK(c.tr_plural("{{n}} page", "{{n}} pages", 5) == "{{n}} pages");  // English's rule for the fallback
    CHECK(c.missing().size() == 2);
}

TEST_CASE("a plural entry with the wrong number of forms for its language is refused") {
    auto po = parse_po("msgid \"\"\nmsgstr \"Language: zh_CN\\nPlural-Forms: nplurals=1; plural=0;\\n\"\n\n"
                       "msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"x\"\nmsgstr[1] \"y\"\n");
    REQUIRE(po.ok());
    auto c = Catalog::from_po(po.value());
    REQUIRE_FALSE(c.ok());
    CHECK(c.message().find("2 plural forms but the language has 1") != std::string::npos);
}

TEST_CASE("a PO file without a Language header or with a broken Plural-Forms is refused") {
    auto none = parse_po("msgid \"a\"\nmsgstr \"b\"\n");
    REQUIRE(none.ok());
    CHECK_FALSE(Catalog::from_po(none.value()).ok());
    auto broken = parse_po("msgid \"\"\nmsgstr \"Language: pl\\nPlural-Forms: nplurals=3; plural=(n==1 ?;\\n\"\n");
    REQUIRE(broken.ok());
    CHECK_FALSE(Catalog::from_po(broken.value()).ok());
}

TEST_CASE("right-to-left comes from X-Text-Direction") {
    auto po = parse_po("msgid \"\"\nmsgstr \"Language: ar\\nX-Text-Direction: RTL\\nX-Language-Name: العربية\\n\"\n");
    REQUIRE(po.ok());
    auto c = Catalog::from_po(po.value());
    REQUIRE(c.ok());
    CHECK(c.value().language().right_to_left);
    CHECK(c.value().language().native_name == "العربية");
    CHECK_FALSE(c.value().language().draft);
    CHECK(c.value().language().speech_voice == "ar");
}

TEST_CASE("a language set always has English first and finds languages by code") {
    LanguageSet set;
    CHECK(set.all().size() == 1);
    CHECK(set.english().language().code == "en");
    set.add(polish());
    CHECK(set.find("pl") != nullptr);
    CHECK(set.find("de") == nullptr);
    CHECK(set.get("de").language().code == "en");
    CHECK(set.all()[1].language().native_name == "Polski");
    Catalog english(Language{});
    english.add("", "Continue", "Continue");
    set.add(std::move(english));
    CHECK(set.all().size() == 2);
    CHECK(set.english().tr("Continue") == "Continue");
    CHECK(set.english().has("", "Continue"));
}

TEST_CASE("coverage counts the template's strings a language translates and lists the rest in order") {
    auto pot = parse_po(R"(msgid "Continue"
msgstr ""

msgid "Back"
msgstr ""

msgctxt "form:am-i-a-carer:age"
msgid "How old are you?"
msgstr ""

msgctxt "form:am-i-a-carer:who:option:parent"
msgid "My parent"
msgstr ""

msgid "{{n}} question left"
msgid_plural "{{n}} questions left"
msgstr[0] ""
msgstr[1] ""

msgid "{{n}} page"
msgid_plural "{{n}} pages"
msgstr[0] ""
msgstr[1] ""
)");
    REQUIRE(pot.ok());
    Coverage cov = coverage(pot.value(), polish());
    CHECK(cov.total == 6);
    CHECK(cov.translated == 3);
    CHECK_FALSE(cov.complete());
    const std::vector<MissingString> expected = {
        {"", "Back"}, {"form:am-i-a-carer:who:option:parent", "My parent"}, {"", "{{n}} page"}};
    CHECK(cov.missing == expected);
    CHECK(cov.language.draft);
}
