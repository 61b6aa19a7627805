#include "kiosk/engine/input_kind.h"

#include <algorithm>
#include <cctype>

namespace carers::engine {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
char upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }

// The characters of `text` without spaces, in upper case.
std::string squeezed_upper(std::string_view text) {
    std::string out;
    for (char c : text)
        if (!is_space(c)) out.push_back(upper(c));
    return out;
}

std::string digits_only(std::string_view text, bool& other_chars) {
    std::string out;
    other_chars = false;
    for (char c : text) {
        if (is_digit(c)) out.push_back(c);
        else if (!is_space(c) && c != '-') other_chars = true;
    }
    return out;
}

}  // namespace

std::string trim(std::string_view text) {
    std::size_t b = 0, e = text.size();
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    return std::string(text.substr(b, e - b));
}

bool is_uk_postcode(std::string_view text) {
    const std::string p = squeezed_upper(text);
    if (p == "GIR0AA") return true;
    // Outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA. The inward letters never
    // include C, I, K, M, O or V.
    if (p.size() < 5 || p.size() > 7) return false;
    const std::string inward = p.substr(p.size() - 3), outward = p.substr(0, p.size() - 3);
    auto inward_letter = [](char c) {
        return is_letter(c) && std::string_view("CIKMOV").find(c) == std::string_view::npos;
    };
    if (!is_digit(inward[0]) || !inward_letter(inward[1]) || !inward_letter(inward[2])) return false;
    const std::size_t letters = is_letter(outward[0]) ? (is_letter(outward[1]) ? 2 : 1) : 0;
    if (letters == 0 || outward.size() <= letters || !is_digit(outward[letters])) return false;
    const std::string rest = outward.substr(letters + 1);
    if (rest.empty()) return true;
    return rest.size() == 1 && (is_digit(rest[0]) || is_letter(rest[0]));
}

std::string tidy_postcode(std::string_view text) {
    if (!is_uk_postcode(text)) return trim(text);
    const std::string p = squeezed_upper(text);
    return p.substr(0, p.size() - 3) + " " + p.substr(p.size() - 3);
}

bool is_uk_phone(std::string_view text) {
    std::string s;
    for (char c : text)
        if (!is_space(c) && c != '-' && c != '(' && c != ')' && c != '.') s.push_back(c);
    for (std::string_view international : {"+44", "0044"})
        if (s.rfind(international, 0) == 0) {
            s.erase(0, international.size());
            if (!s.empty() && s[0] == '0') s.erase(0, 1);  // "+44 (0)151 ...": the 0 in brackets
            s.insert(0, "0");
            break;
        }
    if (s.size() < 2 || !std::all_of(s.begin(), s.end(), is_digit)) return false;
    if (s[0] != '0' || s[1] == '0') return false;
    // Mobiles (07) have 11 digits; a few landline and freephone numbers have 10.
    return s.size() == 11 || (s.size() == 10 && s[1] != '7');
}

bool is_email_address(std::string_view text) {
    const std::string s = trim(text);
    if (s.size() > 254) return false;
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos) return false;
    const std::string local = s.substr(0, at), domain = s.substr(at + 1);
    if (local.size() > 64) return false;
    for (char c : local)
        if (is_space(c) || static_cast<unsigned char>(c) < 0x21) return false;
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string::npos)
        return false;
    // Domain: labels of letters, digits and hyphens, at least two, the last at least two letters.
    std::size_t start = 0, labels = 0;
    std::string last;
    while (true) {
        const auto dot = domain.find('.', start);
        const std::string label = domain.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
        for (char c : label)
            if (!is_letter(c) && !is_digit(c) && c != '-' && static_cast<unsigned char>(c) < 0x80)
                return false;
        ++labels;
        last = label;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return labels >= 2 && last.size() >= 2 && std::none_of(last.begin(), last.end(), is_digit);
}

NhsNumberCheck check_nhs_number(std::string_view text) {
    bool other = false;
    const std::string d = digits_only(text, other);
    if (other || d.size() != 10) return NhsNumberCheck::NotTenDigits;
    int sum = 0;
    for (int i = 0; i < 9; ++i) sum += (d[static_cast<std::size_t>(i)] - '0') * (10 - i);
    int check = 11 - sum % 11;
    if (check == 11) check = 0;
    if (check == 10 || check != d[9] - '0') return NhsNumberCheck::WrongCheckDigit;
    return NhsNumberCheck::Valid;
}

std::string tidy_nhs_number(std::string_view text) {
    bool other = false;
    const std::string d = digits_only(text, other);
    if (other || d.size() != 10) return trim(text);
    return d.substr(0, 3) + " " + d.substr(3, 3) + " " + d.substr(6);
}

}  // namespace carers::engine
