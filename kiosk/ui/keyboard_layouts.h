// The on-screen keyboard's layouts: which keys, in which rows, for which kind of field.
//
// Letters cover English and Polish (ą ć ę ł ń ó ś ź ż on the accents page, with the accented
// letters of names common in the UK); Arabic has its own page when the kiosk is in Arabic.
// Chinese is typed as pinyin or English on the letters page (no character input method yet).
// Numbers, phone numbers and dates get a large digits pad; email addresses get @ and ".".
#pragma once

#include <string>
#include <vector>

namespace carers::ui {

enum class KeyboardLayout {
    Letters,   // QWERTY with a digits row
    Accents,   // accented letters (Polish and others)
    Symbols,   // punctuation
    Arabic,    // Arabic letters
    Email,     // letters with @, "." and ".com"
    Digits,    // 0-9 only (whole numbers)
    Decimal,   // 0-9 and "."
    Phone,     // 0-9, "+" and space (also NHS numbers)
    DateBox,   // 0-9 for a day, month or year box, with "Next box"
};

enum class KeyAction { Type, Shift, Backspace, Done, NextBox, Switch, Blank };

struct Key {
    KeyAction action = KeyAction::Type;
    std::string text;     // what it types (Type), or its label
    std::string shifted;  // what it types with shift on (empty: same as text)
    float units = 1;      // width in columns
    KeyboardLayout target = KeyboardLayout::Letters;  // Switch: the page it opens
    std::string id;       // stable widget id: "key:a", "key:shift", "key:backspace", "key:done"
};

struct KeyboardPage {
    int columns = 10;
    bool pad = false;  // a digits pad: fewer, bigger keys
    std::vector<std::vector<Key>> rows;
};

// The keys of a layout. `arabic` adds a way to the Arabic page from the letters (and back).
// `next_box` puts "Next box" on a DateBox pad (day and month, not year).
KeyboardPage keyboard_page(KeyboardLayout layout, bool arabic, bool next_box);

// Every character any keyboard page shows or types (for the glyph atlas).
std::vector<std::string> keyboard_texts();

// Whether a layout is a digits pad (the letters pages are not offered from it).
bool is_digits_pad(KeyboardLayout layout);

}  // namespace carers::ui
