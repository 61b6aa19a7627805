// Catalog: every string a person sees, in the language they chose.
//
// Screens never show a literal: they ask the catalog. UI strings are looked up by their English
// text (gettext msgid, context "ui"); form texts by form and linkId (context
// "form:<form-id>:<linkId>[:option:<code>|:hint]"), with the form's English as the fallback. A
// missing translation falls back to English and is remembered, so staff can see what is missing;
// the screen never shows a blank or a key.
//
// This first version knows English only; the language issue fills it from locales/*.po.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace carers::i18n {

struct Language {
    std::string code = "en";            // BCP 47 / gettext code: en, pl, ar, zh_CN
    std::string native_name = "English";  // named in its own script, never a flag
    bool right_to_left = false;
    bool draft = false;  // machine or unreviewed translation awaiting a native speaker
};

class Catalog {
public:
    Catalog() = default;
    explicit Catalog(Language language) : language_(std::move(language)) {}

    const Language& language() const { return language_; }

    // A UI string by its English text.
    const std::string& tr(std::string_view english) const;
    // One of two English forms chosen by n under the language's plural rule; "%d" in the result
    // is left for the caller to fill.
    const std::string& tr_plural(std::string_view singular, std::string_view plural, long n) const;
    // A form's text: `key` is "<form-id>:<linkId>" plus ":hint" or ":option:<code>" as needed.
    const std::string& form_text(std::string_view key, const std::string& english) const;

    // Strings looked up this session that had no translation (for the staff report).
    const std::set<std::string>& missing() const { return missing_; }

    // Adds a translation (used by the PO loader and by tests).
    void add(std::string context, std::string english, std::string translated);

private:
    const std::string& lookup(const std::string& context, std::string_view english) const;

    Language language_;
    std::map<std::pair<std::string, std::string>, std::string> entries_;
    mutable std::set<std::string> missing_;
    mutable std::map<std::string, std::string> english_;  // stable storage for fallbacks
};

}  // namespace carers::i18n
