#include "kiosk/ui/text_font_files.h"

#include <cstring>

#include <fontconfig/fontconfig.h>

namespace carers::ui {

namespace {

FontFile match(const char* family, int weight) {
    FontFile out;
    FcPattern* pat = FcPatternBuild(nullptr, FC_FAMILY, FcTypeString, family, FC_WEIGHT, FcTypeInteger, weight,
                                    static_cast<char*>(nullptr));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    if (FcPattern* font = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* file = nullptr;
        FcChar8* found_family = nullptr;
        int index = 0;
        bool same_family = false;
        for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &found_family) == FcResultMatch; ++i)
            same_family |= std::strcmp(reinterpret_cast<char*>(found_family), family) == 0;
        if (same_family && FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch && file) {
            out.path = reinterpret_cast<char*>(file);
            if (FcPatternGetInteger(font, FC_INDEX, 0, &index) == FcResultMatch) out.index = index;
        }
        FcPatternDestroy(font);
    }
    FcPatternDestroy(pat);
    return out;
}

}  // namespace

FontSources find_font_sources() {
    if (!FcInit()) return {};
    FontSources s;
    s.latin_regular = match("Noto Sans", FC_WEIGHT_REGULAR);
    s.latin_bold = match("Noto Sans", FC_WEIGHT_BOLD);
    s.arabic_regular = match("Noto Sans Arabic", FC_WEIGHT_REGULAR);
    s.arabic_bold = match("Noto Sans Arabic", FC_WEIGHT_BOLD);
    s.cjk_regular = match("Noto Sans CJK SC", FC_WEIGHT_REGULAR);
    s.cjk_bold = match("Noto Sans CJK SC", FC_WEIGHT_BOLD);
    return s;
}

}  // namespace carers::ui
