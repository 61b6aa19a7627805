// The kiosk's window: GLFW + OpenGL 3 + Dear ImGui's GLFW and OpenGL3 backends.
#pragma once

#include <string>

#include "kiosk/common/result.h"

struct GLFWwindow;

namespace carers::app {

struct WindowOptions {
    bool fullscreen = false;
    int monitor = 0;  // with fullscreen: which of the connected monitors (as GLFW lists them)
    int width = 1080, height = 1920;
    bool touch = false;  // a touch screen: no cursor, no hover left behind after a tap
};

// How the window really is, asked of GLFW (for the log and the tests' widget dump). Nothing
// about the person using it.
struct WindowFacts {
    bool fullscreen = false;  // on a monitor of its own (GLFW's window monitor)
    bool decorated = true;    // title bar and borders
    bool cursor_hidden = false;
    int monitor = -1;         // index of the monitor it fills, -1 when windowed
    int monitors = 0;         // how many are connected
    int width = 0, height = 0;                // window size in screen coordinates
    int monitor_width = 0, monitor_height = 0;  // that monitor's (or the first one's) video mode
};

class KioskWindow {
public:
    static Result<KioskWindow*> create(const WindowOptions& options);  // owned by the caller
    ~KioskWindow();

    bool should_close() const;
    // Sleeps until input arrives or `timeout_seconds` pass. True if any input event came in.
    bool wait(double timeout_seconds);
    bool poll();
    // Starts an ImGui frame. On a touch screen, once a finger has lifted (and the frame that saw
    // it lift has passed), the pointer is moved away so nothing stays "hovered".
    void begin_frame();
    // Re-uploads the font atlas after the fonts were rebuilt (another text size or language).
    void reload_fonts_texture();
    // Resizes the window (the screenshot tour's two orientations) and waits for it to take effect.
    bool resize(int width, int height);
    // Wakes the event loop from another thread (a background job finished).
    static void wake_from_any_thread();
    void render();  // draws ImGui's draw data into the back buffer
    void swap();
    // Waits until the GPU has finished drawing (for timing frames).
    void finish();
    void set_vsync(bool on);
    int width() const;
    int height() const;
    // Pixels per millimetre of the monitor the window is on (96 dpi when unknown, e.g. Xvfb).
    float px_per_mm() const;
    // The monitor's name and physical size, for the log ("" and 0 when unknown).
    std::string monitor_description() const;
    // The back buffer (call between render() and swap()) as packed RGBA rows, top row first.
    std::string read_pixels_rgba(int& w, int& h) const;
    GLFWwindow* handle() { return window_; }
    WindowFacts facts() const;
    // Where the window went, for the staff log: "fullscreen on monitor 1 of 2 (1920x1080)"; with a
    // sentence first when the monitor asked for is not connected.
    const std::string& placement() const { return placement_; }

    void note_input() { input_seen_ = true; }

private:
    explicit KioskWindow(GLFWwindow* w, bool touch) : window_(w), touch_(touch) {}
    GLFWwindow* window_;
    bool touch_;
    bool input_seen_ = false;
    bool was_down_ = false;
    std::string placement_;
};

}  // namespace carers::app
