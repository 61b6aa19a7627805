#include "kiosk/ui/text_renderer.h"

#include <algorithm>
#include <cmath>

#include "kiosk/ui/text_breaks.h"
#include "kiosk/ui/text_utf8.h"

namespace carers::ui {

namespace {

// Which renderer built which ImGui font. ui::text_size and ui::draw_text are called with only a
// font (the widgets' hook has no context), so the font is the key back to its renderer.
std::unordered_map<const ImFont*, TextRenderer*>& registry() {
    static std::unordered_map<const ImFont*, TextRenderer*> map;
    return map;
}

// Always in the atlas: ASCII and the punctuation and symbols of everyday text.
const char* const always_needed =
    " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~"
    "\xE2\x80\xA6\xE2\x80\x93\xE2\x80\x94\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\xA2"
    "\xC2\xA3\xE2\x82\xAC\xC2\xB0\xC3\x97\xC2\xA0";

constexpr std::size_t layout_cache_limit = 4096;

}  // namespace

// [SECTION] What the atlas must hold

Result<std::unique_ptr<TextRenderer>> TextRenderer::create(const FontSources& sources) {
    auto faces = TextFaces::open(sources);
    if (!faces) return faces.error();
    std::unique_ptr<TextRenderer> r(new TextRenderer());
    r->faces_ = std::move(faces.value());
    r->sources_ = sources;
    r->atlas_ = std::make_unique<GlyphAtlas>(*r->faces_);
    r->set_texts("", {}, false);
    return r;
}

TextRenderer::~TextRenderer() {
    warm_up_cancel_ = true;
    if (warm_up_thread_.joinable()) warm_up_thread_.join();
    for (ImFont* f : fonts_)
        if (f) registry().erase(f);
}

void TextRenderer::add_needs(const TextFaces& faces, std::string_view text, bool rtl, Needs& out) {
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view para = text.substr(start, nl - start);
        const bool shaped = needs_shaping(para);
        if (shaped) {
            collect_glyphs(faces, para, false, rtl, out.shaped);
            collect_glyphs(faces, para, true, rtl, out.shaped);
        }
        for (char32_t c : decode_utf8(para).cps)
            if (!shaped || !needs_shaping(c)) out.codepoints.push_back(c);
        start = nl + 1;
    }
}

void TextRenderer::apply(const Needs& needs) {
    for (char32_t c : needs.codepoints) atlas_->add_codepoint(c);
    for (const auto& [face, glyph] : needs.shaped) atlas_->add_shaped(face, glyph);
}

TextRenderer::Needs TextRenderer::compute_needs(const TextFaces& faces, const std::vector<std::string>& texts, bool rtl) {
    Needs n;
    add_needs(faces, always_needed, rtl, n);
    // Latin letters and digits inside right-to-left text are shaped glyphs of the Latin face.
    if (rtl) {
        collect_glyphs(faces, always_needed, false, true, n.shaped);
        collect_glyphs(faces, always_needed, true, true, n.shaped);
    }
    for (const auto& t : texts) add_needs(faces, t, rtl, n);
    std::sort(n.codepoints.begin(), n.codepoints.end());
    n.codepoints.erase(std::unique(n.codepoints.begin(), n.codepoints.end()), n.codepoints.end());
    std::sort(n.shaped.begin(), n.shaped.end());
    n.shaped.erase(std::unique(n.shaped.begin(), n.shaped.end()), n.shaped.end());
    return n;
}

void TextRenderer::set_texts(const std::string& key, const std::vector<std::string>& texts, bool right_to_left) {
    rtl_ = right_to_left;
    const std::string full_key = key + (right_to_left ? "|rtl" : "|ltr");
    adopt_warm_up();
    auto it = needs_by_key_.find(full_key);
    if (it == needs_by_key_.end()) it = needs_by_key_.emplace(full_key, compute_needs(*faces_, texts, right_to_left)).first;
    atlas_->clear_needs();
    apply(it->second);
    apply(extra_);
    stale_ = true;
    layouts_.clear();
}

