#include "kiosk/app/font_lookup.h"

#include <fontconfig/fontconfig.h>

namespace carers::app {

namespace {
std::string match(const char* family, int weight) {
    std::string path;
    FcPattern* pat = FcPatternBuild(nullptr, FC_FAMILY, FcTypeString, family, FC_WEIGHT, FcTypeInteger, weight,
                                    static_cast<char*>(nullptr));
    FcConfigSubstitute(nullptr, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult result;
    if (FcPattern* font = FcFontMatch(nullptr, pat, &result)) {
        FcChar8* file = nullptr;
        if (FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch && file) path = reinterpret_cast<char*>(file);
        FcPatternDestroy(font);
    }
    FcPatternDestroy(pat);
    return path;
}
}  // namespace

ui::FontFiles find_font_files(const char* family) {
    if (!FcInit()) return {};
    return {match(family, FC_WEIGHT_REGULAR), match(family, FC_WEIGHT_BOLD)};
}

}  // namespace carers::app
