// Numbers as a person types them, in any of the kiosk's languages, made ready for from_chars:
// whatever the kiosk itself writes in a message must be accepted back in a number box.
//
// - Arabic-Indic (٠-٩) and Persian (۰-۹) digits become 0-9, the Arabic decimal separator (٫) a
//   point; a physical Arabic keyboard in personal mode types them.
// - Grouping is dropped: spaces, no-break and thin spaces (Polish "10 000"), the Arabic
//   thousands separator (٬), bidi marks ICU puts around Arabic numbers, and commas that group
//   ("1,250", "1,234,567").
// - A comma is the decimal mark (Polish "2,5") when it is the only comma, there is no point, and
//   it is not followed by exactly three digits ("1,250" stays one thousand two hundred and fifty).
#pragma once

#include <string>
#include <string_view>

namespace carers::engine {

std::string normalise_typed_number(std::string_view typed);

} // namespace carers::engine
