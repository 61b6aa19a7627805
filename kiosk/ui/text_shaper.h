// Shaping and bidi: text in any of the kiosk's scripts turned into positioned glyphs, line by line,
// in the order they are seen (left to right on screen).
//
// FriBidi resolves the direction of each character (Unicode bidi algorithm, with brackets); the
// text is split into runs of one direction and one font; HarfBuzz shapes each run, which joins
// Arabic letters into their initial, medial and final forms and applies ligatures such as lam-alef;
// lines are broken in logical order and then each line's runs are reordered for display (UAX #9
// rule L2). Nothing here knows about ImGui: the renderer puts the glyphs into the atlas.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "kiosk/ui/text_faces.h"

namespace carers::ui {

struct ShapedGlyph {
    FaceId face = 0;
    std::uint32_t glyph = 0;  // glyph index in the face
    float x = 0;              // pen position from the line's left edge, px
    float y = 0;              // raise above the baseline, px (marks)
    std::uint32_t cluster = 0;  // index of the first code point it draws, within its paragraph
};

struct ShapedLine {
    std::vector<ShapedGlyph> glyphs;  // in visual order, left to right
    float width = 0;
    bool right_to_left = false;  // the paragraph's base direction
    std::uint32_t paragraph = 0;  // which paragraph ('\n'-separated) the line belongs to
};

struct ShapeRequest {
    float em_px = 16;       // pixels per em
    bool bold = false;
    float wrap_width = 0;   // px; 0 = no wrapping
    bool ui_right_to_left = false;  // paragraphs with any right-to-left letter read right to left
};

// Shapes `utf8`; a paragraph with no strong character takes the UI's direction. Always at least
// one line per paragraph (an empty paragraph gives an empty line).
std::vector<ShapedLine> shape_text(const TextFaces& faces, std::string_view utf8, const ShapeRequest& request);

// Every glyph each face needs to draw `utf8` in a UI of the given direction (any size, any
// wrapping), for filling the atlas. Cheaper than shape_text: each run is shaped once.
void collect_glyphs(const TextFaces& faces, std::string_view utf8, bool bold, bool ui_right_to_left,
                    std::vector<std::pair<FaceId, std::uint32_t>>& out);

}  // namespace carers::ui
