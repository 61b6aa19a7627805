// What the kiosk/app controller tests share: a hand-moved clock, an ImGui context, the shipped
// forms.
#pragma once

#include <imgui.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/app/form_loader.h"
#include "kiosk/app/kiosk_controller.h"

namespace carers::test {

// A clock the test moves by hand: timeouts and locks pass in no time.
struct SetClock {
    double steady = 1000;
    std::int64_t unix = 1'800'000'000;
    app::KioskClock clock() {
        return {[this] { return steady; }, [this] { return unix; }};
    }
};

// The views are not drawn here, but a wipe also clears what ImGui remembers, so it needs a context.
struct ImGuiContextForTest {
    ImGuiContextForTest() { ImGui::CreateContext(); }
    ~ImGuiContextForTest() { ImGui::DestroyContext(); }
};

inline std::vector<app::LoadedForm> shipped_forms() {
    return app::load_forms(std::string(CARERS_SOURCE_DIR) + "/assets/forms",
                           [](const std::string& p) { FAIL(p); });
}

} // namespace carers::test
