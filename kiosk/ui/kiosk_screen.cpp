#include "kiosk/ui/kiosk_screen.h"

#include "kiosk/ui/question_view.h"

namespace carers::ui {

namespace {

Intents draw_home(DrawContext& dc, const KioskModel& model) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    wrapped_text(dc.tr("Do you look after someone?"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("Lots of people help a family member or friend and do not call themselves a carer. "
                       "There is help for you. Choose what you would like to do."),
                 dc.fonts.body, p.text);
    ImGui::Dummy(ImVec2(0, m.px(6)));
    if (model.journeys) {
        for (const JourneyCard& j : *model.journeys) {
            std::string label = dc.catalog.form_text(j.form_id + ":title", j.title);
            if (j.minutes > 0)
                label += "\n" + fill_placeholders(dc.tr("About {{minutes}} minutes"), {{"minutes", std::to_string(j.minutes)}});
            if (option_tile(dc, "form:" + j.form_id, label, false, false))
                out.push_back({Intent::Kind::OpenForm, j.form_id, {}, {}});
            if (!j.summary.empty()) wrapped_text(j.summary, dc.fonts.small, p.secondary_text);
            ImGui::Dummy(ImVec2(0, m.gap()));
        }
    }
    if (model.placeholders) {
        auto get = [&](const char* k) {
            auto it = model.placeholders->find(k);
            return it == model.placeholders->end() ? std::string() : it->second;
        };
        ImGui::Separator();
        wrapped_text(dc.tr("Help and support near you"), dc.fonts.heading, p.text);
        std::string contact = get("centre.name");
        for (const char* k : {"centre.phone", "centre.email", "centre.web", "centre.opening_hours"})
            if (!get(k).empty()) contact += "\n" + get(k);
        wrapped_text(contact, dc.fonts.body, p.text);
    }
    return out;
}

}  // namespace

Intents draw_kiosk(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (dc.recorder) dc.recorder->begin_frame(model.session ? "form:" + model.session->questionnaire().name : "home");

    if (model.session) {
        // Top bar: which journey, and a way out that is always in reach.
        const float avail = ImGui::GetContentRegionAvail().x;
        ImGui::PushFont(dc.fonts.small);
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(model.session->questionnaire().title.c_str());
        ImGui::PopFont();
        ImGui::SameLine(avail - dc.theme.metrics.px(70));
        if (touch_button(dc, "finish-and-clear", dc.tr("Finish and clear"), ButtonStyle::Secondary, dc.theme.metrics.px(70)))
            out.push_back({Intent::Kind::FinishAndClear});
        ImGui::Separator();
        if (!model.notice.empty()) wrapped_text(dc.tr(model.notice), dc.fonts.body, dc.theme.palette.selected);
        auto page = draw_question_page(dc, *model.session, state, model.placeholders ? *model.placeholders : Placeholders{});
        out.insert(out.end(), page.begin(), page.end());
    } else {
        auto home = draw_home(dc, model);
        out.insert(out.end(), home.begin(), home.end());
    }
    ImGui::End();
    return out;
}

}  // namespace carers::ui
