// LanguageSet: the languages the kiosk offers, one Catalog each, English always first.
#pragma once

#include <string_view>
#include <vector>

#include "kiosk/i18n/catalog.h"

namespace carers::i18n {

class LanguageSet {
public:
    // Starts with a bare English catalog, so there is always a language to show.
    LanguageSet();

    // Adds a language, replacing one with the same code. English is kept first, the rest in the
    // order added.
    void add(Catalog catalog);

    // The language with this code, or null. Codes compare exactly ("zh_CN").
    const Catalog* find(std::string_view code) const;
    // The language with this code, or English when there is none.
    const Catalog& get(std::string_view code) const;
    const Catalog& english() const { return catalogs_.front(); }
    const std::vector<Catalog>& all() const { return catalogs_; }

private:
    std::vector<Catalog> catalogs_;
};

}  // namespace carers::i18n
