// The staff screen: what is waiting to be sent, what has been sent, when the last sync worked and
// when the next automatic one is, "Sync now" with its progress and last result, "Check
// connection", the submissions the centre refused, the venue's settings, and the way out of kiosk
// mode.
#include <algorithm>

#include <imgui.h>

#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_fact_labels.h"
#include "kiosk/ui/staff_sync_text.h"

namespace carers::ui {

namespace {

void fact(DrawContext& dc, const std::string& label, const std::string& value) {
    // A label sits close to its value: they read as one fact.
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(dc.theme.metrics.gap(), dc.theme.metrics.px(1)));
    wrapped_text(label, dc.fonts.small, dc.theme.palette.secondary_text);
    ImGui::PopStyleVar();
    wrapped_text(value, dc.fonts.body, dc.theme.palette.text);
}

void progress_bar(DrawContext& dc, float fraction) {
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = m.px(8);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), to_u32(p.surface));
    // It fills from the start of the line, like the text: from the right in Arabic.
    const float done = w * std::clamp(fraction, 0.f, 1.f);
    const float x0 = mirrored_x(dc, pos.x, pos.x + w, 0, done);
    dl->AddRectFilled(ImVec2(x0, pos.y), ImVec2(x0 + done, pos.y + h), to_u32(p.primary));
    dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), to_u32(p.border), 0, 0, 2.f);
    ImGui::Dummy(ImVec2(w, h));
}

}  // namespace

