#include "kiosk/ui/question_view.h"

#include <algorithm>
#include <string_view>

#include <imgui.h>

#include "kiosk/engine/validation.h"
#include "kiosk/ui/message_values.h"

namespace carers::ui {

using engine::AnswerValue;
using engine::ItemRef;
using engine::ItemType;

std::string occurrence_id(const ItemRef& ref) {
    std::string id = ref.item->link_id;
    for (int r : ref.reps) id += "." + std::to_string(r);
    return id;
}

std::string form_key(const engine::FormSession& session, const engine::Item& item) {
    const std::string& url = session.questionnaire().url;
    return url.substr(url.rfind('/') + 1) + ":" + item.link_id;
}

std::string form_title(const DrawContext& dc, const engine::FormSession& session) {
    const std::string& url = session.questionnaire().url;
    return dc.catalog.form_text(url.substr(url.rfind('/') + 1) + ":title", session.questionnaire().title);
}

KeyboardLayout keyboard_for(const engine::Item& item, bool arabic) {
    switch (item.type) {
    case ItemType::Integer: return KeyboardLayout::Digits;
    case ItemType::Decimal: return KeyboardLayout::Decimal;
    case ItemType::Date: return KeyboardLayout::DateBox;
    default: break;
    }
    switch (item.input_kind) {
    case engine::InputKind::Email: return KeyboardLayout::Email;
    case engine::InputKind::UkPhone:
    case engine::InputKind::NhsNumber: return KeyboardLayout::Phone;
    case engine::InputKind::DateOfBirth:
    case engine::InputKind::PastDate: return KeyboardLayout::DateBox;
    case engine::InputKind::Postcode:  // letters and digits: the letters page has a digits row
    case engine::InputKind::None: break;
    }
    // Otherwise the entry format shows what the answer looks like: "name@example.com", "07700 900123".
    const std::string& f = item.entry_format;
    if (f.find('@') != std::string::npos || item.regex.find('@') != std::string::npos) return KeyboardLayout::Email;
    if (!f.empty() && std::all_of(f.begin(), f.end(), [](char c) { return (c >= '0' && c <= '9') || c == ' ' || c == '+'; }))
        return KeyboardLayout::Phone;
    return arabic ? KeyboardLayout::Arabic : KeyboardLayout::Letters;
}

namespace {

const char* const date_part_ids[] = {"day", "month", "year"};

bool is_selected(const std::vector<AnswerValue>& answers, const AnswerValue& v) {
    for (const auto& a : answers)
        if (engine::values_equal(a, v)) return true;
    return false;
}

std::string option_key(const AnswerValue& v) {
    if (auto* c = std::get_if<engine::Coding>(&v)) return c->code;
    return engine::display_text(v);
}

std::size_t max_bytes_for(const engine::Item& item) {
    // UTF-8 needs up to 4 bytes a character; the engine checks the real maxLength on Continue.
    const std::size_t chars = item.max_length ? static_cast<std::size_t>(*item.max_length)
                                              : (item.type == ItemType::Text ? 2000 : 200);
    return std::min<std::size_t>(chars * 4, 8000);
}

// Answer buttons for boolean and choice questions.
void draw_options(DrawContext& dc, const engine::FormSession& session, const ItemRef& ref, UiState& state, Intents& out) {
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
            state.focus.clear();  // choosing an option puts the keyboard away
            // The engine knows the rules: one answer, several, or an exclusive "None of these".
            out.push_back({Intent::Kind::ToggleOption, {}, ref, {v}});
        }
    }
}

void focus_on(UiState& state, const std::string& id) {
    if (state.focus == id) return;
    state.focus = id;
    state.scroll_to_focus = true;
    state.keyboard = KeyboardState{};
    reset_touch_scroll(state.scroll);
}

// After the focused box is drawn: note it as the keyboard's target and bring it into view.
void note_focus(DrawContext& dc, UiState& state, FocusTarget& focus, const ItemRef& ref, int part, std::string& buffer,
                KeyboardLayout layout, std::size_t max_bytes) {
    focus = {ref, part, &buffer, layout, max_bytes};
    state.keyboard.base = layout;
    state.keyboard.next_box = part == 0 || part == 1;
    if (dc.recorder) dc.recorder->facts().focus = state.focus;
    if (state.scroll_to_focus) {
        // Put the box a third of the way down, so its question stays readable above it.
        const float local = ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y;
        ImGui::SetScrollFromPosY(local, 0.35f);
        state.scroll_to_focus = false;
    }
}

