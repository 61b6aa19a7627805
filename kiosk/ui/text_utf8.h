// UTF-8 to code points, keeping where each one starts in the bytes: the shaper works on code
// points, ImGui draws byte ranges, and both must agree on where a line ends.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace carers::ui {

struct DecodedText {
    std::u32string cps;                 // invalid or truncated sequences become U+FFFD
    std::vector<std::uint32_t> offset;  // byte offset of each code point; offset[cps.size()] = bytes
};

DecodedText decode_utf8(std::string_view text);
void append_utf8(std::string& out, char32_t cp);

// Arabic, Syriac, Thaana, N'Ko, Hebrew and their presentation forms: text that needs shaping and
// bidi reordering before it can be drawn.
bool needs_shaping(char32_t cp);
bool needs_shaping(std::string_view utf8);

// Han ideographs, kana, Hangul, CJK symbols and full-width forms.
bool is_cjk(char32_t cp);

}  // namespace carers::ui
