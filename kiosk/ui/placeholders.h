// Fills "{{centre.phone}}"-style placeholders in form and screen text from the venue config.
#pragma once

#include <map>
#include <string>

namespace carers::ui {

using Placeholders = std::map<std::string, std::string>;

// Replaces each {{key}} with its value; an unknown key is left out rather than shown raw.
std::string fill_placeholders(const std::string& text, const Placeholders& values);

}  // namespace carers::ui
