#include "kiosk/ui/fonts.h"

#include <cmath>
#include <fstream>

namespace carers::ui {

std::array<RoleSize, font_role_count> role_sizes(const Metrics& m) {
    std::array<RoleSize, font_role_count> r;
    r[static_cast<int>(FontRole::Body)] = {std::round(m.px(7.f) * m.text_scale), false};
    r[static_cast<int>(FontRole::Heading)] = {std::round(m.px(10.f) * m.text_scale), true};
    r[static_cast<int>(FontRole::Small)] = {std::round(m.px(5.5f) * m.text_scale), false};
    return r;
}

std::vector<std::string> language_texts(const i18n::Catalog& active, const std::vector<const i18n::Catalog*>& all,
                                        const std::vector<std::string>& everywhere) {
    std::vector<std::string> out;
    active.for_each_text([&](const std::string& s) { out.push_back(s); });
    out.push_back(active.language().native_name);
    // Dates and numbers inside messages are written at run time (month names, separators).
    for (auto& sample : active.values().glyph_sample()) out.push_back(std::move(sample));
    for (const i18n::Catalog* c : all) {
        out.push_back(c->language().native_name);
        for (const auto& msgid : everywhere)
            if (c->has("", msgid)) out.push_back(c->tr(msgid));
    }
    return out;
}

Result<AtlasStats> build_fonts(TextRenderer& text, const Metrics& metrics, FontSet& out) {
    std::array<ImFont*, font_role_count> fonts{};
    auto built = text.build(role_sizes(metrics), fonts);
    if (!built) return built;
    out.body = fonts[static_cast<int>(FontRole::Body)];
    out.heading = fonts[static_cast<int>(FontRole::Heading)];
    out.small = fonts[static_cast<int>(FontRole::Small)];
    out.text = &text;
    return built;
}

namespace {
bool readable(const std::string& path) { return !path.empty() && std::ifstream(path).good(); }
// Latin, Latin-1 and Latin Extended-A (Polish), general punctuation (quotes, dashes, bullets).
const ImWchar latin_ranges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0};
}  // namespace

bool build_fonts(const FontFiles& files, const Metrics& m, FontSet& out) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    out.text = nullptr;
    const auto sizes = role_sizes(m);
    if (!readable(files.regular) || !readable(files.bold)) {
        ImFontConfig cfg;
        cfg.SizePixels = sizes[0].line_px;
        out.body = out.heading = out.small = atlas->AddFontDefault(&cfg);
        return false;
    }
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    out.body = atlas->AddFontFromFileTTF(files.regular.c_str(), sizes[0].line_px, &cfg, latin_ranges);
    out.heading = atlas->AddFontFromFileTTF(files.bold.c_str(), sizes[1].line_px, &cfg, latin_ranges);
    out.small = atlas->AddFontFromFileTTF(files.regular.c_str(), sizes[2].line_px, &cfg, latin_ranges);
    return out.body && out.heading && out.small;
}

}  // namespace carers::ui
