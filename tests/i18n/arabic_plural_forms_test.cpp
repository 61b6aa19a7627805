// Arabic counts a noun in three shapes a translator must write apart: the singular after one
// ("طلب واحد"), the dual for two ("طلبين") and the plural for three to ten ("3 طلبات"). A draft
// that repeats one text in every form reads wrongly for most counts, and the completeness and
// msgfmt checks cannot see it: both the shipped file and the compendium it is refreshed from are
// checked here, so a draft waiting in the compendium is right before it reaches the kiosk.
#include <catch2/catch_test_macros.hpp>

#include <string>

#include "kiosk/i18n/locale_dir.h"
#include "kiosk/i18n/plural_rule.h"
#include "kiosk/i18n/po_file.h"

using namespace carers;

TEST_CASE("every Arabic plural message writes one, two and three to ten differently") {
    for (const char* file : {"locales/ar.po", "locales/compendium/ar.po"}) {
        INFO(file);
        auto text = i18n::read_text_file(std::string(CARERS_SOURCE_DIR) + "/" + file);
        REQUIRE(text);
        auto po = i18n::parse_po(*text, file);
        REQUIRE(po);
        auto rule = i18n::PluralRule::parse(po->header_value("Plural-Forms"));
        REQUIRE(rule);
        REQUIRE(rule->nplurals() == 6);
        int checked = 0;
        for (const auto& e : po->entries) {
            // Where English writes one text for both (no noun follows the count), so may Arabic.
            if (!e.plural() || !e.translated() || e.msgid == e.msgid_plural) continue;
            ++checked;
            const std::string& one = e.msgstr.at(static_cast<std::size_t>(rule->index(1)));
            const std::string& two = e.msgstr.at(static_cast<std::size_t>(rule->index(2)));
            const std::string& few = e.msgstr.at(static_cast<std::size_t>(rule->index(3)));
            INFO("msgid \"" << e.msgid << "\" (line " << e.line << ")\n  one: " << one
                            << "\n  two: " << two << "\n  few: " << few);
            CHECK(one != two);
            CHECK(two != few);
            CHECK(one != few);
        }
        CHECK(checked >= 15); // the plural messages are really there to check
    }
}
