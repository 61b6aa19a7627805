// GlyphAtlas: ImGui's font atlas filled with exactly the glyphs the kiosk needs, rasterised by
// FreeType.
//
// ImGui 1.86 bakes every glyph ahead of time, and a full Chinese range at three sizes would take
// seconds and hundreds of megabytes. So the atlas holds only the characters of the active
// language's strings, what the keyboard offers and what has been typed (added on demand), each
// rendered once by FreeType and kept in a cache so that switching back to a language only repacks.
// Characters are added to ImGui's fonts as custom glyphs (AddCustomRectFontGlyph), so ImGui's own
// text functions still work; shaped glyphs (Arabic joining forms, ligatures) have no code point
// and are custom rectangles the renderer draws itself.
#pragma once

#include <array>
#include <atomic>
#include <vector>
#include <cstdint>
#include <set>
#include <unordered_map>

#include <imgui.h>

#include "kiosk/common/result.h"
#include "kiosk/ui/text_faces.h"

namespace carers::ui {

enum class FontRole { Body = 0, Heading = 1, Small = 2 };
inline constexpr int font_role_count = 3;

struct RoleSize {
    float line_px = 20;  // ImGui's font size: the Latin face's ascender-to-descender height
    bool bold = false;
};

struct AtlasStats {
    int glyphs = 0;            // glyphs in the atlas, all roles
    int rendered = 0;          // of those, rasterised now (not from the cache)
    int texture_width = 0, texture_height = 0;
    double build_ms = 0;       // everything but the upload to the GPU
    std::size_t cache_bytes = 0;  // rasterised glyphs kept for later rebuilds
};

// Where a shaped glyph is in the atlas and how to place it from the pen position.
struct PlacedGlyph {
    ImVec2 uv0, uv1;
    float width = 0, height = 0;
    float left = 0, top = 0;  // bitmap offset from the pen position on the baseline
};

class GlyphAtlas {
public:
    explicit GlyphAtlas(const TextFaces& faces) : faces_(faces) {}

    // What the next build must hold. Each returns true when it was not already there.
    bool add_codepoint(char32_t cp);
    bool add_shaped(FaceId face, std::uint32_t glyph);
    void clear_needs();
    const std::set<char32_t>& codepoints() const { return codepoints_; }

    // Clears `atlas` and fills it: one ImFont per role (returned in `fonts`), each holding every
    // needed code point, plus the shaped glyphs of the role's faces. Call between frames; the
    // caller uploads the texture afterwards.
    Result<AtlasStats> build(ImFontAtlas* atlas, const std::array<RoleSize, font_role_count>& roles,
                             std::array<ImFont*, font_role_count>& fonts);

    // A shaped glyph of a role, or null when the last build did not include it.
    const PlacedGlyph* placed(int role, FaceId face, std::uint32_t glyph) const;
    // Pixels from the top of a line to the baseline, for a role (after a build).
    float baseline(int role) const { return baseline_[static_cast<std::size_t>(role)]; }
    float em_px(int role) const { return em_[static_cast<std::size_t>(role)]; }
    bool bold(int role) const { return bold_[static_cast<std::size_t>(role)]; }

    // Rasterised glyphs by (face, size, glyph), as kept between builds.
    using Bitmaps = std::unordered_map<std::uint64_t, GlyphBitmap>;
    // Renders every glyph these code points and shaped glyphs need at these role sizes, with
    // `faces` (which may be another thread's copy of the same files: face ids match). Stops early
    // when `cancel` turns true.
    static Bitmaps render_all(const TextFaces& faces, const std::vector<char32_t>& codepoints,
                              const std::vector<std::pair<FaceId, std::uint32_t>>& shaped,
                              const std::array<RoleSize, font_role_count>& roles, const std::atomic<bool>& cancel);
    // Takes in glyphs rendered elsewhere (warm-up); those already cached are kept.
    void adopt(Bitmaps&& bitmaps);

    // Drops every rasterised glyph (they are rendered again when next needed).
    void drop_cache();

private:
    const GlyphBitmap& bitmap(FaceId face, float em_px, std::uint32_t glyph, int& rendered);

    const TextFaces& faces_;
    std::set<char32_t> codepoints_;
    std::set<std::pair<FaceId, std::uint32_t>> shaped_;
    std::unordered_map<std::uint64_t, GlyphBitmap> cache_;
    std::size_t cache_bytes_ = 0;
    std::unordered_map<std::uint64_t, PlacedGlyph> placed_;
    std::array<float, font_role_count> baseline_{}, em_{};
    std::array<bool, font_role_count> bold_{};
};

}  // namespace carers::ui
