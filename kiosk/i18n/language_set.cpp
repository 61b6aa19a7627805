#include "kiosk/i18n/language_set.h"

namespace carers::i18n {

LanguageSet::LanguageSet() { catalogs_.emplace_back(); }

void LanguageSet::add(Catalog catalog) {
    for (auto& c : catalogs_)
        if (c.language().code == catalog.language().code) {
            c = std::move(catalog);
            return;
        }
    catalogs_.push_back(std::move(catalog));
}

const Catalog* LanguageSet::find(std::string_view code) const {
    for (const auto& c : catalogs_)
        if (c.language().code == code) return &c;
    return nullptr;
}

const Catalog& LanguageSet::get(std::string_view code) const {
    const Catalog* c = find(code);
    return c ? *c : english();
}

}  // namespace carers::i18n
