// KioskApp: the event loop. It draws a frame only when something changed — input, an animation or
// countdown a view asked for, the inactivity timer, a background job — and otherwise sleeps in
// glfwWaitEventsTimeout until the next of those is due.
#pragma once

#include <csignal>
#include <filesystem>
#include <string>

#include "kiosk/app/glfw_window.h"
#include "kiosk/app/kiosk_controller.h"
#include "kiosk/app/page_reader.h"
#include "kiosk/ui/fonts.h"
#include "kiosk/ui/text_renderer.h"
#include "kiosk/ui/intent.h"
#include "kiosk/ui/theme.h"
#include "kiosk/ui/touch_widgets.h"
#include "kiosk/ui/widget_recorder.h"

namespace carers::app {

struct AppOptions {
    std::filesystem::path widget_dump;     // tests: widget rectangles after each frame
    std::filesystem::path screenshot_dir;  // demo: one PNG per screen passed
    double exit_after_idle_seconds = 0;
};

class KioskApp {
public:
    KioskApp(KioskWindow& window, KioskController& controller, ui::FontFiles fonts, float px_per_mm,
             const std::function<void(const std::string&)>& log);

    // Runs until the window closes, staff leave kiosk mode, or `*stop` becomes non-zero.
    void run(const AppOptions& options, volatile std::sig_atomic_t* stop);

    // One frame: builds the fonts and colours if the display choices changed, draws, renders into
    // the back buffer (unless `render` is false: layout only, for checks). The intents are
    // returned, not applied.
    ui::Intents draw_frame(ui::FrameTiming& timing, bool render = true);
    // Rebuilds fonts and colours now (text size, contrast, language, window size).
    void apply_display();
    // Rebuilds the glyph atlas when text on screen needed glyphs it lacked (typed text); true
    // when it did (the frame should be drawn again).
    bool refresh_glyphs();
    // Forgets laid-out text (it may hold what a person typed), after a wipe.
    void forget_text();

    // Reading aloud (may be left unset: then the kiosk is silent).
    void set_page_reader(PageReader* reader) { reader_ = reader; }
    // Work the kiosk does on its own while it runs (the store's hourly purge of expired drafts
    // and sent submissions, automatic sync). Called once per wake of the loop, which wakes at
    // least every minute even when idle, so it must be cheap when nothing is due. It returns the
    // seconds until it next has something to do (infinity: nothing planned), and the loop
    // sleeps no longer than that. Other threads wake the loop with KioskWindow::wake_from_any_thread.
    void set_housekeeping(std::function<double()> job) { housekeeping_ = std::move(job); }
    // What setting up ICU for the languages cost at start-up, shown in the widget dump (tools/bench ui).
    void set_icu_setup_ms(double ms) { icu_setup_ms_ = ms; }

    ui::WidgetRecorder& recorder() { return recorder_; }
    const ui::Theme& theme() const { return theme_; }
    KioskWindow& window() { return window_; }
    KioskController& controller() { return controller_; }
    long frames() const { return frame_; }

private:
    KioskWindow& window_;
    KioskController& controller_;
    ui::FontFiles font_files_;                // the fallback when the text renderer cannot start
    std::unique_ptr<ui::TextRenderer> text_;  // shaping and the glyph atlas for every language
    float px_per_mm_;
    std::function<void(const std::string&)> log_;
    ui::Theme theme_;
    ui::FontSet fonts_;
    ui::WidgetRecorder recorder_;
    long frame_ = 0;
    PageReader* reader_ = nullptr;
    std::function<double()> housekeeping_;
    int warmed_text_size_ = 0;  // the text size the other languages' glyphs were last warmed up at
    std::string shown_language_;       // the language the fonts were last built for
    double language_switch_ms_ = -1;   // the last switch: from choosing it to its first frame drawn
    double icu_setup_ms_ = -1;
};

}  // namespace carers::app
