// Loading the shipped translations from a folder (locales/): the only file reading in i18n.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/i18n/coverage.h"
#include "kiosk/i18n/language_set.h"
#include "kiosk/i18n/po_file.h"

namespace carers::i18n {

struct LoadedLocales {
    LanguageSet languages;               // English first, then the others by file name
    PoFile template_file;                // carers-kiosk.pot (empty when missing)
    std::vector<Coverage> coverage;      // one per language, against the template
    std::vector<std::string> problems;   // one sentence per file that could not be used
    // ICU set-up time of every language's formats made while loading, in the order made: the
    // built-in English first (it pays for loading ICU's data), then one per PO file.
    std::vector<std::pair<std::string, double>> icu_setup_ms;
};

// The name of the template in a locales folder.
inline constexpr const char* template_file_name = "carers-kiosk.pot";

// Reads every *.po file in `dir` and the template. A file that cannot be read or parsed is left
// out and named in `problems`; the rest still load, and English is always there.
LoadedLocales load_locales(const std::filesystem::path& dir);

// The bytes of a small text file (refuses anything over 8 MB).
Result<std::string> read_text_file(const std::filesystem::path& path);

}  // namespace carers::i18n
