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

// [SECTION] The character pages, as data
// Keys are separated by spaces; a row's capitals (what shift types) are a second line of the
// same length. The last character row of a page starts with shift (when the page has capitals)
// and ends with backspace; the bottom row (page switches, space, Done) is added by character_page.
struct CharacterRow {
    const char* keys;
    const char* capitals = nullptr;
};

struct CharacterPage {
    KeyboardLayout layout;
    const char* switch_id;     // the key that opens it: "key:to-<switch_id>"
    const char* switch_label;  // its cap
    std::vector<CharacterRow> rows;
};

const char* const digits = "1 2 3 4 5 6 7 8 9 0";

// The pages a carer can move between with the switch keys, in the order the keys appear.
// Accents: Polish and the letters of Western European names; more accents: Central and Eastern
// European, Baltic, Turkish and Welsh (kiosk/ui/keyboard_layouts.h says which languages).
const std::vector<CharacterPage>& character_pages() {
    static const std::vector<CharacterPage> pages = {
        {KeyboardLayout::Letters, "letters", "abc",
         {{digits},
          {"q w e r t y u i o p", "Q W E R T Y U I O P"},
          {"a s d f g h j k l '", "A S D F G H J K L '"},
          {"z x c v b n m -", "Z X C V B N M -"}}},
        {KeyboardLayout::Accents, "accents", "\xc3\xa0\xc3\xa9",  // àé
         {{"ą ć ę ł ń ó ś ź ż ß", "Ą Ć Ę Ł Ń Ó Ś Ź Ż ß"},
          {"á à â ä ã å æ ç é è", "Á À Â Ä Ã Å Æ Ç É È"},
          {"ê ë í ì î ï ñ ò ô ö", "Ê Ë Í Ì Î Ï Ñ Ò Ô Ö"},
          {"õ ø œ ú ù û ü ÿ", "Õ Ø Œ Ú Ù Û Ü Ÿ"}}},
        {KeyboardLayout::MoreAccents, "more-accents", "\xc4\x8d\xc8\x99",  // čș
         {{"ă ș ț ş ğ ı č š ž ř", "Ă Ș Ț Ş Ğ I Č Š Ž Ř"},
          {"ě ď ť ň ľ ĺ ŕ ů ý ő", "Ě Ď Ť Ň Ľ Ĺ Ŕ Ů Ý Ő"},
          {"ű ė į ų ū ā ē ī ģ ķ", "Ű Ė Į Ų Ū Ā Ē Ī Ģ Ķ"},
          {"ļ ņ ŵ ŷ ẁ ẃ ẅ ỳ", "Ļ Ņ Ŵ Ŷ Ẁ Ẃ Ẅ Ỳ"}}},
        {KeyboardLayout::Symbols, "symbols", "#+=",
         {{digits},
          {"@ # & ( ) / : ; ! ?"},
          {"+ = * \" % _ £ € ~ '"},
          {"< > [ ] { } \\ | ^"}}},
    };
    return pages;
}

// The Arabic letters (all 28, with hamza forms, taa marbuta and alif maqsura); its own bottom row.
const std::vector<CharacterRow> arabic_rows = {
    {"ض ص ث ق ف غ ع ه خ ح ج"}, {"ش س ي ب ل ا ت ن م ك ط"}, {"ذ ئ ء ؤ ر ى ة و ز ظ د"}};

// Email addresses: no capitals, "_" and "+" instead of "'", and @ / . / .com keys.
const std::vector<CharacterRow> email_rows = {
    {digits}, {"q w e r t y u i o p"}, {"a s d f g h j k l _"}, {"z x c v b n m - +"}};

