// TextFaces: the font files the kiosk draws with, opened once with FreeType (to rasterise) and
// HarfBuzz (to shape), and the choice of face for each character.
//
// Three families, each regular and bold: Noto Sans (Latin, Greek, Cyrillic, and the fallback),
// Noto Sans Arabic, and Noto Sans CJK SC. Found through fontconfig by the app (Debian's
// fonts-noto-core and fonts-noto-cjk); never shipped in the repository.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/common/result.h"

struct hb_font_t;

namespace carers::ui {

struct FontFile {
    std::string path;
    int index = 0;  // face within a collection (.ttc)
};

// Which files to use. Latin regular is required; a missing Arabic or CJK file only means those
// characters are drawn from whatever face has them (or as a box).
struct FontSources {
    FontFile latin_regular, latin_bold, arabic_regular, arabic_bold, cjk_regular, cjk_bold;
};

using FaceId = std::uint8_t;  // index into TextFaces' faces

enum class Family { Latin, Arabic, Cjk };

// A rasterised glyph: 8-bit coverage, `left`/`top` from the pen position on the baseline.
struct GlyphBitmap {
    int width = 0, height = 0;
    int left = 0, top = 0;
    float advance = 0;  // pixels, unhinted
    std::vector<unsigned char> pixels;  // width * height
};

class TextFaces {
public:
    // Opens every file that exists. Refuses when the Latin regular face cannot be opened.
    static Result<std::unique_ptr<TextFaces>> open(const FontSources& sources);
    ~TextFaces();
    TextFaces(const TextFaces&) = delete;
    TextFaces& operator=(const TextFaces&) = delete;

    // The face for a family and weight (falls back to regular, then Latin when absent).
    FaceId face(Family family, bool bold) const;
    // The face to draw `cp` with: `preferred` when it has the character, else the first family
    // that has it (Latin, then CJK, then Arabic); `preferred` when none has it.
    FaceId face_for(char32_t cp, FaceId preferred, bool bold) const;
    bool has_glyph(FaceId face, char32_t cp) const;
    std::uint32_t glyph_index(FaceId face, char32_t cp) const;  // 0 when missing

    // HarfBuzz font for shaping at `em_px` pixels per em (positions in 1/64 px).
    hb_font_t* hb_font(FaceId face, float em_px) const;
    // Ascender and descender of the Latin face, in units of the em (e.g. 1.069 and -0.293).
    float latin_ascender() const { return ascender_; }
    float latin_descender() const { return descender_; }
    // Pixels per em that make the Latin face's ascender-to-descender height `line_px` (the way
    // ImGui sizes fonts).
    float em_for_line_height(float line_px) const { return line_px / (ascender_ - descender_); }

    // Renders a glyph at `em_px`, anti-aliased, unhinted so that shaped joins line up.
    GlyphBitmap render(FaceId face, std::uint32_t glyph, float em_px) const;

    // The bytes of the Latin regular file (ImGui takes a TTF for each font's metrics).
    const std::vector<unsigned char>& latin_file_bytes() const { return latin_bytes_; }
    std::size_t face_count() const;

private:
    TextFaces() = default;
    struct Face;
    struct Impl;
    std::unique_ptr<Impl> impl_;
    FaceId family_face_[3][2] = {};
    float ascender_ = 1.069f, descender_ = -0.293f;
    std::vector<unsigned char> latin_bytes_;
};

}  // namespace carers::ui
