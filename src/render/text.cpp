#include "render/text.hpp"

#include <sstream>

namespace frontmap::render {

namespace {
std::string font_key(const style::Font& f) {
    std::ostringstream s;
    s << f.family << '|' << f.size << '|' << f.bold << '|' << f.italic;
    return s.str();
}
}  // namespace

LayoutPtr make_layout(cairo_t* cr, const std::string& text, const style::Font& font) {
    LayoutPtr layout{pango_cairo_create_layout(cr)};
    FontDescriptionPtr desc{pango_font_description_new()};
    pango_font_description_set_family(desc.get(), font.family.c_str());
    pango_font_description_set_weight(desc.get(), font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(desc.get(), font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    pango_font_description_set_absolute_size(desc.get(), font.size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), desc.get());
    // Plain text, never markup: article text must not be able to inject Pango markup.
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    return layout;
}

PangoMeasure::PangoMeasure()
    : surface_(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)), cr_(cairo_create(surface_.get())) {
    check(cr_.get(), "cannot measure text");
}

std::pair<double, double> PangoMeasure::measure(const std::string& text, const style::Font& font) const {
    const auto key = std::make_pair(text, font_key(font));
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    LayoutPtr layout = make_layout(cr_.get(), text, font);
    PangoRectangle logical;
    pango_layout_get_pixel_extents(layout.get(), nullptr, &logical);
    const std::pair<double, double> size{logical.width, logical.height};
    cache_.emplace(key, size);
    return size;
}

}  // namespace frontmap::render
