#pragma once
// PNG output through libpng's simplified API, chosen over Cairo's writer by measurement: Cairo
// compresses at zlib's default level, which took half of a map's time (see tools/bench).
#include <cairo.h>

#include <filesystem>
#include <string>

namespace frontmap::render {

// Writes an ARGB32 image surface to `file`: RGB when every pixel is opaque, RGBA otherwise.
// Throws RenderError naming `what` when the surface or the write fails.
void write_png(cairo_surface_t* image, const std::filesystem::path& file, const std::string& what);

}  // namespace frontmap::render
