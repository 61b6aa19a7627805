#include "kiosk/store/resume_code.h"

#include <cstdlib>

#include <sodium.h>

namespace carers::store {

std::string new_resume_code() {
    if (sodium_init() < 0) std::abort();
    std::string code;
    for (std::size_t i = 0; i < resume_code_length; ++i)
        code += resume_code_alphabet[randombytes_uniform(static_cast<std::uint32_t>(resume_code_alphabet.size()))];
    return code;
}

std::string format_resume_code(const std::string& code) {
    if (code.size() != resume_code_length) return code;
    return code.substr(0, 4) + "-" + code.substr(4);
}

std::optional<std::string> normalise_resume_code(std::string_view typed) {
    std::string code;
    for (char c : typed) {
        if (c == ' ' || c == '-' || c == '\t') continue;
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        if (resume_code_alphabet.find(c) == std::string_view::npos) return std::nullopt;
        code += c;
    }
    if (code.size() != resume_code_length) return std::nullopt;
    return code;
}

}  // namespace carers::store
