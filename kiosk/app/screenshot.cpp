#include "kiosk/app/screenshot.h"

#include <stb_image_write.h>

namespace carers::app {

Result<void> write_png(const std::filesystem::path& path, const std::string& rgba, int width, int height) {
    // Screens are mostly flat colour: the fastest deflate level is nearly as small, many times quicker.
    stbi_write_png_compression_level = 1;
    if (!stbi_write_png(path.c_str(), width, height, 4, rgba.data(), width * 4))
        return make_error("Cannot write the screenshot " + path.string() + ".");
    return {};
}

}  // namespace carers::app
