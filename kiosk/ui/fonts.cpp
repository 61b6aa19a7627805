#include "kiosk/ui/fonts.h"

#include <fstream>

namespace carers::ui {

namespace {
bool readable(const std::string& path) { return !path.empty() && std::ifstream(path).good(); }

// Latin, Latin-1 and Latin Extended-A (Polish), general punctuation (quotes, dashes, bullets).
const ImWchar latin_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
}  // namespace

bool build_fonts(const FontFiles& files, const Metrics& m, FontSet& out) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    // Body text about 7 mm em (cap height ~5 mm): above the Section 508 floor at arm's length.
    const float body = m.px(7.f) * m.text_scale;
    const float heading = m.px(10.f) * m.text_scale;
    const float small = m.px(5.5f) * m.text_scale;
    if (!readable(files.regular) || !readable(files.bold)) {
        ImFontConfig cfg;
        cfg.SizePixels = body;
        out.body = out.heading = out.small = atlas->AddFontDefault(&cfg);
        return false;
    }
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    out.body = atlas->AddFontFromFileTTF(files.regular.c_str(), body, &cfg, latin_ranges);
    out.heading = atlas->AddFontFromFileTTF(files.bold.c_str(), heading, &cfg, latin_ranges);
    out.small = atlas->AddFontFromFileTTF(files.regular.c_str(), small, &cfg, latin_ranges);
    return out.body && out.heading && out.small;
}

}  // namespace carers::ui
