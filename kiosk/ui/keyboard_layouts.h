// The on-screen keyboard's layouts: which keys, in which rows, for which kind of field.
//
// What a carer can type, by the kiosk's languages (tests/app/keyboard_test.cpp checks every
// letter below can be reached from the letters page with the switch keys and shift):
// - English and Polish: a-z on the letters page; the accents page ("àé") has every Polish letter
//   (ą ć ę ł ń ó ś ź ż) and the accented letters of French, German, Spanish, Portuguese, Italian,
//   Irish, Dutch and Scandinavian names (é ë ï ñ ç ø å ü ö ä æ œ ß ...); the second accents page
//   ("čș") has those of Romanian, Czech, Slovak, Hungarian, Lithuanian, Latvian, Turkish and
//   Welsh names (ă ș ț ş ğ ı č š ž ř ő ű ė ų ū ā ŵ ŷ ...). Not there: the Turkish capital İ
//   (shift on ı types I, as on a Turkish keyboard), Vietnamese and other stacked diacritics.
// - Arabic: its own page with all 28 letters, the hamza forms (ء أ إ آ ؤ ئ), ة and ى, and the
//   Arabic comma; "ABC" leads to the Latin pages (an English address, a postcode). Persian and
//   Urdu letters (پ چ ژ گ) are not there.
// - Chinese: no character input method. A Chinese-speaking carer types their name in pinyin, as
//   on a passport or NHS record (Latin letters, with ü on the accents page), and the questions'
//   choices need no typing. A physical keyboard with an input method still works.
// Numbers, phone numbers and dates get a large digits pad; email addresses get @ and ".".
#pragma once

#include <string>
#include <vector>

namespace carers::ui {

enum class KeyboardLayout {
    Letters,   // QWERTY with a digits row
    Accents,      // accented letters: Polish and Western European names
    MoreAccents,  // accented letters: Central/Eastern European, Baltic, Turkish, Welsh names
    Symbols,   // punctuation
    Arabic,    // Arabic letters
    Email,     // letters with @, "." and ".com"
    Digits,    // 0-9 only (whole numbers)
    Decimal,   // 0-9 and "."
    Phone,     // 0-9, "+" and space (also NHS numbers)
    DateBox,   // 0-9 for a day, month or year box, with "Next box"
    ResumeCode,  // only the 19 characters a resume code uses (no look-alikes to mistype)
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
