#include "render/png.hpp"

#include "common/error.hpp"
#include "common/handle.hpp"
#include "common/page_buffer.hpp"
#include "io/files.hpp"

#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontmap::render {

// The PNG container is a few fixed chunks around one deflate stream; the stream is libdeflate's at
// its level 2, chosen by measuring scanlines without a filter (mean of 5 encodings, this 2-core VM):
//
//                     REF-1, 1600x1200       Kherson article map, 1200x800
//   libdeflate 1      21.7 ms  170 KB        8.1 ms  204 KB
//   libdeflate 2      13.9 ms  166 KB        8.5 ms  196 KB
//   libdeflate 6      17.1 ms  159 KB        9.5 ms  189 KB
//   zlib 1            10.5 ms  190 KB        7.5 ms  211 KB
//   libpng, zlib 2    11.5 ms  186 KB        8.4 ms  208 KB   (no filter; libspng: the same sizes,
//   libspng, zlib 2   12.1 ms  186 KB        8.7 ms  208 KB    both write zlib's stream)
//   Cairo's writer    60.3 ms  215 KB       35.8 ms  204 KB
//
// Level 1's hash matcher is slow on the long runs of one colour a reference map has; level 2 is
// faster there and smaller on both. libpng and libspng are as fast within a few milliseconds but
// write files 6 to 12% larger. The Sub and Up filters made every file larger and slower.
namespace {

// Cairo keeps premultiplied alpha in native-endian 32-bit words; PNG wants straight alpha.
uint8_t unpremultiply(uint32_t channel, uint32_t alpha) {
    if (alpha == 0xFF) return static_cast<uint8_t>(channel);  // nearly every pixel of a map
    return alpha == 0 ? 0 : static_cast<uint8_t>((channel * 255 + alpha / 2) / alpha);
}

struct Pixels {
    int width = 0, height = 0, stride = 0;
    const unsigned char* data = nullptr;
    [[nodiscard]] const uint32_t* row(int y) const { return reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride); }
};

// PNG scanlines, each a filter byte (0, none: the fastest, and deflate does well on flat map
// colours without one) and the row's pixels, into `out`; returns their size, or nothing when
// three channels were asked for and a pixel is translucent.
std::optional<size_t> try_scanlines(const Pixels& px, int channels, PageBuffer& out) {
    const size_t line = 1 + static_cast<size_t>(px.width) * static_cast<size_t>(channels);
    const size_t size = line * static_cast<size_t>(px.height);
    uint8_t* o = out.reserve(size);
    for (int y = 0; y < px.height; ++y) {
        *o++ = 0;
        const uint32_t* row = px.row(y);
        for (int x = 0; x < px.width; ++x) {
            const uint32_t p = row[x];
            const uint32_t a = p >> 24;
            if (channels == 3 && a != 0xFF) return std::nullopt;
            *o++ = unpremultiply((p >> 16) & 0xFF, a);
            *o++ = unpremultiply((p >> 8) & 0xFF, a);
            *o++ = unpremultiply(p & 0xFF, a);
            if (channels == 4) *o++ = static_cast<uint8_t>(a);
        }
    }
    return size;
}

// Opaque images take three channels; the first translucent pixel starts the image again with four.
size_t scanlines(const Pixels& px, PageBuffer& out) {
    if (const auto size = try_scanlines(px, 3, out)) return *size;
    return try_scanlines(px, 4, out).value();
}

void put_u32(std::string& out, uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>(v >> shift));
}

void put_chunk(std::string& out, std::string_view type, const uint8_t* data, size_t size) {
    put_u32(out, static_cast<uint32_t>(size));
    const size_t start = out.size();
    out.append(type);
    if (size > 0) out.append(reinterpret_cast<const char*>(data), size);
    put_u32(out, static_cast<uint32_t>(libdeflate_crc32(0, out.data() + start, out.size() - start)));
}

constexpr int kLevel = 2;

// A thread's buffers, kept from map to map: megabytes allocated and freed for every map cost page
// faults, and in a multi-threaded batch those faults queue on one lock.
struct Scratch {
    PageBuffer lines, stream;
    Handle<libdeflate_compressor, libdeflate_free_compressor> compressor{libdeflate_alloc_compressor(kLevel)};
};

std::string encode(const Pixels& px) {
    thread_local Scratch scratch;
    if (!scratch.compressor) throw RenderError("cannot encode the PNG", "out of memory");
    const size_t raw = scanlines(px, scratch.lines);
    const bool opaque = raw == (1 + static_cast<size_t>(px.width) * 3) * static_cast<size_t>(px.height);
    const size_t bound = libdeflate_zlib_compress_bound(scratch.compressor.get(), raw);
    uint8_t* stream = scratch.stream.reserve(bound);
    const size_t deflated = libdeflate_zlib_compress(scratch.compressor.get(), scratch.lines.data(), raw, stream, bound);
    if (deflated == 0) throw RenderError("cannot encode the PNG", "the compressor failed");

    std::string out = "\x89PNG\r\n\x1A\n";
    out.reserve(deflated + deflated / size_t{1 << 20} * 12 + 128);  // the chunks around the stream
    std::string header;
    put_u32(header, static_cast<uint32_t>(px.width));
    put_u32(header, static_cast<uint32_t>(px.height));
    // 8 bits a channel, truecolour (2) or truecolour with alpha (6), deflate, no interlace.
    header += {8, static_cast<char>(opaque ? 2 : 6), 0, 0, 0};
    put_chunk(out, "IHDR", reinterpret_cast<const uint8_t*>(header.data()), header.size());
    // Cairo's colours are sRGB; said so, colour-managed viewers show them as drawn (perceptual intent).
    const uint8_t perceptual = 0;
    put_chunk(out, "sRGB", &perceptual, 1);
    // A chunk holds at most 2^31 - 1 bytes; a poster at 1200 dpi deflates to more than that.
    constexpr size_t kIdatBytes = size_t{1} << 20;
    for (size_t at = 0; at < deflated; at += kIdatBytes)
        put_chunk(out, "IDAT", stream + at, std::min(kIdatBytes, deflated - at));
    put_chunk(out, "IEND", nullptr, 0);
    scratch.lines.release_if_large();
    scratch.stream.release_if_large();
    return out;
}

}  // namespace

std::string png_bytes(cairo_surface_t* image, const std::string& what) {
    cairo_surface_flush(image);
    if (cairo_surface_status(image) != CAIRO_STATUS_SUCCESS) throw RenderError(what, cairo_status_to_string(cairo_surface_status(image)));
    const Pixels px{cairo_image_surface_get_width(image), cairo_image_surface_get_height(image), cairo_image_surface_get_stride(image),
                    cairo_image_surface_get_data(image)};
    if (!px.data || cairo_image_surface_get_format(image) != CAIRO_FORMAT_ARGB32) throw RenderError(what, "the image has no ARGB32 pixels");
    return encode(px);
}

}  // namespace frontmap::render
