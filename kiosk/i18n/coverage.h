// Coverage: how much of the template (POT) a language translates, and which strings it misses.
// The staff screen and tools/i18n's report both read this.
#pragma once

#include <string>
#include <vector>

#include "kiosk/i18n/catalog.h"
#include "kiosk/i18n/po_file.h"

namespace carers::i18n {

struct Coverage {
    Language language;
    std::size_t total = 0;       // entries in the template
    std::size_t translated = 0;  // of those, translated in this language
    std::vector<MissingString> missing;  // in template order

    bool complete() const { return translated == total; }
};

// Compares a language against the template. A plural entry counts as translated when every one
// of the language's plural forms is filled in.
Coverage coverage(const PoFile& pot, const Catalog& catalog);

}  // namespace carers::i18n
