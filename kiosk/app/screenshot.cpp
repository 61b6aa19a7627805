#include "kiosk/app/screenshot.h"

#include <stb_image_write.h>

namespace carers::app {

Result<void> write_png(const std::filesystem::path& path, const std::string& rgba, int width, int height) {
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4))
        return make_error("Cannot write the screenshot " + path.string() + ".");
    return {};
}

}  // namespace carers::app