Intents draw_staff_screen(DrawContext& dc, const KioskModel& model, UiState& state) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const StaffModel& s = model.staff;
    const float bottom = footer_height(dc);
    const bool reset = state.page_key != "staff";
    state.page_key = "staff";
    begin_scroll_page(dc, "staff", ImGui::GetContentRegionAvail().y - bottom, state.scroll, reset);
    wrapped_text(dc.tr("Staff"), dc.fonts.heading, p.text);
    fact(dc, dc.tr("Submissions waiting to be sent"), dc.count(s.waiting));
    fact(dc, dc.tr("Submissions sent to the Carers Centre"), dc.count(s.sent));
    fact(dc, dc.tr("Last successful sync"),
         s.last_sync_unix > 0 ? staff_time_text(dc.catalog, s.last_sync_unix, s.now_unix) : dc.tr("Never"));
    fact(dc, dc.tr("Next automatic sync"),
         !s.auto_sync            ? dc.tr("Automatic sync is off: only Sync now sends.")
         : s.syncing             ? dc.tr("Sending now")
         : s.next_sync_unix == 0 ? dc.tr("After the next submission")
                                 : staff_time_text(dc.catalog, s.next_sync_unix, s.now_unix));
    ImGui::Dummy(ImVec2(0, m.px(3)));
    if (s.syncing) {
        dc.wake_in(0.25);  // the progress moves on the sync thread; look again soon
        wrapped_text(dc.tr("Sending..."), dc.fonts.body, p.text);
        progress_bar(dc, s.sync_progress);
        if (dc.recorder) dc.recorder->record_last_item("staff:progress", "");
    } else if (start_button(dc, "staff:sync", dc.tr("Sync now"), ButtonStyle::Primary, m.px(60))) {
        out.push_back({Intent::Kind::SyncNow});
    }
    // Only typed outcomes reach the screen, so every word of them is in the language on screen.
    const std::string sync_text = sync_outcome_text(dc.catalog, s.sync_outcome);
    // A refusal of "Sync now" is not a run: it has no time of its own.
    const bool refusal = s.sync_outcome.kind == StaffSyncOutcome::Kind::NotSetUp ||
                         s.sync_outcome.kind == StaffSyncOutcome::Kind::AlreadyRunning;
    const std::string finished =
        s.sync_finished_unix > 0 && !refusal ? staff_time_text(dc.catalog, s.sync_finished_unix, s.now_unix) : "";
    if (!sync_text.empty()) {
        fact(dc, dc.tr("Last sync result"),
             finished.empty() ? sync_text
                              : fill_placeholders(dc.tr("{{time}}: {{result}}"), {{"time", finished}, {"result", sync_text}}));
        // What the sentence says, for the tests that check the screen speaks its language.
        if (dc.recorder) dc.recorder->record_last_item("staff:sync-result", sync_text);
    }

    ImGui::Dummy(ImVec2(0, m.px(3)));
    if (s.checking) {
        dc.wake_in(0.25);
        wrapped_text(dc.tr("Checking the connection..."), dc.fonts.body, p.text);
        if (dc.recorder) dc.recorder->record_last_item("staff:checking", "");
    } else if (start_button(dc, "staff:check", dc.tr("Check connection"), ButtonStyle::Secondary, m.px(60))) {
        out.push_back({Intent::Kind::CheckConnection});
    }
    const std::string check_text = check_outcome_text(dc.catalog, s.check_outcome);
    if (!check_text.empty()) {
        wrapped_text(check_text, dc.fonts.body, p.text);
        if (dc.recorder) dc.recorder->record_last_item("staff:check-result", check_text);
    }

    if (!s.refused.empty()) {
        ImGui::Dummy(ImVec2(0, m.px(4)));
        wrapped_text(dc.tr("Refused by the Carers Centre"), dc.fonts.heading, p.text);
        wrapped_text(dc.tr("These stay on this kiosk, sealed, and are offered again at every sync. To stop offering "
                           "one, set it aside with carers-store set-aside and the number shown."),
                     dc.fonts.small, p.secondary_text);
        for (const auto& r : s.refused)
            fact(dc, r.set_aside ? r.short_id + " (" + dc.tr("set aside") + ")" : r.short_id,
                 refusal_reason_text(dc.catalog, r.reason));
    }

    ImGui::Dummy(ImVec2(0, m.px(4)));
    wrapped_text(dc.tr("Venue settings"), dc.fonts.heading, p.text);
    if (s.venue.empty()) wrapped_text(dc.tr("No venue settings file has been found."), dc.fonts.body, p.text);
    for (const auto& [key, value] : s.venue) fact(dc, venue_setting_label(dc.catalog, key), value);
    if (s.inactivity_seconds > 0)
        fact(dc, dc.tr("Inactivity warning"),
             fill_placeholders(dc.tr("After {{idle}} s without a touch, then {{warning}} s to answer"),
                               {{"idle", dc.count(static_cast<long>(s.inactivity_seconds))},
                                {"warning", dc.count(static_cast<long>(s.warning_seconds))}}));
    if (!s.version.empty()) fact(dc, dc.tr("Version"), s.version);

    // Strings with no translation are shown in English (never blank); staff see which.
    if (!s.translations.empty()) {
        ImGui::Dummy(ImVec2(0, m.px(4)));
        wrapped_text(dc.tr("Translations"), dc.fonts.heading, p.text);
    }
    for (const TranslationCoverage& t : s.translations) {
        std::string value = fill_placeholders(dc.tr("{{translated}} of {{total}} strings translated"),
                                              {{"translated", dc.count(t.translated)}, {"total", dc.count(t.total)}});
        if (!t.status.empty()) value += " (" + translation_status_text(dc.catalog, t.status) + ")";
        fact(dc, t.language, value);
        const std::size_t missing = t.total - t.translated;
        if (missing == 0) continue;
        const long n = static_cast<long>(missing);
        wrapped_text(fill_placeholders(dc.catalog.tr_plural("{{n}} string is shown in English until it is translated, for example:",
                                                            "{{n}} strings are shown in English until they are translated, for example:", n),
                                       {{"n", dc.count(n)}}),
                     dc.fonts.body, p.text);
        for (const std::string& e : t.examples) wrapped_text("\u201c" + e + "\u201d", dc.fonts.small, p.secondary_text);
    }

    ImGui::Dummy(ImVec2(0, m.px(4)));
    if (start_button(dc, "staff:leave", dc.tr("Leave kiosk mode"), ButtonStyle::Warning, m.px(60)))
        out.push_back({Intent::Kind::LeaveKioskMode});
    end_scroll_page(dc, state.scroll);

    const float width = column_width(dc);
    const float avail = ImGui::GetContentRegionAvail().x;
    if (width < avail) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (avail - width) / 2);
    // At the start of the reading column: its right end in a right-to-left language.
    const std::string& close = dc.tr("Back to the kiosk");
    const float close_w = std::min(button_width(dc, close, m.px(60)), std::min(width, avail));
    const float left = ImGui::GetCursorScreenPos().x;
    ImGui::SetCursorScreenPos(
        ImVec2(mirrored_x(dc, left, left + std::min(width, avail), 0, close_w), ImGui::GetCursorScreenPos().y));
    if (touch_button(dc, "staff:close", close, ButtonStyle::Secondary, close_w))
        out.push_back({Intent::Kind::CloseStaff});
    return out;
}

}  // namespace carers::ui
