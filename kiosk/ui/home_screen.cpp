// Home: the three journeys, each with how long it takes, and "Help and support near you" from the
// venue's settings with a QR code of the centre's web address. Side by side on a landscape screen.
#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/saved_form_texts.h"
#include "kiosk/ui/screens.h"

namespace carers::ui {

namespace {

std::string placeholder(const KioskModel& model, const char* key) {
    if (!model.placeholders) return {};
    auto it = model.placeholders->find(key);
    return it == model.placeholders->end() ? std::string() : it->second;
}

// Personal mode: the form saved on this device, first, before anything else.
void draw_saved_offer(DrawContext& dc, const KioskModel& model, Intents& out) {
    const PersonalDraftOffer& d = model.personal_draft;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const std::string title = dc.catalog.form_text(d.form_id + ":title", d.title);
    if (d.cannot_open) {
        wrapped_text(dc.tr("Your saved answers could not be opened"), dc.fonts.heading, p.text);
        const std::string why = cannot_open_saved_answers(d, dc.catalog);
        wrapped_text(why, dc.fonts.body, p.error);
        if (dc.recorder) dc.recorder->record_last_item("draft:cannot-open", why);
    } else {
        wrapped_text(dc.tr("You have a form you started before"), dc.fonts.heading, p.text);
        const std::string carry_on = fill_placeholders(dc.tr("Carry on with your saved {{form}}"), {{"form", title}});
        if (nav_tile(dc, "draft:carry-on", carry_on, dc.tr("Your answers so far are kept on this device.")))
            out.push_back({Intent::Kind::CarryOnDraft});
    }
    const std::string& again = dc.tr("Start again");
    const float w = button_width(dc, again, m.px(50));
    place_at_start(dc, w);
    if (touch_button(dc, "draft:start-again", again, ButtonStyle::Secondary, w)) out.push_back({Intent::Kind::DiscardDraft});
    wrapped_text(dc.tr("Start again deletes the saved answers."), dc.fonts.small, p.secondary_text);
    ImGui::Dummy(ImVec2(0, m.px(4)));
}

void draw_journeys(DrawContext& dc, const KioskModel& model, Intents& out) {
    const Palette& p = dc.theme.palette;
    if (!model.personal_draft.form_id.empty()) draw_saved_offer(dc, model, out);
    wrapped_text(dc.tr("What would you like to do?"), dc.fonts.heading, p.text);
    if (!model.journeys) return;
    for (const JourneyCard& j : *model.journeys) {
        const std::string title = dc.catalog.form_text(j.form_id + ":title", j.title);
        const std::string time =
            j.minutes > 0 ? fill_placeholders(dc.catalog.tr_plural("About {{n}} minute", "About {{n}} minutes", j.minutes),
                                              {{"n", dc.count(j.minutes)}})
                          : std::string();
        if (nav_tile(dc, "form:" + j.form_id, title, time)) out.push_back({Intent::Kind::OpenForm, j.form_id});
        if (!j.summary.empty()) wrapped_text(j.summary, dc.fonts.small, p.secondary_text);
    }
    if (model.can_continue_saved &&
        nav_tile(dc, "continue-saved", dc.tr("Continue a saved form"), dc.tr("If you saved your answers here and have a code")))
        out.push_back({Intent::Kind::OpenContinueSaved});
}

void draw_qr(DrawContext& dc, const QrCode& qr) {
    const Metrics& m = dc.theme.metrics;
    const int quiet = 4;  // the light border scanners need, in modules
    const int span = qr.size + 2 * quiet;
    // Big enough for a phone at arm's length (about 40 mm), in whole pixels per module so it stays sharp.
    const float module = std::max(2.f, std::floor(m.px(40) / static_cast<float>(span)));
    const float side = module * static_cast<float>(span);
    place_at_start(dc, side);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Dark on white whatever the theme: scanners expect it.
    dl->AddRectFilled(pos, ImVec2(pos.x + side, pos.y + side), IM_COL32_WHITE);
    for (int y = 0; y < qr.size; ++y)
        for (int x = 0; x < qr.size; ++x)
            if (qr.dark(x, y)) {
                const ImVec2 a(pos.x + (static_cast<float>(x + quiet)) * module, pos.y + (static_cast<float>(y + quiet)) * module);
                dl->AddRectFilled(a, ImVec2(a.x + module, a.y + module), IM_COL32_BLACK);
            }
    ImGui::Dummy(ImVec2(side, side));
}

void draw_help(DrawContext& dc, const KioskModel& model) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    wrapped_text(dc.tr("Help and support near you"), dc.fonts.heading, p.text);
    const std::string name = placeholder(model, "centre.name");
    if (!name.empty()) wrapped_text(name, dc.fonts.body, p.text);
    const struct {
        const char* key;
        const std::string& label;
    } lines[] = {{"centre.phone", dc.tr("Phone")},
                 {"centre.email", dc.tr("Email")},
                 {"centre.web", dc.tr("Website")},
                 {"centre.opening_hours", dc.tr("Opening hours")}};
    for (const auto& l : lines) {
        const std::string v = placeholder(model, l.key);
        if (v.empty()) continue;
        // A label sits close to its value: they read as one fact.
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.gap(), m.px(1)));
        wrapped_text(l.label, dc.fonts.small, p.secondary_text);
        ImGui::PopStyleVar();
        wrapped_text(v, dc.fonts.body, p.text);
    }
    if (model.help_qr && model.help_qr->size > 0) {
        ImGui::Dummy(ImVec2(0, m.px(2)));
        draw_qr(dc, *model.help_qr);
        wrapped_text(dc.tr("Scan this with your phone's camera to open the website."), dc.fonts.small, p.secondary_text);
    }
}

}  // namespace

Intents draw_home_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const Metrics& m = dc.theme.metrics;
    draw_top_bar(dc, "", out, true);
    const bool reset = state.page_key != "home";
    state.page_key = "home";
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    if (avail.x > avail.y * 1.2f) {
        // Landscape: journeys first (on the left, on the right in Arabic), help beside them, each
        // scrolling on its own.
        const float right_w = std::min(avail.x * 0.4f, m.px(120) * std::max(1.f, m.text_scale));
        const float left_w = avail.x - right_w - m.gap();
        const ImVec2 origin = ImGui::GetCursorScreenPos();
        const float row_end = origin.x + avail.x;
        ImGui::SetCursorScreenPos(ImVec2(mirrored_x(dc, origin.x, row_end, 0, left_w), origin.y));
        begin_scroll_page(dc, "home", avail.y, state.scroll, reset, left_w);
        listen_button(dc, model, out);
        draw_journeys(dc, model, out);
        end_scroll_page(dc, state.scroll);
        ImGui::SetCursorScreenPos(ImVec2(mirrored_x(dc, origin.x, row_end, left_w + m.gap(), right_w), origin.y));
        begin_scroll_page(dc, "help", avail.y, state.side_scroll, reset, right_w);
        draw_help(dc, model);
        end_scroll_page(dc, state.side_scroll);
    } else {
        begin_scroll_page(dc, "home", avail.y, state.scroll, reset);
        listen_button(dc, model, out);
        draw_journeys(dc, model, out);
        ImGui::Dummy(ImVec2(0, m.px(6)));
        draw_help(dc, model);
        end_scroll_page(dc, state.scroll);
    }
    return out;
}

}  // namespace carers::ui
