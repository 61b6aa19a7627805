#include "kiosk/ui/onscreen_keyboard.h"

#include <algorithm>
#include <cmath>

#include <imgui.h>
#include <imgui_internal.h>

namespace carers::ui {

namespace {

// Backspace: the first delete on the press, then (after a pause long enough for a slow hand to
// lift) one every 80 ms while it is held.
constexpr double repeat_delay = 0.6;
constexpr double repeat_every = 0.08;

float key_height(const DrawContext& dc, bool pad) {
    const Metrics& m = dc.theme.metrics;
    const float label = dc.fonts.body ? dc.fonts.body->FontSize : m.px(7);
    return std::max(m.target() + (pad ? m.px(3) : m.px(1)), label + m.px(4));
}

void draw_shift_arrow(ImDrawList* dl, ImVec2 c, float s, ImU32 col, bool filled) {
    const ImVec2 pts[] = {{c.x, c.y - s}, {c.x + s, c.y}, {c.x + s * .45f, c.y}, {c.x + s * .45f, c.y + s},
                          {c.x - s * .45f, c.y + s}, {c.x - s * .45f, c.y}, {c.x - s, c.y}};
    if (filled) {
        dl->AddConvexPolyFilled(pts, 3, col);
        dl->AddRectFilled(pts[5], pts[3], col);
    }
    dl->AddPolyline(pts, 7, col, ImDrawFlags_Closed, 3.f);
}

// Points back along the text: left for left-to-right text, right (mirrored) for Arabic, where
// the characters it erases run back to the right.
void draw_backspace_icon(ImDrawList* dl, ImVec2 c, float s, ImU32 col, bool mirrored) {
    const float f = mirrored ? -1.f : 1.f;
    const ImVec2 pts[] = {{c.x - f * s, c.y}, {c.x - f * s * .5f, c.y - s * .6f}, {c.x + f * s, c.y - s * .6f},
                          {c.x + f * s, c.y + s * .6f}, {c.x - f * s * .5f, c.y + s * .6f}};
    dl->AddPolyline(pts, 5, col, ImDrawFlags_Closed, 3.f);
    const float x = c.x + f * s * .25f, d = s * .3f;
    dl->AddLine({x - d, c.y - d}, {x + d, c.y + d}, col, 3.f);
    dl->AddLine({x - d, c.y + d}, {x + d, c.y - d}, col, 3.f);
}

}  // namespace

float keyboard_height(const DrawContext& dc, KeyboardLayout layout) {
    const KeyboardPage page = keyboard_page(layout, false, false);
    const float rows = static_cast<float>(page.rows.size());
    const Metrics& m = dc.theme.metrics;
    return rows * key_height(dc, page.pad) + (rows - 1) * m.gap() + 2 * m.px(3);
}

std::vector<KeyEvent> draw_keyboard(DrawContext& dc, KeyboardState& state, KeyboardLayout base, bool arabic,
                                    bool next_box) {
    std::vector<KeyEvent> out;
    const Palette& p = dc.theme.palette;
    const Metrics& m = dc.theme.metrics;
    // Digit pads do not switch pages; letter pages keep the page last chosen.
    KeyboardLayout layout = base;
    if (!is_digits_pad(base) && base != KeyboardLayout::Email && state.layout != KeyboardLayout::Letters)
        layout = state.layout;
    if (base == KeyboardLayout::Arabic && state.layout == KeyboardLayout::Letters) layout = KeyboardLayout::Arabic;
    const KeyboardPage page = keyboard_page(layout, arabic, next_box);
    // Keys are never mirrored, in Arabic either: letter pages keep the printed layout of a real
    // keyboard (the Arabic one has ض at the top left, as every Arabic keyboard and phone does),
    // and the digits pads keep the telephone order, 1 2 3 from the left, as numbers are not
    // mirrored. Only the backspace arrow turns round on the Arabic page, where text runs right
    // to left (the tour checks all three).
    const bool rtl_page = layout == KeyboardLayout::Arabic;

    const float gap = m.gap();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float max_key = m.px(page.pad ? 40.f : 30.f);
    const float cols = static_cast<float>(page.columns);
    const float unit = std::min(max_key, (avail - (cols - 1) * gap) / cols);
    const float kh = key_height(dc, page.pad);
    const float total_w = cols * unit + (cols - 1) * gap;
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // A panel behind the keys so the keyboard reads as one thing, apart from the page.
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float height = keyboard_height(dc, layout);
    dl->AddRectFilled(ImVec2(top.x - ImGui::GetStyle().WindowPadding.x, top.y),
                      ImVec2(top.x + avail + ImGui::GetStyle().WindowPadding.x, top.y + height + ImGui::GetStyle().WindowPadding.y),
                      to_u32(p.surface));
    const float left = top.x + (avail - total_w) / 2;
    float y = top.y + m.px(3);
    ImFont* font = dc.fonts.body;
    bool held_repeat_key = false;

    for (const auto& r : page.rows) {
        float x = left;
        for (const Key& k : r) {
            const float w = k.units * unit + (k.units - 1) * gap;
            if (k.action == KeyAction::Blank) {
                x += w + gap;
                continue;
            }
            ImGui::SetCursorScreenPos(ImVec2(x, y));
            const bool repeat = k.action == KeyAction::Backspace;
            ImGui::PushID(k.id.c_str());
            const ImRect bb(ImVec2(x, y), ImVec2(x + w, y + kh));
            const ImGuiID id = ImGui::GetID("k");
            ImGui::ItemSize(bb);
            ImGui::ItemAdd(bb, id);
            bool hovered = false, held = false;
            // Letters type on release (sliding off cancels); backspace acts on the press.
            const bool pressed = ImGui::ButtonBehavior(bb, id, &hovered, &held,
                                                       repeat ? static_cast<ImGuiButtonFlags>(ImGuiButtonFlags_PressedOnClick) : 0);
            ImGui::PopID();
            const bool active = held || (repeat && ImGui::IsItemActive());
            const bool lit = (k.action == KeyAction::Shift && state.shift) ||
                             (k.action == KeyAction::Switch && k.target == layout);
            ImVec4 bg = k.action == KeyAction::Done ? p.primary : (lit ? p.selected : p.background);
            ImVec4 fg = k.action == KeyAction::Done || lit ? p.primary_text : p.text;
            if (active) {
                bg = k.action == KeyAction::Done ? p.primary_pressed : p.surface_pressed;
                fg = k.action == KeyAction::Done ? p.primary_text : p.text;
            }
            dl->AddRectFilled(bb.Min, bb.Max, to_u32(bg), m.px(1));
            dl->AddRect(bb.Min, bb.Max, to_u32(p.border), m.px(1), 0, 2.f);

            const ImVec2 c((bb.Min.x + bb.Max.x) / 2, (bb.Min.y + bb.Max.y) / 2);
            std::string label;
            switch (k.action) {
            case KeyAction::Type:
                label = k.text == " " ? dc.tr("Space") : (state.shift && !k.shifted.empty() ? k.shifted : k.text);
                break;
            case KeyAction::Done: label = dc.tr("Done"); break;
            case KeyAction::NextBox: label = dc.tr("Next box"); break;
            case KeyAction::Switch: label = k.text; break;
            case KeyAction::Shift: draw_shift_arrow(dl, c, m.px(3.5f), to_u32(fg), state.shift); break;
            case KeyAction::Backspace: draw_backspace_icon(dl, c, m.px(4.5f), to_u32(fg), rtl_page); break;
            case KeyAction::Blank: break;
            }
            if (!label.empty()) {
                const ImVec2 ts = text_size(font, label, w - m.px(2));
                draw_text(dl, font, ImVec2(bb.Min.x + m.px(1), c.y - ts.y / 2), fg, label, w - m.px(2), 0, TextAlign::Center,
                          w - m.px(2));
            }
            if (dc.recorder) {
                // The backspace key's arrow, as the character that looks like it (for the tour).
                const bool erase = k.action == KeyAction::Backspace;
                dc.recorder->record_last_item(k.id, erase ? (rtl_page ? "\u2326" : "\u232b") : label);
            }

            if (repeat && held) {
                held_repeat_key = true;
                if (state.held_key != k.id) {
                    state.held_key = k.id;
                    state.repeats_done = 0;
                }
                const double down = ImGui::GetIO().MouseDownDuration[0];
                if (down >= repeat_delay) {
                    const int due = 1 + static_cast<int>(std::floor((down - repeat_delay) / repeat_every));
                    for (; state.repeats_done < due; ++state.repeats_done) out.push_back({KeyEvent::Kind::Backspace});
                    dc.wake_in(repeat_delay + due * repeat_every - down);
                } else {
                    dc.wake_in(repeat_delay - down);
                }
            }
            if (pressed) {
                switch (k.action) {
                case KeyAction::Type: {
                    const std::string& t = state.shift && !k.shifted.empty() ? k.shifted : k.text;
                    out.push_back({KeyEvent::Kind::Type, t});
                    state.shift = false;
                    break;
                }
                case KeyAction::Backspace: out.push_back({KeyEvent::Kind::Backspace}); break;
                case KeyAction::Done: out.push_back({KeyEvent::Kind::Done}); break;
                case KeyAction::NextBox: out.push_back({KeyEvent::Kind::NextBox}); break;
                case KeyAction::Shift: state.shift = !state.shift; break;
                case KeyAction::Switch:
                    state.layout = k.target;
                    state.shift = false;
                    break;
                case KeyAction::Blank: break;
                }
            }
            x += w + gap;
        }
        y += kh + gap;
    }
    if (!held_repeat_key) {
        state.held_key.clear();
        state.repeats_done = 0;
    }
    ImGui::SetCursorScreenPos(ImVec2(top.x, top.y));
    ImGui::Dummy(ImVec2(avail, height));
    if (dc.recorder) dc.recorder->facts().keyboard = [&] {
        switch (layout) {
        case KeyboardLayout::Letters: return "letters";
        case KeyboardLayout::Accents: return "accents";
        case KeyboardLayout::MoreAccents: return "more-accents";
        case KeyboardLayout::Symbols: return "symbols";
        case KeyboardLayout::Arabic: return "arabic";
        case KeyboardLayout::Email: return "email";
        case KeyboardLayout::Digits: return "digits";
        case KeyboardLayout::Decimal: return "decimal";
        case KeyboardLayout::Phone: return "phone";
        case KeyboardLayout::DateBox: return "date";
        case KeyboardLayout::ResumeCode: return "resume-code";
        }
        return "";
    }();
    return out;
}

std::vector<KeyEvent> physical_key_events() {
    std::vector<KeyEvent> out;
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar c : io.InputQueueCharacters) {
        if (c < 0x20 || c == 0x7f) continue;
        char buf[5] = {};
        ImTextCharToUtf8(buf, c);
        if (!out.empty() && out.back().kind == KeyEvent::Kind::Type) out.back().text += buf;
        else out.push_back({KeyEvent::Kind::Type, buf});
    }
    io.InputQueueCharacters.resize(0);  // nothing typed lingers in ImGui's queue
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace), true)) out.push_back({KeyEvent::Kind::Backspace});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_KeyPadEnter), false))
        out.push_back({KeyEvent::Kind::Done});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Tab), false)) out.push_back({KeyEvent::Kind::NextBox});
    return out;
}

bool apply_key(std::string& text, const KeyEvent& event, std::size_t max_bytes) {
    if (event.kind == KeyEvent::Kind::Type) {
        if (text.size() + event.text.size() > max_bytes) return false;
        text += event.text;
        return true;
    }
    if (event.kind == KeyEvent::Kind::Backspace && !text.empty()) {
        std::size_t n = text.size() - 1;
        while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // continuation bytes
        // Overwrite before shrinking, so the deleted character does not linger past the end.
        std::fill(text.begin() + static_cast<std::ptrdiff_t>(n), text.end(), '\0');
        text.resize(n);
        return true;
    }
    return false;
}

}  // namespace carers::ui
