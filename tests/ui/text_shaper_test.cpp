#include <catch2/catch_test_macros.hpp>

#include <algorithm>

#include "kiosk/ui/text_breaks.h"
#include "kiosk/ui/text_font_files.h"
#include "kiosk/ui/text_shaper.h"
#include "kiosk/ui/text_utf8.h"

using namespace carers::ui;

namespace {
const TextFaces& faces() {
    static std::unique_ptr<TextFaces> f = [] {
        auto r = TextFaces::open(find_font_sources());
        REQUIRE(r.ok());
        return std::move(r.value());
    }();
    return *f;
}

std::vector<std::uint32_t> glyphs_of(const std::vector<ShapedLine>& lines) {
    std::vector<std::uint32_t> out;
    for (const auto& l : lines)
        for (const auto& g : l.glyphs) out.push_back(g.glyph);
    return out;
}

std::vector<std::uint32_t> clusters_of(const ShapedLine& line) {
    std::vector<std::uint32_t> out;
    for (const auto& g : line.glyphs) out.push_back(g.cluster);
    return out;
}

ShapeRequest req(float wrap = 0, bool rtl = false) {
    ShapeRequest r;
    r.em_px = 20;
    r.wrap_width = wrap;
    r.ui_right_to_left = rtl;
    return r;
}
}  // namespace

TEST_CASE("the Noto fonts are found through fontconfig: Latin, Arabic and Chinese, regular and bold") {
    FontSources s = find_font_sources();
    CHECK(s.latin_regular.path.find("NotoSans-Regular") != std::string::npos);
    CHECK(s.latin_bold.path.find("NotoSans-Bold") != std::string::npos);
    CHECK(s.arabic_regular.path.find("NotoSansArabic") != std::string::npos);
    CHECK(s.cjk_regular.path.find("NotoSansCJK") != std::string::npos);
    CHECK(faces().has_glyph(faces().face(Family::Arabic, false), U'\u0633'));
    CHECK(faces().has_glyph(faces().face(Family::Cjk, true), U'\u4F60'));
    CHECK(faces().has_glyph(faces().face(Family::Latin, false), U'\u0105'));  // Polish ą
}

TEST_CASE("an Arabic word is shaped with joined letter forms, not its letters' isolated forms") {
    // بيت (house): beh, yeh, teh. Joined, beh takes its initial form, yeh its medial form and teh
    // its final form, so every glyph differs from the same letter shaped on its own.
    const std::string word = "\xD8\xA8\xD9\x8A\xD8\xAA";
    auto joined = glyphs_of(shape_text(faces(), word, req()));
    std::vector<std::uint32_t> isolated;
    for (const char* letter : {"\xD8\xA8", "\xD9\x8A", "\xD8\xAA"}) {
        auto g = glyphs_of(shape_text(faces(), letter, req()));
        REQUIRE(g.size() == 1);
        isolated.push_back(g[0]);
    }
    REQUIRE(joined.size() == 3);
    std::reverse(isolated.begin(), isolated.end());  // visual order is right to left
    for (std::size_t i = 0; i < 3; ++i) CHECK(joined[i] != isolated[i]);
}

TEST_CASE("lam followed by alef becomes one ligature glyph") {
    // لا (no): two letters, one glyph; سلام (peace): four letters, three glyphs.
    CHECK(glyphs_of(shape_text(faces(), "\xD9\x84\xD8\xA7", req())).size() == 1);
    CHECK(glyphs_of(shape_text(faces(), "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", req())).size() == 3);
}

TEST_CASE("Arabic is drawn right to left: the first letter typed is the rightmost glyph") {
    auto lines = shape_text(faces(), "\xD8\xA8\xD9\x8A\xD8\xAA", req());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].right_to_left);
    CHECK(clusters_of(lines[0]) == std::vector<std::uint32_t>{2, 1, 0});
    CHECK(lines[0].glyphs[0].x < lines[0].glyphs[2].x);
}

TEST_CASE("bidi keeps digits left to right inside Arabic and puts the words in right-to-left order") {
    // "رقم 123 هنا": word A (3 letters), space, 123, space, word B (3 letters).
    const std::string text = "\xD8\xB1\xD9\x82\xD9\x85 123 \xD9\x87\xD9\x86\xD8\xA7";
    auto lines = shape_text(faces(), text, req());
    REQUIRE(lines.size() == 1);
    // Visual order, left to right: word B reversed (10 9 8), space 7, "123" in reading order
    // (4 5 6), space 3, word A reversed (2 1 0). Lam-alef-like ligatures do not occur here.
    CHECK(clusters_of(lines[0]) == std::vector<std::uint32_t>{10, 9, 8, 7, 4, 5, 6, 3, 2, 1, 0});
}

TEST_CASE("an English sentence in a right-to-left UI stays left to right, and a mixed one reads right to left") {
    auto english = shape_text(faces(), "Call 999 now.", req(0, true));
    REQUIRE(english.size() == 1);
    CHECK_FALSE(english[0].right_to_left);
    auto clusters = clusters_of(english[0]);
    CHECK(std::is_sorted(clusters.begin(), clusters.end()));
    // A sentence starting with a Latin name but written in Arabic is still Arabic.
    auto mixed = shape_text(faces(), "Carers Centre \xD8\xB3\xD9\x84\xD8\xA7\xD9\x85", req(0, true));
    CHECK(mixed[0].right_to_left);
    CHECK(mixed[0].glyphs.front().cluster >= 14);  // the Arabic word is at the left end
}