void TextRenderer::warm_up(std::vector<WarmUpLanguage> languages, const std::array<RoleSize, font_role_count>& roles) {
    if (warm_up_thread_.joinable()) {
        if (!warm_up_finished_) return;  // one at a time
        warm_up_thread_.join();
    }
    warm_up_finished_ = false;
    warm_up_thread_ = std::thread([this, languages = std::move(languages), roles] {
        auto faces = TextFaces::open(sources_);
        if (!faces) return;
        for (const WarmUpLanguage& lang : languages) {
            if (warm_up_cancel_) return;
            Needs needs = compute_needs(*faces.value(), lang.texts, lang.right_to_left);
            GlyphAtlas::Bitmaps bitmaps = GlyphAtlas::render_all(*faces.value(), needs.codepoints, needs.shaped, roles,
                                                                 warm_up_cancel_);
            std::lock_guard<std::mutex> lock(warm_up_mutex_);
            warm_needs_.emplace(lang.key + (lang.right_to_left ? "|rtl" : "|ltr"), std::move(needs));
            for (auto& b : bitmaps) warm_bitmaps_.insert(std::move(b));
        }
        warm_up_finished_ = true;
    });
}

void TextRenderer::adopt_warm_up() {
    std::lock_guard<std::mutex> lock(warm_up_mutex_);
    for (auto& [key, needs] : warm_needs_) needs_by_key_.try_emplace(key, std::move(needs));
    warm_needs_.clear();
    if (!warm_bitmaps_.empty()) atlas_->adopt(std::move(warm_bitmaps_));
    warm_bitmaps_.clear();
}

bool TextRenderer::need(std::string_view text) {
    Needs n;
    add_needs(*faces_, text, rtl_, n);
    bool added = false;
    for (char32_t c : n.codepoints)
        if (atlas_->add_codepoint(c)) extra_.codepoints.push_back(c), added = true;
    for (const auto& [face, glyph] : n.shaped)
        if (atlas_->add_shaped(face, glyph)) extra_.shaped.emplace_back(face, glyph), added = true;
    stale_ |= added;
    return added;
}

// [SECTION] Building the atlas

Result<AtlasStats> TextRenderer::build(const std::array<RoleSize, font_role_count>& roles,
                                       std::array<ImFont*, font_role_count>& fonts) {
    for (ImFont* f : fonts_)
        if (f) registry().erase(f);
    fonts_ = {};
    layouts_.clear();
    adopt_warm_up();
    auto built = atlas_->build(ImGui::GetIO().Fonts, roles, fonts);
    if (!built) return built;
    fonts_ = fonts;
    for (ImFont* f : fonts_) registry()[f] = this;
    stats_ = built.value();
    stale_ = false;
    return built;
}

TextRenderer* TextRenderer::of(const ImFont* font) {
    auto it = registry().find(font);
    return it == registry().end() ? nullptr : it->second;
}

// [SECTION] Measuring and drawing

int TextRenderer::role_of(const ImFont* font) const {
    for (int r = 0; r < font_role_count; ++r)
        if (fonts_[static_cast<std::size_t>(r)] == font) return r;
    return -1;
}

