#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "kiosk/i18n/po_file.h"

namespace carers::i18n {

bool PoEntry::fuzzy() const { return std::find(flags.begin(), flags.end(), "fuzzy") != flags.end(); }

bool PoEntry::translated() const {
    if (fuzzy() || msgstr.empty()) return false;
    return std::none_of(msgstr.begin(), msgstr.end(), [](const std::string& s) { return s.empty(); });
}

std::string PoFile::header_value(std::string_view key) const {
    for (const auto& [k, v] : header)
        if (k == key) return v;
    return {};
}

void PoFile::set_header(const std::string& key, std::string value) {
    for (auto& [k, v] : header)
        if (k == key) {
            v = std::move(value);
            return;
        }
    header.emplace_back(key, std::move(value));
}

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

bool is_octal(char c) { return c >= '0' && c <= '7'; }

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Decodes one quoted C string that must make up the whole of `s` (after trimming). Returns false
// with `why` set when it does not.
bool unquote(std::string_view s, std::string& out, std::string& why) {
    s = trim(s);
    if (s.size() < 2 || s.front() != '"') {
        why = "a string must be in double quotes";
        return false;
    }
    std::size_t i = 1;
    for (;;) {
        if (i >= s.size()) {
            why = "the string has no closing quote";
            return false;
        }
        char c = s[i];
        if (c == '"') break;
        if (c != '\\') {
            out += c;
            ++i;
            continue;
        }
        if (++i >= s.size()) {
            why = "the string ends in a backslash";
            return false;
        }
        char e = s[i++];
        switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case '\\': out += '\\'; break;
        case '"': out += '"'; break;
        case '\'': out += '\''; break;
        case '?': out += '?'; break;
        case 'x': {
            int v = 0, digits = 0;
            while (i < s.size() && hex_value(s[i]) >= 0 && digits < 2) v = v * 16 + hex_value(s[i++]), ++digits;
            if (digits == 0) {
                why = "\\x must be followed by hex digits";
                return false;
            }
            out += static_cast<char>(v);
            break;
        }
        default:
            if (is_octal(e)) {
                int v = e - '0', digits = 1;
                while (i < s.size() && is_octal(s[i]) && digits < 3) v = v * 8 + (s[i++] - '0'), ++digits;
                out += static_cast<char>(v & 0xff);
                break;
            }
            why = std::string("unknown escape \\") + e;
            return false;
        }
    }
    if (!trim(s.substr(i + 1)).empty()) {
        why = "there is text after the closing quote";
        return false;
    }
    return true;
}

