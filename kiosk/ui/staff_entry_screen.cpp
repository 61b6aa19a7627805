// The staff PIN pad, reached by holding the top-left corner for 3 seconds. Shows dots, never
// digits; says how many tries are left and when a lock ends.
#include <imgui.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/ui/onscreen_keyboard.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_failure_text.h"

namespace carers::ui {

Intents draw_staff_entry_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const StaffEntryModel& e = model.staff_entry;
    const bool locked = e.status == StaffEntryModel::Status::Locked;
    const bool pad = !locked && e.status != StaffEntryModel::Status::NoPin;
    const float below = pad ? keyboard_height(dc, KeyboardLayout::Digits) + ImGui::GetStyle().ItemSpacing.y : 0.f;
    const bool reset = state.page_key != "staff-entry";
    state.page_key = "staff-entry";
    begin_scroll_page(dc, "staff-entry", ImGui::GetContentRegionAvail().y - below, state.scroll, reset);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::Dummy(ImVec2(width, m.px(4)));
    wrapped_text(dc.tr("Staff entry"), dc.fonts.heading, p.text);
    switch (e.status) {
    case StaffEntryModel::Status::Ready: wrapped_text(dc.tr("Enter the staff PIN."), dc.fonts.body, p.text); break;
    case StaffEntryModel::Status::WrongPin:
        wrapped_text(fill_placeholders(dc.catalog.tr_plural("That PIN is not right. {{n}} try left before staff entry is locked.",
                                                            "That PIN is not right. {{n}} tries left before staff entry is locked.",
                                                            e.tries_left),
                                       {{"n", dc.count(e.tries_left)}}),
                     dc.fonts.body, p.error);
        break;
    case StaffEntryModel::Status::Locked:
        wrapped_text(fill_placeholders(dc.catalog.tr_plural("Too many wrong PINs. Staff entry is locked for {{n}} more minute.",
                                                            "Too many wrong PINs. Staff entry is locked for {{n}} more minutes.",
                                                            e.locked_minutes),
                                       {{"n", dc.count(e.locked_minutes)}}),
                     dc.fonts.body, p.error);
        break;
    case StaffEntryModel::Status::NoPin:
        wrapped_text(dc.tr("No staff PIN has been set on this kiosk. Set one with: carers-kiosk --set-staff-pin"), dc.fonts.body,
                     p.error);
        break;
    case StaffEntryModel::Status::Error:
        wrapped_text(pin_check_failed_text(dc.catalog, e.error), dc.fonts.body, p.error);
        break;
    }
    ImGui::Dummy(ImVec2(0, m.px(3)));
    if (pad) {
        place_at_start(dc, std::min(width, m.px(90)));
        text_box(dc, "pin:box", state.pin, true, std::min(width, m.px(90)), 1, true);
        ImGui::Dummy(ImVec2(0, m.px(3)));
    }
    if (start_button(dc, "pin:cancel", dc.tr("Cancel"), ButtonStyle::Secondary, m.px(50))) {
        secure_wipe(state.pin);
        out.push_back({Intent::Kind::CloseStaff});
    }
    end_scroll_page(dc, state.scroll);

    if (pad) {
        // The pad sits at the bottom, like the keyboard on carers' screens.
        std::vector<KeyEvent> events = draw_keyboard(dc, state.keyboard, KeyboardLayout::Digits, false, false);
        for (auto& ev : physical_key_events()) events.push_back(std::move(ev));
        for (const KeyEvent& ev : events) {
            if (ev.kind == KeyEvent::Kind::Done) {
                if (!state.pin.empty()) out.push_back({Intent::Kind::SubmitPin, {}, {}, {}, state.pin});
                secure_wipe(state.pin);
                state.pin.reserve(16);
            } else if (ev.kind == KeyEvent::Kind::Type) {
                if (ev.text.find_first_not_of("0123456789") == std::string::npos) apply_key(state.pin, ev, 12);
            } else if (ev.kind == KeyEvent::Kind::Backspace) {
                apply_key(state.pin, ev, 12);
            }
        }
    }
    return out;
}

}  // namespace carers::ui
