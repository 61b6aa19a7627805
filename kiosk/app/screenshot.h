// Saving what the window shows as PNG files, one per screen passed (demo and tests).
#pragma once

#include <filesystem>
#include <string>

#include "kiosk/common/result.h"

namespace carers::app {

Result<void> write_png(const std::filesystem::path& path, const std::string& rgba, int width, int height);

}  // namespace carers::app
