#include "kiosk/ui/kiosk_screen.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "kiosk/ui/question_view.h"
#include "kiosk/ui/screens.h"

namespace carers::ui {

std::string screen_name(const KioskModel& model) {
    if (model.seconds_until_clear) return "timeout-warning";
    switch (model.screen) {
    case Screen::Attract: return "attract";
    case Screen::Start: return "start";
    case Screen::Home: return "home";
    case Screen::Form: {
        if (!model.session) return "form";
        const engine::Page page = model.session->current_page();
        std::string name = "form:" + model.session->questionnaire().name;
        switch (model.session->view()) {
        case engine::View::TaskList: return name + ":tasks";
        case engine::View::CheckAnswers: return name + ":check";
        case engine::View::Confirmation: return name + ":sent";
        case engine::View::Page: break;
        }
        if (page.anchor.item) name += ":" + occurrence_id(page.anchor);
        if (page.kind == engine::PageKind::AddAnother) name += ":add-another";
        if (model.session->complete()) name += ":done";
        if (!model.session->errors().empty()) name += ":error";
        return name;
    }
    case Screen::StaffEntry: return "staff-entry";
    case Screen::Staff: return "staff";
    case Screen::StoreError: return "store-error";
    case Screen::SaveForLater:
        switch (model.save_for_later.stage) {
        case SaveForLaterModel::Stage::ChooseWord: return "save-later";
        case SaveForLaterModel::Stage::Saving: return "save-later:saving";
        case SaveForLaterModel::Stage::Saved: return "save-later:saved";
        case SaveForLaterModel::Stage::Failed: return "save-later:failed";
        }
        return "save-later";
    case Screen::ContinueSaved:
        return model.continue_saved.status == ContinueSavedModel::Status::Opening ? "continue-saved:opening"
                                                                                   : "continue-saved";
    }
    return "unknown";
}

Intents draw_kiosk(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    if (dc.recorder) dc.recorder->begin_frame(screen_name(model));

    Intents screen;
    if (model.seconds_until_clear) {
        // The warning replaces the screen: a passer-by sees no answers while the carer is away.
        screen = draw_timeout_warning(dc, model, state);
    } else {
        switch (model.screen) {
        case Screen::Attract: screen = draw_attract_screen(dc, model); break;
        case Screen::Start: screen = draw_start_screen(dc, model, state); break;
        case Screen::Home: screen = draw_home_screen(dc, model, state); break;
        case Screen::Form:
            if (model.session) screen = draw_form_screen(dc, model, state);
            break;
        case Screen::StaffEntry: screen = draw_staff_entry_screen(dc, model, state); break;
        case Screen::Staff: screen = draw_staff_screen(dc, model, state); break;
        case Screen::StoreError: screen = draw_store_error_screen(dc, model, state); break;
        case Screen::SaveForLater: screen = draw_save_for_later_screen(dc, model, state); break;
        case Screen::ContinueSaved: screen = draw_continue_saved_screen(dc, model, state); break;
        }
    }
    append_intents(out, screen);
    if (model.screen != Screen::StaffEntry && model.screen != Screen::Staff && model.screen != Screen::StoreError)
        detect_staff_gesture(dc, state, out);
    ImGui::End();
    return out;
}

void forget_imgui_state() {
    ImGui::ClearActiveID();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (ImGuiWindow* w : g.Windows) {
        w->Scroll = ImVec2(0, 0);
        w->ScrollTarget = ImVec2(FLT_MAX, FLT_MAX);
    }
    ImGui::FocusWindow(nullptr);
    ImGuiIO& io = ImGui::GetIO();
    io.InputQueueCharacters.resize(0);
}

}  // namespace carers::ui
