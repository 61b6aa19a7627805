// The glyph atlas on the GPU as a one-channel texture.
//
// ImGui's OpenGL3 backend uploads the atlas as RGBA (four bytes a pixel, 75% of them white). With
// Chinese at 200% text size that is 16 MB to convert and upload on every language switch; one
// byte a pixel, swizzled so that the shader still reads (1, 1, 1, coverage), is a quarter of it.
// The CPU copy of the pixels is freed once uploaded.
#pragma once

namespace carers::app {

// Uploads ImGui's current atlas (after ui::build_fonts) and makes it the fonts' texture,
// replacing the one uploaded before. Needs the GL context current.
void upload_font_texture();
// Deletes the texture (before the GL context goes away).
void destroy_font_texture();

}  // namespace carers::app
