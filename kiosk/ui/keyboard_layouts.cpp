#include "kiosk/ui/keyboard_layouts.h"

namespace carers::ui {

namespace {

Key type(std::string text, std::string shifted = {}, float units = 1) {
    Key k;
    k.action = KeyAction::Type;
    k.id = "key:" + (text == " " ? std::string("space") : text);
    k.text = std::move(text);
    k.shifted = std::move(shifted);
    k.units = units;
    return k;
}

Key action(KeyAction a, const char* id, float units = 1) {
    Key k;
    k.action = a;
    k.id = std::string("key:") + id;
    k.units = units;
    return k;
}

// Switch keys carry symbols, not words, so they read the same in every language (like key caps).
Key to(KeyboardLayout target, const char* id, const char* label, float units = 1) {
    Key k;
    k.action = KeyAction::Switch;
    k.target = target;
    k.id = std::string("key:to-") + id;
    k.text = label;
    k.units = units;
    return k;
}

// One key per UTF-8 character of `chars`, each typing it; `upper` gives the shifted characters.
std::vector<Key> row(const std::vector<const char*>& chars, const std::vector<const char*>& upper = {}) {
    std::vector<Key> keys;
    for (std::size_t i = 0; i < chars.size(); ++i) keys.push_back(type(chars[i], i < upper.size() ? upper[i] : ""));
    return keys;
}

std::vector<Key> digits_row() { return row({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}); }

std::vector<Key> bottom_row(KeyboardLayout here, bool arabic) {
    std::vector<Key> r;
    if (here == KeyboardLayout::Letters)
        r.push_back(arabic ? to(KeyboardLayout::Arabic, "arabic", "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a")  // عربي
                           : to(KeyboardLayout::Symbols, "symbols", "#+="));
    else
        r.push_back(to(KeyboardLayout::Letters, "letters", "abc"));
    if (here == KeyboardLayout::Accents || (here == KeyboardLayout::Letters && arabic))
        r.push_back(to(KeyboardLayout::Symbols, "symbols", "#+="));
    else
        r.push_back(to(KeyboardLayout::Accents, "accents", "\xc3\xa0\xc3\xa9"));  // àé
    r.push_back(type(","));
    r.push_back(type(" ", "", 4));
    r.push_back(type("."));
    r.push_back(action(KeyAction::Done, "done", 2));
    return r;
}

KeyboardPage letters(bool arabic) {
    KeyboardPage p;
    p.rows.push_back(digits_row());
    p.rows.push_back(row({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}, {"Q", "W", "E", "R", "T", "Y", "U", "I", "O", "P"}));
    p.rows.push_back(row({"a", "s", "d", "f", "g", "h", "j", "k", "l", "'"}, {"A", "S", "D", "F", "G", "H", "J", "K", "L", "'"}));
    std::vector<Key> r3{action(KeyAction::Shift, "shift")};
    for (auto& k : row({"z", "x", "c", "v", "b", "n", "m", "-"}, {"Z", "X", "C", "V", "B", "N", "M", "-"})) r3.push_back(k);
    r3.push_back(action(KeyAction::Backspace, "backspace"));
    p.rows.push_back(r3);
    p.rows.push_back(bottom_row(KeyboardLayout::Letters, arabic));
    return p;
}

KeyboardPage accents(bool arabic) {
    KeyboardPage p;
    p.rows.push_back(digits_row());
    p.rows.push_back(row({"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "ß"}, {"Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż", "ß"}));
    p.rows.push_back(row({"á", "à", "â", "ä", "ç", "é", "è", "ê", "ë", "'"}, {"Á", "À", "Â", "Ä", "Ç", "É", "È", "Ê", "Ë", "'"}));
    std::vector<Key> r3{action(KeyAction::Shift, "shift")};
    for (auto& k : row({"í", "î", "ï", "ñ", "ô", "ö", "ú", "ü"}, {"Í", "Î", "Ï", "Ñ", "Ô", "Ö", "Ú", "Ü"})) r3.push_back(k);
    r3.push_back(action(KeyAction::Backspace, "backspace"));
    p.rows.push_back(r3);
    p.rows.push_back(bottom_row(KeyboardLayout::Accents, arabic));
    return p;
}

KeyboardPage symbols(bool arabic) {
    KeyboardPage p;
    p.rows.push_back(digits_row());
    p.rows.push_back(row({"@", "#", "&", "(", ")", "/", ":", ";", "!", "?"}));
    p.rows.push_back(row({"+", "=", "*", "\"", "%", "_", "£", "€", "~", "'"}));
    std::vector<Key> r3 = row({"<", ">", "[", "]", "{", "}", "\\", "|", "^"});
    r3.push_back(action(KeyAction::Backspace, "backspace"));
    p.rows.push_back(r3);
    p.rows.push_back(bottom_row(KeyboardLayout::Symbols, arabic));
    return p;
}

KeyboardPage arabic_page() {
    KeyboardPage p;
    p.columns = 11;
    std::vector<Key> r0 = digits_row();
    r0.push_back(action(KeyAction::Backspace, "backspace"));
    p.rows.push_back(r0);
    p.rows.push_back(row({"ض", "ص", "ث", "ق", "ف", "غ", "ع", "ه", "خ", "ح", "ج"}));
    p.rows.push_back(row({"ش", "س", "ي", "ب", "ل", "ا", "ت", "ن", "م", "ك", "ط"}));
    p.rows.push_back(row({"ذ", "ئ", "ء", "ؤ", "ر", "ى", "ة", "و", "ز", "ظ", "د"}));
    std::vector<Key> r4 = row({"أ", "إ", "آ"});
    r4.push_back(to(KeyboardLayout::Letters, "letters", "ABC"));
    r4.push_back(type("،"));
    r4.push_back(type(" ", "", 4));
    r4.push_back(action(KeyAction::Done, "done", 2));
    p.rows.push_back(r4);
    return p;
}

KeyboardPage email() {
    KeyboardPage p;
    p.rows.push_back(digits_row());
    p.rows.push_back(row({"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"}));
    p.rows.push_back(row({"a", "s", "d", "f", "g", "h", "j", "k", "l", "_"}));
    std::vector<Key> r3 = row({"z", "x", "c", "v", "b", "n", "m", "-", "+"});
    r3.push_back(action(KeyAction::Backspace, "backspace"));
    p.rows.push_back(r3);
    p.rows.push_back({type("@", "", 3), type(".", "", 3), type(".com", "", 2), action(KeyAction::Done, "done", 2)});
    return p;
}

KeyboardPage pad(const char* extra1, const char* extra2, bool next_box) {
    auto maybe = [](const char* t) {
        if (!t) {
            Key k;
            k.action = KeyAction::Blank;
            return k;
        }
        return type(t);
    };
    KeyboardPage p;
    p.columns = 4;
    p.pad = true;
    p.rows.push_back({type("1"), type("2"), type("3"), action(KeyAction::Backspace, "backspace")});
    p.rows.push_back({type("4"), type("5"), type("6"), maybe(extra1)});
    p.rows.push_back({type("7"), type("8"), type("9"), maybe(extra2)});
    p.rows.push_back({maybe(nullptr), type("0"), next_box ? action(KeyAction::NextBox, "next") : maybe(nullptr),
                      action(KeyAction::Done, "done")});
    return p;
}

}  // namespace

KeyboardPage keyboard_page(KeyboardLayout layout, bool arabic, bool next_box) {
    switch (layout) {
    case KeyboardLayout::Letters: return letters(arabic);
    case KeyboardLayout::Accents: return accents(arabic);
    case KeyboardLayout::Symbols: return symbols(arabic);
    case KeyboardLayout::Arabic: return arabic_page();
    case KeyboardLayout::Email: return email();
    case KeyboardLayout::Digits: return pad(nullptr, nullptr, false);
    case KeyboardLayout::Decimal: return pad(".", nullptr, false);
    case KeyboardLayout::Phone: return pad("+", " ", false);
    case KeyboardLayout::DateBox: return pad(nullptr, nullptr, next_box);
    }
    return letters(arabic);
}

std::vector<std::string> keyboard_texts() {
    std::vector<std::string> out;
    for (auto layout : {KeyboardLayout::Letters, KeyboardLayout::Accents, KeyboardLayout::Symbols, KeyboardLayout::Arabic,
                        KeyboardLayout::Email, KeyboardLayout::Phone, KeyboardLayout::Decimal})
        for (bool arabic : {false, true})
            for (const auto& row : keyboard_page(layout, arabic, true).rows)
                for (const auto& k : row) {
                    out.push_back(k.text);
                    if (!k.shifted.empty()) out.push_back(k.shifted);
                }
    out.push_back("\xe2\x80\xa2");  // the dot a PIN box shows for each digit
    return out;
}

bool is_digits_pad(KeyboardLayout layout) {
    return layout == KeyboardLayout::Digits || layout == KeyboardLayout::Decimal || layout == KeyboardLayout::Phone ||
           layout == KeyboardLayout::DateBox;
}

}  // namespace carers::ui
