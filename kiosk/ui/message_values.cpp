#include "kiosk/ui/message_values.h"

namespace carers::ui {

std::string message_in_language(const i18n::Catalog& catalog, const std::string& form_id,
                                const engine::ValidationError& e) {
    const LanguageValues values(catalog.values());
    engine::MessageTranslator translator;
    translator.text = [&catalog](const std::string& english) { return catalog.tr(english); };
    translator.form_text = [&catalog, &form_id](const engine::Item& item, const std::string& suffix,
                                                const std::string& english) {
        return catalog.form_text(form_id + ":" + item.link_id + suffix, english);
    };
    translator.values = &values;
    translator.has_text = [&catalog](const std::string& english) {
        return catalog.has("", english);
    };
    return engine::translated_message(e, translator);
}

} // namespace carers::ui
