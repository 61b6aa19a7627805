// Resume codes for "save and come back later": 8 characters from an alphabet without
// look-alikes, shown as two groups of four ("4CHK-79XT").
//
// Left out: 0 O D Q (round), 1 I L J (strokes), 2 Z, 5 S, 8 B, G (like 6), U V, and lower case.
// That leaves 19 characters; 19^8 ≈ 1.7e10 codes (34 bits), and each guess costs an Argon2id.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace carers::store {

inline constexpr std::string_view resume_code_alphabet = "34679ACEFHKMNPRTWXY";
inline constexpr std::size_t resume_code_length = 8;

// A fresh random code, 8 characters, no separator.
std::string new_resume_code();

// "4CHK-79XT" for showing and printing.
std::string format_resume_code(const std::string& code);

// What a person typed, made canonical: upper-cased, spaces and hyphens dropped. Nullopt when it
// is not 8 characters of the alphabet (the UI says "A code has 8 letters and numbers").
std::optional<std::string> normalise_resume_code(std::string_view typed);

}  // namespace carers::store
