#pragma once
#include "render/cairo.hpp"
#include "scene/build.hpp"
#include "style/style.hpp"

#include <map>
#include <string>

namespace frontmap::render {

// Pango layout for a label in a style font, with 1 unit = 1 pixel.
LayoutPtr make_layout(cairo_t* cr, const std::string& text, const style::Font& font);

// Measures text exactly as the renderer lays it out, so placed labels fit what is drawn.
class PangoMeasure : public scene::TextMeasure {
public:
    PangoMeasure();
    std::pair<double, double> measure(const std::string& text, const style::Font& font) const override;

private:
    SurfacePtr surface_;
    CairoPtr cr_;
    mutable std::map<std::pair<std::string, std::string>, std::pair<double, double>> cache_;
};

}  // namespace frontmap::render
