#include "kiosk/ui/question_view.h"

#include <charconv>

#include <imgui_stdlib.h>

namespace carers::ui {

using engine::AnswerValue;
using engine::ItemRef;
using engine::ItemType;

std::string occurrence_id(const ItemRef& ref) {
    std::string id = ref.item->link_id;
    for (int r : ref.reps) id += "." + std::to_string(r);
    return id;
}

namespace {

// The id a form's texts are translated under: the last part of its canonical URL.
std::string form_key(const engine::FormSession& session, const engine::Item& item) {
    const std::string& url = session.questionnaire().url;
    return url.substr(url.rfind('/') + 1) + ":" + item.link_id;
}

bool is_selected(const std::vector<AnswerValue>& answers, const AnswerValue& v) {
    for (const auto& a : answers)
        if (engine::values_equal(a, v)) return true;
    return false;
}

std::string option_key(const AnswerValue& v) {
    if (auto* c = std::get_if<engine::Coding>(&v)) return c->code;
    return engine::display_text(v);
}

// Answer buttons for boolean and choice questions.
void draw_options(DrawContext& dc, const engine::FormSession& session, const ItemRef& ref, Intents& out) {
    const auto& item = *ref.item;
    const auto& current = session.answers(ref);
    std::vector<AnswerValue> options;
    if (item.type == ItemType::Boolean) {
        options = {AnswerValue{true}, AnswerValue{false}};  // labels "Yes"/"No" via display_text
    } else {
        for (const auto& o : item.answer_options) options.push_back(o.value);
    }
    const bool multiple = item.repeats;
    for (const AnswerValue& v : options) {
        bool selected = is_selected(current, v);
        std::string id = "answer:" + occurrence_id(ref) + ":" + option_key(v);
        const std::string label =
            dc.catalog.form_text(form_key(session, item) + ":option:" + option_key(v), engine::display_text(v));
        if (option_tile(dc, id, label, selected, multiple)) {
            std::vector<AnswerValue> next;
            if (multiple) {
                for (const auto& a : current)
                    if (!engine::values_equal(a, v)) next.push_back(a);
                if (!selected) next.push_back(v);
            } else {
                next.push_back(v);
            }
            out.push_back({Intent::Kind::Answer, {}, ref, std::move(next)});
        }
    }
}

// A text or number field. What is typed lives in UiState until it makes a valid answer, so a
// half-typed number is never thrown away.
void draw_text_field(DrawContext& dc, const engine::FormSession& session, const ItemRef& ref, UiState& state,
                     Intents& out) {
    const auto& item = *ref.item;
    auto [it, inserted] = state.text.try_emplace(ref);
    std::string& buffer = it->second;
    if (inserted && !session.answers(ref).empty()) buffer = engine::display_text(session.answers(ref).front());
    ImGui::PushFont(dc.fonts.body);
    ImGui::SetNextItemWidth(item.type == ItemType::Text ? -1.f : std::min(ImGui::GetContentRegionAvail().x, dc.theme.metrics.px(120)));
    ImGuiInputTextFlags flags = 0;
    if (item.type == ItemType::Integer) flags |= ImGuiInputTextFlags_CharsDecimal;
    std::string id = "field:" + occurrence_id(ref);
    bool changed = item.type == ItemType::Text
                       ? ImGui::InputTextMultiline(("##" + id).c_str(), &buffer,
                                                   ImVec2(-1.f, dc.theme.metrics.px(40)), flags)
                       : ImGui::InputText(("##" + id).c_str(), &buffer, flags);
    ImGui::PopFont();
    if (dc.recorder) dc.recorder->record_last_item(id, item.text);
    if (!changed) return;
    std::vector<AnswerValue> values;
    if (item.type == ItemType::Integer) {
        std::int64_t n = 0;
        auto [p, ec] = std::from_chars(buffer.data(), buffer.data() + buffer.size(), n);
        if (ec == std::errc() && p == buffer.data() + buffer.size()) values.push_back(n);
    } else if (item.type == ItemType::Decimal) {
        try {
            std::size_t used = 0;
            double d = std::stod(buffer, &used);
            if (used == buffer.size()) values.push_back(d);
        } catch (...) {
        }
    } else if (!buffer.empty()) {
        values.push_back(buffer);
    }
    out.push_back({Intent::Kind::Answer, {}, ref, std::move(values)});
}

// Day, month and year boxes (never a calendar): the GOV.UK date pattern.
void draw_date_field(DrawContext& dc, const engine::FormSession& session, const ItemRef& ref, UiState& state,
                     Intents& out) {
    auto [it, inserted] = state.dates.try_emplace(ref);
    auto& parts = it->second;
    if (inserted && !session.answers(ref).empty())
        if (auto* d = std::get_if<engine::Date>(&session.answers(ref).front()))
            parts = {std::to_string(d->day), std::to_string(d->month), std::to_string(d->year)};
    const std::string labels[] = {dc.tr("Day"), dc.tr("Month"), dc.tr("Year")};
    const float widths[] = {25, 25, 40};
    bool changed = false;
    for (int i = 0; i < 3; ++i) {
        if (i) ImGui::SameLine();
        ImGui::BeginGroup();
        wrapped_text(labels[i], dc.fonts.small, dc.theme.palette.text);
        ImGui::PushFont(dc.fonts.body);
        ImGui::SetNextItemWidth(dc.theme.metrics.px(widths[i]));
        static const char* const part_ids[] = {"day", "month", "year"};
        std::string id = "field:" + occurrence_id(ref) + ":" + part_ids[i];
        changed |= ImGui::InputText(("##" + id).c_str(), &parts[static_cast<std::size_t>(i)], ImGuiInputTextFlags_CharsDecimal);
        ImGui::PopFont();
        if (dc.recorder) dc.recorder->record_last_item(id, labels[i]);
        ImGui::EndGroup();
    }
    if (!changed) return;
    int v[3] = {0, 0, 0};
    bool complete = true;
    for (int i = 0; i < 3; ++i) {
        const std::string& s = parts[static_cast<std::size_t>(i)];
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v[i]);
        complete &= !s.empty() && ec == std::errc() && p == s.data() + s.size();
    }
    std::vector<AnswerValue> values;
    if (complete) values.push_back(engine::Date{v[2], v[1], v[0]});
    out.push_back({Intent::Kind::Answer, {}, ref, std::move(values)});
}

const engine::ValidationError* error_for(const engine::FormSession& s, const ItemRef& ref) {
    for (const auto& e : s.errors())
        if (e.ref == ref) return &e;
    return nullptr;
}

void draw_error_summary(DrawContext& dc, const engine::FormSession& session) {
    if (session.errors().empty()) return;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    // GOV.UK error summary: a red-bordered box at the top listing each problem.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float pad = m.px(4);
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::PushTextWrapPos(ImGui::GetContentRegionMax().x - pad);
    ImGui::BeginGroup();
    wrapped_text(dc.tr("There is a problem"), dc.fonts.heading, p.text);
    for (const auto& e : session.errors())
        wrapped_text(dc.catalog.form_text(form_key(session, *e.ref.item), e.ref.item->text) + ": " + dc.tr(e.message),
                     dc.fonts.body, p.error);
    ImGui::EndGroup();
    ImGui::PopTextWrapPos();
    const ImVec2 end(start.x + ImGui::GetContentRegionAvail().x + pad, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRect(start, end, to_u32(p.error), 0.f, 0, m.px(1.2f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + m.px(4)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

Intents draw_question_page(DrawContext& dc, const engine::FormSession& session, UiState& state,
                           const Placeholders& placeholders) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const engine::Page page = session.current_page();
    if (!page.anchor.item) return out;

    const std::string key = occurrence_id(page.anchor) + (session.complete() ? "#done" : "");
    const bool new_page = key != state.page_key;
    state.page_key = key;

    const float footer = m.target() + 2 * m.px(4);
    ImGui::BeginChild("page", ImVec2(0, -footer), false);
    if (new_page) ImGui::SetScrollY(0);
    if (!session.complete() && page.has_questions) {
        wrapped_text(fill_placeholders(dc.tr("Question {{n}} of {{count}}"),
                                       {{"n", std::to_string(page.number)}, {"count", std::to_string(page.count)}}),
                     dc.fonts.small, p.secondary_text);
    }
    draw_error_summary(dc, session);
    if (page.anchor.item->is_group() && !page.anchor.item->text.empty())
        wrapped_text(fill_placeholders(dc.catalog.form_text(form_key(session, *page.anchor.item), page.anchor.item->text),
                                       placeholders),
                     dc.fonts.heading, p.text);
    for (const ItemRef& ref : page.items) {
        const auto& item = *ref.item;
        const std::string text = fill_placeholders(dc.catalog.form_text(form_key(session, item), item.text), placeholders);
        ImGui::PushID(occurrence_id(ref).c_str());
        if (item.type == ItemType::Group) {
            if (!text.empty()) wrapped_text(text, dc.fonts.heading, p.text);
        } else if (item.type == ItemType::Display) {
            wrapped_text(text, page.has_questions ? dc.fonts.body : dc.fonts.body, p.text);
        } else {
            wrapped_text(text, dc.fonts.heading, p.text);
            if (std::string hint = item.hint(); !hint.empty())
                wrapped_text(fill_placeholders(dc.catalog.form_text(form_key(session, item) + ":hint", hint), placeholders),
                             dc.fonts.body, p.secondary_text);
            if (const auto* e = error_for(session, ref)) wrapped_text(dc.tr(e->message), dc.fonts.body, p.error);
            ImGui::Dummy(ImVec2(0, m.px(2)));
            switch (item.type) {
            case ItemType::Boolean:
            case ItemType::Choice:
            case ItemType::OpenChoice: draw_options(dc, session, ref, out); break;
            case ItemType::Date: draw_date_field(dc, session, ref, state, out); break;
            default: draw_text_field(dc, session, ref, state, out); break;
            }
        }
        ImGui::Dummy(ImVec2(0, m.px(4)));
        ImGui::PopID();
    }
    ImGui::EndChild();

    // Footer: always in the same place (WCAG 3.2.6 consistent help and navigation).
    ImGui::Dummy(ImVec2(0, m.px(2)));
    if (session.complete()) {
        if (touch_button(dc, "start-again", dc.tr("Start again"), ButtonStyle::Primary)) out.push_back({Intent::Kind::StartAgain});
    } else {
        if (touch_button(dc, "next", dc.tr("Continue"), ButtonStyle::Primary)) out.push_back({Intent::Kind::Next});
        if (page.number > 1) {
            ImGui::SameLine();
            if (touch_button(dc, "back", dc.tr("Back"), ButtonStyle::Secondary)) out.push_back({Intent::Kind::Back});
        }
    }
    return out;
}

}  // namespace carers::ui
