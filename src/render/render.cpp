#include "render/render.hpp"

#include "common/error.hpp"
#include "io/files.hpp"
#include "render/text.hpp"
#include "scene/projection.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace frontmap::render {

void check(cairo_surface_t* surface, const std::string& what) {
    const cairo_status_t status = cairo_surface_status(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw RenderError(what, cairo_status_to_string(status));
}

void check(cairo_t* cr, const std::string& what) {
    const cairo_status_t status = cairo_status(cr);
    if (status != CAIRO_STATUS_SUCCESS) throw RenderError(what, cairo_status_to_string(status));
}

Format format_for(const std::filesystem::path& output) {
    std::string ext = output.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext == ".png") return Format::Png;
    if (ext == ".svg") return Format::Svg;
    if (ext == ".pdf") return Format::Pdf;
    throw UsageError("cannot write " + output.string(), "the extension must be .png, .svg or .pdf");
}

namespace {

using scene::Box;
using scene::Point;
using scene::Projector;

void set_colour(cairo_t* cr, const style::Colour& c) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a); }

void set_stroke(cairo_t* cr, const style::Stroke& s, double factor = 1.0) {
    set_colour(cr, s.colour);
    cairo_set_line_width(cr, s.width * factor);
    cairo_set_dash(cr, s.dash.empty() ? nullptr : s.dash.data(), static_cast<int>(s.dash.size()), 0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
}

// Adds one projected path to the current Cairo path; NaN points (unprojectable) break it.
void add_path(cairo_t* cr, const Projector& p, const io::Path& path, bool close, std::vector<double>& coords, std::vector<Point>& px) {
    coords.clear();
    for (const auto& v : path) {
        coords.push_back(v.lon);
        coords.push_back(v.lat);
    }
    p.to_pixels(coords.data(), path.size(), px);
    bool pen_down = false;
    Point last{-1e9, -1e9};
    for (size_t i = 0; i < px.size(); ++i) {
        const Point& q = px[i];
        if (!std::isfinite(q.x)) {
            pen_down = false;
            continue;
        }
        // Vertices closer than a tenth of a pixel add nothing visible.
        if (pen_down && std::abs(q.x - last.x) < 0.1 && std::abs(q.y - last.y) < 0.1 && i + 1 < px.size()) continue;
        if (pen_down) cairo_line_to(cr, q.x, q.y); else cairo_move_to(cr, q.x, q.y);
        pen_down = true;
        last = q;
    }
    if (close && pen_down) cairo_close_path(cr);
}

class Painter {
public:
    Painter(cairo_t* cr, const style::Style& style, const io::Basemap& basemap) : cr_(cr), style_(style), basemap_(basemap) {}

    // Sea, land, lakes, borders and rivers of one projected view, clipped to its box.
    void basemap(const Projector& p, const std::array<double, 4>& bbox, const std::string& detail, bool inset) {
        const Box& b = p.box();
        const io::BBox read{bbox[0], bbox[1], bbox[2], bbox[3]};
        cairo_save(cr_);
        cairo_rectangle(cr_, b.x, b.y, b.w, b.h);
        cairo_clip(cr_);
        set_colour(cr_, style_.sea);
        cairo_paint(cr_);

        // GSHHG levels nest: land, lake, island in a lake, pond on that island.
        const auto shore = basemap_.read("shore_" + detail, read);
        for (int level = 1; level <= 4; ++level) {
            cairo_new_path(cr_);
            for (const auto& f : shore)
                if (f.level == level)
                    for (const auto& part : f.parts) add_path(cr_, p, part, true, coords_, px_);
            set_colour(cr_, level % 2 == 1 ? style_.land : style_.lake);
            cairo_fill(cr_);
        }
        const double factor = inset ? 0.6 : 1.0;
        if (!inset) {
            lines(p, basemap_.read("admin1", read), style_.admin1, true);
            // Smaller rivers only where the map is detailed enough to carry them.
            const int max_class = detail == "h" ? 4 : (detail == "i" ? 2 : 1);
            auto rivers = basemap_.read("rivers_" + detail, read);
            std::erase_if(rivers, [&](const auto& f) { return f.level > max_class; });
            lines(p, rivers, style_.river, false);
        }
        cairo_new_path(cr_);
        for (const auto& f : basemap_.read("coast_" + detail, read))
            if (f.level == 1)
                for (const auto& part : f.parts) add_path(cr_, p, part, false, coords_, px_);
        set_stroke(cr_, style_.coast, factor);
        cairo_stroke(cr_);
        lines(p, basemap_.read("borders_" + detail, read), style_.border, false, factor);
        if (!inset) lines(p, basemap_.read("disputed", read), style_.disputed, false);
        cairo_restore(cr_);
    }

    void lines(const Projector& p, const std::vector<io::BasemapFeature>& features, const style::Stroke& stroke, bool close,
               double factor = 1.0) {
        cairo_new_path(cr_);
        for (const auto& f : features)
            for (const auto& part : f.parts) add_path(cr_, p, part, close, coords_, px_);
        set_stroke(cr_, stroke, factor);
        cairo_stroke(cr_);
    }

    void line(const Projector& p, const std::vector<std::array<double, 2>>& line, const style::Stroke& stroke) {
        io::Path path;
        for (const auto& v : line) path.push_back({v[0], v[1]});
        cairo_new_path(cr_);
        add_path(cr_, p, path, false, coords_, px_);
        set_stroke(cr_, stroke);
        cairo_stroke(cr_);
    }

    void marker(const Point& at, const style::Marker& m, bool square = false) {
        cairo_new_path(cr_);
        if (square) cairo_rectangle(cr_, at.x - m.radius, at.y - m.radius, 2 * m.radius, 2 * m.radius);
        else cairo_arc(cr_, at.x, at.y, m.radius, 0, 2 * M_PI);
        set_colour(cr_, m.fill);
        cairo_fill_preserve(cr_);
        set_colour(cr_, m.stroke);
        cairo_set_line_width(cr_, 1.2);
        cairo_set_dash(cr_, nullptr, 0, 0);
        cairo_stroke(cr_);
    }

    // Text with a halo, so it reads over any background.
    void text(const std::string& s, const style::Font& font, double x, double y, bool halo = true) {
        LayoutPtr layout = make_layout(cr_, s, font);
        if (halo) {
            cairo_new_path(cr_);
            cairo_move_to(cr_, x, y);
            pango_cairo_layout_path(cr_, layout.get());
            set_colour(cr_, style_.halo);
            cairo_set_line_width(cr_, style_.halo_width);
            cairo_set_dash(cr_, nullptr, 0, 0);
            cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
            cairo_stroke(cr_);
        }
        cairo_move_to(cr_, x, y);
        set_colour(cr_, font.colour);
        pango_cairo_show_layout(cr_, layout.get());
    }

    const style::Font& font_of(scene::LabelFont f) const {
        switch (f) {
            case scene::LabelFont::Place: return style_.label;
            case scene::LabelFont::Context: return style_.context_label;
            case scene::LabelFont::Water: return style_.water_label;
            case scene::LabelFont::Region: return style_.region_label;
            case scene::LabelFont::Country: return style_.country_label;
        }
        return style_.label;
    }

    cairo_t* cr() { return cr_; }
    const style::Style& style() const { return style_; }

private:
    cairo_t* cr_;
    const style::Style& style_;
    const io::Basemap& basemap_;
    std::vector<double> coords_;
    std::vector<Point> px_;
};

std::string km_text(double km) {
    std::ostringstream s;
    s << km << " km";
    return s.str();
}

void draw_scale_bar(Painter& painter, const scene::ScaleBar& bar) {
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    const double x = bar.origin.x, y = bar.origin.y;
    cairo_new_path(cr);
    cairo_rectangle(cr, x - 4, y - 18, bar.px + 8 + 60, 26);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.75);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.15);
    cairo_set_line_width(cr, 1.5);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_move_to(cr, x, y - 6);
    cairo_line_to(cr, x, y);
    cairo_line_to(cr, x + bar.px, y);
    cairo_line_to(cr, x + bar.px, y - 6);
    cairo_stroke(cr);
    painter.text("0", st.small, x - 3, y - 18, false);
    painter.text(km_text(bar.km), st.small, x + bar.px + 4, y - 14, false);
}

