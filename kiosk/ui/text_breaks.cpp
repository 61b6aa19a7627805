#include "kiosk/ui/text_breaks.h"

#include "kiosk/ui/text_utf8.h"

namespace carers::ui {

namespace {

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == 0x3000; }

// Characters that must not start a line (closing punctuation, CJK full stops and commas).
bool no_line_start(char32_t c) {
    switch (c) {
    case U'，': case U'。': case U'、': case U'；': case U'：': case U'？': case U'！': case U'）':
    case U'」': case U'』': case U'】': case U'》': case U'〉': case U'…': case U'.': case U',':
    case U';': case U':': case U'?': case U'!': case U')': case U']': case U'}': case 0x060C: case 0x061F:
    case 0x061B: case U'%':
        return true;
    default: return false;
    }
}

// Characters that must not end a line (opening brackets).
bool no_line_end(char32_t c) {
    switch (c) {
    case U'（': case U'「': case U'『': case U'【': case U'《': case U'〈': case U'(': case U'[': case U'{':
        return true;
    default: return false;
    }
}

}  // namespace

bool can_break_between(char32_t before, char32_t after) {
    if (is_space(after)) return false;  // spaces stay at the end of the line they follow
    if (no_line_start(after) || no_line_end(before)) return false;
    if (is_space(before)) return true;
    if (before == U'-' || before == U'/') return !is_space(after);  // e.g. "long-term", "and/or"
    return is_cjk(before) || is_cjk(after);
}

std::vector<LineSpan> break_lines(const std::u32string& cps, const std::vector<float>& adv, float wrap_width) {
    std::vector<LineSpan> lines;
    const std::size_t n = cps.size();
    std::size_t start = 0;
    while (true) {
        // Skip spaces at the start of a wrapped line (not of the paragraph).
        if (!lines.empty())
            while (start < n && is_space(cps[start])) ++start;
        LineSpan line{start, start, 0};
        float width = 0;  // including trailing spaces
        std::size_t last_break = std::string::npos;
        float width_at_break = 0;
        std::size_t i = start;
        for (; i < n; ++i) {
            if (i > start && can_break_between(cps[i - 1], cps[i])) {
                last_break = i;
                width_at_break = width;
            }
            const float next = width + adv[i];
            if (wrap_width > 0 && next > wrap_width && i > start && !is_space(cps[i])) {
                if (last_break != std::string::npos) {
                    i = last_break;
                    width = width_at_break;
                }
                break;  // else: one word wider than the line, cut here
            }
            width = next;
        }
        line.end = i;
        // The visible line ends before its trailing spaces.
        std::size_t vis = i;
        float w = width;
        while (vis > start && is_space(cps[vis - 1])) w -= adv[--vis];
        line.end = vis;
        line.width = w;
        lines.push_back(line);
        if (i >= n) break;
        start = i;
    }
    return lines;
}

}  // namespace carers::ui
