#include "kiosk/ui/text_faces.h"

#include <cmath>
#include <fstream>
#include <map>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>
#include <hb.h>

namespace carers::ui {

struct TextFaces::Face {
    FT_Face ft = nullptr;
    hb_face_t* hb_face = nullptr;
    mutable std::map<int, hb_font_t*> hb_fonts;  // by em size in 1/64 px
    mutable int ft_size = -1;                    // em size FreeType is set to, in 1/64 px
};

struct TextFaces::Impl {
    FT_Library library = nullptr;
    std::vector<Face> faces;
    ~Impl() {
        for (auto& f : faces) {
            for (auto& [size, font] : f.hb_fonts) hb_font_destroy(font);
            if (f.hb_face) hb_face_destroy(f.hb_face);
            if (f.ft) FT_Done_Face(f.ft);
        }
        if (library) FT_Done_FreeType(library);
    }
};

namespace {
std::vector<unsigned char> read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(in), {});
}
}  // namespace

TextFaces::~TextFaces() = default;

Result<std::unique_ptr<TextFaces>> TextFaces::open(const FontSources& src) {
    std::unique_ptr<TextFaces> t(new TextFaces());
    t->impl_ = std::make_unique<Impl>();
    if (FT_Init_FreeType(&t->impl_->library) != 0) return make_error("The font library (FreeType) could not start.");

    // One face per distinct (path, index): regular and bold CJK share nothing, but a missing bold
    // must not open the regular file twice.
    std::map<std::pair<std::string, int>, int> opened;
    auto open_one = [&](const FontFile& file) -> int {
        if (file.path.empty()) return -1;
        auto key = std::make_pair(file.path, file.index);
        if (auto it = opened.find(key); it != opened.end()) return it->second;
        Face f;
        if (FT_New_Face(t->impl_->library, file.path.c_str(), file.index, &f.ft) != 0) return opened[key] = -1;
        hb_blob_t* blob = hb_blob_create_from_file_or_fail(file.path.c_str());
        if (!blob) {
            FT_Done_Face(f.ft);
            return opened[key] = -1;
        }
        f.hb_face = hb_face_create(blob, static_cast<unsigned>(file.index));
        hb_blob_destroy(blob);
        t->impl_->faces.push_back(std::move(f));
        return opened[key] = static_cast<int>(t->impl_->faces.size() - 1);
    };

    const int latin = open_one(src.latin_regular);
    if (latin < 0) return make_error("The main font " + src.latin_regular.path + " could not be opened.");
    const FontFile* files[3][2] = {{&src.latin_regular, &src.latin_bold},
                                   {&src.arabic_regular, &src.arabic_bold},
                                   {&src.cjk_regular, &src.cjk_bold}};
    for (int fam = 0; fam < 3; ++fam) {
        int regular = open_one(*files[fam][0]);
        int bold = open_one(*files[fam][1]);
        if (regular < 0) regular = fam == 0 ? latin : -1;
        if (bold < 0) bold = regular;
        if (regular < 0) regular = bold = latin;  // the family is missing: characters fall back
        t->family_face_[fam][0] = static_cast<FaceId>(regular);
        t->family_face_[fam][1] = static_cast<FaceId>(bold);
    }
    FT_Face lf = t->impl_->faces[static_cast<std::size_t>(latin)].ft;
    if (lf->units_per_EM > 0 && lf->ascender > lf->descender) {
        t->ascender_ = static_cast<float>(lf->ascender) / static_cast<float>(lf->units_per_EM);
        t->descender_ = static_cast<float>(lf->descender) / static_cast<float>(lf->units_per_EM);
    }
    t->latin_bytes_ = read_all(src.latin_regular.path);
    if (t->latin_bytes_.empty()) return make_error("The main font " + src.latin_regular.path + " could not be read.");
    return t;
}

std::size_t TextFaces::face_count() const { return impl_->faces.size(); }

FaceId TextFaces::face(Family family, bool bold) const { return family_face_[static_cast<int>(family)][bold ? 1 : 0]; }

bool TextFaces::has_glyph(FaceId face, char32_t cp) const { return glyph_index(face, cp) != 0; }

std::uint32_t TextFaces::glyph_index(FaceId face, char32_t cp) const {
    return FT_Get_Char_Index(impl_->faces[face].ft, static_cast<FT_ULong>(cp));
}

FaceId TextFaces::face_for(char32_t cp, FaceId preferred, bool bold) const {
    if (has_glyph(preferred, cp)) return preferred;
    for (Family f : {Family::Latin, Family::Cjk, Family::Arabic}) {
        FaceId id = face(f, bold);
        if (has_glyph(id, cp)) return id;
    }
    return preferred;
}

hb_font_t* TextFaces::hb_font(FaceId face, float em_px) const {
    const Face& f = impl_->faces[face];
    const int size = static_cast<int>(std::lround(em_px * 64));
    auto it = f.hb_fonts.find(size);
    if (it != f.hb_fonts.end()) return it->second;
    hb_font_t* font = hb_font_create(f.hb_face);
    hb_ot_font_set_funcs(font);
    hb_font_set_scale(font, size, size);
    f.hb_fonts.emplace(size, font);
    return font;
}

GlyphBitmap TextFaces::render(FaceId face, std::uint32_t glyph, float em_px) const {
    const Face& f = impl_->faces[face];
    GlyphBitmap out;
    const int size = static_cast<int>(std::lround(em_px * 64));
    if (f.ft_size != size) {
        if (FT_Set_Char_Size(f.ft, 0, size, 72, 72) != 0) return out;
        f.ft_size = size;
    }
    if (FT_Load_Glyph(f.ft, glyph, FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0) return out;
    if (FT_Render_Glyph(f.ft->glyph, FT_RENDER_MODE_NORMAL) != 0) return out;
    const FT_Bitmap& bm = f.ft->glyph->bitmap;
    out.width = static_cast<int>(bm.width);
    out.height = static_cast<int>(bm.rows);
    out.left = f.ft->glyph->bitmap_left;
    out.top = f.ft->glyph->bitmap_top;
    out.advance = static_cast<float>(f.ft->glyph->linearHoriAdvance) / 65536.f;
    out.pixels.resize(static_cast<std::size_t>(out.width * out.height));
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x)
            out.pixels[static_cast<std::size_t>(y * out.width + x)] = bm.buffer[y * bm.pitch + x];
    return out;
}

}  // namespace carers::ui
