#include "kiosk/i18n/catalog.h"

namespace carers::i18n {

namespace {

std::string make_key(std::string_view context, std::string_view english) {
    std::string key;
    key.reserve(context.size() + 1 + english.size());
    key.append(context).push_back('\x04');
    key.append(english);
    return key;
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

}  // namespace

Result<Catalog> Catalog::from_po(const PoFile& po) {
    Language lang;
    lang.code = po.header_value("Language");
    if (lang.code.empty()) return make_error("The PO file has no Language header, so it cannot be offered as a language.");
    lang.native_name = po.header_value("X-Language-Name");
    if (lang.native_name.empty()) lang.native_name = lang.code;
    lang.english_name = po.header_value("X-Language-English-Name");
    if (lang.english_name.empty()) lang.english_name = lang.native_name;
    lang.right_to_left = lower(po.header_value("X-Text-Direction")) == "rtl";
    lang.status = po.header_value("X-Translation-Status");
    lang.draft = lower(lang.status).rfind("draft", 0) == 0;
    lang.speech_voice = po.header_value("X-Speech-Voice");
    if (lang.speech_voice.empty()) lang.speech_voice = lang.code;

    Catalog c(std::move(lang));
    if (std::string forms = po.header_value("Plural-Forms"); !forms.empty()) {
        auto rule = PluralRule::parse(forms);
        if (!rule) return make_error(c.language_.code + ": " + rule.message());
        c.plural_ = std::move(rule.value());
    }
    for (const PoEntry& e : po.entries) {
        if (e.plural() && static_cast<int>(e.msgstr.size()) != c.plural_.nplurals())
            return make_error(c.language_.code + " line " + std::to_string(e.line) + ": the entry has " +
                              std::to_string(e.msgstr.size()) + " plural forms but the language has " +
                              std::to_string(c.plural_.nplurals()) + ".");
        if (!e.translated()) continue;
        if (e.plural())
            c.add_plural(e.msgid, e.msgid_plural, e.msgstr);
        else
            c.add(e.context, e.msgid, e.msgstr.front());
    }
    return c;
}

void Catalog::add(std::string context, std::string english, std::string translated) {
    entries_[make_key(context, english)] = Entry{{}, {std::move(translated)}};
}

void Catalog::add_plural(std::string english, std::string english_plural, std::vector<std::string> forms) {
    entries_[make_key("", english)] = Entry{std::move(english_plural), std::move(forms)};
}

const std::string* Catalog::find(std::string_view context, std::string_view english) const {
    key_.assign(context).push_back('\x04');
    key_.append(english);
    auto it = entries_.find(key_);
    if (it == entries_.end() || it->second.forms.empty() || it->second.forms.front().empty()) return nullptr;
    return &it->second.forms.front();
}

bool Catalog::has(std::string_view context, std::string_view english) const { return find(context, english) != nullptr; }

bool Catalog::has_plural(std::string_view singular) const {
    key_.assign(1, '\x04').append(singular);
    auto it = entries_.find(key_);
    if (it == entries_.end() || static_cast<int>(it->second.forms.size()) != plural_.nplurals()) return false;
    for (const auto& f : it->second.forms)
        if (f.empty()) return false;
    return true;
}

const std::string& Catalog::fallback(std::string_view context, std::string_view english) const {
    if (!english.empty()) missing_.insert({std::string(context), std::string(english)});
    auto it = english_.find(english);
    if (it == english_.end()) it = english_.emplace(english).first;
    return *it;
}

const std::string& Catalog::tr(std::string_view english) const {
    if (const std::string* s = find("", english)) return *s;
    return fallback("", english);
}

const std::string& Catalog::tr_plural(std::string_view singular, std::string_view plural, long n) const {
    const unsigned long count = n < 0 ? static_cast<unsigned long>(-n) : static_cast<unsigned long>(n);
    key_.assign(1, '\x04').append(singular);
    auto it = entries_.find(key_);
    if (it != entries_.end()) {
        const auto& forms = it->second.forms;
        std::size_t i = static_cast<std::size_t>(plural_.index(count));
        if (i < forms.size() && !forms[i].empty()) return forms[i];
    }
    // English's own rule for the fallback, whatever the language's rule is.
    return fallback("", count == 1 ? singular : plural);
}

const std::string& Catalog::form_text(std::string_view key, const std::string& english) const {
    std::string context = "form:";
    context.append(key);
    if (const std::string* s = find(context, english)) return *s;
    if (const std::string* s = find("", english)) return *s;
    return fallback(context, english);
}

void Catalog::for_each_text(const std::function<void(const std::string&)>& visit) const {
    for (const auto& [key, entry] : entries_) {
        visit(key.substr(key.find('\x04') + 1));
        if (!entry.english_plural.empty()) visit(entry.english_plural);
        for (const auto& f : entry.forms) visit(f);
    }
}

}  // namespace carers::i18n
