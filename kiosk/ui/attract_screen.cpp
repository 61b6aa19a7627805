// The attract screen: what an idle kiosk shows. One language's lines at a time, changing every few
// seconds; between changes nothing moves, so the app sleeps.
#include <cmath>

#include <imgui.h>

#include "kiosk/ui/screens.h"

namespace carers::ui {

namespace {

// The languages worth cycling through: English, and each other one that translates the heading.
std::vector<const i18n::Catalog*> cycling(const KioskModel& model) {
    std::vector<const i18n::Catalog*> out;
    for (const i18n::Catalog* c : model.languages) {
        if (!c) continue;
        const std::string& heading = c->tr("Do you look after someone?");
        if (c->language().code == "en" || heading != "Do you look after someone?") out.push_back(c);
    }
    return out;
}

}  // namespace

Intents draw_attract_screen(DrawContext& dc, const KioskModel& model) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();

    // The whole screen is one button: any touch wakes the kiosk.
    if (ImGui::InvisibleButton("attract", avail)) out.push_back({Intent::Kind::Wake});
    if (dc.recorder) dc.recorder->record_last_item("attract", "");
    const bool pressed = ImGui::IsItemActive();

    const auto langs = cycling(model);
    const i18n::Catalog& lang = langs.empty() ? dc.catalog : *langs[0];
    const i18n::Catalog* shown = &lang;
    if (langs.size() > 1) {
        const double period = model.attract_period;
        const auto n = static_cast<std::size_t>(std::floor(dc.now() / period));
        shown = langs[n % langs.size()];
        dc.wake_in(period * static_cast<double>(n + 1) - dc.now());
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float width = std::min(avail.x, m.px(260));
    const float left = origin.x + (avail.x - width) / 2;
    const std::string heading = shown->tr("Do you look after someone?");
    const std::string line = shown->tr("Caring for a family member or friend is hard work. You do not have to do it alone.");
    const std::string touch = shown->tr("Touch the screen to start");
    const float big = dc.fonts.heading->FontSize * 1.4f;
    const ImVec2 hs = text_size(dc.fonts.heading, heading, width, big);
    const ImVec2 ls = text_size(dc.fonts.body, line, width);
    const ImVec2 ts = text_size(dc.fonts.heading, touch, width);
    const float block = hs.y + m.px(10) + ls.y + m.px(30) + ts.y;
    float y = origin.y + std::max(m.px(20), (avail.y - block) / 2);
    draw_text(dl, dc.fonts.heading, ImVec2(left, y), p.text, heading, width, big, TextAlign::Center, width);
    y += hs.y + m.px(10);
    draw_text(dl, dc.fonts.body, ImVec2(left, y), p.text, line, width, 0, TextAlign::Center, width);
    y += ls.y + m.px(30);
    // The call to action looks like a button, and darkens under the finger like one.
    const float pad = m.px(6);
    const ImVec2 b0(left + (width - ts.x) / 2 - pad, y - pad), b1(left + (width + ts.x) / 2 + pad, y + ts.y + pad);
    dl->AddRectFilled(b0, b1, to_u32(pressed ? p.primary_pressed : p.primary), m.px(1));
    draw_text(dl, dc.fonts.heading, ImVec2(left, y), p.primary_text, touch, width, 0, TextAlign::Center, width);
    if (model.placeholders) {
        auto it = model.placeholders->find("centre.name");
        if (it != model.placeholders->end() && !it->second.empty()) {
            const ImVec2 cs = text_size(dc.fonts.small, it->second, width);
            draw_text(dl, dc.fonts.small, ImVec2(left, origin.y + avail.y - cs.y - m.px(4)), p.secondary_text, it->second,
                      width, 0, TextAlign::Center, width);
        }
    }
    return out;
}

}  // namespace carers::ui
