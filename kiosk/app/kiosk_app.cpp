#include "kiosk/app/kiosk_app.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include <imgui.h>

#include "kiosk/app/screenshot.h"
#include "kiosk/app/widget_dump.h"
#include "kiosk/ui/keyboard_layouts.h"
#include "kiosk/ui/text_font_files.h"
#include "kiosk/ui/kiosk_screen.h"

namespace carers::app {

namespace {
// ImGui settles a layout over a frame or two after a change (sizes measured on the first).
constexpr int frames_after_change = 3;
// The longest the loop sleeps with nothing due; only a cap, so a missed wake-up cannot stall it.
constexpr double longest_sleep = 60.0;
}  // namespace

KioskApp::KioskApp(KioskWindow& window, KioskController& controller, ui::FontFiles fonts, float px_per_mm,
                   const std::function<void(const std::string&)>& log)
    : window_(window), controller_(controller), font_files_(std::move(fonts)), px_per_mm_(px_per_mm), log_(log) {
    auto text = ui::TextRenderer::create(ui::find_font_sources());
    if (text) text_ = std::move(text.value());
    else log_("Text shaping is not available (" + text.message() + "); only Latin text will show.");
    apply_display();
}

void KioskApp::apply_display() {
    const ui::DisplayChoices& d = controller_.display();
    theme_.palette = d.high_contrast ? ui::high_contrast_palette() : ui::standard_palette();
    theme_.metrics.px_per_mm = px_per_mm_;
    theme_.metrics.text_scale = static_cast<float>(d.text_size) / 100.f;
    ui::apply_theme(theme_);
    bool built = false;
    if (text_) {
        const i18n::Catalog& lang = controller_.catalog();
        const ui::KioskModel m = controller_.model();
        // What the atlas must hold: this language's strings, every language's name and attract
        // lines (they show in every language), the keyboard's keys, and the forms' texts.
        auto texts_of = [&m](const i18n::Catalog& c) {
            std::vector<std::string> texts = ui::language_texts(
                c, m.languages,
                {"Do you look after someone?",
                 "Caring for a family member or friend is hard work. You do not have to do it alone.",
                 "Touch the screen to start"});
            for (auto& k : ui::keyboard_texts()) texts.push_back(std::move(k));
            if (m.placeholders)
                for (const auto& [key, value] : *m.placeholders) texts.push_back(value);  // the venue's names
            return texts;
        };
        text_->set_texts(lang.language().code, texts_of(lang), lang.language().right_to_left);
        auto r = ui::build_fonts(*text_, theme_.metrics, fonts_);
        if (r) built = true;
        else log_("The glyph atlas could not be built (" + r.message() + "); using the built-in font.");
        // The other languages' glyphs at this text size are rendered on a thread of their own, so
        // that a person's first switch to Chinese or Arabic only repacks the atlas (issue 7: a
        // switch under 150 ms; bench_language measures both ways).
        if (r && d.text_size != warmed_text_size_ && (warmed_text_size_ == 0 || text_->warm_up_finished())) {
            std::vector<ui::TextRenderer::WarmUpLanguage> others;
            for (const i18n::Catalog* c : m.languages)
                if (c && c != &lang) others.push_back({c->language().code, texts_of(*c), c->language().right_to_left});
            text_->warm_up(std::move(others), ui::role_sizes(theme_.metrics));
            warmed_text_size_ = d.text_size;
        }
    }
    if (!built && !ui::build_fonts(font_files_, theme_.metrics, fonts_)) log_("Noto Sans was not found; using the built-in font.");
    window_.reload_fonts_texture();
}

bool KioskApp::refresh_glyphs() {
    if (!text_ || !text_->stale()) return false;
    if (!ui::build_fonts(*text_, theme_.metrics, fonts_)) return false;
    window_.reload_fonts_texture();
    return true;
}

void KioskApp::forget_text() {
    if (text_) text_->forget_laid_out_text();
}

ui::Intents KioskApp::draw_frame(ui::FrameTiming& timing, bool render) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    const std::string& language = controller_.display().language;
    const bool switching = !shown_language_.empty() && language != shown_language_;
    if (controller_.take_display_change()) apply_display();
    else refresh_glyphs();
    window_.begin_frame();
    ui::DrawContext dc{theme_, fonts_, controller_.catalog(), &recorder_, &timing};
    ui::Intents intents = ui::draw_kiosk(dc, controller_.model(), controller_.ui_state());
    if (render) window_.render();
    else ImGui::Render();
    ++frame_;
    if (switching) {
        // Issue 7's language switch, measured on the real kiosk: from the frame that applies the
        // choice (atlas rebuilt, texture uploaded) to that frame drawn in the new language.
        language_switch_ms_ = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
        char line[96];
        std::snprintf(line, sizeof line, "language switched to %s in %.1f ms", language.c_str(), language_switch_ms_);
        log_(line);
    }
    shown_language_ = language;
    recorder_.facts().language = language;
    recorder_.facts().language_switch_ms = language_switch_ms_;
    recorder_.facts().icu_setup_ms = icu_setup_ms_;
    return intents;
}

