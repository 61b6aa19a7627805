#include "kiosk/app/frame_bench.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "kiosk/app/tour_scenes.h"

namespace carers::app {

bool run_frame_bench(KioskApp& app, int frames) {
    KioskController& c = app.controller();
    app.window().set_vsync(false);  // time the work, not the wait for the display
    const std::vector<Scene> scenes = tour_scenes(c);
    // The candidates for "heaviest": the screens with the most on them.
    const char* wanted[] = {"attract", "home", "start", "carers-self-review-p00", "emergency-card-p01-typing-letters"};
    for (const char* name : wanted) {
        auto it = std::find_if(scenes.begin(), scenes.end(), [&](const Scene& s) { return s.name == name; });
        if (it == scenes.end()) {
            // Pages move as forms change: take the first typing scene instead.
            it = std::find_if(scenes.begin(), scenes.end(), [&](const Scene& s) {
                return std::string(name).find("typing") != std::string::npos && s.name.find("typing-letters") != std::string::npos;
            });
            if (it == scenes.end()) continue;
        }
        it->set_up();
        std::vector<double> ms;
        ms.reserve(static_cast<std::size_t>(frames));
        for (int i = 0; i < frames + 5; ++i) {
            app.window().poll();
            const auto t0 = std::chrono::steady_clock::now();
            ui::FrameTiming timing;
            timing.now = 1000.0;
            ui::Intents intents = app.draw_frame(timing);
            wipe_intents(intents);
            app.window().swap();
            app.window().finish();
            const double t = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
            if (i >= 5) ms.push_back(t);  // the first frames build layouts and upload textures
        }
        std::sort(ms.begin(), ms.end());
        const double median = ms[ms.size() / 2];
        const double p99 = ms[std::min(ms.size() - 1, static_cast<std::size_t>(static_cast<double>(ms.size()) * 0.99))];
        std::printf("{\"screen\": \"%s\", \"frames\": %d, \"median_ms\": %.2f, \"p99_ms\": %.2f, \"width\": %d, \"height\": %d}\n",
                    it->name.c_str(), frames, median, p99, app.window().width(), app.window().height());
    }
    c.wipe_session();
    return true;
}

}  // namespace carers::app
