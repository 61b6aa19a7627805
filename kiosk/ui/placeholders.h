// Fills "{{centre.phone}}"-style placeholders in form and screen text from the venue config.
#pragma once

#include <map>
#include <string>

namespace carers::ui {

using Placeholders = std::map<std::string, std::string>;

// Replaces each {{key}} with its value; an unknown key is left out rather than shown raw.
std::string fill_placeholders(const std::string& text, const Placeholders& values);

// For information and help text (display items, how to get help now): a sentence with a key that
// has no value (or an empty one) is left out, so help never reads "phone ." when the venue has
// not set a number. When that would leave nothing, as fill_placeholders.
std::string fill_help_text(const std::string& text, const Placeholders& values);

}  // namespace carers::ui
