// Building the translation template (locales/carers-kiosk.pot) from the UI sources and the forms,
// and comparing a shipped template with a fresh one.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "kiosk/common/result.h"
#include "kiosk/i18n/po_file.h"

namespace carers::i18n_tools {

struct NamedText {
    std::string name;  // path relative to the repository root, e.g. "kiosk/ui/kiosk_screen.cpp"
    std::string text;
};

struct TemplateBuild {
    i18n::PoFile pot;
    std::vector<std::string> notes;  // calls with non-literal text, "file:line: call"
};

// UI strings first (sources in the order given), then each form's texts. An entry met twice (same
// msgctxt and msgid) appears once with both references. References name files without line
// numbers, so moving code does not change the template. Refuses a form the engine cannot parse.
Result<TemplateBuild> build_template(const std::vector<NamedText>& sources, const std::vector<NamedText>& forms);

// The differences between two templates' entries (msgctxt, msgid, msgid_plural), as sentences;
// empty when they hold the same strings.
std::vector<std::string> template_differences(const i18n::PoFile& shipped, const i18n::PoFile& fresh);

// The standard header of the template.
i18n::PoFile empty_template();

}  // namespace carers::i18n_tools
