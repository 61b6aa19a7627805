// The kiosk's window: GLFW + OpenGL 3 + Dear ImGui's GLFW and OpenGL3 backends.
#pragma once

#include <string>

#include "kiosk/common/result.h"

struct GLFWwindow;

namespace carers::app {

struct WindowOptions {
    bool fullscreen = false;
    int monitor = 0;
    int width = 1080, height = 1920;
};

class KioskWindow {
public:
    static Result<KioskWindow*> create(const WindowOptions& options);  // owned by the caller
    ~KioskWindow();

    bool should_close() const;
    // Sleeps until input arrives or `timeout_seconds` pass. True if any input event came in.
    bool wait(double timeout_seconds);
    bool poll();
    void begin_frame();
    void render();  // draws ImGui's draw data into the back buffer
    void swap();
    int width() const;
    int height() const;
    // Pixels per millimetre of the monitor the window is on (96 dpi when unknown, e.g. Xvfb).
    float px_per_mm() const;
    // The back buffer (call between render() and swap()) as packed RGBA rows, top row first.
    std::string read_pixels_rgba(int& w, int& h) const;
    GLFWwindow* handle() { return window_; }

    void note_input() { input_seen_ = true; }

private:
    explicit KioskWindow(GLFWwindow* w) : window_(w) {}
    GLFWwindow* window_;
    bool input_seen_ = false;
};

}  // namespace carers::app
