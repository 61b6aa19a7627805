#include "kiosk/ui/text_shaper.h"

#include <algorithm>

#include <fribidi.h>
#include <hb.h>

#include "kiosk/ui/text_breaks.h"
#include "kiosk/ui/text_utf8.h"

namespace carers::ui {

namespace {

struct Run {
    std::size_t begin, end;
    FriBidiLevel level;
    FaceId face;
};

bool is_arabic_script(char32_t c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

// Faces by script for letters; digits, spaces and punctuation stay in the face of the text around
// them when it has them, so a run is not split at every space.
std::vector<FaceId> choose_faces(const TextFaces& faces, const std::u32string& cps,
                                 const std::vector<FriBidiCharType>& types, bool bold) {
    const FaceId latin = faces.face(Family::Latin, bold);
    std::vector<FaceId> out(cps.size(), latin);
    FaceId current = latin;
    bool have_current = false;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const char32_t c = cps[i];
        const bool strong = FRIBIDI_IS_STRONG(types[i]) || FRIBIDI_IS_LETTER(types[i]);
        if (is_arabic_script(c) && strong) {
            current = faces.face_for(c, faces.face(Family::Arabic, bold), bold);
            have_current = true;
        } else if (is_cjk(c)) {
            current = faces.face_for(c, faces.face(Family::Cjk, bold), bold);
            have_current = true;
        } else if (strong) {
            current = faces.face_for(c, latin, bold);
            have_current = true;
        } else if (!have_current || !faces.has_glyph(current, c)) {
            out[i] = faces.face_for(c, have_current ? current : latin, bold);
            continue;
        }
        out[i] = current;
    }
    // Leading neutrals take the face of the first letter after them.
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const bool strong = FRIBIDI_IS_STRONG(types[i]) || FRIBIDI_IS_LETTER(types[i]) || is_cjk(cps[i]);
        if (!strong) continue;
        for (std::size_t k = 0; k < i; ++k)
            if (faces.has_glyph(out[i], cps[k])) out[k] = out[i];
        break;
    }
    return out;
}

FriBidiParType base_direction(const std::vector<FriBidiCharType>& types, bool ui_rtl) {
    bool rtl = false, ltr = false;
    for (auto t : types) {
        if (t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL) rtl = true;
        if (t == FRIBIDI_TYPE_LTR) ltr = true;
    }
    // A right-to-left UI reads a sentence right to left even when it starts with a Latin name; an
    // untranslated English sentence in it stays left to right. The reverse holds in a left-to-right UI.
    if (ui_rtl) return rtl || !ltr ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
    return ltr || !rtl ? FRIBIDI_PAR_LTR : FRIBIDI_PAR_RTL;
}

std::vector<Run> split_runs(std::size_t begin, std::size_t end, const std::vector<FriBidiLevel>& levels,
                            const std::vector<FaceId>& faces) {
    std::vector<Run> runs;
    for (std::size_t i = begin; i < end; ++i) {
        if (!runs.empty() && runs.back().level == levels[i] && runs.back().face == faces[i])
            runs.back().end = i + 1;
        else
            runs.push_back({i, i + 1, levels[i], faces[i]});
    }
    return runs;
}

// Shapes one run (with the whole paragraph as context, so joining across run edges is right) and
// calls `glyph` for each output glyph in visual order.
template <typename F>
void shape_run(const TextFaces& faces, const std::u32string& cps, const Run& run, float em_px, F&& glyph) {
    hb_buffer_t* buf = hb_buffer_create();
    hb_buffer_add_utf32(buf, reinterpret_cast<const std::uint32_t*>(cps.data()), static_cast<int>(cps.size()),
                        static_cast<unsigned>(run.begin), static_cast<int>(run.end - run.begin));
    hb_buffer_set_direction(buf, (run.level & 1) ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buf);
    hb_shape(faces.hb_font(run.face, em_px), buf, nullptr, 0);
    unsigned count = 0;
    hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    for (unsigned i = 0; i < count; ++i) glyph(info[i], pos[i]);
    hb_buffer_destroy(buf);
}

struct Paragraph {
    std::u32string cps;
    std::vector<FriBidiLevel> levels;
    std::vector<FaceId> faces;
    bool rtl = false;
};

Paragraph analyse(const TextFaces& faces, std::string_view text, bool bold, bool ui_rtl) {
    Paragraph p;
    p.cps = decode_utf8(text).cps;
    const auto n = static_cast<FriBidiStrIndex>(p.cps.size());
    if (n == 0) {
        p.rtl = ui_rtl;
        return p;
    }
    const auto* chars = reinterpret_cast<const FriBidiChar*>(p.cps.data());
    std::vector<FriBidiCharType> types(p.cps.size());
    std::vector<FriBidiBracketType> brackets(p.cps.size());
    fribidi_get_bidi_types(chars, n, types.data());
    fribidi_get_bracket_types(chars, n, types.data(), brackets.data());
    FriBidiParType dir = base_direction(types, ui_rtl);
    p.levels.resize(p.cps.size());
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &dir, p.levels.data()))
        std::fill(p.levels.begin(), p.levels.end(), ui_rtl ? 1 : 0);
    p.rtl = dir == FRIBIDI_PAR_RTL;
    p.faces = choose_faces(faces, p.cps, types, bold);
    return p;
}

}  // namespace

