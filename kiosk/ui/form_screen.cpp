// A journey in progress: top bar, the engine's current view (a page, the task list, an
// add-another page, "Check your answers", the confirmation) scrolling by drag, then the buttons —
// or, while a box has focus, the on-screen keyboard with the box kept in view above it.
#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/journey_views.h"
#include "kiosk/ui/onscreen_keyboard.h"
#include "kiosk/ui/question_view.h"
#include "kiosk/ui/screens.h"

namespace carers::ui {

namespace {

using engine::View;

// Always in the same place (WCAG 3.2.6): the main action first, Back beside it; in Arabic the
// row is mirrored, the main action at the right and Back to its left.
void draw_footer(DrawContext& dc, const engine::FormSession& session, Intents& out) {
    const Metrics& m = dc.theme.metrics;
    const float width = column_width(dc);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
    if (session.complete()) {
        // Sent (a reference number): Finish; the end of "Am I a carer?": Start again.
        const std::string& label = session.reference().empty() ? dc.tr("Start again") : dc.tr("Finish");
        const float w = std::min(button_width(dc, label, m.px(60)), std::min(width, avail));
        // At the start of the reading column (its right end in Arabic), where Continue was.
        const float left = ImGui::GetCursorScreenPos().x;
        ImGui::SetCursorScreenPos(ImVec2(mirrored_x(dc, left, left + std::min(width, avail), 0, w), ImGui::GetCursorScreenPos().y));
        if (touch_button(dc, "start-again", label, ButtonStyle::Primary, w)) out.push_back({Intent::Kind::StartAgain});
        return;
    }
    const bool check = session.view() == View::CheckAnswers;
    const std::string& next = check ? dc.tr("Send") : dc.tr("Continue");
    const std::string& back = dc.tr("Back");
    const float next_w = button_width(dc, next, m.px(60));
    const bool with_back = check || (session.view() == View::Page &&
                                     (session.current_page().number > 1 || session.returning_to_check_answers()));
    const float back_w = with_back ? button_width(dc, back, m.px(40)) : 0.f;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float left = ImGui::GetCursorScreenPos().x, y = ImGui::GetCursorScreenPos().y;
    const float right = left + std::min(width, avail);
    ImGui::SetCursorScreenPos(ImVec2(mirrored_x(dc, left, right, 0, next_w), y));
    if (touch_button(dc, check ? "submit" : "next", next, ButtonStyle::Primary, next_w))
        out.push_back({check ? Intent::Kind::Submit : Intent::Kind::Next});
    if (with_back) {
        ImGui::SameLine();
        ImGui::SetCursorScreenPos(ImVec2(mirrored_x(dc, left, right, next_w + spacing, back_w), y));
        if (touch_button(dc, "back", back, ButtonStyle::Secondary, back_w)) out.push_back({Intent::Kind::Back});
    }
}

// Which view and page is on screen: a change scrolls to the top and puts the keyboard away.
std::string view_key(const engine::FormSession& session) {
    switch (session.view()) {
    case View::TaskList: return "#tasks";
    case View::CheckAnswers: return "#check";
    case View::Confirmation: return "#sent";
    case View::Page: break;
    }
    const engine::Page page = session.current_page();
    return (page.anchor.item ? occurrence_id(page.anchor) : std::string()) + (session.complete() ? "#done" : "");
}

}  // namespace

Intents draw_form_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const engine::FormSession& session = *model.session;
    // The language and text size can be changed on any page; the answers stay.
    draw_top_bar(dc, form_title(dc, session), out, true);

    const std::string key = view_key(session);
    const bool new_page = key != state.page_key;
    if (new_page) state.page_key = key;
    const bool typing = !state.focus.empty() && session.view() == View::Page;
    const bool arabic = dc.catalog.language().code == "ar";
    const float bottom = typing ? keyboard_height(dc, state.keyboard.base) + ImGui::GetStyle().ItemSpacing.y
                                : footer_height(dc);
    begin_scroll_page(dc, "page", ImGui::GetContentRegionAvail().y - bottom, state.scroll, new_page);
    // A sent form with urgent answers: the confirmation puts how to get help now above this.
    if (!(session.complete() && session.urgent())) draw_save_notice(dc, model);
    // Reads the question, its hint and its choices in the person's language (EN 301 549).
    if (session.view() == View::Page) listen_button(dc, model, out);
    FocusTarget focus;
    Intents view;
    switch (session.view()) {
    case View::TaskList: view = draw_task_list(dc, session); break;
    case View::CheckAnswers: view = draw_check_answers(dc, session); break;
    case View::Confirmation: view = draw_confirmation(dc, session, model); break;
    case View::Page: {
        const engine::Page page = session.current_page();
        // Sent, with a result page of the form's own: the reference number above it.
        if (session.complete() && !session.reference().empty()) view = draw_confirmation(dc, session, model, false);
        if (page.kind == engine::PageKind::AddAnother)
            view = draw_add_another(dc, session, page);
        else
            view = draw_question_page(dc, session, state, model.placeholders ? *model.placeholders : Placeholders{}, focus);
        break;
    }
    }
    if (model.can_save_for_later) {
        // Under the page, where GOV.UK puts it: a way out that keeps the answers.
        ImGui::Dummy(ImVec2(0, dc.theme.metrics.px(4)));
        const std::string& later = dc.tr("Save and come back later");
        const float w = button_width(dc, later);
        place_at_start(dc, w);
        if (touch_button(dc, "save-for-later", later, ButtonStyle::Secondary, w)) out.push_back({Intent::Kind::SaveForLater});
    }
    end_scroll_page(dc, state.scroll);
    append_intents(out, view);

    if (typing && focus.buffer) {
        std::vector<KeyEvent> events = draw_keyboard(dc, state.keyboard, state.keyboard.base, arabic, state.keyboard.next_box);
        for (auto& e : physical_key_events()) events.push_back(std::move(e));
        Intents typed = apply_typing(focus, events, state);
        append_intents(out, typed);
    } else {
        // The box went away (its question was turned off, or another view shows). A box tapped in
        // this very frame keeps its focus: the keyboard opens on the next.
        if (typing || (!state.focus.empty() && session.view() != View::Page)) state.focus.clear();
        draw_footer(dc, session, out);
    }
    return out;
}

}  // namespace carers::ui
