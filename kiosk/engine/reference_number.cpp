#include "kiosk/engine/reference_number.h"

namespace carers::engine {

namespace {

constexpr int base = 32;

int value_of(char c) {
    auto at = reference_alphabet.find(c);
    return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Luhn mod N: from the right, double every other value, add the base-N digits of the result.
char check_character(std::string_view body) {
    int sum = 0;
    bool twice = true;  // the character next to the check character is doubled
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        int v = value_of(*it);
        if (twice) {
            v *= 2;
            v = v / base + v % base;
        }
        sum += v;
        twice = !twice;
    }
    return reference_alphabet[static_cast<std::size_t>((base - sum % base) % base)];
}

std::string grouped(const std::string& nine) {
    return nine.substr(0, 3) + "-" + nine.substr(3, 3) + "-" + nine.substr(6, 3);
}

}  // namespace

std::string make_reference(const std::array<std::uint8_t, 8>& random_bytes) {
    std::string body;
    for (std::uint8_t b : random_bytes) body.push_back(reference_alphabet[b & 0x1F]);
    return grouped(body + check_character(body));
}

std::optional<std::string> normalise_reference(std::string_view typed) {
    std::string s;
    for (char c : typed) {
        if (c == ' ' || c == '-') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (value_of(c) < 0) return std::nullopt;
        s.push_back(c);
    }
    if (s.size() != 9) return std::nullopt;
    if (check_character(std::string_view(s).substr(0, 8)) != s[8]) return std::nullopt;
    return grouped(s);
}

}  // namespace carers::engine
