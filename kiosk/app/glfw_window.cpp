#include "kiosk/app/glfw_window.h"

#include "kiosk/app/font_texture.h"

#include <cfloat>
#include <string>

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

namespace carers::app {

namespace {

KioskWindow* owner(GLFWwindow* w) { return static_cast<KioskWindow*>(glfwGetWindowUserPointer(w)); }

// These run before ImGui's own callbacks (the backend chains to them): their only job is to note
// that something happened, so the event loop renders instead of sleeping.
void on_mouse_button(GLFWwindow* w, int, int, int) { owner(w)->note_input(); }
void on_cursor(GLFWwindow* w, double, double) { owner(w)->note_input(); }
void on_scroll(GLFWwindow* w, double, double) { owner(w)->note_input(); }
void on_key(GLFWwindow* w, int, int, int, int) { owner(w)->note_input(); }
void on_char(GLFWwindow* w, unsigned int) { owner(w)->note_input(); }
void on_size(GLFWwindow* w, int, int) { owner(w)->note_input(); }
void on_focus(GLFWwindow* w, int) { owner(w)->note_input(); }

}  // namespace

Result<KioskWindow*> KioskWindow::create(const WindowOptions& o) {
    if (!glfwInit()) return make_error("Cannot open a window: no display is available (is DISPLAY set?).");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    // A fullscreen kiosk must not minimise when another window (or an on-screen keyboard) appears.
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    GLFWmonitor* monitor = nullptr;
    int width = o.width, height = o.height;
    std::string placement;
    if (o.fullscreen) {
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        int chosen = o.monitor;
        if (chosen < 0 || chosen >= count) {
            // A kiosk still starts when its second screen is unplugged: on the first one, and says so.
            placement = "Monitor " + std::to_string(o.monitor) + " is not connected (" + std::to_string(count) +
                        " found); using monitor 0. ";
            chosen = 0;
        }
        monitor = count > 0 ? monitors[chosen] : glfwGetPrimaryMonitor();
        if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
            width = mode->width;
            height = mode->height;
        }
        glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
        placement += "Fullscreen on monitor " + std::to_string(chosen) + " of " + std::to_string(count) + " (" +
                     std::to_string(width) + "x" + std::to_string(height) + ")";
    } else {
        placement = "In a window of " + std::to_string(width) + "x" + std::to_string(height);
    }
    placement += o.touch ? ", cursor hidden (touch screen)." : ", cursor shown.";
    // The title never carries personal data: it is the same for every person and page.
    GLFWwindow* w = glfwCreateWindow(width, height, "Carers Kiosk", monitor, nullptr);
    if (!w) {
        glfwTerminate();
        return make_error("Cannot open a window with OpenGL 3.3.");
    }
    auto* kw = new KioskWindow(w, o.touch);
    kw->placement_ = std::move(placement);
    glfwSetWindowUserPointer(w, kw);
    glfwSetMouseButtonCallback(w, on_mouse_button);
    glfwSetCursorPosCallback(w, on_cursor);
    glfwSetScrollCallback(w, on_scroll);
    glfwSetKeyCallback(w, on_key);
    glfwSetCharCallback(w, on_char);
    glfwSetFramebufferSizeCallback(w, on_size);
    glfwSetWindowFocusCallback(w, on_focus);
    glfwMakeContextCurrent(w);
    glfwSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing about a session is written to disk
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would wake the loop twice a second
    io.ConfigWindowsResizeFromEdges = false;
    io.ConfigWindowsMoveFromTitleBarOnly = true;
    io.MouseDoubleClickTime = 0.f;  // no double taps anywhere
    ImGui_ImplGlfw_InitForOpenGL(w, true);
    ImGui_ImplOpenGL3_Init("#version 330");
    // Shaders now, so the backend's first frame does not upload an atlas of its own over ours.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    if (kw->touch_) {
        // The backend resets the cursor every frame unless told not to change it.
        io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
        glfwSetInputMode(w, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
    }
    if (o.fullscreen) {
        // A carer cannot close the kiosk (Alt+F4 on a keyboard left attached): only staff can.
        glfwSetWindowCloseCallback(w, [](GLFWwindow* win) { glfwSetWindowShouldClose(win, GLFW_FALSE); });
    }
    return kw;
}