std::vector<std::string> split_words(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        std::string_view part = trim(s.substr(start, end - start));
        if (!part.empty()) out.emplace_back(part);
        start = end + 1;
    }
    return out;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class Parser {
public:
    explicit Parser(std::string_view name) : name_(name) {}

    Result<PoFile> run(std::string_view text) {
        std::size_t pos = 0;
        while (pos <= text.size() && ok_) {
            std::size_t end = text.find('\n', pos);
            if (end == std::string_view::npos) end = text.size();
            ++line_;
            handle(text.substr(pos, end - pos));
            pos = end + 1;
        }
        if (ok_) finish_entry();
        if (ok_ && field_ != Field::None && !complete_) fail("the last entry has a msgid but no msgstr");
        if (!ok_) return make_error(error_);
        if (auto charset = check_charset(); !charset.empty()) return make_error(charset);
        return std::move(file_);
    }

private:
    enum class Field { None, Context, Id, IdPlural, Str };

    void fail(const std::string& why) {
        if (!ok_) return;
        ok_ = false;
        error_ = std::string(name_) + " line " + std::to_string(line_) + ": " + why + ".";
    }

    void handle(std::string_view raw) {
        std::string_view l = trim(raw);
        if (l.empty()) return;
        if (l.rfind("#~", 0) == 0) return;  // obsolete entry: kept by tools, never used
        if (l[0] == '#') {
            if (complete_) finish_entry();
            if (l.rfind("#,", 0) == 0) {
                for (auto& f : split_words(l.substr(2), ',')) pending_.flags.push_back(f);
            } else if (l.rfind("#:", 0) == 0) {
                for (auto& r : split_words(l.substr(2), ' ')) pending_.references.push_back(r);
            } else if (l.rfind("#.", 0) == 0) {
                pending_.comments.emplace_back(trim(l.substr(2)));
            }
            return;
        }
        if (l[0] == '"') {
            if (field_ == Field::None) return fail("a continuation string follows no keyword");
            std::string s, why;
            if (!unquote(l, s, why)) return fail(why);
            *target_ += s;
            return;
        }
        std::size_t sp = l.find_first_of(" \t\"");
        std::string_view keyword = l.substr(0, sp);
        std::string_view rest = sp == std::string_view::npos ? std::string_view() : l.substr(sp);
        std::string s, why;
        if (!unquote(rest, s, why)) return fail(why + " after " + std::string(keyword));

        if (keyword == "msgctxt") {
            if (complete_) finish_entry();
            if (field_ != Field::None) return fail("msgctxt must come before msgid");
            start_entry();
            pending_.has_context = true;
            pending_.context = std::move(s);
            set_target(Field::Context, &pending_.context);
        } else if (keyword == "msgid") {
            if (complete_) finish_entry();
            if (field_ != Field::None && field_ != Field::Context) return fail("a second msgid without a msgstr");
            if (field_ == Field::None) start_entry();
            pending_.msgid = std::move(s);
            set_target(Field::Id, &pending_.msgid);
        } else if (keyword == "msgid_plural") {
            if (field_ != Field::Id) return fail("msgid_plural must follow msgid");
            pending_.msgid_plural = std::move(s);
            if (pending_.msgid_plural.empty()) return fail("msgid_plural is empty");
            set_target(Field::IdPlural, &pending_.msgid_plural);
        } else if (keyword == "msgstr") {
            if (field_ != Field::Id) return fail(field_ == Field::IdPlural ? "a plural entry needs msgstr[0], msgstr[1]..."
                                                                            : "msgstr must follow msgid");
            pending_.msgstr.push_back(std::move(s));
            set_target(Field::Str, &pending_.msgstr.back());
            complete_ = true;
        } else if (keyword.rfind("msgstr[", 0) == 0 && keyword.back() == ']') {
            if (!pending_.plural()) return fail("msgstr[n] is only for entries with msgid_plural");
            std::string_view digits = keyword.substr(7, keyword.size() - 8);
            if (digits.empty() || digits.size() > 2 ||
                !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
                return fail("the plural index in " + std::string(keyword) + " is not a number");
            std::size_t index = static_cast<std::size_t>(std::stoi(std::string(digits)));
            if (index != pending_.msgstr.size())
                return fail(std::string(keyword) + " is out of order (expected msgstr[" +
                            std::to_string(pending_.msgstr.size()) + "])");
            pending_.msgstr.push_back(std::move(s));
            set_target(Field::Str, &pending_.msgstr.back());
            complete_ = true;
        } else {
            fail("unknown keyword '" + std::string(keyword) + "'");
        }
    }

    void start_entry() { pending_.line = line_; }

    void set_target(Field f, std::string* t) {
        field_ = f;
        target_ = t;
    }

    void finish_entry() {
        if (!complete_) return;
        auto key = std::make_tuple(pending_.has_context, pending_.context, pending_.msgid);
        if (!pending_.has_context && pending_.msgid.empty()) {
            if (seen_header_) return fail("a second header entry (empty msgid)");
            seen_header_ = true;
            for (auto& line : split_words(pending_.msgstr.front(), '\n')) {
                auto colon = line.find(':');
                if (colon == std::string::npos) continue;
                file_.set_header(std::string(trim(std::string_view(line).substr(0, colon))),
                                 std::string(trim(std::string_view(line).substr(colon + 1))));
            }
        } else if (!seen_.insert(key).second) {
            line_ = pending_.line;
            return fail("the same msgid" + std::string(pending_.has_context ? " and msgctxt" : "") +
                        " appears twice ('" + pending_.msgid.substr(0, 40) + "')");
        } else {
            file_.entries.push_back(std::move(pending_));
        }
        pending_ = PoEntry{};
        field_ = Field::None;
        target_ = nullptr;
        complete_ = false;
    }

    std::string check_charset() const {
        std::string type = lower(file_.header_value("Content-Type"));
        auto at = type.find("charset=");
        if (at == std::string::npos) return {};
        std::string charset = type.substr(at + 8);
        if (charset == "utf-8" || charset == "charset") return {};  // "CHARSET": an unfilled POT
        return std::string(name_) + " is in " + charset + "; only UTF-8 PO files can be used.";
    }

    std::string_view name_;
    PoFile file_;
    PoEntry pending_;
    Field field_ = Field::None;
    std::string* target_ = nullptr;
    bool complete_ = false;  // pending_ has its msgstr
    bool seen_header_ = false;
    std::set<std::tuple<bool, std::string, std::string>> seen_;
    int line_ = 0;
    bool ok_ = true;
    std::string error_;
};

void escape_into(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        default: out += c;
        }
    }
}

}  // namespace

Result<PoFile> parse_po(std::string_view text, std::string_view name) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    return Parser(name).run(text);
}

std::string po_quote(std::string_view text) {
    std::size_t nl = text.find('\n');
    if (nl == std::string_view::npos || nl + 1 == text.size()) {
        std::string out = "\"";
        escape_into(out, text);
        return out + "\"";
    }
    // Several lines: an empty first string, then one string per line, as msgcat writes them.
    std::string out = "\"\"";
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end + 1;
        out += "\n\"";
        escape_into(out, text.substr(start, end - start));
        out += "\"";
        start = end;
    }
    return out;
}

}  // namespace carers::i18n