// A text or number box. What is typed lives in UiState until it makes a valid answer, so a
// half-typed number is never thrown away.
void draw_text_field(DrawContext& dc, const engine::FormSession& session, const ItemRef& ref, UiState& state, bool error,
                     FocusTarget& focus, bool arabic) {
    const auto& item = *ref.item;
    auto [it, inserted] = state.text.try_emplace(ref);
    std::string& buffer = it->second;
    const std::size_t max_bytes = max_bytes_for(item);
    if (inserted) {
        // Room for the longest answer up front: the buffer never reallocates, so no stale copy
        // of what was typed is left behind in freed memory.
        buffer.reserve(max_bytes + 8);
        buffer += session.answer_as_text(ref);
    }
    const std::string id = "field:" + occurrence_id(ref);
    const KeyboardLayout layout = keyboard_for(item, arabic);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float width = item.type == ItemType::Text || layout == KeyboardLayout::Letters || layout == KeyboardLayout::Email ||
                                layout == KeyboardLayout::Arabic
                            ? avail
                            : std::min(avail, dc.theme.metrics.px(80) * dc.theme.metrics.text_scale);
    const bool focused = state.focus == id;
    if (text_box(dc, id, buffer, focused, width, item.type == ItemType::Text ? 3 : 1, false, error)) focus_on(state, id);
    if (state.focus == id) note_focus(dc, state, focus, ref, -1, buffer, layout, max_bytes);
}

// Day, month and year boxes (never a calendar): the GOV.UK date pattern, typed on a number pad.
void draw_date_field(DrawContext& dc, const engine::FormSession& session, const ItemRef& ref, UiState& state,
                     const engine::ValidationError* error, FocusTarget& focus) {
    auto [it, inserted] = state.dates.try_emplace(ref);
    auto& parts = it->second;
    if (inserted) {
        for (auto& p : parts) p.reserve(16);
        if (!session.answers(ref).empty())
            if (auto* d = std::get_if<engine::Date>(&session.answers(ref).front())) {
                const engine::DateFields f = engine::fields_from_date(*d);
                parts[0] += f.day;
                parts[1] += f.month;
                parts[2] += f.year;
            }
    }
    const std::string labels[] = {dc.tr("Day"), dc.tr("Month"), dc.tr("Year")};
    const float widths[] = {28, 28, 40};
    const Metrics& m = dc.theme.metrics;
    // Day, month, year in reading order: left to right, or right to left in Arabic, where forms
    // put the day at the right (the order a date is said and written in, read from the right).
    // The digits inside each box stay left to right. A row that is full goes on under it.
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float row_w = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float outline = m.px(1);  // text_box draws its focus outline outside the box
    float x = 0, y = origin.y, row_bottom = origin.y;
    for (int i = 0; i < 3; ++i) {
        const float box_w = std::min(m.px(widths[i]) * m.text_scale, row_w - 2 * outline);
        const float w = box_w + 2 * outline;
        if (x > 0 && x + w > row_w) {
            x = 0;
            y = row_bottom + ImGui::GetStyle().ItemSpacing.y;
        }
        ImGui::SetCursorScreenPos(ImVec2(mirrored_x(dc, origin.x, origin.x + row_w, x, w), y));
        ImGui::BeginGroup();
        const ImVec2 label_size = text_size(dc.fonts.small, labels[i], w);
        draw_text(ImGui::GetWindowDrawList(), dc.fonts.small, ImGui::GetCursorScreenPos(), dc.theme.palette.text, labels[i], w,
                  0, TextAlign::Start, w);
        ImGui::Dummy(ImVec2(w, label_size.y));
        const std::string id = "field:" + occurrence_id(ref) + ":" + date_part_ids[i];
        std::string& part = parts[static_cast<std::size_t>(i)];
        // Only the boxes the problem is about are marked (all of them when it does not say).
        const unsigned bit = 1u << i;
        const bool marked = error && (error->date_parts == 0 || (error->date_parts & bit));
        if (text_box(dc, id, part, state.focus == id, box_w, 1, false, marked)) focus_on(state, id);
        if (state.focus == id) {
            note_focus(dc, state, focus, ref, i, part, KeyboardLayout::DateBox, i == 2 ? 4 : 2);
        }
        ImGui::EndGroup();
        row_bottom = std::max(row_bottom, ImGui::GetItemRectMax().y);
        x += w + spacing;
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, row_bottom));
    ImGui::Dummy(ImVec2(row_w, 0));
}

