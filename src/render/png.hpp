#pragma once
// PNG output deflated by libdeflate at its fastest level, chosen by measurement over Cairo's writer
// (zlib's default level took half of a map's time) and over libpng at zlib's level 1 (see png.cpp).
#include <cairo.h>

#include <filesystem>
#include <string>

namespace frontmap::render {

// Writes an ARGB32 image surface to `file`, atomically: RGB when every pixel is opaque, RGBA
// otherwise. Throws RenderError naming `what` when the surface fails, InputError when the write does.
void write_png(cairo_surface_t* image, const std::filesystem::path& file, const std::string& what);

}  // namespace frontmap::render
