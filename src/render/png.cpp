#include "render/png.hpp"

#include "common/error.hpp"

#include <png.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace frontmap::render {

namespace {

// Cairo keeps premultiplied alpha in native-endian 32-bit words; PNG wants straight alpha.
uint8_t unpremultiply(uint32_t channel, uint32_t alpha) {
    if (alpha == 0xFF) return static_cast<uint8_t>(channel);  // nearly every pixel of a map
    return alpha == 0 ? 0 : static_cast<uint8_t>((channel * 255 + alpha / 2) / alpha);
}

bool opaque(const unsigned char* data, int width, int height, int stride) {
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x)
            if ((row[x] >> 24) != 0xFF) return false;
    }
    return true;
}

std::vector<uint8_t> straight_pixels(const unsigned char* data, int width, int height, int stride, int channels) {
    std::vector<uint8_t> out(static_cast<size_t>(width) * static_cast<size_t>(height) * static_cast<size_t>(channels));
    uint8_t* o = out.data();
    for (int y = 0; y < height; ++y) {
        const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
        for (int x = 0; x < width; ++x) {
            const uint32_t p = row[x];
            const uint32_t a = p >> 24;
            *o++ = unpremultiply((p >> 16) & 0xFF, a);
            *o++ = unpremultiply((p >> 8) & 0xFF, a);
            *o++ = unpremultiply(p & 0xFF, a);
            if (channels == 4) *o++ = static_cast<uint8_t>(a);
        }
    }
    return out;
}

}  // namespace

void write_png(cairo_surface_t* image, const std::filesystem::path& file, const std::string& what) {
    cairo_surface_flush(image);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) throw RenderError(what, cairo_status_to_string(cairo_surface_status(image)));
    const int width = cairo_image_surface_get_width(image);
    const int height = cairo_image_surface_get_height(image);
    const int stride = cairo_image_surface_get_stride(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    if (!data || cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32) throw RenderError(what, "the image has no ARGB32 pixels");
    const int channels = opaque(data, width, height, stride) ? 3 : 4;
    const auto pixels = straight_pixels(data, width, height, stride, channels);

    png_image png;
    std::memset(&png, 0, sizeof png);
    png.version = PNG_IMAGE_VERSION;
    png.width = static_cast<png_uint_32>(width);
    png.height = static_cast<png_uint_32>(height);
    png.format = channels == 3 ? PNG_FORMAT_RGB : PNG_FORMAT_RGBA;
    // PNG_IMAGE_FLAG_FAST: a faster deflate and filter choice for a somewhat larger file.
    png.flags = PNG_IMAGE_FLAG_FAST;
    const bool ok = png_image_write_to_file(&png, file.c_str(), 0, pixels.data(), width * channels, nullptr) != 0;
    const std::string reason = png.message;
    png_image_free(&png);
    if (!ok) throw RenderError(what, "cannot write the PNG: " + reason);
}

}  // namespace frontmap::render
