#include "kiosk/ui/journey_views.h"

#include <imgui.h>

#include "kiosk/engine/check_answers.h"
#include "kiosk/ui/message_values.h"
#include "kiosk/ui/question_view.h"
#include "kiosk/ui/screens.h"
#include "kiosk/ui/staff_failure_text.h"

namespace carers::ui {

namespace {

std::string item_text(const DrawContext& dc, const engine::FormSession& s, const engine::Item& item) {
    return dc.catalog.form_text(form_key(s, item), item.text);
}

// An answer as the person reads it, in their language where the form has a translation.
std::vector<std::string> answer_lines(const DrawContext& dc, const engine::FormSession& s, const engine::AnswerRow& row) {
    const auto& values = s.answers(row.question);
    if (values.size() != row.values.size()) return row.values;
    std::vector<std::string> out;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (auto* c = std::get_if<engine::Coding>(&values[i]))
            out.push_back(dc.catalog.form_text(form_key(s, *row.question.item) + ":option:" + c->code, row.values[i]));
        else if (auto* b = std::get_if<bool>(&values[i]))
            out.push_back(*b ? dc.tr("Yes") : dc.tr("No"));
        else
            out.push_back(answer_value_text(dc.catalog, values[i], row.values[i]));
    }
    return out;
}

}  // namespace

void draw_save_notice(DrawContext& dc, const KioskModel& model) {
    if (model.personal_not_kept) {
        const std::string& text = dc.tr("Your answers are not being saved on this device at the moment. You can carry "
                                        "on, but if you close the app before sending the form, your answers will be lost.");
        wrapped_text(text, dc.fonts.body, dc.theme.palette.error);
        if (dc.recorder) dc.recorder->record_last_item("notice:not-kept", text);
    }
    switch (model.notice) {
    case KioskModel::Notice::None: break;
    case KioskModel::Notice::Saved:
        wrapped_text(dc.tr("Your answers have been saved and will be sent to the Carers Centre."), dc.fonts.body,
                     dc.theme.palette.selected);
        break;
    case KioskModel::Notice::NotEnrolled:
        wrapped_text(dc.tr("This kiosk is not set up to send answers to the Carers Centre yet, so nothing was saved."),
                     dc.fonts.body, dc.theme.palette.error);
        break;
    case KioskModel::Notice::SaveFailed:
        wrapped_text(dc.tr("Sorry, your answers could not be saved. Please tell a member of staff."), dc.fonts.body,
                     dc.theme.palette.error);
        wrapped_text(it_support_text(dc.catalog, model.notice_detail), dc.fonts.small, dc.theme.palette.secondary_text);
        break;
    }
}

Intents draw_task_list(DrawContext& dc, const engine::FormSession& session) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const auto entries = session.task_list();
    int done = 0;
    for (const auto& e : entries) done += e.status == engine::SectionStatus::Completed;
    wrapped_text(form_title(dc, session), dc.fonts.heading, p.text);
    wrapped_text(fill_placeholders(dc.tr("You have completed {{done}} of {{count}} sections."),
                                   {{"done", dc.count(done)}, {"count", dc.count(static_cast<long>(entries.size()))}}),
                 dc.fonts.body, p.text);
    wrapped_text(dc.tr("You can do them in any order, and come back to change them."), dc.fonts.body, p.secondary_text);
    for (const auto& e : entries) {
        std::string status;
        switch (e.status) {
        case engine::SectionStatus::Completed: status = dc.tr("Completed"); break;
        case engine::SectionStatus::InProgress: status = dc.tr("In progress"); break;
        case engine::SectionStatus::NotStarted: status = dc.tr("Not yet started"); break;
        }
        if (nav_tile(dc, "section:" + e.section->link_id, item_text(dc, session, *e.section), status))
            out.push_back({Intent::Kind::OpenSection, {}, engine::ItemRef{e.section, {}}});
    }
    return out;
}

Intents draw_add_another(DrawContext& dc, const engine::FormSession& session, const engine::Page& page) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    if (!page.repeat) return out;
    const engine::RepeatSummary& r = *page.repeat;
    const std::string what = item_text(dc, session, *r.group);
    wrapped_text(what, dc.fonts.heading, p.text);
    wrapped_text(fill_placeholders(dc.catalog.tr_plural("You have added {{n}}.", "You have added {{n}}.", r.count),
                                   {{"n", dc.count(r.count)}}),
                 dc.fonts.body, p.text);
    for (int i = 0; i < r.count; ++i) {
        const std::string label = i < static_cast<int>(r.labels.size()) ? r.labels[static_cast<std::size_t>(i)]
                                                                         : what + " " + std::to_string(i + 1);
        ImGui::PushID(i);
        wrapped_text(label, dc.fonts.body, p.text);
        if (r.can_remove &&
            start_button(dc, "remove:" + r.group->link_id + ":" + std::to_string(i), dc.tr("Remove"), ButtonStyle::Secondary,
                         m.px(45))) {
            Intent in{Intent::Kind::RemoveRepetition, {}, engine::ItemRef{r.group, r.outer}};
            in.number = i;
            out.push_back(std::move(in));
        }
        ImGui::PopID();
    }
    if (r.can_add) {
        if (start_button(dc, "add-another:" + r.group->link_id, dc.tr("Add another"), ButtonStyle::Secondary, m.px(60)))
            out.push_back({Intent::Kind::AddAnother});
    } else if (r.max) {
        wrapped_text(fill_placeholders(dc.tr("You can add up to {{max}}."), {{"max", dc.count(*r.max)}}), dc.fonts.body,
                     p.secondary_text);
    }
    return out;
}

