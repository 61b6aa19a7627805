#include "kiosk/app/widget_dump.h"

#include <fstream>

#include <imgui.h>

namespace carers::app {

nlohmann::json widgets_json(long frame, const ui::WidgetRecorder& recorder, float px_per_mm, const WindowFacts* window) {
    const ImGuiIO& io = ImGui::GetIO();
    const ui::FrameFacts& f = recorder.facts();
    // "pointer_down" lets a test driver wait until a press or release has been seen by a frame.
    nlohmann::json j = {{"frame", frame},
                        {"screen", recorder.screen()},
                        {"pointer_down", io.MouseDown[0]},
                        {"display", {io.DisplaySize.x, io.DisplaySize.y}},
                        {"px_per_mm", px_per_mm},
                        {"scroll_y", f.scroll_y},
                        {"scroll_max_y", f.scroll_max_y},
                        {"focus", f.focus},
                        {"keyboard", f.keyboard},
                        {"language", f.language},
                        {"language_switch_ms", f.language_switch_ms},
                        {"widgets", nlohmann::json::array()}};
    if (window)
        j["window"] = {{"fullscreen", window->fullscreen},
                       {"decorated", window->decorated},
                       {"cursor", window->cursor_hidden ? "hidden" : "shown"},
                       {"monitor", window->monitor},
                       {"monitors", window->monitors},
                       {"size", {window->width, window->height}},
                       {"monitor_size", {window->monitor_width, window->monitor_height}}};
    for (const auto& r : recorder.rects()) {
        nlohmann::json w = {{"id", r.id},         {"label", r.label},   {"x0", r.min.x},
                            {"y0", r.min.y},      {"x1", r.max.x},      {"y1", r.max.y},
                            {"clip", {r.clip_min.x, r.clip_min.y, r.clip_max.x, r.clip_max.y}},
                            {"scrolls", r.scrolls}, {"selected", r.selected}};
        if (r.value_length >= 0) {
            w["value_length"] = r.value_length;
            w["focused"] = r.focused;
        }
        j["widgets"].push_back(std::move(w));
    }
    return j;
}

void dump_widgets(const std::filesystem::path& path, long frame, const ui::WidgetRecorder& recorder, float px_per_mm,
                  const WindowFacts* window) {
    const nlohmann::json j = widgets_json(frame, recorder, px_per_mm, window);
    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << j.dump() << "\n";
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
}

}  // namespace carers::app