TEST_CASE("English inside Unicode isolates in an Arabic sentence keeps its full stop at its own end") {
    // "رقم: " then "Not found." — code points: the Arabic word 0-2, ':' 3, space 4, then (isolated)
    // FSI 5, "Not found." 6-15 ('d' 14, '.' 15), PDI 16.
    const std::string arabic = "\xD8\xB1\xD9\x82\xD9\x85: ";
    auto position = [](const std::vector<std::uint32_t>& clusters, std::uint32_t c) {
        return std::find(clusters.begin(), clusters.end(), c) - clusters.begin();
    };
    auto isolated = shape_text(faces(), arabic + "\u2068Not found.\u2069", req(0, true));
    REQUIRE(isolated.size() == 1);
    CHECK(isolated[0].right_to_left);
    auto clusters = clusters_of(isolated[0]);
    CHECK(position(clusters, 15) == position(clusters, 14) + 1);  // "found." reads as typed
    for (const auto& g : isolated[0].glyphs) CHECK(g.glyph != 0);  // the isolates draw nothing, not a box
    // Without them the full stop takes the Arabic sentence's direction and lands at the far left.
    auto bare = shape_text(faces(), arabic + "Not found.", req(0, true));
    REQUIRE(bare.size() == 1);
    auto bare_clusters = clusters_of(bare[0]);
    CHECK(position(bare_clusters, 14) != position(bare_clusters, 13) + 1);  // 'd' is 13, '.' 14 here
    CHECK(position(bare_clusters, 14) == 0);
}

TEST_CASE("Chinese text uses the CJK face, Latin the Latin face, within one line") {
    auto lines = shape_text(faces(), "Carers \xE4\xBD\xA0\xE5\xA5\xBD", req());
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].glyphs.front().face == faces().face(Family::Latin, false));
    CHECK(lines[0].glyphs.back().face == faces().face(Family::Cjk, false));
}

TEST_CASE("lines break at spaces to fit the width, and in Chinese between characters") {
    auto lines = shape_text(faces(), "one two three four five six seven eight nine ten", req(120));
    CHECK(lines.size() > 2);
    for (const auto& l : lines) CHECK(l.width <= 120.5f);
    // Chinese has no spaces; it still wraps, and never starts a line with a full-width comma.
    const std::string zh = "\xE6\x88\x91\xE4\xBB\xAC\xE5\x8F\xAF\xE4\xBB\xA5\xE5\xB8\xAE\xE5\x8A\xA9\xE4\xBD\xA0\xEF\xBC\x8C"
                           "\xE8\xAF\xB7\xE6\x89\x93\xE7\x94\xB5\xE8\xAF\x9D\xE7\xBB\x99\xE6\x88\x91\xE4\xBB\xAC\xE3\x80\x82";
    auto zl = shape_text(faces(), zh, req(100));
    CHECK(zl.size() > 2);
    for (const auto& l : zl) {
        CHECK(l.width <= 100.5f);
        CHECK(l.glyphs.front().glyph != faces().glyph_index(faces().face(Family::Cjk, false), U'\uFF0C'));
    }
}

TEST_CASE("a word longer than the line is cut rather than drawn past the edge") {
    auto lines = shape_text(faces(), "Supercalifragilisticexpialidocious", req(80));
    CHECK(lines.size() > 1);
    for (const auto& l : lines) CHECK(l.width <= 80.5f);
}

TEST_CASE("paragraphs separated by newlines are laid out separately, empty ones included") {
    auto lines = shape_text(faces(), "first\n\nthird", req());
    REQUIRE(lines.size() == 3);
    CHECK(lines[1].glyphs.empty());
    CHECK(lines[2].paragraph == 2);
}

TEST_CASE("line breaks are allowed after spaces and around CJK characters, not before closing punctuation") {
    CHECK(can_break_between(U' ', U'a'));
    CHECK_FALSE(can_break_between(U'a', U'b'));
    CHECK_FALSE(can_break_between(U'a', U' '));
    CHECK(can_break_between(U'\u6211', U'\u4EEC'));
    CHECK_FALSE(can_break_between(U'\u6211', U'\uFF0C'));
    CHECK_FALSE(can_break_between(U'\uFF08', U'\u6211'));
    CHECK(can_break_between(U'-', U't'));
}

TEST_CASE("UTF-8 decoding keeps byte offsets and replaces broken sequences instead of failing") {
    auto d = decode_utf8("a\xC4\x85\xE4\xBD\xA0\xF0\x9F\x98\x80");
    CHECK(d.cps == std::u32string{U'a', U'\u0105', U'\u4F60', U'\U0001F600'});
    CHECK(d.offset == std::vector<std::uint32_t>{0, 1, 3, 6, 10});
    auto bad = decode_utf8("a\xC4" "b\xFF\xE4\xBD");
    CHECK(bad.cps == std::u32string{U'a', U'\uFFFD', U'b', U'\uFFFD', U'\uFFFD', U'\uFFFD'});
    CHECK(decode_utf8("\xC0\x80").cps == std::u32string{U'\uFFFD', U'\uFFFD'});  // overlong NUL
    CHECK(needs_shaping("\xD8\xB3"));
    CHECK_FALSE(needs_shaping("Za\xC5\xBC\xC3\xB3\xC5\x82\xC4\x87 \xE4\xBD\xA0"));
}