Intents draw_check_answers(DrawContext& dc, const engine::FormSession& session) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    wrapped_text(dc.tr("Check your answers before sending them"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("Nothing is sent until you choose Send at the end of this page."), dc.fonts.body, p.secondary_text);
    for (const auto& section : engine::check_answers(session)) {
        ImGui::Dummy(ImVec2(0, m.px(2)));
        if (section.section) wrapped_text(item_text(dc, session, *section.section), dc.fonts.heading, p.text);
        for (const auto& row : section.rows) {
            const std::string id = occurrence_id(row.question);
            ImGui::PushID(id.c_str());
            ImGui::GetWindowDrawList()->AddLine(ImGui::GetCursorScreenPos(),
                                                ImVec2(ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x,
                                                       ImGui::GetCursorScreenPos().y),
                                                to_u32(p.secondary_text), 1.f);
            ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(m.gap(), m.px(1.5f)));
            if (!row.repetition.empty()) wrapped_text(row.repetition, dc.fonts.small, p.secondary_text);
            wrapped_text(item_text(dc, session, *row.question.item), dc.fonts.small, p.secondary_text);
            for (const auto& line : answer_lines(dc, session, row)) wrapped_text(line, dc.fonts.body, p.text);
            ImGui::PopStyleVar();
            if (start_button(dc, "change:" + id, dc.tr("Change"), ButtonStyle::Secondary, m.px(40)))
                out.push_back({Intent::Kind::Change, {}, row.question});
            ImGui::PopID();
        }
    }
    return out;
}

Intents draw_confirmation(DrawContext& dc, const engine::FormSession& session, const KioskModel& model,
                          bool with_next_steps) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    if (session.urgent()) {
        // Safeguarding: how to get help now comes before anything else, above the reference, and
        // whether or not the answers could be saved.
        ImGui::BeginGroup();
        const std::string& heading = dc.tr("Get help now");
        std::string said = heading;
        wrapped_text(heading, dc.fonts.heading, p.error);
        for (const auto& ref_item : session.urgent_items()) {
            const std::string help =
                fill_help_text(item_text(dc, session, *ref_item.item), model.placeholders ? *model.placeholders : Placeholders{});
            wrapped_text(help, dc.fonts.body, p.text);
            said += "\n" + help;
        }
        ImGui::EndGroup();
        // For tests: where the help is and what it says (the form's own words, no answers).
        if (dc.recorder) dc.recorder->record_last_item("urgent-help", said);
        ImGui::Dummy(ImVec2(0, m.px(2)));
        draw_save_notice(dc, model);
    }
    // Not saved (not enrolled, or the store failed): the notice above says so, and a reference
    // number would promise something that did not happen.
    if (model.notice != KioskModel::Notice::Saved) return out;
    // The green panel: what happened and the reference, nothing to tap in it (GOV.UK).
    const float width = ImGui::GetContentRegionAvail().x;
    const float pad = m.px(5);
    const std::string done = dc.tr("Form complete");
    const std::string ref_label = dc.tr("Your reference number");
    const std::string ref = session.reference();
    const ImVec2 s1 = text_size(dc.fonts.heading, done, width - 2 * pad);
    const ImVec2 s2 = text_size(dc.fonts.body, ref_label, width - 2 * pad);
    const float big = dc.fonts.heading->FontSize * 1.5f;
    const ImVec2 s3 = text_size(dc.fonts.heading, ref, 0, big);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float h = pad + s1.y + m.px(3) + s2.y + m.px(1) + s3.y + pad;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + h), to_u32(p.primary));
    float y = pos.y + pad;
    draw_text(dl, dc.fonts.heading, ImVec2(pos.x + pad, y), p.primary_text, done, width - 2 * pad, 0, TextAlign::Center,
              width - 2 * pad);
    y += s1.y + m.px(3);
    draw_text(dl, dc.fonts.body, ImVec2(pos.x + pad, y), p.primary_text, ref_label, width - 2 * pad, 0, TextAlign::Center,
              width - 2 * pad);
    y += s2.y + m.px(1);
    draw_text(dl, dc.fonts.heading, ImVec2(pos.x + pad, y), p.primary_text, ref, 0, big, TextAlign::Center, width - 2 * pad);
    ImGui::Dummy(ImVec2(width, h));
    if (dc.recorder) dc.recorder->record_last_item("reference-panel", done);

    if (!with_next_steps) return out;
    wrapped_text(dc.tr("What happens next"), dc.fonts.heading, p.text);
    wrapped_text(dc.tr("The Carers Centre will read your answers and get in touch with you. Write down your reference "
                       "number or take a photo of it: they may ask for it."),
                 dc.fonts.body, p.text);
    if (model.placeholders) {
        const auto get = [&](const char* k) {
            auto it = model.placeholders->find(k);
            return it == model.placeholders->end() ? std::string() : it->second;
        };
        if (!get("centre.phone").empty())
            wrapped_text(fill_placeholders(dc.tr("If you have a question, call {{name}} on {{phone}}."),
                                           {{"name", get("centre.name")}, {"phone", get("centre.phone")}}),
                         dc.fonts.body, p.text);
    }
    return out;
}

}  // namespace carers::ui
