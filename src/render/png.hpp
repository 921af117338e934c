#pragma once
// PNG output deflated by libdeflate at its fastest level, chosen by measurement over Cairo's writer
// (zlib's default level took half of a map's time) and over libpng at zlib's level 1 (see png.cpp).
#include <cairo.h>

#include <string>

namespace frontmap::render {

// An ARGB32 image surface as PNG bytes: RGB when every pixel is opaque, RGBA otherwise. Throws
// RenderError naming `what` when the surface fails.
std::string png_bytes(cairo_surface_t* image, const std::string& what);

}  // namespace frontmap::render
