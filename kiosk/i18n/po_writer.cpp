#include <algorithm>

#include "kiosk/i18n/po_file.h"

namespace carers::i18n {

namespace {

void comment_lines(std::string& out, std::string_view prefix, std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        out.append(prefix);
        std::string_view line = text.substr(start, end - start);
        if (!line.empty()) out.append(" ").append(line);
        out += '\n';
        start = end + 1;
    }
}

}  // namespace

std::string write_po(const PoFile& file, std::string_view leading_comment) {
    std::string out;
    if (!leading_comment.empty()) comment_lines(out, "#", leading_comment);
    out += "msgid \"\"\nmsgstr \"\"\n";
    for (const auto& [k, v] : file.header) out += po_quote(k + ": " + v + "\n") + "\n";
    for (const PoEntry& e : file.entries) {
        out += '\n';
        for (const auto& c : e.comments) comment_lines(out, "#.", c);
        if (!e.references.empty()) {
            std::string line = "#:";
            for (const auto& r : e.references) {
                if (line.size() + r.size() > 78 && line != "#:") {
                    out += line + "\n";
                    line = "#:";
                }
                line += " " + r;
            }
            out += line + "\n";
        }
        if (!e.flags.empty()) {
            out += "#, ";
            for (std::size_t i = 0; i < e.flags.size(); ++i) out += (i ? ", " : "") + e.flags[i];
            out += '\n';
        }
        if (e.has_context) out += "msgctxt " + po_quote(e.context) + "\n";
        out += "msgid " + po_quote(e.msgid) + "\n";
        if (e.plural()) {
            out += "msgid_plural " + po_quote(e.msgid_plural) + "\n";
            for (std::size_t i = 0; i < std::max<std::size_t>(e.msgstr.size(), 2); ++i)
                out += "msgstr[" + std::to_string(i) + "] " + po_quote(i < e.msgstr.size() ? e.msgstr[i] : "") + "\n";
        } else {
            out += "msgstr " + po_quote(e.msgstr.empty() ? "" : e.msgstr.front()) + "\n";
        }
    }
    return out;
}

}  // namespace carers::i18n
