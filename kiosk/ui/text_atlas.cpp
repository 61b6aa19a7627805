#include "kiosk/ui/text_atlas.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <vector>

namespace carers::ui {

namespace {

std::uint64_t glyph_key(FaceId face, std::uint32_t em64, std::uint32_t glyph) {
    return (static_cast<std::uint64_t>(face) << 56) | (static_cast<std::uint64_t>(em64 & 0xFFFFFF) << 32) | glyph;
}

std::uint64_t placed_key(int role, FaceId face, std::uint32_t glyph) {
    return (static_cast<std::uint64_t>(role) << 40) | (static_cast<std::uint64_t>(face) << 32) | glyph;
}

// The rasterised glyphs kept between builds: enough for every shipped language at three sizes;
// beyond it the cache starts again rather than growing without end.
constexpr std::size_t cache_limit = 96u * 1024u * 1024u;

}  // namespace

bool GlyphAtlas::add_codepoint(char32_t cp) {
    if (cp < 0x20 || cp > 0xFFFF) return false;  // ImWchar is 16-bit in Debian's build
    return codepoints_.insert(cp).second;
}

bool GlyphAtlas::add_shaped(FaceId face, std::uint32_t glyph) { return shaped_.insert({face, glyph}).second; }

void GlyphAtlas::clear_needs() {
    codepoints_.clear();
    shaped_.clear();
}

void GlyphAtlas::drop_cache() {
    cache_.clear();
    cache_bytes_ = 0;
}

GlyphAtlas::Bitmaps GlyphAtlas::render_all(const TextFaces& faces, const std::vector<char32_t>& codepoints,
                                           const std::vector<std::pair<FaceId, std::uint32_t>>& shaped,
                                           const std::array<RoleSize, font_role_count>& roles,
                                           const std::atomic<bool>& cancel) {
    Bitmaps out;
    for (const RoleSize& role : roles) {
        const float em = faces.em_for_line_height(role.line_px);
        const auto em64 = static_cast<std::uint32_t>(std::lround(em * 64));
        const FaceId latin = faces.face(Family::Latin, role.bold);
        auto render = [&](FaceId face, std::uint32_t glyph) {
            const std::uint64_t key = glyph_key(face, em64, glyph);
            if (!out.count(key)) out.emplace(key, faces.render(face, glyph, em));
        };
        for (char32_t cp : codepoints) {
            if (cancel) return out;
            if (cp == U' ' || cp < 0x20 || cp > 0xFFFF) continue;
            const FaceId face = faces.face_for(cp, latin, role.bold);
            if (const std::uint32_t glyph = faces.glyph_index(face, cp)) render(face, glyph);
        }
        const FaceId role_faces[] = {latin, faces.face(Family::Arabic, role.bold), faces.face(Family::Cjk, role.bold)};
        for (const auto& [face, glyph] : shaped) {
            if (cancel) return out;
            if (std::find(std::begin(role_faces), std::end(role_faces), face) != std::end(role_faces)) render(face, glyph);
        }
    }
    return out;
}

void GlyphAtlas::adopt(Bitmaps&& bitmaps) {
    for (auto& [key, bm] : bitmaps) {
        if (cache_.count(key)) continue;
        cache_bytes_ += bm.pixels.size() + sizeof(GlyphBitmap) + 32;
        cache_.emplace(key, std::move(bm));
    }
}

const GlyphBitmap& GlyphAtlas::bitmap(FaceId face, float em_px, std::uint32_t glyph, int& rendered) {
    const auto em64 = static_cast<std::uint32_t>(std::lround(em_px * 64));
    const std::uint64_t key = glyph_key(face, em64, glyph);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    ++rendered;
    GlyphBitmap bm = faces_.render(face, glyph, em_px);
    cache_bytes_ += bm.pixels.size() + sizeof(GlyphBitmap) + 32;
    return cache_.emplace(key, std::move(bm)).first->second;
}

const PlacedGlyph* GlyphAtlas::placed(int role, FaceId face, std::uint32_t glyph) const {
    auto it = placed_.find(placed_key(role, face, glyph));
    return it == placed_.end() ? nullptr : &it->second;
}

Result<AtlasStats> GlyphAtlas::build(ImFontAtlas* atlas, const std::array<RoleSize, font_role_count>& roles,
                                     std::array<ImFont*, font_role_count>& fonts) {
    const auto t0 = std::chrono::steady_clock::now();
    AtlasStats stats;
    // Between builds the cache must not hold glyph references across a clear, so a full cache is
    // dropped before any glyph of this build is looked up.
    if (cache_bytes_ > cache_limit) drop_cache();

    atlas->Clear();
    atlas->Flags |= ImFontAtlasFlags_NoMouseCursors;  // the kiosk draws no software cursor
    placed_.clear();

    // ImGui takes each font's metrics (size, ascent, the space) from a TTF; every other glyph is ours.
    static const ImWchar space_only[] = {0x20, 0x20, 0};
    const auto& bytes = faces_.latin_file_bytes();

    struct Pending {
        int rect;
        const GlyphBitmap* bitmap;
    };
    std::vector<Pending> pending;
    std::vector<std::pair<std::uint64_t, int>> shaped_rects;

    for (int r = 0; r < font_role_count; ++r) {
        const RoleSize& role = roles[static_cast<std::size_t>(r)];
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = cfg.OversampleV = 1;
        std::snprintf(cfg.Name, sizeof cfg.Name, "kiosk role %d, %.0f px", r, static_cast<double>(role.line_px));
        ImFont* font = atlas->AddFontFromMemoryTTF(const_cast<unsigned char*>(bytes.data()), static_cast<int>(bytes.size()),
                                                   role.line_px, &cfg, space_only);
        if (!font) return make_error("The main font could not be added to the atlas.");
        fonts[static_cast<std::size_t>(r)] = font;
        const float em = faces_.em_for_line_height(role.line_px);
        const float base = std::round(em * faces_.latin_ascender());
        em_[static_cast<std::size_t>(r)] = em;
        baseline_[static_cast<std::size_t>(r)] = base;
        bold_[static_cast<std::size_t>(r)] = role.bold;

        const FaceId latin = faces_.face(Family::Latin, role.bold);
        for (char32_t cp : codepoints_) {
            if (cp == U' ') continue;
            const FaceId face = faces_.face_for(cp, latin, role.bold);
            const std::uint32_t glyph = faces_.glyph_index(face, cp);
            if (glyph == 0) continue;  // no font has it: ImGui draws its fallback
            const GlyphBitmap& bm = bitmap(face, em, glyph, stats.rendered);
            const int id = atlas->AddCustomRectFontGlyph(font, static_cast<ImWchar>(cp), std::max(bm.width, 1),
                                                         std::max(bm.height, 1), std::round(bm.advance),
                                                         ImVec2(static_cast<float>(bm.left), base - static_cast<float>(bm.top)));
            pending.push_back({id, &bm});
        }
        const FaceId role_faces[] = {latin, faces_.face(Family::Arabic, role.bold), faces_.face(Family::Cjk, role.bold)};
        for (const auto& [face, glyph] : shaped_) {
            if (std::find(std::begin(role_faces), std::end(role_faces), face) == std::end(role_faces)) continue;
            const GlyphBitmap& bm = bitmap(face, em, glyph, stats.rendered);
            const int id = atlas->AddCustomRectRegular(std::max(bm.width, 1), std::max(bm.height, 1));
            pending.push_back({id, &bm});
            shaped_rects.emplace_back(placed_key(r, face, glyph), id);
        }
    }

    // A square-ish texture rather than ImGui's default 512 wide (which, for Chinese at 200%, is
    // 8192 tall: beyond some GPUs' limit).
    std::size_t area = 0;
    for (const Pending& p : pending) area += static_cast<std::size_t>((p.bitmap->width + 2) * (p.bitmap->height + 2));
    int width = 512;
    while (width < 4096 && static_cast<std::size_t>(width) * static_cast<std::size_t>(width) < area) width *= 2;
    atlas->TexDesiredWidth = width;
    if (!atlas->Build() || !atlas->TexPixelsAlpha8)
        return make_error("The glyph atlas could not be built (too many glyphs for one texture?).");

    const int tex_w = atlas->TexWidth;
    for (const Pending& p : pending) {
        const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(p.rect);
        const GlyphBitmap& bm = *p.bitmap;
        for (int y = 0; y < bm.height; ++y)
            std::memcpy(atlas->TexPixelsAlpha8 + (rect->Y + y) * tex_w + rect->X,
                        bm.pixels.data() + static_cast<std::size_t>(y * bm.width), static_cast<std::size_t>(bm.width));
    }
    for (const auto& [key, id] : shaped_rects) {
        const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(id);
        PlacedGlyph g;
        atlas->CalcCustomRectUV(rect, &g.uv0, &g.uv1);
        const auto face = static_cast<FaceId>((key >> 32) & 0xFF);
        const auto glyph = static_cast<std::uint32_t>(key & 0xFFFFFFFF);
        const int role = static_cast<int>(key >> 40);
        int unused = 0;
        const GlyphBitmap& bm = bitmap(face, em_[static_cast<std::size_t>(role)], glyph, unused);
        g.width = static_cast<float>(bm.width);
        g.height = static_cast<float>(bm.height);
        g.left = static_cast<float>(bm.left);
        g.top = static_cast<float>(bm.top);
        if (bm.width == 0 || bm.height == 0) g.width = g.height = 0;  // a space: nothing to draw
        placed_.emplace(key, g);
    }
    for (int r = 0; r < font_role_count; ++r) {
        // Our baseline, so that anything ImGui places by Ascent lines up with our glyphs.
        ImFont* f = fonts[static_cast<std::size_t>(r)];
        f->Ascent = baseline_[static_cast<std::size_t>(r)];
        f->Descent = f->Ascent - f->FontSize;
    }
    stats.glyphs = static_cast<int>(pending.size());
    stats.texture_width = atlas->TexWidth;
    stats.texture_height = atlas->TexHeight;
    stats.cache_bytes = cache_bytes_;
    stats.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return stats;
}

}  // namespace carers::ui
