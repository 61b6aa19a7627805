// Checks for free-text answers that must be a UK postcode, a UK phone number, an email address or
// an NHS number (an item's input-kind), and the tidy form each is sent in.
//
// Generous in what they accept, as GOV.UK advises: spaces, hyphens and brackets anywhere, lower
// case, +44 instead of the leading 0. Pure functions; no look-ups.
#pragma once

#include <string>
#include <string_view>

namespace carers::engine {

// A full UK postcode, e.g. "l20 3ab", "SW1A2AA", "GIR 0AA".
bool is_uk_postcode(std::string_view text);
// "L20 3AB": upper case, one space before the last three characters. Text that is not a postcode
// comes back trimmed but otherwise as given.
std::string tidy_postcode(std::string_view text);

// A UK phone number: 10 or 11 digits starting 0 (or +44 / 0044 in place of the 0), e.g.
// "07700 900 982", "+44 (0)151 496 0000", "0808 157 0192".
bool is_uk_phone(std::string_view text);

// name@example.com: one @, something before it, a domain with a dot after it, no spaces.
bool is_email_address(std::string_view text);

enum class NhsNumberCheck { Valid, NotTenDigits, WrongCheckDigit };
// Ten digits whose last is the modulus 11 check digit of the first nine (weights 10 down to 2;
// 11 - remainder, 11 meaning 0; a result of 10 means no number is valid).
NhsNumberCheck check_nhs_number(std::string_view text);
// "943 476 5919"; text that is not ten digits comes back trimmed.
std::string tidy_nhs_number(std::string_view text);

// Leading and trailing spaces removed.
std::string trim(std::string_view text);

}  // namespace carers::engine
