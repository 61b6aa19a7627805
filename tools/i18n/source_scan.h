// Finding the translatable strings in C++ sources: the literal arguments of tr("..."),
// tr_plural("...", "...", n), translatable("...") and translatable_plural("...", "...") calls (DrawContext::tr, dc.tr, catalog.tr,
// ...). A small C++ lexer, not a regex: comments, raw strings, character literals and digit
// separators are skipped, adjacent literals are joined, escapes (including \u) are decoded.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace carers::i18n_tools {

struct SourceString {
    std::string msgid;
    std::string msgid_plural;  // tr_plural and translatable_plural only
    int line = 0;
};

struct SourceScan {
    std::vector<SourceString> strings;
    // Calls whose text is not a literal (e.g. dc.tr(e.message)): their strings must reach the
    // template another way (translatable("...") where they are written). "line: call".
    std::vector<std::string> dynamic_calls;
};

// The function names that mark translatable strings.
inline constexpr std::string_view keywords[] = {"tr", "tr_plural", "translatable", "translatable_plural"};

SourceScan scan_source(std::string_view cpp_text);

}  // namespace carers::i18n_tools
