#include "kiosk/store/memorable_word.h"

#include <vector>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "kiosk/common/secure_wipe.h"

namespace carers::store {

namespace {

constexpr std::size_t min_characters = 3;
constexpr std::size_t max_characters = 40;
// Longer input cannot come down to 40 characters except by abuse; refused before any work.
constexpr std::size_t max_typed_bytes = 1024;

// UTF-16 buffers that held the word are wiped when they go.
struct WipedUtf16 {
    std::vector<UChar> units;
    ~WipedUtf16() { secure_wipe(units); }
};

}  // namespace

std::optional<std::string> normalise_memorable_word(std::string_view typed) {
    if (typed.size() > max_typed_bytes) return std::nullopt;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2* fold = unorm2_getNFKCCasefoldInstance(&err);
    if (U_FAILURE(err)) return std::nullopt;

    // UTF-8 to UTF-16 never needs more units than there are bytes. Invalid UTF-8 is refused
    // rather than patched up: a patched word could never be typed again.
    WipedUtf16 utf16;
    utf16.units.resize(typed.size() + 1);
    std::int32_t n = 0;
    u_strFromUTF8(utf16.units.data(), static_cast<std::int32_t>(utf16.units.size()), &n, typed.data(),
                  static_cast<std::int32_t>(typed.size()), &err);
    if (U_FAILURE(err)) return std::nullopt;

    // Folding can lengthen the text (ß → ss; U+FDFA → 18 characters, the most any one character
    // becomes). The buffer is made big enough at once: asking ICU for the length first would have
    // it fold into memory of its own, freed without being wiped.
    WipedUtf16 folded;
    folded.units.resize(static_cast<std::size_t>(n) * 18 + 1);
    std::int32_t folded_n = unorm2_normalize(fold, utf16.units.data(), n, folded.units.data(),
                                             static_cast<std::int32_t>(folded.units.size()), &err);
    if (U_FAILURE(err)) return std::nullopt;

    // Trim, and make every run of white space inside one plain space.
    WipedUtf16 spaced;
    spaced.units.reserve(static_cast<std::size_t>(folded_n));
    std::size_t characters = 0;
    bool pending_space = false;
    for (std::int32_t i = 0; i < folded_n;) {
        UChar32 c;
        U16_NEXT(folded.units.data(), i, folded_n, c);
        if (u_isUWhiteSpace(c)) {
            pending_space = characters > 0;
            continue;
        }
        if (pending_space) {
            spaced.units.push_back(u' ');
            ++characters;
            pending_space = false;
        }
        if (U_IS_BMP(c)) {
            spaced.units.push_back(static_cast<UChar>(c));
        } else {
            spaced.units.push_back(U16_LEAD(c));
            spaced.units.push_back(U16_TRAIL(c));
        }
        ++characters;
    }
    if (characters < min_characters || characters > max_characters) return std::nullopt;

    std::string word(spaced.units.size() * 3 + 1, '\0');  // a UTF-16 unit is at most 3 UTF-8 bytes
    std::int32_t bytes = 0;
    u_strToUTF8(word.data(), static_cast<std::int32_t>(word.size()), &bytes, spaced.units.data(),
                static_cast<std::int32_t>(spaced.units.size()), &err);
    if (U_FAILURE(err)) {
        secure_wipe(word);
        return std::nullopt;
    }
    word.resize(static_cast<std::size_t>(bytes));
    return word;
}

}  // namespace carers::store
