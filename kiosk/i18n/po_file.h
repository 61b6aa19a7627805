// PoFile: a gettext PO (or POT) file parsed from its text.
//
// The subset translators' tools write: comments (#, #., #:, #, flags, #| previous, #~ obsolete),
// msgctxt, msgid, msgid_plural, msgstr and msgstr[n], each a C-escaped string possibly continued
// on following lines. No I/O and no global gettext state: parse_po takes the file's bytes.
#pragma once

#include <utility>
#include <string>
#include <string_view>
#include <vector>

#include "kiosk/common/result.h"

namespace carers::i18n {

struct PoEntry {
    bool has_context = false;  // msgctxt present (an empty msgctxt is not the same as none)
    std::string context;
    std::string msgid;
    std::string msgid_plural;          // empty when the entry has no plural forms
    std::vector<std::string> msgstr;   // one string, or one per plural form (msgstr[0..n-1])
    std::vector<std::string> flags;    // from "#," lines, e.g. "fuzzy", "c-format"
    std::vector<std::string> references;  // from "#:" lines, e.g. "kiosk/ui/kiosk_screen.cpp:12"
    std::vector<std::string> comments;    // "#." extracted comments, for translators
    int line = 0;                         // where the entry starts, for messages

    bool fuzzy() const;
    bool plural() const { return !msgid_plural.empty(); }
    // Translated: every msgstr form is non-empty and the entry is not fuzzy.
    bool translated() const;
};

struct PoFile {
    // Header fields from the entry with an empty msgid ("Language", "Plural-Forms", ...), in
    // file order.
    std::vector<std::pair<std::string, std::string>> header;
    std::vector<PoEntry> entries;  // without the header entry and without obsolete (#~) ones

    std::string header_value(std::string_view key) const;
    void set_header(const std::string& key, std::string value);
};

// Parses PO text. Refuses, with a sentence naming the line, a string without quotes, an unknown
// keyword, a bad escape, a msgstr without a msgid, two entries with the same context and msgid, or
// a charset other than UTF-8. `name` (a file name) only goes into messages.
Result<PoFile> parse_po(std::string_view text, std::string_view name = "PO file");

// Writes a whole PO file: a comment block, the header entry, then each entry with its "#."
// comments, "#:" references, "#," flags, msgctxt, msgid, msgid_plural and msgstr forms.
std::string write_po(const PoFile& file, std::string_view leading_comment = {});

// Writes a string as a PO string literal (quotes and escapes; long or multi-line strings split
// after each "\n" the way msgcat does). Used by the extractor; round-trips through parse_po.
std::string po_quote(std::string_view text);

}  // namespace carers::i18n
