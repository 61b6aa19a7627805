#include "kiosk/i18n/coverage.h"

namespace carers::i18n {

Coverage coverage(const PoFile& pot, const Catalog& catalog) {
    Coverage c;
    c.language = catalog.language();
    for (const PoEntry& e : pot.entries) {
        ++c.total;
        const bool ok = e.plural() ? catalog.has_plural(e.msgid) : catalog.has(e.context, e.msgid);
        if (ok)
            ++c.translated;
        else
            c.missing.push_back({e.context, e.msgid});
    }
    return c;
}

}  // namespace carers::i18n