void draw_legend(Painter& painter, const scene::Scene& s) {
    if (s.legend.empty()) return;
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    const Box& b = s.legend_box;
    cairo_new_path(cr);
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_fill_preserve(cr);
    cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
    cairo_set_line_width(cr, 0.8);
    cairo_stroke(cr);
    const double row = (b.h - 12) / static_cast<double>(s.legend.size());
    for (size_t i = 0; i < s.legend.size(); ++i) {
        const auto& e = s.legend[i];
        const double cy = b.y + 6 + row * (static_cast<double>(i) + 0.5);
        const double sx = b.x + 10;
        if (e.kind == "place") painter.marker({sx + 9, cy}, st.place);
        else if (e.kind == "context") painter.marker({sx + 9, cy}, st.context);
        else {
            const style::Stroke& stroke = e.kind == "river" ? st.river : e.kind == "border" ? st.border : e.kind == "admin1" ? st.admin1 : st.disputed;
            cairo_new_path(cr);
            cairo_move_to(cr, sx, cy);
            cairo_line_to(cr, sx + 18, cy);
            set_stroke(cr, stroke, e.kind == "river" ? 1.6 : 1.0);
            cairo_stroke(cr);
        }
        painter.text(e.text, st.small, sx + 26, cy - row / 2 + (row - 12) / 2, false);
    }
}

