#include "tools/i18n/source_scan.h"

#include <algorithm>
#include <optional>

namespace carers::i18n_tools {

namespace {

bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

void append_utf8(std::string& out, unsigned long cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Lexer {
public:
    explicit Lexer(std::string_view s) : s_(s) {}

    SourceScan run() {
        while (i_ < s_.size()) {
            if (skip_trivia()) continue;
            char c = s_[i_];
            if (string_literal()) continue;  // a literal outside a marked call: not ours
            if (c == '\'') {
                skip_char_literal();
                continue;
            }
            if (ident_char(c)) {
                std::size_t start = i_;
                while (i_ < s_.size() && ident_char(s_[i_])) ++i_;
                std::string_view word = s_.substr(start, i_ - start);
                // A number's digit separator (1'000) is not a character literal.
                if (word[0] >= '0' && word[0] <= '9') {
                    while (i_ < s_.size() && (ident_char(s_[i_]) || s_[i_] == '\'' || s_[i_] == '.')) ++i_;
                    continue;
                }
                if (std::find(std::begin(keywords), std::end(keywords), word) != std::end(keywords))
                    call(word, start);
                last_token_ = std::string(word);
                continue;
            }
            last_token_ = std::string(1, c);
            if (c == ':' && i_ + 1 < s_.size() && s_[i_ + 1] == ':') last_token_ = "::", ++i_;
            if (c == '-' && i_ + 1 < s_.size() && s_[i_ + 1] == '>') last_token_ = "->", ++i_;
            ++i_;
        }
        return std::move(out_);
    }

private:
    int line_at(std::size_t pos) const {
        return 1 + static_cast<int>(std::count(s_.begin(), s_.begin() + static_cast<std::ptrdiff_t>(pos), '\n'));
    }

    // Whitespace, comments and preprocessor-line continuations. True when it moved.
    bool skip_trivia() {
        std::size_t before = i_;
        for (;;) {
            while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r' ||
                                      (s_[i_] == '\\' && i_ + 1 < s_.size() && s_[i_ + 1] == '\n')))
                ++i_;
            if (s_.substr(i_, 2) == "//") {
                while (i_ < s_.size() && s_[i_] != '\n') ++i_;
            } else if (s_.substr(i_, 2) == "/*") {
                std::size_t end = s_.find("*/", i_ + 2);
                i_ = end == std::string_view::npos ? s_.size() : end + 2;
            } else {
                break;
            }
        }
        return i_ != before;
    }

    void skip_char_literal() {
        ++i_;
        while (i_ < s_.size() && s_[i_] != '\'' && s_[i_] != '\n') i_ += s_[i_] == '\\' ? 2 : 1;
        ++i_;
    }

    // A string literal at i_ (with any encoding prefix, raw or not); its decoded text, or nullopt
    // when there is none here (i_ unchanged).
    std::optional<std::string> string_literal() {
        // Called at the start of a token, so i_ is never in the middle of an identifier.
        std::size_t p = i_;
        for (std::string_view prefix : {"u8", "u", "U", "L"})
            if (s_.substr(p, prefix.size()) == prefix) {
                p += prefix.size();
                break;
            }
        bool raw = false;
        if (p < s_.size() && s_[p] == 'R') raw = true, ++p;
        if (p >= s_.size() || s_[p] != '"') return std::nullopt;
        std::string text;
        if (raw) {
            std::size_t open = s_.find('(', p + 1);
            if (open == std::string_view::npos) return std::nullopt;
            std::string close = ")" + std::string(s_.substr(p + 1, open - p - 1)) + "\"";
            std::size_t end = s_.find(close, open + 1);
            if (end == std::string_view::npos) end = s_.size();
            text = std::string(s_.substr(open + 1, end - open - 1));
            i_ = std::min(s_.size(), end + close.size());
            return text;
        }
        ++p;
        while (p < s_.size() && s_[p] != '"' && s_[p] != '\n') {
            char c = s_[p++];
            if (c != '\\' || p >= s_.size()) {
                text += c;
                continue;
            }
            char e = s_[p++];
            switch (e) {
            case 'n': text += '\n'; break;
            case 't': text += '\t'; break;
            case 'r': text += '\r'; break;
            case '0': text += '\0'; break;
            case 'a': text += '\a'; break;
            case 'b': text += '\b'; break;
            case 'f': text += '\f'; break;
            case 'v': text += '\v'; break;
            case 'x': {
                int v = 0;
                while (p < s_.size() && hex(s_[p]) >= 0) v = v * 16 + hex(s_[p++]);
                text += static_cast<char>(v & 0xff);
                break;
            }
            case 'u':
            case 'U': {
                unsigned long cp = 0;
                for (int k = 0; k < (e == 'u' ? 4 : 8) && p < s_.size() && hex(s_[p]) >= 0; ++k)
                    cp = cp * 16 + static_cast<unsigned long>(hex(s_[p++]));
                append_utf8(text, cp);
                break;
            }
            case '\n': break;  // line continuation inside a literal
            default: text += e;  // \" \\ \' \?
            }
        }
        i_ = std::min(s_.size(), p + 1);
        return text;
    }

    // Adjacent literals ("a" "b"), with comments between them, as one string.
    std::optional<std::string> joined_literals() {
        std::optional<std::string> all;
        for (;;) {
            skip_trivia();
            auto lit = i_ < s_.size() ? string_literal() : std::nullopt;
            if (!lit) return all;
            all = all.value_or("") + *lit;
        }
    }

    bool expect(char c) {
        skip_trivia();
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }

    void call(std::string_view name, std::size_t start) {
        // A declaration or definition (Catalog::tr, const std::string& tr(...)) is not a call.
        const bool member = last_token_ == "." || last_token_ == "->";
        const bool declaration = !member && (last_token_ == "::" || last_token_ == "&" || last_token_ == "*" ||
                                             (!last_token_.empty() && ident_char(last_token_[0]) &&
                                              last_token_ != "return"));
        std::size_t after_name = i_;
        if (!expect('(')) {
            i_ = after_name;
            return;
        }
        const int line = line_at(start);
        auto first = joined_literals();
        if (!first) {
            if (!declaration) out_.dynamic_calls.push_back(std::to_string(line) + ": " + std::string(name) + "(...)");
            i_ = after_name;
            return;
        }
        SourceString found{*first, {}, line};
        if (name == "tr_plural" || name == "translatable_plural") {
            if (!expect(',')) return;
            auto second = joined_literals();
            if (!second) {
                out_.dynamic_calls.push_back(std::to_string(line) + ": " + std::string(name) +
                                             " with a non-literal plural");
                return;
            }
            found.msgid_plural = *second;
        } else {
            skip_trivia();
            // tr("Hello " + name) is not a translatable whole.
            if (i_ < s_.size() && s_[i_] != ')' && s_[i_] != ',') {
                out_.dynamic_calls.push_back(std::to_string(line) + ": " + std::string(name) + "(\"" + *first + "\" ...)");
                return;
            }
        }
        if (!found.msgid.empty()) out_.strings.push_back(std::move(found));
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::string last_token_;
    SourceScan out_;
};

}  // namespace

SourceScan scan_source(std::string_view cpp_text) { return Lexer(cpp_text).run(); }

}  // namespace carers::i18n_tools
