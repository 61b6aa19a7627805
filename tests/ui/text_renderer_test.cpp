#include <catch2/catch_test_macros.hpp>

#include <algorithm>
#include <chrono>
#include <thread>

#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_font_files.h"
#include "kiosk/ui/text_renderer.h"

using namespace carers;
using namespace carers::ui;

namespace {

// A headless ImGui context (no window, no GPU): enough to build the atlas and record draw lists.
struct ImGuiFixture {
    ImGuiContext* ctx;
    std::unique_ptr<TextRenderer> text;
    FontSet fonts;
    Metrics metrics;
    ImGuiFixture() {
        ctx = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        auto r = TextRenderer::create(find_font_sources());
        REQUIRE(r.ok());
        text = std::move(r.value());
    }
    ~ImGuiFixture() {
        text.reset();
        ImGui::DestroyContext(ctx);
    }
    AtlasStats build() {
        auto b = build_fonts(*text, metrics, fonts);
        REQUIRE(b.ok());
        return b.value();
    }
    // Runs one frame; `draw` gets the window's draw list.
    template <typename F> void frame(F&& draw) {
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1000, 1000);
        io.DeltaTime = 1.f / 60;
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(1000, 1000));
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration);
        draw(ImGui::GetWindowDrawList());
        ImGui::End();
        ImGui::Render();
    }
};

// The alpha coverage of the atlas under a glyph's rectangle, summed.
long coverage(const ImFont* font, ImWchar c) {
    const ImFontGlyph* g = font->FindGlyphNoFallback(c);
    if (!g) return -1;
    const ImFontAtlas* atlas = font->ContainerAtlas;
    int x0 = static_cast<int>(g->U0 * static_cast<float>(atlas->TexWidth)), x1 = static_cast<int>(g->U1 * static_cast<float>(atlas->TexWidth));
    int y0 = static_cast<int>(g->V0 * static_cast<float>(atlas->TexHeight)), y1 = static_cast<int>(g->V1 * static_cast<float>(atlas->TexHeight));
    long sum = 0;
    for (int y = y0; y < y1; ++y)
        for (int x = x0; x < x1; ++x) sum += atlas->TexPixelsAlpha8[y * atlas->TexWidth + x];
    return sum;
}

const std::string arabic_sentence =  // "هل تعتني بشخص ما؟" (Do you look after someone?)
    "\xD9\x87\xD9\x84 \xD8\xAA\xD8\xB9\xD8\xAA\xD9\x86\xD9\x8A \xD8\xA8\xD8\xB4\xD8\xAE\xD8\xB5 \xD9\x85\xD8\xA7\xD8\x9F";
const std::string chinese_sentence = "\xE6\x82\xA8\xE6\x98\xAF\xE5\x90\xA6\xE7\x85\xA7\xE9\xA1\xBE\xE6\x9F\x90\xE4\xBA\xBA\xEF\xBC\x9F";

}  // namespace

TEST_CASE("the atlas holds only what the language needs, rendered by FreeType into ImGui's fonts") {
    ImGuiFixture f;
    f.text->set_texts("en", {"Continue", "Back"}, false);
    AtlasStats stats = f.build();
    CHECK(stats.glyphs > 3 * 90);   // ASCII and common punctuation in three roles
    CHECK(stats.glyphs < 3 * 150);  // and not whole Unicode blocks
    CHECK(coverage(f.fonts.body, 'A') > 1000);
    CHECK(coverage(f.fonts.heading, 'W') > coverage(f.fonts.body, 'W'));  // bigger and bold
    CHECK(f.fonts.body->FindGlyphNoFallback(0x4F60) == nullptr);       // no Chinese for English
    CHECK(f.fonts.body->FindGlyphNoFallback(0x0105) == nullptr);       // nor Polish letters
    CHECK(TextRenderer::of(f.fonts.body) == f.text.get());
    CHECK_FALSE(f.text->stale());
}

TEST_CASE("Chinese strings put their characters in the atlas from the CJK font") {
    ImGuiFixture f;
    f.text->set_texts("zh_CN", {chinese_sentence}, false);
    f.build();
    CHECK(coverage(f.fonts.body, 0x7167) > 1000);  // 照
    CHECK(f.fonts.body->FindGlyphNoFallback(0x4E00) == nullptr);  // 一 is not in the sentence
}

