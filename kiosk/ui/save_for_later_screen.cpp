// "Save and come back later" (kiosk mode): the carer chooses a memorable word, the app seals the
// draft with it, and the screen shows the resume code to write down, how long it lasts and where.
// Says "saved" only when the model says the store did.
#include <imgui.h>

#include "kiosk/ui/saved_form_texts.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_failure_text.h"
#include "kiosk/ui/typing_box.h"

namespace carers::ui {

namespace {

using Stage = SaveForLaterModel::Stage;

constexpr std::size_t max_word_bytes = 160; // 40 characters of up to 4 bytes (memorable_word.h)

// "4CHK-79XT" drawn large as "4CHK 79XT": two groups with a wide gap, easy to copy down.
void draw_code(DrawContext& dc, const std::string& shown) {
    const Metrics& m = dc.theme.metrics;
    const Palette& p = dc.theme.palette;
    const auto dash = shown.find('-');
    const std::string a = shown.substr(0, dash),
                      b = dash == std::string::npos ? std::string() : shown.substr(dash + 1);
    const float size = dc.fonts.heading->FontSize * 1.8f;
    const ImVec2 sa = text_size(dc.fonts.heading, a, 0, size),
                 sb = text_size(dc.fonts.heading, b, 0, size);
    const float gap = m.px(8);
    const float pad = m.px(4);
    const float width = sa.x + gap + sb.x + 2 * pad;
    // Codes read left to right in every language.
    place_at_start(dc, width);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 end(pos.x + width, pos.y + sa.y + 2 * pad);
    dl->AddRectFilled(pos, end, to_u32(p.surface), m.px(1));
    dl->AddRect(pos, end, to_u32(p.border), m.px(1), 0, 2.f);
    draw_text(dl, dc.fonts.heading, ImVec2(pos.x + pad, pos.y + pad), p.text, a, 0, size);
    draw_text(dl, dc.fonts.heading, ImVec2(pos.x + pad + sa.x + gap, pos.y + pad), p.text, b, 0,
              size);
    ImGui::Dummy(ImVec2(width, end.y - pos.y));
    // For tests: the code a person reads here (it is shown on screen, not typed by anyone).
    if (dc.recorder) dc.recorder->record_last_item("save-later:code", shown);
}

void draw_choose_word(DrawContext& dc, const KioskModel& model, UiState& state, Intents& out) {
    const Palette& p = dc.theme.palette;
    const SaveForLaterModel& s = model.save_for_later;
    wrapped_text(dc.tr("Save and come back later"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("Choose a memorable word. To open your answers again at this kiosk you will "
                       "need it and a code "
                       "we will show you next."),
                 dc.fonts.body, p.text);
    wrapped_text(dc.tr("Only you will know the word. Staff cannot see it or find it for you, so "
                       "choose a word you will "
                       "remember. Do not use a password you use for anything else."),
                 dc.fonts.body, p.text);
    if (s.stage == Stage::Failed) {
        wrapped_text(dc.tr("Sorry, your answers could not be saved for later. Nothing has been "
                           "lost: your answers are still "
                           "in the form. You can go back to it, or ask a member of staff."),
                     dc.fonts.body, p.error);
        if (!s.detail.empty()) wrapped_text(it_support_text(dc.catalog, s.detail), dc.fonts.small, p.secondary_text);
    }
    const bool bad_word = s.problem == SaveForLaterModel::Problem::BadWord;
    if (bad_word) wrapped_text(dc.tr("Choose a word of 3 to 40 letters."), dc.fonts.body, p.error);
    labelled_box(dc, state, "save-later:word", dc.tr("Your memorable word"), state.memorable_word,
                 KeyboardLayout::Letters, bad_word);
    if (!state.focus.empty()) return;
    ImGui::Dummy(ImVec2(0, dc.theme.metrics.px(3)));
    const std::string& save = dc.tr("Save my answers");
    float w = button_width(dc, save, dc.theme.metrics.px(60));
    place_at_start(dc, w);
    if (touch_button(dc, "save-later:save", save, ButtonStyle::Primary, w))
        out.push_back({Intent::Kind::ParkDraft, {}, {}, {}, state.memorable_word});
    const std::string& back = dc.tr("Back to the form");
    w = button_width(dc, back, dc.theme.metrics.px(60));
    place_at_start(dc, w);
    if (touch_button(dc, "save-later:back", back, ButtonStyle::Secondary, w))
        out.push_back({Intent::Kind::GoHome});
}

void draw_saved(DrawContext& dc, const KioskModel& model, Intents& out) {
    const Palette& p = dc.theme.palette;
    const SaveForLaterModel& s = model.save_for_later;
    wrapped_text(dc.tr("Your answers are saved"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("Your code is:"), dc.fonts.body, p.text);
    draw_code(dc, s.shown_code);
    wrapped_text(
        dc.tr("Write this code down now. You will need it and your memorable word to carry on."),
        dc.fonts.body, p.text);
    wrapped_text(come_back_within(s.days, dc.catalog),
        dc.fonts.body, p.text);
    wrapped_text(dc.tr("After that, or if the wrong word is typed five times, your saved answers "
                       "are deleted to keep them "
                       "safe."),
                 dc.fonts.small, p.secondary_text);
    ImGui::Dummy(ImVec2(0, dc.theme.metrics.px(3)));
    const std::string& finish = dc.tr("Finish and clear");
    const float w = button_width(dc, finish, dc.theme.metrics.px(60));
    place_at_start(dc, w);
    if (touch_button(dc, "save-later:finish", finish, ButtonStyle::Primary, w))
        out.push_back({Intent::Kind::FinishAndClear});
}

} // namespace

Intents draw_save_for_later_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const SaveForLaterModel& s = model.save_for_later;
    draw_top_bar(dc, "", out, false);
    const std::string key = s.stage == Stage::Saved ? "save-later:saved" : "save-later";
    const bool reset = state.page_key != key;
    state.page_key = key;
    state.memorable_word.reserve(max_word_bytes); // no reallocation leaves a copy behind
    const bool choosing = s.stage == Stage::ChooseWord || s.stage == Stage::Failed;
    if (!choosing) state.focus.clear();
    const float below = choosing ? typing_keyboard_height(dc, state) : 0.f;
    begin_scroll_page(dc, "save-later", ImGui::GetContentRegionAvail().y - below, state.scroll,
                      reset);
    // Reads this stage aloud (the code spelled out once saved, never the word).
    listen_button(dc, model, out);
    switch (s.stage) {
    case Stage::ChooseWord:
    case Stage::Failed:
        draw_choose_word(dc, model, state, out);
        break;
    case Stage::Saving:
        wrapped_text(dc.tr("Saving your answers…"), dc.fonts.heading, dc.theme.palette.text);
        wrapped_text(dc.tr("This takes a few seconds. Please wait."), dc.fonts.body,
                     dc.theme.palette.text);
        break;
    case Stage::Saved:
        draw_saved(dc, model, out);
        break;
    }
    end_scroll_page(dc, state.scroll);
    if (choosing && !state.focus.empty())
        draw_typing_keyboard(dc, state, state.memorable_word, max_word_bytes);
    return out;
}

} // namespace carers::ui