std::vector<ShapedLine> shape_text(const TextFaces& faces, std::string_view utf8, const ShapeRequest& req) {
    std::vector<ShapedLine> out;
    std::uint32_t paragraph_index = 0;
    std::size_t start = 0;
    while (true) {
        std::size_t nl = utf8.find('\n', start);
        std::string_view text = utf8.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        Paragraph p = analyse(faces, text, req.bold, req.ui_right_to_left);

        // Advances in logical order, for breaking lines.
        std::vector<float> advance(p.cps.size(), 0.f);
        for (const Run& run : split_runs(0, p.cps.size(), p.levels, p.faces))
            shape_run(faces, p.cps, run, req.em_px, [&](const hb_glyph_info_t& g, const hb_glyph_position_t& pos) {
                if (g.cluster < advance.size()) advance[g.cluster] += static_cast<float>(pos.x_advance) / 64.f;
            });

        for (const LineSpan& span : break_lines(p.cps, advance, req.wrap_width)) {
            ShapedLine line;
            line.right_to_left = p.rtl;
            line.paragraph = paragraph_index;
            std::vector<Run> runs = split_runs(span.begin, span.end, p.levels, p.faces);
            // UAX #9 L2: from the highest level down to the lowest odd one, reverse every sequence of
            // runs at that level or higher.
            if (!runs.empty()) {
                int highest = 0, lowest_odd = 127;
                for (const Run& r : runs) {
                    highest = std::max<int>(highest, r.level);
                    if (r.level & 1) lowest_odd = std::min<int>(lowest_odd, r.level);
                }
                for (int level = highest; level >= lowest_odd && level > 0; --level) {
                    for (std::size_t i = 0; i < runs.size();) {
                        if (runs[i].level < level) {
                            ++i;
                            continue;
                        }
                        std::size_t j = i;
                        while (j < runs.size() && runs[j].level >= level) ++j;
                        std::reverse(runs.begin() + static_cast<std::ptrdiff_t>(i), runs.begin() + static_cast<std::ptrdiff_t>(j));
                        i = j;
                    }
                }
            }
            float pen = 0;
            for (const Run& run : runs)
                shape_run(faces, p.cps, run, req.em_px, [&](const hb_glyph_info_t& g, const hb_glyph_position_t& pos) {
                    line.glyphs.push_back({run.face, g.codepoint, pen + static_cast<float>(pos.x_offset) / 64.f,
                                           static_cast<float>(pos.y_offset) / 64.f, g.cluster});
                    pen += static_cast<float>(pos.x_advance) / 64.f;
                });
            line.width = pen;
            out.push_back(std::move(line));
        }
        if (nl == std::string_view::npos) break;
        start = nl + 1;
        ++paragraph_index;
    }
    return out;
}

void collect_glyphs(const TextFaces& faces, std::string_view utf8, bool bold, bool ui_right_to_left,
                    std::vector<std::pair<FaceId, std::uint32_t>>& out) {
    std::size_t start = 0;
    while (start <= utf8.size()) {
        std::size_t nl = utf8.find('\n', start);
        if (nl == std::string_view::npos) nl = utf8.size();
        Paragraph p = analyse(faces, utf8.substr(start, nl - start), bold, ui_right_to_left);
        for (const Run& run : split_runs(0, p.cps.size(), p.levels, p.faces))
            shape_run(faces, p.cps, run, 32.f, [&](const hb_glyph_info_t& g, const hb_glyph_position_t&) {
                out.emplace_back(run.face, g.codepoint);
            });
        start = nl + 1;
    }
}

}  // namespace carers::ui
