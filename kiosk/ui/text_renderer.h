// TextRenderer: measuring and drawing every string on the kiosk, in any of its scripts.
//
// [SECTION] What the atlas must hold (set per language, extended on demand)
// [SECTION] Building the atlas
// [SECTION] Measuring and drawing
//
// Two paths, one interface. Text without right-to-left or joining scripts (English, Polish,
// Chinese) is broken into lines here (spaces, and between Chinese characters) and drawn with ImGui's
// own AddText from the atlas's code-point glyphs. A paragraph with Arabic (or Hebrew) is shaped
// with HarfBuzz, reordered with FriBidi and drawn glyph by glyph from the atlas's shaped glyphs.
// In a right-to-left UI, lines are aligned to the right.
//
// A character or shaped glyph the atlas lacks is noted while measuring; stale() then turns true
// and the app rebuilds the atlas before the next frame (typed text, a venue's name).
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <imgui.h>

#include "kiosk/common/result.h"
#include "kiosk/ui/text_atlas.h"
#include "kiosk/ui/text_faces.h"
#include "kiosk/ui/text_shaper.h"

namespace carers::ui {

enum class TextAlign { Start, Center, End };  // Start: left in a left-to-right UI, right in an RTL one

class TextRenderer {
public:
    static Result<std::unique_ptr<TextRenderer>> create(const FontSources& sources);
    ~TextRenderer();
    TextRenderer(const TextRenderer&) = delete;
    TextRenderer& operator=(const TextRenderer&) = delete;

    // [SECTION] What the atlas must hold

    // The texts the atlas must be able to draw from now on (a language's strings, every
    // language's name, the keyboard's keys) and the UI's direction. Replaces the previous set;
    // what `key` needs is remembered, so coming back to a language costs nothing here.
    void set_texts(const std::string& key, const std::vector<std::string>& texts, bool right_to_left);
    // Adds what `text` needs (e.g. typed text); true when the atlas must be rebuilt for it.
    bool need(std::string_view text);
    bool stale() const { return stale_; }

    // A language the renderer may be asked for later, for warm_up().
    struct WarmUpLanguage {
        std::string key;  // as given to set_texts
        std::vector<std::string> texts;
        bool right_to_left = false;
    };
    // Works out and rasterises, on a thread of its own (with its own FreeType), every glyph these
    // languages need at these sizes, so that a person's first switch to Chinese only repacks the
    // atlas. Call after the first frame (and again after a change of text size); a call while one
    // is running is ignored. The results are taken in by the next
    // set_texts() or build(); glyphs not ready by then are rendered as usual.
    void warm_up(std::vector<WarmUpLanguage> languages, const std::array<RoleSize, font_role_count>& roles);
    bool warm_up_finished() const { return warm_up_finished_; }
    bool right_to_left() const { return rtl_; }

    // [SECTION] Building the atlas

    // Fills ImGui's current font atlas for these role sizes and returns the fonts. Call between
    // frames, then upload the texture (ImGui_ImplOpenGL3_CreateFontsTexture).
    Result<AtlasStats> build(const std::array<RoleSize, font_role_count>& roles, std::array<ImFont*, font_role_count>& fonts);
    const AtlasStats& last_build() const { return stats_; }

    // [SECTION] Measuring and drawing

    // Size of `text` in `font`, wrapped to `wrap_width` (0 = no wrapping). `size` draws the font
    // scaled (0 = its own size).
    ImVec2 measure(ImFont* font, std::string_view text, float wrap_width = 0, float size = 0);
    // Draws with the top-left of the block at `pos`. Lines are aligned within `box_width` (0: the
    // block's own width, i.e. its widest line); Start is the right edge in a right-to-left UI.
    void draw(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view text, float wrap_width = 0,
              float size = 0, TextAlign align = TextAlign::Start, float box_width = 0);

    // Forgets laid-out text (it may include what a person typed). The atlas stays.
    void forget_laid_out_text() { layouts_.clear(); }

    // The renderer that built `font`, or null for a font it did not build. Lets free functions
    // with no context (ui::text_size, ui::draw_text) find it.
    static TextRenderer* of(const ImFont* font);

    const TextFaces& faces() const { return *faces_; }

private:
    struct Line {
        float width = 0;
        std::uint32_t begin = 0, end = 0;  // byte range, for lines drawn by ImGui
        bool shaped = false;
        std::vector<ShapedGlyph> glyphs;   // for shaped lines
    };
    struct Layout {
        std::vector<Line> lines;
        ImVec2 size;
        float line_height = 0;
    };
    struct Needs {
        std::vector<char32_t> codepoints;
        std::vector<std::pair<FaceId, std::uint32_t>> shaped;
    };

    TextRenderer() = default;
    int role_of(const ImFont* font) const;
    const Layout& layout(ImFont* font, std::string_view text, float wrap_width, float size);
    static void add_needs(const TextFaces& faces, std::string_view text, bool rtl, Needs& out);
    static Needs compute_needs(const TextFaces& faces, const std::vector<std::string>& texts, bool rtl);
    void apply(const Needs& needs);
    void adopt_warm_up();

    std::unique_ptr<TextFaces> faces_;
    std::unique_ptr<GlyphAtlas> atlas_;
    std::array<ImFont*, font_role_count> fonts_{};
    std::unordered_map<std::string, Needs> needs_by_key_;
    Needs extra_;  // added on demand since the last set_texts
    bool rtl_ = false;
    bool stale_ = true;
    AtlasStats stats_;
    std::unordered_map<std::string, Layout> layouts_;

    FontSources sources_;
    std::thread warm_up_thread_;
    std::atomic<bool> warm_up_cancel_{false};
    std::atomic<bool> warm_up_finished_{false};
    std::mutex warm_up_mutex_;
    std::unordered_map<std::string, Needs> warm_needs_;  // guarded by warm_up_mutex_
    GlyphAtlas::Bitmaps warm_bitmaps_;                    // guarded by warm_up_mutex_
};

}  // namespace carers::ui
