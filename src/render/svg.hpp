#pragma once
// The SVG the project writes itself: every path the renderer fills or strokes, copied from Cairo
// as it is drawn, real <text> elements for every label, and named layer groups, through libxml2's
// xmlTextWriter so that escaping is the library's. It opens in Inkscape with editable text.
#include "render/cairo.hpp"
#include "style/style.hpp"

#include <memory>
#include <string>
#include <vector>

namespace frontmap::render {

class SvgSink {
public:
    // `width` and `height` in layout pixels (1/96 inch); `millimetres` writes the size in mm.
    SvgSink(int width, int height, bool millimetres, const std::string& title, const std::string& desc);
    ~SvgSink();
    SvgSink(const SvgSink&) = delete;
    SvgSink& operator=(const SvgSink&) = delete;
    SvgSink(SvgSink&&) = delete;
    SvgSink& operator=(SvgSink&&) = delete;

    // The current path of `cr`, filled and/or stroked with its current source and line settings.
    void path(cairo_t* cr, bool fill, bool stroke);
    // A paint of the whole canvas (within the current clip).
    void paint(cairo_t* cr);
    // Clips what follows, until the matching restore, to the current path.
    void clip(cairo_t* cr);
    void save();
    void restore();
    void begin_group(const std::string& id);
    void end_group();
    // Text with its top-left corner at x, y; `baseline` and `line_height` in pixels from Pango.
    void text(const std::string& text, const style::Font& font, double x, double y, double baseline, double line_height,
              const style::Colour* halo, double halo_width);

    // The document, closed. Throws RenderError if libxml2 failed.
    std::string finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The sink attached to a Cairo context, or nullptr when drawing goes to Cairo alone.
SvgSink* svg_sink(cairo_t* cr);
void attach_svg_sink(cairo_t* cr, SvgSink* sink);

// Cairo's drawing operations, mirrored into the SVG sink when one is attached.
void op_fill(cairo_t* cr);
void op_fill_preserve(cairo_t* cr);
void op_stroke(cairo_t* cr);
void op_stroke_preserve(cairo_t* cr);
void op_paint(cairo_t* cr);
void op_clip(cairo_t* cr);
void op_clip_preserve(cairo_t* cr);
void op_save(cairo_t* cr);
void op_restore(cairo_t* cr);
void op_begin_layer(cairo_t* cr, const std::string& id);
void op_end_layer(cairo_t* cr);

}  // namespace frontmap::render