const TextRenderer::Layout& TextRenderer::layout(ImFont* font, std::string_view text, float wrap_width, float size) {
    std::string key(text);
    key.push_back('\0');
    key += std::to_string(reinterpret_cast<std::uintptr_t>(font)) + ":" + std::to_string(std::lround(wrap_width)) + ":" +
           std::to_string(std::lround(size * 4));
    if (auto it = layouts_.find(key); it != layouts_.end()) return it->second;
    if (layouts_.size() > layout_cache_limit) layouts_.clear();

    const int role = role_of(font);
    const float font_size = size > 0 ? size : font->FontSize;
    const float scale = font_size / font->FontSize;
    Layout out;
    out.line_height = font_size;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        const std::string_view para = text.substr(start, nl - start);
        if (role >= 0 && needs_shaping(para)) {
            ShapeRequest req;
            req.em_px = atlas_->em_px(role) * scale;
            req.bold = atlas_->bold(role);
            req.wrap_width = wrap_width;
            req.ui_right_to_left = rtl_;
            for (ShapedLine& sl : shape_text(*faces_, para, req)) {
                for (const ShapedGlyph& g : sl.glyphs)
                    if (!atlas_->placed(role, g.face, g.glyph) && atlas_->add_shaped(g.face, g.glyph)) {
                        extra_.shaped.emplace_back(g.face, g.glyph);
                        stale_ = true;
                    }
                Line line;
                line.width = sl.width;
                line.shaped = true;
                line.glyphs = std::move(sl.glyphs);
                out.lines.push_back(std::move(line));
            }
        } else {
            DecodedText d = decode_utf8(para);
            std::vector<float> advance(d.cps.size());
            for (std::size_t i = 0; i < d.cps.size(); ++i) {
                const char32_t c = d.cps[i];
                const bool bmp = c <= 0xFFFF;
                if (role >= 0 && c >= 0x20 && (!bmp || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) &&
                    atlas_->add_codepoint(c)) {
                    extra_.codepoints.push_back(c);
                    stale_ = true;
                }
                advance[i] = (bmp ? font->GetCharAdvance(static_cast<ImWchar>(c)) : font->FallbackAdvanceX) * scale;
            }
            for (const LineSpan& span : break_lines(d.cps, advance, wrap_width)) {
                Line line;
                line.width = span.width;
                line.begin = static_cast<std::uint32_t>(start + d.offset[span.begin]);
                line.end = static_cast<std::uint32_t>(start + d.offset[span.end]);
                out.lines.push_back(std::move(line));
            }
        }
        start = nl + 1;
    }
    for (const Line& l : out.lines) out.size.x = std::max(out.size.x, l.width);
    out.size.y = out.line_height * static_cast<float>(out.lines.size());
    return layouts_.emplace(std::move(key), std::move(out)).first->second;
}

ImVec2 TextRenderer::measure(ImFont* font, std::string_view text, float wrap_width, float size) {
    return layout(font, text, wrap_width, size).size;
}

void TextRenderer::draw(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 colour, std::string_view text, float wrap_width,
                        float size, TextAlign align, float box_width) {
    const Layout& l = layout(font, text, wrap_width, size);
    const int role = role_of(font);
    const float font_size = size > 0 ? size : font->FontSize;
    const float scale = font_size / font->FontSize;
    const float box = box_width > 0 ? box_width : l.size.x;
    const bool to_right = (align == TextAlign::Start && rtl_) || (align == TextAlign::End && !rtl_);
    const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
    for (std::size_t i = 0; i < l.lines.size(); ++i) {
        const Line& line = l.lines[i];
        const float y = pos.y + static_cast<float>(i) * l.line_height;
        if (y > clip_max.y || y + l.line_height < clip_min.y) continue;
        float x = pos.x;
        if (align == TextAlign::Center) x += std::floor((box - line.width) / 2);
        else if (to_right) x += box - line.width;
        if (!line.shaped) {
            if (line.end > line.begin)
                dl->AddText(font, font_size, ImVec2(x, y), colour, text.data() + line.begin, text.data() + line.end);
            continue;
        }
        const float baseline = y + atlas_->baseline(role) * scale;
        for (const ShapedGlyph& g : line.glyphs) {
            const PlacedGlyph* p = atlas_->placed(role, g.face, g.glyph);
            if (!p || p->width == 0) continue;
            const float x0 = std::round(x + g.x + p->left * scale);
            const float y0 = std::round(baseline - g.y - p->top * scale);
            dl->PrimReserve(6, 4);
            dl->PrimRectUV(ImVec2(x0, y0), ImVec2(x0 + p->width * scale, y0 + p->height * scale), p->uv0, p->uv1, colour);
        }
    }
}

}  // namespace carers::ui