std::vector<std::string> split_keys(const char* text) {
    std::vector<std::string> out;
    std::string current;
    for (const char* c = text; *c; ++c) {
        if (*c == ' ') {
            if (!current.empty()) out.push_back(std::move(current));
            current.clear();
        } else {
            current += *c;
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

std::vector<Key> row(const CharacterRow& r) {
    const std::vector<std::string> keys = split_keys(r.keys);
    const std::vector<std::string> capitals = r.capitals ? split_keys(r.capitals) : std::vector<std::string>{};
    std::vector<Key> out;
    for (std::size_t i = 0; i < keys.size(); ++i) out.push_back(type(keys[i], i < capitals.size() ? capitals[i] : ""));
    return out;
}

// The character rows, with shift at the start of the last one (when there are capitals) and
// backspace at its end.
std::vector<std::vector<Key>> character_rows(const std::vector<CharacterRow>& rows) {
    std::vector<std::vector<Key>> out;
    for (const auto& r : rows) out.push_back(row(r));
    if (out.empty()) return out;
    if (rows.back().capitals) out.back().insert(out.back().begin(), action(KeyAction::Shift, "shift"));
    out.back().push_back(action(KeyAction::Backspace, "backspace"));
    return out;
}

// A key to every other page (and to the Arabic page when the kiosk is in Arabic), then ",",
// space filling what is left, "." and Done.
std::vector<Key> bottom_row(KeyboardLayout here, bool arabic, int columns) {
    std::vector<Key> r;
    if (arabic) r.push_back(to(KeyboardLayout::Arabic, "arabic", "\xd8\xb9\xd8\xb1\xd8\xa8\xd9\x8a"));  // عربي
    for (const auto& p : character_pages())
        if (p.layout != here) r.push_back(to(p.layout, p.switch_id, p.switch_label));
    const float used = static_cast<float>(r.size()) + 1 + 1 + 2;  // ",", ".", Done
    r.push_back(type(","));
    r.push_back(type(" ", "", static_cast<float>(columns) - used));
    r.push_back(type("."));
    r.push_back(action(KeyAction::Done, "done", 2));
    return r;
}

KeyboardPage character_page(const CharacterPage& spec, bool arabic) {
    KeyboardPage p;
    p.rows = character_rows(spec.rows);
    p.rows.push_back(bottom_row(spec.layout, arabic, p.columns));
    return p;
}

KeyboardPage arabic_page() {
    KeyboardPage p;
    p.columns = 11;
    std::vector<Key> r0 = row({digits});
    r0.push_back(action(KeyAction::Backspace, "backspace"));
    p.rows.push_back(r0);
    for (const auto& r : arabic_rows) p.rows.push_back(row(r));
    std::vector<Key> r4 = row({"أ إ آ"});
    r4.push_back(to(KeyboardLayout::Letters, "letters", "ABC"));
    r4.push_back(type("،"));
    r4.push_back(type(" ", "", 4));
    r4.push_back(action(KeyAction::Done, "done", 2));
    p.rows.push_back(r4);
    return p;
}

KeyboardPage email() {
    KeyboardPage p;
    p.rows = character_rows(email_rows);
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

// A resume code's characters (kiosk/store/resume_code.h), capitals as the code is shown; the ids
// are lower case like the letters page's.
KeyboardPage resume_code_pad() {
    auto key = [](const char* c) {
        Key k = type(c);
        k.id = "key:" + std::string(1, static_cast<char>(c[0] >= 'A' && c[0] <= 'Z' ? c[0] - 'A' + 'a' : c[0]));
        return k;
    };
    KeyboardPage p;
    p.columns = 6;
    p.pad = true;
    p.rows.push_back({key("3"), key("4"), key("6"), key("7"), key("9"), action(KeyAction::Backspace, "backspace")});
    p.rows.push_back({key("A"), key("C"), key("E"), key("F"), key("H"), key("K")});
    p.rows.push_back({key("M"), key("N"), key("P"), key("R"), key("T"), key("W")});
    Key blank;
    blank.action = KeyAction::Blank;
    blank.units = 2;
    p.rows.push_back({key("X"), key("Y"), blank, action(KeyAction::Done, "done", 2)});
    return p;
}

}  // namespace

KeyboardPage keyboard_page(KeyboardLayout layout, bool arabic, bool next_box) {
    switch (layout) {
    case KeyboardLayout::Letters:
    case KeyboardLayout::Accents:
    case KeyboardLayout::MoreAccents:
    case KeyboardLayout::Symbols:
        for (const auto& spec : character_pages())
            if (spec.layout == layout) return character_page(spec, arabic);
        break;
    case KeyboardLayout::Arabic: return arabic_page();
    case KeyboardLayout::Email: return email();
    case KeyboardLayout::Digits: return pad(nullptr, nullptr, false);
    case KeyboardLayout::Decimal: return pad(".", nullptr, false);
    case KeyboardLayout::Phone: return pad("+", " ", false);
    case KeyboardLayout::DateBox: return pad(nullptr, nullptr, next_box);
    case KeyboardLayout::ResumeCode: return resume_code_pad();
    }
    return character_page(character_pages().front(), arabic);
}

std::vector<std::string> keyboard_texts() {
    std::vector<std::string> out;
    for (auto layout : {KeyboardLayout::Letters, KeyboardLayout::Accents, KeyboardLayout::MoreAccents, KeyboardLayout::Symbols, KeyboardLayout::Arabic,
                        KeyboardLayout::Email, KeyboardLayout::Phone, KeyboardLayout::Decimal,
                        KeyboardLayout::ResumeCode})
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
           layout == KeyboardLayout::DateBox || layout == KeyboardLayout::ResumeCode;
}

}  // namespace carers::ui
