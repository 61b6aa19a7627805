// Reference numbers a carer can write down or read out on the phone: "K7Q-M4X-TRP".
//
// Eight characters from 32 that cannot be mistaken for one another (digits 2-9 and capital
// letters without I and O), then a check character (Luhn mod 32) that catches any single wrong
// character and every swap of two neighbours except "2Z" <-> "Z2". 32^8 (about 10^12) possible
// numbers. The engine has no randomness of its own: the caller passes eight random bytes (from
// libsodium in the app, fixed in tests).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace carers::engine {

inline constexpr std::string_view reference_alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

// "K7Q-M4X-TRP" from eight random bytes (each byte's low five bits pick a character).
std::string make_reference(const std::array<std::uint8_t, 8>& random_bytes);

// A reference as typed by a person (any case, spaces or hyphens anywhere) in its printed form
// "K7Q-M4X-TRP", or nullopt if it is not one: wrong length, a character outside the alphabet
// (0, 1, I, O), or a check character that does not match.
std::optional<std::string> normalise_reference(std::string_view typed);

}  // namespace carers::engine