// A validation message in the language on screen: the engine's English template translated and
// filled, its label, option and the form's own message translated as form texts, its dates,
// numbers and counts written the language's way (issue 7).
std::string error_text(const DrawContext& dc, const engine::FormSession& session, const engine::ValidationError& e) {
    const std::string& url = session.questionnaire().url;
    return message_in_language(dc.catalog, url.substr(url.rfind('/') + 1), e);
}

const engine::ValidationError* error_for(const engine::FormSession& s, const ItemRef& ref) {
    for (const auto& e : s.errors())
        if (e.ref == ref) return &e;
    return nullptr;
}

// "How old are you? Select an answer": the question, then the problem; a colon only when the
// question does not end a sentence itself (in any of the shipped scripts).
std::string summary_line(const std::string& question, const std::string& problem) {
    for (std::string_view stop : {"?", ".", "!", ":", "\xd8\x9f", "\xef\xbc\x9f", "\xe3\x80\x82", "\xef\xbc\x9a"})
        if (question.size() >= stop.size() && question.compare(question.size() - stop.size(), stop.size(), stop) == 0)
            return question + " " + problem;
    return question + ": " + problem;
}

// The widget id of the box (or first date box the problem is about) an error links to, or "" for
// a question answered with option tiles.
std::string error_target(const engine::ValidationError& e) {
    const auto& item = *e.ref.item;
    if (item.type == ItemType::Boolean || item.type == ItemType::Choice || item.type == ItemType::OpenChoice) return "";
    std::string id = "field:" + occurrence_id(e.ref);
    if (item.type == ItemType::Date) {
        int part = 0;
        while (part < 2 && e.date_parts != 0 && !(e.date_parts & (1u << part))) ++part;
        id += std::string(":") + date_part_ids[part];
    }
    return id;
}

// GOV.UK error summary: a red-bordered box at the top listing each problem, each a link that
// takes the person to the question: a box gets the keyboard, options are scrolled into view.
void draw_error_summary(DrawContext& dc, const engine::FormSession& session, UiState& state) {
    if (session.errors().empty()) return;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float pad = m.px(4);
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorScreenPos(ImVec2(start.x + pad, start.y + pad));
    ImGui::BeginGroup();
    const float inner = width - 2 * pad;
    const std::string& heading = dc.tr("There is a problem");
    const ImVec2 hs = text_size(dc.fonts.heading, heading, inner);
    draw_text(dl, dc.fonts.heading, ImGui::GetCursorScreenPos(), p.text, heading, inner, 0, TextAlign::Start, inner);
    ImGui::Dummy(ImVec2(inner, hs.y));
    for (const auto& e : session.errors()) {
        const std::string occurrence = occurrence_id(e.ref);
        const std::string text = summary_line(dc.catalog.form_text(form_key(session, *e.ref.item), e.ref.item->text),
                                              error_text(dc, session, e));
        const ImVec2 ts = text_size(dc.fonts.body, text, inner);
        const ImVec2 pos = ImGui::GetCursorScreenPos();
        const float h = std::max(m.target(), ts.y + m.px(2));
        ImGui::PushID(occurrence.c_str());
        const bool tapped = ImGui::InvisibleButton("error-link", ImVec2(inner, h));
        ImGui::PopID();
        const ImVec4& colour = ImGui::IsItemActive() ? p.text : p.error;
        const float ty = pos.y + (h - ts.y) / 2;
        draw_text(dl, dc.fonts.body, ImVec2(pos.x, ty), colour, text, inner, 0, TextAlign::Start, inner);
        // Underlined, as links are: it does not rely on colour alone.
        const float line_w = std::min(inner, ts.x);
        const float ux = dc.right_to_left() ? pos.x + inner - line_w : pos.x;
        dl->AddLine(ImVec2(ux, ty + ts.y + m.px(0.3f)), ImVec2(ux + line_w, ty + ts.y + m.px(0.3f)), to_u32(colour),
                    m.px(0.4f));
        if (dc.recorder) dc.recorder->record_last_item("error:" + occurrence, text);
        if (tapped) {
            const std::string target = error_target(e);
            if (!target.empty()) focus_on(state, target);
            else state.scroll_to_question = occurrence;
        }
    }
    ImGui::EndGroup();
    const ImVec2 end(start.x + width, ImGui::GetItemRectMax().y + pad);
    dl->ChannelsSetCurrent(0);
    dl->AddRect(start, end, to_u32(p.error), 0.f, 0, m.px(1.2f));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, end.y + m.px(4)));
    ImGui::Dummy(ImVec2(0, 0));
}

}  // namespace

