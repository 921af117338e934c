#pragma once
#include "io/basemap.hpp"
#include "scene/scene.hpp"
#include "style/style.hpp"

#include <filesystem>
#include <string>

namespace frontmap::render {

enum class Format { Png, Svg, Pdf };

// The format an output file's extension asks for; throws UsageError for any other extension.
Format format_for(const std::filesystem::path& output);

// Draws `scene` over the basemap as the bytes of a PNG, SVG or PDF file.
std::string render_bytes(const scene::Scene& scene, const style::Style& style, const io::Basemap& basemap, Format format);

// Draws `scene` over the basemap and writes it to `output`, in the format its extension asks for
// (through a temporary file, renamed only when complete).
void render(const scene::Scene& scene, const style::Style& style, const io::Basemap& basemap, const std::filesystem::path& output);

}  // namespace frontmap::render
