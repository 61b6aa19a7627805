#include <catch2/catch_test_macros.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <vector>

#include "kiosk/ui/keyboard_layouts.h"
#include "kiosk/ui/onscreen_keyboard.h"

using namespace carers::ui;

TEST_CASE("backspace removes a whole character, accented and Arabic ones included") {
    std::string s = "Zoë ż";
    KeyEvent back{KeyEvent::Kind::Backspace};
    CHECK(apply_key(s, back, 100));
    CHECK(s == "Zoë ");
    CHECK(apply_key(s, back, 100));
    CHECK(apply_key(s, back, 100));
    CHECK(s == "Zo");
    std::string a = "سلام";
    CHECK(apply_key(a, back, 100));
    CHECK(a == "سلا");
    std::string empty;
    CHECK_FALSE(apply_key(empty, back, 100));
}

TEST_CASE("typing stops at the box's limit rather than losing what came before") {
    std::string s = "1234";
    CHECK_FALSE(apply_key(s, {KeyEvent::Kind::Type, "5"}, 4));
    CHECK(s == "1234");
    CHECK(apply_key(s, {KeyEvent::Kind::Type, "5"}, 5));
    CHECK(s == "12345");
}

TEST_CASE("every keyboard page fills its rows exactly, and each key has its own id") {
    for (auto layout : {KeyboardLayout::Letters, KeyboardLayout::Accents, KeyboardLayout::MoreAccents, KeyboardLayout::Symbols,
                        KeyboardLayout::Arabic, KeyboardLayout::Email, KeyboardLayout::Digits, KeyboardLayout::Decimal, KeyboardLayout::Phone,
                        KeyboardLayout::DateBox})
        for (bool arabic : {false, true}) {
            const KeyboardPage page = keyboard_page(layout, arabic, true);
            std::set<std::string> ids;
            for (const auto& row : page.rows) {
                float units = 0;
                for (const auto& k : row) {
                    units += k.units;
                    if (k.action == KeyAction::Blank) continue;
                    INFO(k.id);
                    CHECK(ids.insert(k.id).second);
                }
                CHECK(units == static_cast<float>(page.columns));
            }
            CHECK(ids.count("key:done") == 1);
            CHECK(ids.count("key:backspace") == 1);
        }
}

TEST_CASE("the letters pages have every letter Polish needs, in both cases") {
    std::set<std::string> typed;
    for (auto layout : {KeyboardLayout::Letters, KeyboardLayout::Accents})
        for (const auto& row : keyboard_page(layout, false, false).rows)
            for (const auto& k : row) {
                typed.insert(k.text);
                if (!k.shifted.empty()) typed.insert(k.shifted);
            }
    for (const char* c : {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż", "a", "Z", "'", "-"})
        CHECK(typed.count(c));
}

TEST_CASE("numbers get a digits pad, phone numbers one with + and space, dates one with Next box") {
    auto keys = [](KeyboardLayout l, bool next) {
        std::set<std::string> ids;
        for (const auto& row : keyboard_page(l, false, next).rows)
            for (const auto& k : row) ids.insert(k.id);
        return ids;
    };
    CHECK(is_digits_pad(KeyboardLayout::Phone));
    CHECK(keys(KeyboardLayout::Phone, false).count("key:+"));
    CHECK(keys(KeyboardLayout::Phone, false).count("key:space"));
    CHECK_FALSE(keys(KeyboardLayout::Digits, false).count("key:+"));
    CHECK(keys(KeyboardLayout::DateBox, true).count("key:next"));
    CHECK_FALSE(keys(KeyboardLayout::DateBox, false).count("key:next"));
    CHECK(keys(KeyboardLayout::Email, false).count("key:@"));
    CHECK(keys(KeyboardLayout::Email, false).count("key:."));
}

namespace {

// Every character that can be typed into a text box whose keyboard starts on `start`: the pages
// reachable with the switch keys, each key's character, and its capital where the page has shift.
std::set<std::string> typeable_from(KeyboardLayout start, bool arabic) {
    std::set<std::string> typed;
    std::set<KeyboardLayout> seen{start};
    std::vector<KeyboardLayout> todo{start};
    while (!todo.empty()) {
        const KeyboardPage page = keyboard_page(todo.back(), arabic, false);
        todo.pop_back();
        bool shift = false;
        for (const auto& row : page.rows)
            for (const auto& k : row) shift |= k.action == KeyAction::Shift;
        for (const auto& row : page.rows)
            for (const auto& k : row) {
                if (k.action == KeyAction::Type) {
                    typed.insert(k.text);
                    if (shift && !k.shifted.empty()) typed.insert(k.shifted);
                }
                if (k.action == KeyAction::Switch && seen.insert(k.target).second) todo.push_back(k.target);
            }
    }
    return typed;
}

// The UTF-8 characters of `text`, one string each (spaces left out).
std::vector<std::string> characters(const std::string& text) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = 1;
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0xF0) n = 4;
        else if (b >= 0xE0) n = 3;
        else if (b >= 0xC0) n = 2;
        if (text[i] != ' ') out.push_back(text.substr(i, n));
        i += n;
    }
    return out;
}