Intents draw_question_page(DrawContext& dc, const engine::FormSession& session, UiState& state,
                           const Placeholders& placeholders, FocusTarget& focus) {
    Intents out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    const engine::Page page = session.current_page();
    if (!page.anchor.item) return out;
    const bool arabic = dc.catalog.language().code == "ar";

    if (!session.complete() && page.has_questions) {
        wrapped_text(fill_placeholders(dc.tr("Question {{n}} of {{count}}"),
                                       {{"n", dc.count(page.number)}, {"count", dc.count(page.count)}}),
                     dc.fonts.small, p.secondary_text);
    }
    draw_error_summary(dc, session, state);
    if (page.anchor.item->is_group() && !page.anchor.item->text.empty())
        wrapped_text(fill_placeholders(dc.catalog.form_text(form_key(session, *page.anchor.item), page.anchor.item->text),
                                       placeholders),
                     dc.fonts.heading, p.text);
    for (const ItemRef& ref : page.items) {
        const auto& item = *ref.item;
        const std::string& words = dc.catalog.form_text(form_key(session, item), item.text);
        // Information (a display item) drops a sentence the venue's settings cannot fill.
        const std::string text =
            item.type == ItemType::Display ? fill_help_text(words, placeholders) : fill_placeholders(words, placeholders);
        ImGui::PushID(occurrence_id(ref).c_str());
        if (state.scroll_to_question == occurrence_id(ref)) {
            // From the error summary: the question a third of the way down, its options below.
            ImGui::SetScrollFromPosY(ImGui::GetCursorScreenPos().y - ImGui::GetWindowPos().y, 0.2f);
            reset_touch_scroll(state.scroll);
            state.scroll_to_question.clear();
        }
        if (item.type == ItemType::Group) {
            if (!text.empty()) wrapped_text(text, dc.fonts.heading, p.text);
        } else if (item.type == ItemType::Display) {
            wrapped_text(text, dc.fonts.body, p.text);
        } else {
            wrapped_text(text, dc.fonts.heading, p.text);
            if (std::string hint = item.hint(); !hint.empty())
                wrapped_text(fill_placeholders(dc.catalog.form_text(form_key(session, item) + ":hint", hint), placeholders),
                             dc.fonts.body, p.secondary_text);
            const auto* e = error_for(session, ref);
            if (e) wrapped_text(error_text(dc, session, *e), dc.fonts.body, p.error);
            switch (item.type) {
            case ItemType::Boolean:
            case ItemType::Choice:
            case ItemType::OpenChoice: draw_options(dc, session, ref, state, out); break;
            case ItemType::Date: draw_date_field(dc, session, ref, state, e, focus); break;
            default: draw_text_field(dc, session, ref, state, e != nullptr, focus, arabic); break;
            }
        }
        ImGui::Dummy(ImVec2(0, m.px(2)));
        ImGui::PopID();
    }
    return out;
}

Intents apply_typing(const FocusTarget& focus, const std::vector<KeyEvent>& events, UiState& state) {
    Intents out;
    if (!focus.buffer) return out;
    bool changed = false;
    for (const KeyEvent& ev : events) {
        switch (ev.kind) {
        case KeyEvent::Kind::Type:
        case KeyEvent::Kind::Backspace: changed |= apply_key(*focus.buffer, ev, focus.max_bytes); break;
        case KeyEvent::Kind::Done: state.focus.clear(); break;
        case KeyEvent::Kind::NextBox:
            if (focus.date_part >= 0 && focus.date_part < 2) {
                state.focus = "field:" + occurrence_id(focus.ref) + ":" + date_part_ids[focus.date_part + 1];
                state.scroll_to_focus = true;
            } else {
                state.focus.clear();
            }
            break;
        }
    }
    if (!changed) return out;
    if (focus.date_part >= 0) {
        auto it = state.dates.find(focus.ref);
        if (it != state.dates.end()) {
            Intent in{Intent::Kind::AnswerDate, {}, focus.ref};
            for (const auto& part : it->second) in.parts.push_back(part);
            out.push_back(std::move(in));
        }
    } else {
        out.push_back({Intent::Kind::AnswerText, {}, focus.ref, {}, *focus.buffer});
    }
    return out;
}

}  // namespace carers::ui
