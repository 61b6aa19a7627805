#include "kiosk/app/widget_dump.h"

#include <fstream>

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace carers::app {

void dump_widgets(const std::filesystem::path& path, long frame, const std::string& screen_key,
                  const ui::WidgetRecorder& recorder) {
    // "pointer_down" lets a test driver wait until a press or release has been seen by a frame.
    nlohmann::json j = {{"frame", frame},
                        {"screen", screen_key},
                        {"pointer_down", ImGui::GetIO().MouseDown[0]},
                        {"widgets", nlohmann::json::array()}};
    for (const auto& r : recorder.rects())
        j["widgets"].push_back({{"id", r.id}, {"label", r.label}, {"x0", r.min.x}, {"y0", r.min.y}, {"x1", r.max.x}, {"y1", r.max.y}});
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