void draw_inset(Painter& painter, const scene::Scene& s) {
    if (!s.inset) return;
    const scene::Inset& in = *s.inset;
    cairo_t* cr = painter.cr();
    Projector p(in.crs, in.view, in.box);
    painter.basemap(p, in.bbox, "l", true);
    // The main map's extent, and named places outside it.
    painter.line(p, in.extent_outline, painter.style().inset_extent);
    cairo_save(cr);
    cairo_rectangle(cr, in.box.x, in.box.y, in.box.w, in.box.h);
    cairo_clip(cr);
    for (const auto& f : s.features)
        if (f.kind == "place" && !f.in_view) {
            style::Marker m = painter.style().place;
            m.radius = 3;
            painter.marker(p.to_pixel(f.lon, f.lat), m);
        }
    cairo_restore(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, in.box.x, in.box.y, in.box.w, in.box.h);
    set_stroke(cr, painter.style().inset_frame);
    cairo_stroke(cr);
}

void draw(cairo_t* cr, const scene::Scene& s, const style::Style& style, const io::Basemap& basemap) {
    Painter painter(cr, style, basemap);
    set_colour(cr, style.paper);
    cairo_paint(cr);
    Projector p(s.crs, s.view, s.map_box);
    painter.basemap(p, s.bbox, s.detail, false);

    cairo_save(cr);
    cairo_rectangle(cr, s.map_box.x, s.map_box.y, s.map_box.w, s.map_box.h);
    cairo_clip(cr);
    for (const auto& f : s.features)
        if (f.kind == "river" && !f.line.empty()) painter.line(p, f.line, style.named_river);
    for (const auto& f : s.features) {
        if (!f.in_view) continue;
        if (f.kind == "context") painter.marker(p.to_pixel(f.lon, f.lat), f.capital ? style.capital : style.context, f.capital);
    }
    for (const auto& f : s.features)
        if (f.kind == "place" && f.in_view) painter.marker(p.to_pixel(f.lon, f.lat), style.place);
    for (const auto& f : s.features)
        if (f.label && f.in_view) painter.text(f.label->text, painter.font_of(f.label->font), f.label->box.x, f.label->box.y);
    cairo_restore(cr);

    draw_legend(painter, s);
    draw_scale_bar(painter, s.scale_bar);
    draw_inset(painter, s);

    // Frame, title and credits.
    cairo_new_path(cr);
    cairo_rectangle(cr, s.map_box.x + 0.5, s.map_box.y + 0.5, s.map_box.w - 1, s.map_box.h - 1);
    cairo_set_source_rgb(cr, 0.6, 0.6, 0.6);
    cairo_set_line_width(cr, 1);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_stroke(cr);
    if (!s.title.empty()) {
        painter.text(s.title, style.title, 14, 8, false);
        if (!s.subtitle.empty()) painter.text(s.subtitle, style.subtitle, 14, 8 + style.title.size * 1.35, false);
    }
    painter.text(s.source, style.small, 12, s.map_box.bottom() + 5, false);
    check(cr, "cannot draw the map");
}

}  // namespace

void render(const scene::Scene& s, const style::Style& style, const io::Basemap& basemap, const std::filesystem::path& output) {
    const Format format = format_for(output);
    io::AtomicFile file(output);
    const std::string temp = file.temp_path().string();
    const std::string what = "cannot write " + output.string();
    SurfacePtr surface;
    switch (format) {
        case Format::Png: surface.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, s.width, s.height)); break;
        case Format::Svg: surface.reset(cairo_svg_surface_create(temp.c_str(), s.width, s.height)); break;
        case Format::Pdf: surface.reset(cairo_pdf_surface_create(temp.c_str(), s.width, s.height)); break;
    }
    check(surface.get(), what);
    if (format == Format::Pdf) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "frontmap");
    {
        CairoPtr cr{cairo_create(surface.get())};
        draw(cr.get(), s, style, basemap);
    }
    if (format == Format::Png) {
        const cairo_status_t status = cairo_surface_write_to_png(surface.get(), temp.c_str());
        if (status != CAIRO_STATUS_SUCCESS) throw RenderError(what, cairo_status_to_string(status));
    }
    cairo_surface_finish(surface.get());
    check(surface.get(), what);
    surface.reset();
    file.commit();
}

}  // namespace frontmap::render
