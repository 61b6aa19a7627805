#include "kiosk/app/screenshot_tour.h"

#include <fstream>

#include "kiosk/app/screenshot.h"
#include "kiosk/app/tour_scenes.h"
#include "kiosk/app/widget_dump.h"

namespace carers::app {

namespace {

// Draws a scene for a few frames (ImGui sizes things on the first, scrolls on the next) and
// returns the last frame's widget rectangles; writes a PNG of it when asked.
nlohmann::json shoot(KioskApp& app, const std::filesystem::path& png) {
    nlohmann::json widgets;
    const int frames = 3;
    for (int i = 0; i < frames; ++i) {
        const bool last = i == frames - 1;
        app.window().poll();
        ui::FrameTiming timing;
        timing.now = 1000.0 + i * 0.01;  // a fixed time: the attract screen always shows English
        // Only a picture needs the GPU; layout checks need ImGui's work alone.
        ui::Intents intents = app.draw_frame(timing, last && !png.empty());
        wipe_intents(intents);
        if (last) {
            widgets = widgets_json(app.frames(), app.recorder(), app.theme().metrics.px_per_mm);
            if (!png.empty()) {
                int w = 0, h = 0;
                std::string px = app.window().read_pixels_rgba(w, h);
                if (auto r = write_png(png, px, w, h); !r) widgets["png_error"] = r.message();
            }
        }
        if (last && !png.empty()) app.window().swap();
    }
    return widgets;
}

bool in_language(const Scene& scene, const std::string& language) {
    if (language.empty()) return true;
    const bool translated = scene.name.rfind("lang-", 0) == 0;
    if (language == "en") return !translated;
    return translated && scene.name.rfind("lang-" + language + "-", 0) == 0;
}

}  // namespace

bool run_screenshot_tour(KioskApp& app, const std::filesystem::path& dir, const std::string& language,
                         const std::function<void(const std::string&)>& log) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    app.window().set_vsync(false);
    KioskController& c = app.controller();
    std::vector<Scene> scenes = tour_scenes(c);
    std::erase_if(scenes, [&language](const Scene& s) { return !in_language(s, language); });
    if (scenes.empty()) {
        log("The tour has no screens in language " + language + ".");
        return false;
    }
    nlohmann::json report = {{"shots", nlohmann::json::array()}};
    const struct {
        const char* name;
        int w, h;
    } orientations[] = {{"portrait", 1080, 1920}, {"landscape", 1920, 1080}};
    int pictures = 0;
    for (const auto& o : orientations) {
        if (!app.window().resize(o.w, o.h)) {
            log("The window did not take the size " + std::to_string(o.w) + "x" + std::to_string(o.h) +
                " (is the X screen big enough?).");
            return false;
        }
        for (int size : {100, 150, 200}) {
            ui::Intents set{{ui::Intent::Kind::SetTextSize, {}, {}, {}, {}, size}};
            c.apply(set);
            for (const Scene& scene : scenes) {
                c.set_warning_for_tour(std::nullopt);
                c.set_staff_entry({});
                scene.set_up();
                const std::string file =
                    scene.png ? std::string(o.name) + "-" + std::to_string(size) + "-" + scene.name + ".png" : "";
                nlohmann::json shot = shoot(app, file.empty() ? std::filesystem::path() : dir / file);
                shot["scene"] = scene.name;
                shot["orientation"] = o.name;
                shot["text_size"] = size;
                shot["file"] = file;
                if (shot.contains("png_error")) {
                    log(shot["png_error"].get<std::string>());
                    return false;
                }
                report["shots"].push_back(std::move(shot));
                if (scene.png) ++pictures;
            }
        }
    }
    c.wipe_session();
    std::ofstream out(dir / "tour.json");
    out << report.dump() << "\n";
    if (!out) {
        log("Cannot write " + (dir / "tour.json").string() + ".");
        return false;
    }
    log("screenshot tour: " + std::to_string(pictures) + " pictures and " + std::to_string(report["shots"].size()) +
        " layouts checked, in " + dir.string());
    return true;
}

}  // namespace carers::app