// What a carer using the kiosk in each shipped language needs to type names and addresses, and
// the keyboard the kiosk opens for a text box in that language. English covers the names of
// people living in the UK whose families came from across Europe (the census's most spoken
// languages after English: Polish, Romanian, Portuguese, Spanish, Italian, Lithuanian, French,
// Turkish, German, Hungarian, Latvian, Slovak, Czech), plus Irish, Welsh and Scandinavian names.
struct LanguageLetters {
    KeyboardLayout start;
    bool arabic;
    std::string letters;
};

const std::map<std::string, LanguageLetters>& needed_by_language() {
    static const std::string latin = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 ' - , .";
    static const std::map<std::string, LanguageLetters> needed = {
        {"en",
         {KeyboardLayout::Letters, false,
          latin + " é è ê ë á à â ä ã å æ ç í ì î ï ñ ó ò ô ö õ ø œ ú ù û ü ÿ ß"
                  " É È Ê Ë Á À Â Ä Ã Å Æ Ç Í Ì Î Ï Ñ Ó Ò Ô Ö Õ Ø Œ Ú Ù Û Ü"
                  " ă ș ț ş ğ ı č š ž ř ě ď ť ň ľ ĺ ŕ ů ý ő ű ė į ų ū ā ē ī ģ ķ ļ ņ ŵ ŷ ẁ ẃ ẅ ỳ"
                  " Ă Ș Ț Ş Ğ Č Š Ž Ř Ě Ý Ő Ű Ė Ū Ā Ŵ Ŷ"}},
        // The whole Polish alphabet, both cases.
        {"pl",
         {KeyboardLayout::Letters, false,
          latin + " a ą b c ć d e ę f g h i j k l ł m n ń o ó p r s ś t u w y z ź ż"
                  " A Ą B C Ć D E Ę F G H I J K L Ł M N Ń O Ó P R S Ś T U W Y Z Ź Ż"}},
        // The Arabic alphabet with hamza forms, taa marbuta and alif maqsura, the Arabic comma,
        // and Latin letters for an English address or a postcode.
        {"ar",
         {KeyboardLayout::Arabic, true,
          latin + " ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي ء أ إ آ ؤ ئ ة ى ،"}},
        // No character input method: names in pinyin as on a passport (ü for lü, nü).
        {"zh_CN", {KeyboardLayout::Letters, false, latin + " ü Ü"}},
    };
    return needed;
}

}  // namespace

TEST_CASE("every letter each shipped language's names need can be typed on the on-screen keyboard") {
    std::set<std::string> shipped;
    for (const auto& f : std::filesystem::directory_iterator(std::string(CARERS_SOURCE_DIR) + "/locales"))
        if (f.path().extension() == ".po") shipped.insert(f.path().stem().string());
    REQUIRE(shipped.size() >= 4);
    for (const auto& lang : shipped) {
        INFO("language " << lang << " (add it to needed_by_language with the letters its carers type)");
        REQUIRE(needed_by_language().count(lang));
        const LanguageLetters& need = needed_by_language().at(lang);
        const std::set<std::string> typed = typeable_from(need.start, need.arabic);
        for (const auto& c : characters(need.letters)) {
            INFO("the letter " << c);
            CHECK(typed.count(c));
        }
    }
}

TEST_CASE("a letter missing from the keyboard is noticed by the reachability check") {
    // The check above must be able to fail: Arabic letters are not reachable from the Latin pages
    // of a kiosk in English, and no page types the Turkish capital İ or the Vietnamese ạ.
    const std::set<std::string> typed = typeable_from(KeyboardLayout::Letters, false);
    CHECK_FALSE(typed.count("ب"));
    CHECK_FALSE(typed.count("İ"));
    CHECK_FALSE(typed.count("ạ"));
    CHECK(typed.count("ø"));
    CHECK(typed.count("Ż"));
    CHECK(typeable_from(KeyboardLayout::Letters, true).count("ب"));
}

TEST_CASE("each letters page leads once to every other letters page, and to the Arabic page when the kiosk is in Arabic") {
    for (auto layout : {KeyboardLayout::Letters, KeyboardLayout::Accents, KeyboardLayout::MoreAccents, KeyboardLayout::Symbols})
        for (bool arabic : {false, true}) {
            const KeyboardPage page = keyboard_page(layout, arabic, false);
            std::set<KeyboardLayout> targets;
            for (const auto& k : page.rows.back())
                if (k.action == KeyAction::Switch) CHECK(targets.insert(k.target).second);
            CHECK_FALSE(targets.count(layout));
            CHECK(targets.size() == (arabic ? 4u : 3u));
        }
}