TEST_CASE("a character typed that the atlas lacks is noticed when measured, and is there after a rebuild") {
    ImGuiFixture f;
    f.text->set_texts("en", {}, false);
    f.build();
    CHECK(f.text->measure(f.fonts.body, "Zofia Kowalska-Wiśniewska").x > 0);
    CHECK(f.text->stale());
    f.build();
    CHECK(coverage(f.fonts.body, 0x015B) > 100);  // ś
    CHECK_FALSE(f.text->stale());
    // It stays through a change of language.
    f.text->set_texts("pl", {"Dalej"}, false);
    f.build();
    CHECK(f.fonts.body->FindGlyphNoFallback(0x015B) != nullptr);
}

TEST_CASE("wrapped text breaks into lines no wider than asked") {
    ImGuiFixture f;
    f.text->set_texts("en", {}, false);
    f.build();
    const std::string text = "Lots of people help a family member or friend and do not call themselves a carer.";
    ImVec2 one = f.text->measure(f.fonts.body, text);
    ImVec2 wrapped = f.text->measure(f.fonts.body, text, 300);
    CHECK(wrapped.x <= 300);
    CHECK(wrapped.y >= 3 * f.fonts.body->FontSize);
    CHECK(one.y == f.fonts.body->FontSize);
    CHECK(f.text->measure(f.fonts.body, "a\nb\nc").y == 3 * f.fonts.body->FontSize);
}

TEST_CASE("Arabic is drawn from shaped glyphs, right-aligned in a right-to-left UI") {
    ImGuiFixture f;
    f.text->set_texts("ar", {arabic_sentence}, true);
    f.build();
    const float box = 900;
    const ImVec2 size = f.text->measure(f.fonts.body, arabic_sentence, box);
    CHECK_FALSE(f.text->stale());  // every shaped glyph was already in the atlas
    REQUIRE(size.x > 50);
    float min_x = 1e9f, max_x = -1e9f;
    int vertices = 0;
    f.frame([&](ImDrawList* dl) {
        const int before = dl->VtxBuffer.Size;
        f.text->draw(dl, f.fonts.body, ImVec2(50, 100), IM_COL32(0, 0, 0, 255), arabic_sentence, box, 0,
                     TextAlign::Start, box);
        for (int i = before; i < dl->VtxBuffer.Size; ++i) {
            min_x = std::min(min_x, dl->VtxBuffer[i].pos.x);
            max_x = std::max(max_x, dl->VtxBuffer[i].pos.x);
        }
        vertices = dl->VtxBuffer.Size - before;
    });
    CHECK(vertices >= 4 * 10);  // a quad per glyph
    CHECK(max_x > 50 + box - 20);          // flush with the right edge of the box
    CHECK(min_x > 50 + box - size.x - 20);  // and nothing far to the left
}

TEST_CASE("Arabic that the atlas has never seen (a typed name) is noticed, then drawn after a rebuild") {
    ImGuiFixture f;
    f.text->set_texts("en", {"Continue"}, false);
    f.build();
    f.text->measure(f.fonts.body, arabic_sentence);
    CHECK(f.text->stale());
    f.build();
    f.text->measure(f.fonts.body, arabic_sentence);
    CHECK_FALSE(f.text->stale());
}

TEST_CASE("the language texts include every language's own name") {
    i18n::Catalog en, zh(i18n::Language{"zh_CN", "\xE4\xB8\xAD\xE6\x96\x87", "Chinese", false, true, "draft", "cmn"});
    zh.add("", "Do you look after someone?", chinese_sentence);
    const std::vector<const i18n::Catalog*> all = {&en, &zh};
    auto texts = language_texts(en, all, {"Do you look after someone?"});
    CHECK(std::find(texts.begin(), texts.end(), "\xE4\xB8\xAD\xE6\x96\x87") != texts.end());
    CHECK(std::find(texts.begin(), texts.end(), chinese_sentence) != texts.end());
}

TEST_CASE("a warm-up on its own thread renders another language's glyphs, so switching to it renders none") {
    ImGuiFixture f;
    f.text->set_texts("en", {"Continue"}, false);
    f.build();
    f.text->warm_up({{"zh_CN", {chinese_sentence}, false}, {"ar", {arabic_sentence}, true}}, role_sizes(f.metrics));
    for (int i = 0; i < 1000 && !f.text->warm_up_finished(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    REQUIRE(f.text->warm_up_finished());
    f.text->set_texts("zh_CN", {chinese_sentence}, false);
    AtlasStats zh = f.build();
    CHECK(zh.rendered == 0);
    CHECK(coverage(f.fonts.body, 0x7167) > 1000);  // 照, drawn from the warmed-up bitmap
    f.text->set_texts("ar", {arabic_sentence}, true);
    CHECK(f.build().rendered == 0);
    f.text->measure(f.fonts.body, arabic_sentence);
    CHECK_FALSE(f.text->stale());
}
