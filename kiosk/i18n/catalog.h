// Catalog: every string a person sees, in the language they chose.
//
// Screens never show a literal: they ask the catalog. UI strings are looked up by their English
// text (gettext msgid with no msgctxt); form texts by form and linkId (msgctxt
// "form:<form-id>:<linkId>[:hint|:option:<code>|:title]"), with the form's English as the msgid
// and the fallback. A catalog is built from one language's PO file (Catalog::from_po); there is no
// global gettext state, so tests and the app can hold several side by side.
//
// A missing translation (absent, empty or fuzzy) falls back to English and is remembered, so staff
// can see what is missing; the screen never shows a blank or a key.
#pragma once

#include <compare>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/i18n/locale_values.h"
#include "kiosk/i18n/plural_rule.h"
#include "kiosk/i18n/po_file.h"

namespace carers::i18n {

struct Language {
    std::string code = "en";              // gettext code: en, pl, ar, zh_CN
    std::string native_name = "English";  // named in its own script, never a flag
    std::string english_name = "English";  // for staff screens and logs
    bool right_to_left = false;
    bool draft = false;        // unreviewed translation awaiting a native speaker
    std::string status;        // the PO's X-Translation-Status, e.g. "draft, awaiting native-speaker review"
    std::string speech_voice;  // espeak-ng voice name, e.g. "en", "cmn"
};

// A string that was asked for and had no translation.
struct MissingString {
    std::string context;  // "" for UI strings, "form:..." for form texts
    std::string msgid;    // the English
    auto operator<=>(const MissingString&) const = default;
};

class Catalog {
public:
    Catalog() = default;  // English, no entries: every lookup answers the English it was given
    explicit Catalog(Language language)
        : language_(std::move(language)), values_(std::make_shared<const LocaleValues>(language_.code)) {}

    // Builds a catalog from a parsed PO file. The language comes from the header: "Language",
    // "X-Language-Name" (native), "X-Language-English-Name", "X-Text-Direction" (rtl|ltr),
    // "X-Translation-Status" (draft when it starts with "draft"), "X-Speech-Voice" and
    // "Plural-Forms". Refuses a file without a Language header or with a Plural-Forms it cannot
    // evaluate, and a plural entry whose msgstr count differs from nplurals. Fuzzy entries are
    // kept out (they count as missing).
    static Result<Catalog> from_po(const PoFile& po);

    const Language& language() const { return language_; }
    const PluralRule& plural_rule() const { return plural_; }
    // How this language writes dates, numbers and counts inside its sentences (ICU).
    const LocaleValues& values() const { return *values_; }

    // A UI string by its English text.
    const std::string& tr(std::string_view english) const;
    // The form of a UI string for count n under the language's Plural-Forms; `singular` is the
    // msgid, `plural` the msgid_plural. "{{n}}" in the result is left for the caller to fill.
    const std::string& tr_plural(std::string_view singular, std::string_view plural, long n) const;
    // A form's text: `key` is "<form-id>:<linkId>" plus ":hint", ":title" or ":option:<code>".
    // Without a form-specific translation, a UI translation of the same English is used (so
    // "Yes" and "No" are translated once), then the English.
    const std::string& form_text(std::string_view key, const std::string& english) const;

    // Whether a translation exists (not counting the English fallback).
    bool has(std::string_view context, std::string_view english) const;
    // Whether a plural UI string has every one of the language's plural forms.
    bool has_plural(std::string_view singular) const;

    // Strings looked up since the last clear that had no translation (for the staff report).
    const std::set<MissingString>& missing() const { return missing_; }
    void clear_missing() const { missing_.clear(); }

    // Every translated string and every English msgid it holds, for building the glyph atlas.
    void for_each_text(const std::function<void(const std::string&)>& visit) const;
    std::size_t size() const { return entries_.size(); }

    // Adds a translation (used by from_po and by tests). `forms` holds one string per plural
    // form, or a single string.
    void add(std::string context, std::string english, std::string translated);
    void add_plural(std::string english, std::string english_plural, std::vector<std::string> forms);

private:
    struct Entry {
        std::string english_plural;
        std::vector<std::string> forms;
    };
    const std::string* find(std::string_view context, std::string_view english) const;
    const std::string& fallback(std::string_view context, std::string_view english) const;

    Language language_;
    std::shared_ptr<const LocaleValues> values_ = std::make_shared<const LocaleValues>(language_.code);
    PluralRule plural_;
    std::map<std::string, Entry, std::less<>> entries_;  // key: context + '\x04' + msgid (as in .mo)
    mutable std::string key_;  // reused lookup key, so a frame's lookups do not allocate
    mutable std::set<MissingString> missing_;
    mutable std::set<std::string, std::less<>> english_;  // stable storage for fallbacks
};

}  // namespace carers::i18n