void KioskApp::run(const AppOptions& opt, volatile std::sig_atomic_t* stop) {
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(clock::now() - t0).count(); };
    int frames_to_draw = frames_after_change;
    double view_wake = std::numeric_limits<double>::infinity();
    double housekeeping_wake = std::numeric_limits<double>::infinity();
    double last_input = 0;
    int shot_count = 0;
    std::string last_shot, pending_shot;
    int shot_delay = 0;
    std::error_code ec;
    if (!opt.screenshot_dir.empty()) std::filesystem::create_directories(opt.screenshot_dir, ec);

    while (!window_.should_close() && !controller_.quit_requested() && !(stop && *stop)) {
        bool input;
        if (frames_to_draw > 0) {
            input = window_.poll();
        } else {
            // Sleep until the earliest thing that is due: a view's animation, the inactivity timer,
            // housekeeping (an automatic sync).
            const double due = std::min({view_wake, controller_.next_deadline(), housekeeping_wake});
            double wait = std::clamp(due - seconds(), 0.0, longest_sleep);
            if (opt.exit_after_idle_seconds > 0) wait = std::min(wait, std::max(0.0, opt.exit_after_idle_seconds - (seconds() - last_input)) + 0.01);
            input = wait > 0 ? window_.wait(wait) : window_.poll();
        }
        const double now = seconds();
        if (housekeeping_) housekeeping_wake = now + housekeeping_();
        if (input) {
            frames_to_draw = std::max(frames_to_draw, frames_after_change);
            last_input = now;
            controller_.note_input();
        }
        if (opt.exit_after_idle_seconds > 0 && now - last_input > opt.exit_after_idle_seconds) break;
        if (controller_.tick()) frames_to_draw = std::max(frames_to_draw, frames_after_change);
        if (now >= view_wake) frames_to_draw = std::max(frames_to_draw, 1);
        if (frames_to_draw <= 0) continue;
        --frames_to_draw;

        ui::FrameTiming timing;
        timing.now = now;
        ui::Intents intents = draw_frame(timing);
        view_wake = timing.wake_at;

        // One PNG per screen passed, taken once the screen has settled for two frames.
        const std::string key = recorder_.screen() + (recorder_.facts().focus.empty() ? "" : "-typing");
        if (!opt.screenshot_dir.empty()) {
            if (key != pending_shot) {
                pending_shot = key;
                shot_delay = 2;
                frames_to_draw = std::max(frames_to_draw, frames_after_change);
            } else if (shot_delay > 0 && --shot_delay == 0 && key != last_shot) {
                int w = 0, h = 0;
                std::string px = window_.read_pixels_rgba(w, h);
                char name[32];
                std::snprintf(name, sizeof name, "%03d-", ++shot_count);
                std::string file = key;
                std::replace(file.begin(), file.end(), ':', '-');
                if (auto r = write_png(opt.screenshot_dir / (name + file + ".png"), px, w, h); !r) log_(r.message());
                last_shot = key;
            }
        }
        window_.swap();
        if (!opt.widget_dump.empty()) {
            const WindowFacts facts = window_.facts();
            dump_widgets(opt.widget_dump, frame_, recorder_, theme_.metrics.px_per_mm, &facts);
        }
        if (reader_) reader_->after_frame(controller_.model(), controller_.catalog(), intents);
        if (!intents.empty()) {
            controller_.apply(intents);
            frames_to_draw = std::max(frames_to_draw, frames_after_change);
        }
        // Text drawn this frame needed glyphs the atlas lacked: draw again once they are in.
        if (text_ && text_->stale()) frames_to_draw = std::max(frames_to_draw, 1);
        if (controller_.take_wiped()) {
            forget_text();
            if (reader_) reader_->stop();
        }
    }
}

}  // namespace carers::app
