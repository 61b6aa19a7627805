#include "kiosk/ui/placeholders.h"

#include <string_view>

namespace carers::ui {

namespace {

// Fills one piece of text; false when a placeholder in it has no value (or an empty one).
bool fill(std::string_view text, const Placeholders& values, std::string& out) {
    bool complete = true;
    std::size_t i = 0;
    while (i < text.size()) {
        auto open = text.find("{{", i);
        if (open == std::string_view::npos) break;
        auto close = text.find("}}", open + 2);
        if (close == std::string_view::npos) break;
        out.append(text, i, open - i);
        auto it = values.find(std::string(text.substr(open + 2, close - open - 2)));
        if (it != values.end() && !it->second.empty()) out += it->second;
        else complete = false;
        i = close + 2;
    }
    out.append(text.substr(i));
    return complete;
}

// Where the sentence starting at `from` ends: after its full stop (or ! ? and their Chinese and
// Arabic forms) and the spaces after it, or after a line break.
std::size_t sentence_end(std::string_view text, std::size_t from) {
    static const std::string_view stops[] = {".", "!", "?", "\xe3\x80\x82", "\xef\xbc\x81", "\xef\xbc\x9f", "\xd8\x9f"};
    for (std::size_t i = from; i < text.size(); ++i) {
        if (text[i] == '\n') return i + 1;
        for (std::string_view stop : stops) {
            if (text.compare(i, stop.size(), stop) != 0) continue;
            std::size_t j = i + stop.size();
            // "2.5" or "example.org" are not the end of a sentence.
            if (j < text.size() && text[j] != ' ' && text[j] != '\n' && stop.size() == 1) break;
            while (j < text.size() && text[j] == ' ') ++j;
            return j;
        }
    }
    return text.size();
}

}  // namespace

std::string fill_placeholders(const std::string& text, const Placeholders& values) {
    std::string out;
    out.reserve(text.size());
    fill(text, values, out);
    return out;
}

std::string fill_help_text(const std::string& text, const Placeholders& values) {
    std::string whole;
    whole.reserve(text.size());
    if (fill(text, values, whole)) return whole;
    // A sentence that would name a number the venue has not set ("phone ." for help that is
    // needed now) is left out; the rest of the text stands.
    std::string out;
    out.reserve(text.size());
    const std::string_view all(text);
    for (std::size_t from = 0; from < all.size();) {
        const std::size_t end = sentence_end(all, from);
        std::string piece;
        const bool line_start = out.empty() || out.back() == '\n';
        std::size_t next = end;
        if (fill(all.substr(from, end - from), values, piece)) {
            out += piece;
        } else if (all[end - 1] == '\n') {
            if (!line_start) out += '\n';  // the line goes on without it
        } else if (line_start && end < all.size() && all[end] == '\n') {
            next = end + 1;  // it was the whole line: its line break goes too
        }
        from = next;
    }
    // Spaces left before a line break or at the end by a sentence left out.
    std::string tidy;
    for (char c : out) {
        if (c == '\n')
            while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
        tidy += c;
    }
    while (!tidy.empty() && (tidy.back() == ' ' || tidy.back() == '\n')) tidy.pop_back();
    // Nothing left: the text with the gap, rather than none.
    return tidy.empty() ? whole : tidy;
}

}  // namespace carers::ui
