#include "kiosk/app/widget_dump.h"

#include <fcntl.h>
#include <unistd.h>

#include <imgui.h>

#include "kiosk/common/secure_wipe.h"
#include "kiosk/engine/response_writer.h"

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
                        {"icu_setup_ms", f.icu_setup_ms},
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
    nlohmann::json j = widgets_json(frame, recorder, px_per_mm, window);
    std::string text = j.dump() + "\n";
    // Labels include what a screen shows a carer (the resume code): every copy is zeroed, and the
    // file is written unbuffered so no stream buffer keeps one after the session.
    engine::wipe_json(j);
    auto tmp = path;
    tmp += ".tmp";
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
        std::size_t done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }
    secure_wipe(text);
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
}

}  // namespace carers::app
