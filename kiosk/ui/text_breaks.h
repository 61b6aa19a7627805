// Where a line of text may break, and greedy filling of lines to a width.
//
// Breaks come after spaces and around CJK characters (Chinese has no spaces between words), but
// never before closing punctuation such as "，" or "。" nor after opening brackets. A word wider
// than the whole line is cut between characters rather than drawn past the edge.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace carers::ui {

// May a line end between `before` and `after`?
bool can_break_between(char32_t before, char32_t after);

struct LineSpan {
    std::size_t begin = 0, end = 0;  // code points [begin, end): the line without trailing spaces
    float width = 0;
};

// Fills lines no wider than `wrap_width` (<= 0: no wrapping) from code points with their
// advances. `cps` holds one paragraph (no newlines). Always at least one line.
std::vector<LineSpan> break_lines(const std::u32string& cps, const std::vector<float>& advance, float wrap_width);

}  // namespace carers::ui
