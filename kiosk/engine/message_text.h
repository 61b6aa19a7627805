// Messages the engine writes for a person to read (validation), kept translatable: each is made
// from an English template with {{placeholders}} and the values that fill them. The template is
// the msgid in locales/carers-kiosk.pot; a view translates it and fills in the values.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carers::engine {

// Marks an English template for the translation template: carers-i18n finds the literal in
// kiosk/engine sources, as it finds tr("...") in the UI. Returns its argument unchanged.
constexpr const char* translatable(const char* english) { return english; }

// Placeholder values, in order: {"label", "Date of birth"}, {"limit", "17"}. "label" is the
// item's shortText, or a general word ("Answer", "Date") that is itself a translatable template.
using MessageArgs = std::vector<std::pair<std::string, std::string>>;

// `tmpl` with every {{name}} replaced by its value in `args`; unknown names are left as written.
std::string fill_message(std::string_view tmpl, const MessageArgs& args);

}  // namespace carers::engine
