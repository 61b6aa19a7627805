#include "kiosk/ui/staff_fact_labels.h"

#include "kiosk/i18n/translatable.h"
#include "kiosk/ui/placeholders.h"

namespace carers::ui {

std::string venue_setting_label(const i18n::Catalog& c, const std::string& key) {
    // The sections kiosk.json's venue details come in (kiosk/app/kiosk_config.cpp reads them).
    static const struct {
        const char* key;
        const char* label;
    } known[] = {
        {"venue.name", i18n::translatable("Venue")},
        {"venue.safeguarding_phone", i18n::translatable("Venue's safeguarding phone")},
        {"centre.name", i18n::translatable("Carers Centre")},
        {"centre.phone", i18n::translatable("Carers Centre's phone")},
        {"centre.email", i18n::translatable("Carers Centre's email")},
        {"centre.web", i18n::translatable("Carers Centre's website")},
        {"centre.opening_hours", i18n::translatable("Carers Centre's opening hours")},
        {"scheme.emergency_line", i18n::translatable("Emergency card 24-hour line")},
    };
    for (const auto& k : known)
        if (key == k.key) return fill_placeholders(c.tr("{{label}} ({{key}})"), {{"label", c.tr(k.label)}, {"key", key}});
    return key;
}

std::string translation_status_text(const i18n::Catalog& c, const std::string& status) {
    static const char* const draft = i18n::translatable("draft, awaiting native-speaker review");
    return status == draft ? c.tr(draft) : status;
}

}  // namespace carers::ui