KioskWindow::~KioskWindow() {
    destroy_font_texture();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

bool KioskWindow::should_close() const { return glfwWindowShouldClose(window_); }

bool KioskWindow::wait(double timeout) {
    input_seen_ = false;
    glfwWaitEventsTimeout(timeout);
    return input_seen_;
}

bool KioskWindow::poll() {
    input_seen_ = false;
    glfwPollEvents();
    return input_seen_;
}

void KioskWindow::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    const bool down = io.MouseDown[0];
    // A finger that has lifted leaves no pointer behind (the frame that sees the lift keeps it,
    // or the tap would miss its button).
    if (touch_ && !down && !was_down_) io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    was_down_ = down;
    ImGui::NewFrame();
}

void KioskWindow::reload_fonts_texture() {
    // One byte a pixel instead of the backend's four (font_texture.h): a quarter of the upload on
    // each language or text-size change.
    upload_font_texture();
}

bool KioskWindow::resize(int width, int height) {
    glfwSetWindowSize(window_, width, height);
    for (int i = 0; i < 200; ++i) {
        glfwWaitEventsTimeout(0.01);
        if (this->width() == width && this->height() == height) return true;
    }
    return false;
}

void KioskWindow::wake_from_any_thread() { glfwPostEmptyEvent(); }

WindowFacts KioskWindow::facts() const {
    WindowFacts f;
    GLFWmonitor* on = glfwGetWindowMonitor(window_);
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    f.monitors = count;
    f.fullscreen = on != nullptr;
    for (int i = 0; i < count; ++i)
        if (monitors[i] == on) f.monitor = i;
    f.decorated = glfwGetWindowAttrib(window_, GLFW_DECORATED) == GLFW_TRUE;
    f.cursor_hidden = glfwGetInputMode(window_, GLFW_CURSOR) == GLFW_CURSOR_HIDDEN;
    glfwGetWindowSize(window_, &f.width, &f.height);
    GLFWmonitor* m = on ? on : (count > 0 ? monitors[0] : nullptr);
    if (const GLFWvidmode* mode = m ? glfwGetVideoMode(m) : nullptr) {
        f.monitor_width = mode->width;
        f.monitor_height = mode->height;
    }
    return f;
}

std::string KioskWindow::monitor_description() const {
    GLFWmonitor* m = glfwGetWindowMonitor(window_);
    if (!m) m = glfwGetPrimaryMonitor();
    if (!m) return "";
    int mm_w = 0, mm_h = 0;
    glfwGetMonitorPhysicalSize(m, &mm_w, &mm_h);
    const char* name = glfwGetMonitorName(m);
    return std::string(name ? name : "monitor") + " " + std::to_string(mm_w) + "x" + std::to_string(mm_h) + " mm";
}

void KioskWindow::render() {
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    glViewport(0, 0, w, h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void KioskWindow::swap() { glfwSwapBuffers(window_); }

void KioskWindow::finish() { glFinish(); }

void KioskWindow::set_vsync(bool on) { glfwSwapInterval(on ? 1 : 0); }

int KioskWindow::width() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return w;
}

int KioskWindow::height() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return h;
}

float KioskWindow::px_per_mm() const {
    GLFWmonitor* m = glfwGetWindowMonitor(window_);
    if (!m) m = glfwGetPrimaryMonitor();
    int mm_w = 0, mm_h = 0;
    if (m) glfwGetMonitorPhysicalSize(m, &mm_w, &mm_h);
    const GLFWvidmode* mode = m ? glfwGetVideoMode(m) : nullptr;
    // Xvfb and some drivers report nonsense sizes; only trust a plausible screen (5"–100").
    if (mode && mm_w >= 100 && mm_w <= 2500) {
        float d = static_cast<float>(mode->width) / static_cast<float>(mm_w);
        if (d > 1.5f && d < 20.f) return d;
    }
    return 96.f / 25.4f;
}

std::string KioskWindow::read_pixels_rgba(int& w, int& h) const {
    glfwGetFramebufferSize(window_, &w, &h);
    std::string px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, '\0');
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    // OpenGL's first row is the bottom one; PNG's is the top.
    const std::size_t row = static_cast<std::size_t>(w) * 4;
    std::string flipped(px.size(), '\0');
    for (int y = 0; y < h; ++y)
        flipped.replace(static_cast<std::size_t>(h - 1 - y) * row, row, px, static_cast<std::size_t>(y) * row, row);
    return flipped;
}

}  // namespace carers::app
