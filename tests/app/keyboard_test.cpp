#include <catch2/catch_test_macros.hpp>

#include <set>

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
    for (auto layout : {KeyboardLayout::Letters, KeyboardLayout::Accents, KeyboardLayout::Symbols, KeyboardLayout::Arabic,
                        KeyboardLayout::Email, KeyboardLayout::Digits, KeyboardLayout::Decimal, KeyboardLayout::Phone,
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
