// "Continue a saved form" (kiosk mode): the resume code on a pad of the code's own characters and
// the memorable word on the letters keyboard; what the store answered, in plain words.
#include <imgui.h>

#include "kiosk/ui/saved_form_texts.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_failure_text.h"
#include "kiosk/ui/typing_box.h"

namespace carers::ui {

namespace {

using Status = ContinueSavedModel::Status;

constexpr std::size_t max_code_bytes = 16;  // 8 characters, with room for spaces and a hyphen
constexpr std::size_t max_word_bytes = 160; // 40 characters of up to 4 bytes

// What happened, or nothing. Error colour for everything but the first visit.
void draw_status(DrawContext& dc, const ContinueSavedModel& c) {
    const std::string line = continue_saved_message(c, dc.catalog);
    if (line.empty()) return;
    wrapped_text(line, dc.fonts.body, dc.theme.palette.error);
    // For tests: which message is showing (a fixed sentence, never what was typed).
    if (dc.recorder) dc.recorder->record_last_item("continue:status", line);
    if (c.status == Status::Failed && !c.detail.empty())
        wrapped_text(it_support_text(dc.catalog, c.detail), dc.fonts.small, dc.theme.palette.secondary_text);
}

void draw_form(DrawContext& dc, const KioskModel& model, UiState& state, Intents& out) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const ContinueSavedModel& c = model.continue_saved;
    wrapped_text(dc.tr("Continue a saved form"), dc.fonts.heading, p.text);
    wrapped_text(
        dc.tr("Type the code you were given when you saved your answers, and your memorable word."),
        dc.fonts.body, p.text);
    draw_status(dc, c);
    labelled_box(dc, state, "continue:code", dc.tr("Your code"), state.resume_code,
                 KeyboardLayout::ResumeCode,
                 c.status == Status::NotACode || c.status == Status::NoSuchCode);
    labelled_box(dc, state, "continue:word", dc.tr("Your memorable word"), state.memorable_word,
                 KeyboardLayout::Letters,
                 c.status == Status::NotAWord || c.status == Status::WrongWord);
    if (!state.focus.empty()) return;
    ImGui::Dummy(ImVec2(0, m.px(3)));
    const std::string& go = dc.tr("Continue");
    float w = button_width(dc, go, m.px(60));
    place_at_start(dc, w);
    if (touch_button(dc, "continue:open", go, ButtonStyle::Primary, w))
        out.push_back(
            {Intent::Kind::ResumeDraft, {}, {}, {}, state.resume_code, 0, {state.memorable_word}});
    const std::string& back = dc.tr("Back");
    w = button_width(dc, back, m.px(40));
    place_at_start(dc, w);
    if (touch_button(dc, "continue:back", back, ButtonStyle::Secondary, w))
        out.push_back({Intent::Kind::GoHome});
}

} // namespace

Intents draw_continue_saved_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const ContinueSavedModel& c = model.continue_saved;
    draw_top_bar(dc, "", out, true);
    const bool reset = state.page_key != "continue-saved";
    state.page_key = "continue-saved";
    state.resume_code.reserve(max_code_bytes);
    state.memorable_word.reserve(max_word_bytes);
    const bool opening = c.status == Status::Opening;
    if (opening) state.focus.clear();
    begin_scroll_page(dc, "continue-saved",
                      ImGui::GetContentRegionAvail().y - typing_keyboard_height(dc, state),
                      state.scroll, reset);
    listen_button(dc, model, out); // reads the screen and what the store answered, never what was typed
    if (opening) {
        wrapped_text(dc.tr("Opening your saved answers…"), dc.fonts.heading, dc.theme.palette.text);
        wrapped_text(dc.tr("This takes a few seconds. Please wait."), dc.fonts.body,
                     dc.theme.palette.text);
    } else {
        draw_form(dc, model, state, out);
    }
    end_scroll_page(dc, state.scroll);
    if (!state.focus.empty()) {
        const bool code = state.focus == "continue:code";
        draw_typing_keyboard(dc, state, code ? state.resume_code : state.memorable_word,
                             code ? max_code_bytes : max_word_bytes);
    }
    return out;
}

} // namespace carers::ui
