// Shown instead of the kiosk when its encrypted store cannot be opened: no carer can use it, so
// the screen speaks to staff, with the store's own sentence and the problem's code.
#include <imgui.h>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_failure_text.h"

namespace carers::ui {

Intents draw_store_error_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    begin_scroll_page(dc, "store-error", ImGui::GetContentRegionAvail().y, state.scroll, false);
    ImGui::Dummy(ImVec2(0, m.px(10)));
    wrapped_text(dc.tr("This kiosk is not working at the moment"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("Please ask a member of staff for help, or use a paper form."), dc.fonts.body, p.text);
    ImGui::Dummy(ImVec2(0, m.px(8)));
    wrapped_text(dc.tr("For staff"), dc.fonts.heading, p.text);
    // Advice in the language on screen; the store's own sentence (English, naming no person)
    // follows for IT support.
    wrapped_text(with_cause(dc.catalog, store_problem_text(dc.catalog, model.store_problem), StaffFailureCause::None, 0,
                            model.store_error),
                 dc.fonts.body, p.error);
    if (!model.store_error_code.empty())
        wrapped_text(fill_placeholders(dc.tr("Problem code: {{code}}"), {{"code", model.store_error_code}}), dc.fonts.body, p.text);
    ImGui::Dummy(ImVec2(0, m.px(6)));
    if (start_button(dc, "store-error:close", dc.tr("Close the kiosk"), ButtonStyle::Secondary, m.px(60)))
        out.push_back({Intent::Kind::LeaveKioskMode});
    end_scroll_page(dc, state.scroll);
    return out;
}

}  // namespace carers::ui
