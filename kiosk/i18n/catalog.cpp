#include "kiosk/i18n/catalog.h"

namespace carers::i18n {

void Catalog::add(std::string context, std::string english, std::string translated) {
    entries_[{std::move(context), std::move(english)}] = std::move(translated);
}

const std::string& Catalog::lookup(const std::string& context, std::string_view english) const {
    auto it = entries_.find({context, std::string(english)});
    if (it != entries_.end() && !it->second.empty()) return it->second;
    if (language_.code != "en") missing_.insert(context + "|" + std::string(english));
    auto [slot, inserted] = english_.try_emplace(std::string(english), english);
    return slot->second;
}

const std::string& Catalog::tr(std::string_view english) const { return lookup("ui", english); }

const std::string& Catalog::tr_plural(std::string_view singular, std::string_view plural, long n) const {
    // English rule until the PO loader brings each language's Plural-Forms.
    return lookup("ui", n == 1 ? singular : plural);
}

const std::string& Catalog::form_text(std::string_view key, const std::string& english) const {
    return lookup("form:" + std::string(key), english);
}

}  // namespace carers::i18n
