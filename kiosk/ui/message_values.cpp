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
    translator.plural_text = [&catalog](const std::string& one, const std::string& other, long n) {
        return catalog.tr_plural(one, other, n);
    };
    return engine::translated_message(e, translator);
}

std::string answer_value_text(const i18n::Catalog& catalog, const engine::AnswerValue& value,
                              const std::string& english) {
    if (const auto* d = std::get_if<engine::Date>(&value); d && engine::is_real_date(*d))
        return catalog.values().date(d->year, d->month, d->day);
    if (const auto* x = std::get_if<double>(&value)) {
        const engine::MessageNumber n = engine::message_number(*x);
        return catalog.values().number(n.value, n.decimals);
    }
    return english;
}

} // namespace carers::ui
