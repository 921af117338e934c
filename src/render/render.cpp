#include "render/render.hpp"

#include "common/page_buffer.hpp"

#include "render/png.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"
#include "common/handle.hpp"
#include "common/steps.hpp"
#include "io/files.hpp"
#include "render/svg.hpp"
#include "render/text.hpp"
#include "scene/geojson.hpp"
#include "scene/projection.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <string_view>
#include <vector>

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
using scene::EventStatus;
using scene::EventSymbol;
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
        // Vertices closer than half a pixel add nothing visible to an antialiased line, and each
        // costs the stroker (a basemap's coast and rivers were a third of a map's time).
        constexpr double kMinStepPx = 0.5;
        if (pen_down && std::abs(q.x - last.x) < kMinStepPx && std::abs(q.y - last.y) < kMinStepPx && i + 1 < px.size()) continue;
        if (pen_down) cairo_line_to(cr, q.x, q.y); else cairo_move_to(cr, q.x, q.y);
        pen_down = true;
        last = q;
    }
    if (close && pen_down) cairo_close_path(cr);
}

// The inset's coast and border lines, as a share of the main map's widths: at its small scale
// full-width lines would fill it.
constexpr double kInsetLineFactor = 0.6;

class Painter {
public:
    Painter(cairo_t* cr, const style::Style& style, const io::Basemap& basemap) : cr_(cr), style_(style), basemap_(basemap) {}

    // Sea, land, lakes, borders and rivers of one projected view, clipped to its box.
    void basemap(const Projector& p, const BBox& read, const std::string& detail, bool inset) {
        const Box& b = p.box();
        op_save(cr_);
        // Cairo's fast antialiasing (4x4 samples a pixel) draws shores, rivers and borders in
        // about two thirds of the time; at 2.5x zoom the edges look the same.
        if (style_.fast_basemap_antialias) cairo_set_antialias(cr_, CAIRO_ANTIALIAS_FAST);
        cairo_rectangle(cr_, b.x, b.y, b.w, b.h);
        op_clip(cr_);
        // Named layers in the SVG; the inset's carry its name first, so every id is unique.
        const std::string prefix = inset ? "inset-" : "";
        op_begin_layer(cr_, prefix + "basemap");
        set_colour(cr_, style_.sea);
        op_paint(cr_);
        if (style_.land_from == "countries") {
            countries(p, read, prefix, inset);
            return;
        }
        shores(p, read, detail);
        op_end_layer(cr_);
        water(p, read, detail, prefix, inset);
        op_begin_layer(cr_, prefix + "borders");
        if (!inset) admin1(p, read);
        lines(p, basemap_.read("borders_" + detail, read), style_.border, false, inset ? kInsetLineFactor : 1.0);
        if (!inset) lines(p, basemap_.read("disputed", read), style_.disputed, false);
        op_end_layer(cr_);
        op_restore(cr_);
    }

    // GSHHG levels nest: land, lake, island in a lake, pond on that island.
    void shores(const Projector& p, const BBox& read, const std::string& detail) {
        const auto shore = basemap_.read("shore_" + detail, read);
        for (int level = 1; level <= 4; ++level) {
            cairo_new_path(cr_);
            for (const auto& f : shore)
                if (f.level == level)
                    for (const auto& part : f.parts) add_path(cr_, p, part, true, coords_, px_);
            set_colour(cr_, level % 2 == 1 ? style_.land : style_.lake);
            op_fill(cr_);
        }
    }

    // Rivers (on the main map) and the coastline, in a layer of their own.
    void water(const Projector& p, const BBox& read, const std::string& detail, const std::string& prefix, bool inset) {
        op_begin_layer(cr_, prefix + "water");
        if (!inset && style_.rivers) {
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
        set_stroke(cr_, style_.coast, inset ? kInsetLineFactor : 1.0);
        op_stroke(cr_);
        op_end_layer(cr_);
    }

    // Land as the countries layer draws it, each country filled and outlined, as reference maps
    // from Natural Earth do; called inside basemap(), whose clip and saved state it ends.
    void countries(const Projector& p, const BBox& read, const std::string& prefix, bool inset) {
        const auto areas = basemap_.read("countries", read);
        cairo_new_path(cr_);
        for (const auto& f : areas)
            for (const auto& part : f.parts) add_path(cr_, p, part, true, coords_, px_);
        set_colour(cr_, style_.land);
        op_fill_preserve(cr_);
        set_stroke(cr_, style_.border, inset ? kInsetLineFactor : 1.0);
        op_stroke(cr_);
        op_end_layer(cr_);
        op_begin_layer(cr_, prefix + "borders");
        if (!inset) {
            admin1(p, read);
            lines(p, basemap_.read("disputed", read), style_.disputed, false);
        }
        op_end_layer(cr_);
        op_restore(cr_);
    }

    // The lines between admin-1 units, each once; a basemap built before it had them gives the
    // units' rings.
    void admin1(const Projector& p, const BBox& read) {
        const bool between = basemap_.has_layer("admin1_lines");
        lines(p, basemap_.read(between ? "admin1_lines" : "admin1", read), style_.admin1, !between);
    }

    void lines(const Projector& p, const std::vector<io::BasemapFeature>& features, const style::Stroke& stroke, bool close,
               double factor = 1.0) {
        cairo_new_path(cr_);
        for (const auto& f : features)
            for (const auto& part : f.parts) add_path(cr_, p, part, close, coords_, px_);
        set_stroke(cr_, stroke, factor);
        op_stroke(cr_);
    }

    void line(const Projector& p, const std::vector<std::array<double, 2>>& line, const style::Stroke& stroke) {
        io::Path path;
        for (const auto& v : line) path.push_back({v[0], v[1]});
        cairo_new_path(cr_);
        add_path(cr_, p, path, false, coords_, px_);
        set_stroke(cr_, stroke);
        op_stroke(cr_);
    }

    void marker(const Point& at, const style::Marker& m, bool square = false) {
        cairo_new_path(cr_);
        if (square) cairo_rectangle(cr_, at.x - m.radius, at.y - m.radius, 2 * m.radius, 2 * m.radius);
        else cairo_arc(cr_, at.x, at.y, m.radius, 0, 2 * M_PI);
        set_colour(cr_, m.fill);
        if (m.stroke_width <= 0) {
            op_fill(cr_);
            return;
        }
        op_fill_preserve(cr_);
        set_colour(cr_, m.stroke);
        cairo_set_line_width(cr_, m.stroke_width);
        cairo_set_dash(cr_, nullptr, 0, 0);
        op_stroke(cr_);
    }

    // Text with a halo, so it reads over any background.
    void text(const std::string& s, const style::Font& font, double x, double y, bool halo = true) {
        LayoutPtr layout = make_layout(cr_, s, font);
        if (SvgSink* svg = svg_sink(cr_)) {
            // Real text in the SVG, placed where Pango would draw it.
            const double baseline = pango_layout_get_baseline(layout.get()) / static_cast<double>(PANGO_SCALE);
            const int lines = pango_layout_get_line_count(layout.get());
            int w = 0;
            int h = 0;
            pango_layout_get_pixel_size(layout.get(), &w, &h);
            svg->text(s, font, x, y, baseline, lines > 0 ? h / static_cast<double>(lines) : h, halo ? &style_.halo : nullptr, style_.halo_width);
            return;
        }
        if (halo) draw_halo(layout.get(), x, y);
        cairo_move_to(cr_, x, y);
        set_colour(cr_, font.colour);
        pango_cairo_show_layout(cr_, layout.get());
    }

    // A raster halo is the text drawn again in the halo colour, shifted a little each way round a
    // circle: the glyphs come from Pango's cache, where stroking their outlines took 7 ms of a
    // 55 ms map (the "fast" halo of other map renderers). Vector output keeps the stroked outline,
    // so that a PDF holds each label once.
    void draw_halo(PangoLayout* layout, double x, double y) {
        set_colour(cr_, style_.halo);
        if (cairo_surface_get_type(cairo_get_target(cr_)) == CAIRO_SURFACE_TYPE_IMAGE) {
            constexpr int kShifts = 8;
            const double r = style_.halo_width / 2;
            for (int k = 0; k < kShifts; ++k) {
                const double a = 2 * M_PI * k / kShifts;
                cairo_move_to(cr_, x + r * std::cos(a), y + r * std::sin(a));
                pango_cairo_show_layout(cr_, layout);
            }
            return;
        }
        cairo_new_path(cr_);
        cairo_move_to(cr_, x, y);
        pango_cairo_layout_path(cr_, layout);
        cairo_set_line_width(cr_, style_.halo_width);
        cairo_set_dash(cr_, nullptr, 0, 0);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        op_stroke(cr_);
    }

    std::pair<double, double> measure(const std::string& s, const style::Font& font) {
        LayoutPtr layout = make_layout(cr_, s, font);
        int w = 0;
        int h = 0;
        pango_layout_get_pixel_size(layout.get(), &w, &h);
        return {w, h};
    }

    [[nodiscard]] const style::Font& font_of(scene::LabelFont f) const {
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
    [[nodiscard]] const style::Style& style() const { return style_; }

private:
    cairo_t* cr_;
    const style::Style& style_;
    const io::Basemap& basemap_;
    std::vector<double> coords_;
    std::vector<Point> px_;
};

// Events -----------------------------------------------------------------------------------

std::vector<Point> to_pixels(const Projector& p, const std::vector<std::array<double, 2>>& line) {
    std::vector<Point> out;
    for (const auto& v : line) {
        const Point q = p.to_pixel(v[0], v[1]);
        if (std::isfinite(q.x) && std::isfinite(q.y)) out.push_back(q);
    }
    return out;
}

// A gentle curve through the points: a straight pair bows a little to one side, a longer line is
// rounded off at its corners (Chaikin's corner cutting).
std::vector<Point> smooth(std::vector<Point> pts) {
    if (pts.size() == 2) {
        const Point a = pts[0];
        const Point b = pts[1];
        const double dx = b.x - a.x;
        const double dy = b.y - a.y;
        std::vector<Point> out;
        for (int i = 0; i <= 16; ++i) {
            const double t = i / 16.0;
            const double bow = 0.08 * 4 * t * (1 - t);
            out.push_back({a.x + dx * t - dy * bow, a.y + dy * t + dx * bow});
        }
        return out;
    }
    for (int pass = 0; pass < 2 && pts.size() >= 3; ++pass) {
        std::vector<Point> out{pts.front()};
        for (size_t i = 0; i + 1 < pts.size(); ++i) {
            const Point a = pts[i];
            const Point b = pts[i + 1];
            if (i > 0) out.push_back({0.75 * a.x + 0.25 * b.x, 0.75 * a.y + 0.25 * b.y});
            if (i + 2 < pts.size()) out.push_back({0.25 * a.x + 0.75 * b.x, 0.25 * a.y + 0.75 * b.y});
        }
        out.push_back(pts.back());
        pts = std::move(out);
    }
    return pts;
}

// The outline of a tapered arrow along `pts` (tail first): narrow at the tail, `width` wide where
// the head begins, and a head half again as wide.
void arrow_path(cairo_t* cr, const std::vector<Point>& pts, double width) {
    std::vector<double> run{0};
    for (size_t i = 1; i < pts.size(); ++i) run.push_back(run.back() + std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y));
    const double total = run.back();
    const double head = std::min(width * 1.8, total * 0.45);
    const double body = total - head;
    std::vector<Point> left;
    std::vector<Point> right;
    Point base = pts.back();
    Point dir{1, 0};
    for (size_t i = 0; i < pts.size(); ++i) {
        const size_t a = i == 0 ? 0 : i - 1;
        const size_t b = i + 1 < pts.size() ? i + 1 : i;
        const double dx = pts[b].x - pts[a].x;
        const double dy = pts[b].y - pts[a].y;
        const double d = std::max(1e-9, std::hypot(dx, dy));
        const Point n{-dy / d, dx / d};
        if (run[i] > body) {
            // Where the body ends: interpolate the base of the head on this segment.
            const double f = i == 0 ? 0 : (body - run[i - 1]) / std::max(1e-9, run[i] - run[i - 1]);
            base = {pts[i - 1].x + (pts[i].x - pts[i - 1].x) * f, pts[i - 1].y + (pts[i].y - pts[i - 1].y) * f};
            dir = {dx / d, dy / d};
            break;
        }
        const double w = width * (0.35 + 0.65 * run[i] / std::max(1e-9, body)) / 2;
        left.push_back({pts[i].x + n.x * w, pts[i].y + n.y * w});
        right.push_back({pts[i].x - n.x * w, pts[i].y - n.y * w});
    }
    const Point n{-dir.y, dir.x};
    const double hw = width * 1.1;
    cairo_new_path(cr);
    for (size_t i = 0; i < left.size(); ++i) i == 0 ? cairo_move_to(cr, left[i].x, left[i].y) : cairo_line_to(cr, left[i].x, left[i].y);
    cairo_line_to(cr, base.x + n.x * width / 2, base.y + n.y * width / 2);
    cairo_line_to(cr, base.x + n.x * hw, base.y + n.y * hw);
    cairo_line_to(cr, pts.back().x, pts.back().y);
    cairo_line_to(cr, base.x - n.x * hw, base.y - n.y * hw);
    cairo_line_to(cr, base.x - n.x * width / 2, base.y - n.y * width / 2);
    for (size_t i = right.size(); i-- > 0;) cairo_line_to(cr, right[i].x, right[i].y);
    cairo_close_path(cr);
}

// A claim's dashes: 3 units drawn, 2 left blank.
void set_claim_dash(cairo_t* cr) {
    constexpr std::array<double, 2> kClaimDash{3.0, 2.0};
    cairo_set_dash(cr, kClaimDash.data(), static_cast<int>(kClaimDash.size()), 0);
}

bool is_claimed(EventStatus status) { return status == EventStatus::Claimed || status == EventStatus::Denied; }

void set_rgba(cairo_t* cr, const style::Colour& c, double alpha) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a * alpha); }

// Solid for what is reported or confirmed; pale with a dashed edge for what one side claims.
void fill_and_edge(cairo_t* cr, const style::Style& st, const style::Colour& colour, EventStatus status, double edge = 1.2) {
    const bool claimed = is_claimed(status);
    set_rgba(cr, colour, claimed ? st.event_opacity.claimed_fill : 1.0);
    op_fill_preserve(cr);
    if (claimed) {
        set_colour(cr, colour);
        set_claim_dash(cr);
    } else {
        set_colour(cr, st.symbol_rim);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    cairo_set_line_width(cr, edge);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    op_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

void draw_arrow(cairo_t* cr, const style::Style& st, const std::vector<Point>& pts, const style::Colour& colour, EventStatus status) {
    if (pts.size() < 2) return;
    arrow_path(cr, smooth(pts), st.arrow_width);
    fill_and_edge(cr, st, colour, status);
}

// Diagonal hatching across an area, clipped to it, with its edge in the side's colour.
using PatternPtr = Handle<cairo_pattern_t, cairo_pattern_destroy>;

// A 7-pixel tile with one diagonal line, repeated: the hatching of an area.
PatternPtr hatch_tile(const style::Colour& colour, double alpha) {
    constexpr int kTile = 7;
    SurfacePtr tile{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kTile, kTile)};
    {
        CairoPtr t{cairo_create(tile.get())};
        set_rgba(t.get(), colour, alpha);
        cairo_set_line_width(t.get(), 1.3);
        // The line and its wrap-around at the corners, so tiles join into one continuous stripe.
        for (const double shift : {-kTile, 0, kTile}) {
            cairo_move_to(t.get(), shift, kTile);
            cairo_line_to(t.get(), shift + kTile, 0);
        }
        cairo_stroke(t.get());
    }
    PatternPtr pattern{cairo_pattern_create_for_surface(tile.get())};
    cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_REPEAT);
    return pattern;
}

// Traces a region's rings; returns their pixel box, which the vector hatching spans.
BBox trace_rings(cairo_t* cr, const Projector& p, const scene::EventMark& m) {
    BBox box{1e9, 1e9, -1e9, -1e9};
    cairo_new_path(cr);
    for (const auto& ring : m.rings) {
        const auto pts = to_pixels(p, ring);
        for (size_t i = 0; i < pts.size(); ++i) {
            i == 0 ? cairo_move_to(cr, pts[i].x, pts[i].y) : cairo_line_to(cr, pts[i].x, pts[i].y);
            box.expand(pts[i].x, pts[i].y);
        }
        cairo_close_path(cr);
    }
    return box;
}

void draw_area(cairo_t* cr, const style::Style& st, const Projector& p, const scene::EventMark& m, const style::Colour& colour) {
    const auto& opacity = st.event_opacity;
    const double hatch = is_claimed(m.status) ? opacity.claimed_hatch : opacity.area_hatch;
    op_save(cr);
    const auto [x0, y0, x1, y1] = trace_rings(cr, p, m);
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    if (!svg_sink(cr)) {
        // On a raster, one fill with a repeating hatch tile: clipping to a detailed region and
        // stroking lines across it cost ten times as much.
        set_rgba(cr, colour, opacity.area_fill);
        cairo_fill_preserve(cr);
        cairo_set_source(cr, hatch_tile(colour, hatch).get());
        cairo_fill_preserve(cr);
        op_restore(cr);
        set_rgba(cr, colour, opacity.area_edge);
        cairo_set_line_width(cr, 1.6);
        cairo_set_dash(cr, nullptr, 0, 0);
        cairo_stroke(cr);
        return;
    }
    cairo_path_t* outline = cairo_copy_path(cr);
    op_clip(cr);
    set_rgba(cr, colour, opacity.area_fill);
    op_paint(cr);
    cairo_new_path(cr);
    each_step(x0 - (y1 - y0), x1, 7, StepEnd::Exclusive, [cr, top = y0, bottom = y1](double x) {
        cairo_move_to(cr, x, bottom);
        cairo_line_to(cr, x + (bottom - top), top);
    });
    set_rgba(cr, colour, hatch);
    cairo_set_line_width(cr, 1.3);
    if (is_claimed(m.status)) set_claim_dash(cr);
    op_stroke(cr);
    op_restore(cr);
    cairo_new_path(cr);
    cairo_append_path(cr, outline);
    cairo_path_destroy(outline);
    set_rgba(cr, colour, opacity.area_edge);
    cairo_set_line_width(cr, 1.6);
    op_stroke(cr);
}

// The white glyph inside an event's disc, one per type, drawn as paths so it scales and stays
// sharp at 16 px.
// Each glyph is drawn on a disc of radius 9 units, centred at (cx, cy); u is the unit in pixels.
void target_glyph(cairo_t* cr, double cx, double cy, double u) {  // a strike: ring and cross hairs
    cairo_arc(cr, cx, cy, 3.6 * u, 0, 2 * M_PI);
    cairo_move_to(cr, cx - 6 * u, cy), cairo_line_to(cr, cx - 2 * u, cy);
    cairo_move_to(cr, cx + 2 * u, cy), cairo_line_to(cr, cx + 6 * u, cy);
    cairo_move_to(cr, cx, cy - 6 * u), cairo_line_to(cr, cx, cy - 2 * u);
    cairo_move_to(cr, cx, cy + 2 * u), cairo_line_to(cr, cx, cy + 6 * u);
    op_stroke(cr);
}

void rounds_glyph(cairo_t* cr, double cx, double cy, double u) {  // shelling: three rounds
    for (const auto& [dx, dy] : {std::pair{0.0, -3.2}, std::pair{-3.2, 2.4}, std::pair{3.2, 2.4}}) {
        cairo_new_sub_path(cr);
        cairo_arc(cr, cx + dx * u, cy + dy * u, 1.9 * u, 0, 2 * M_PI);
    }
    op_fill(cr);
}

void swords_glyph(cairo_t* cr, double cx, double cy, double u) {  // an attack: crossed swords
    cairo_move_to(cr, cx - 5 * u, cy - 5 * u), cairo_line_to(cr, cx + 5 * u, cy + 5 * u);
    cairo_move_to(cr, cx + 5 * u, cy - 5 * u), cairo_line_to(cr, cx - 5 * u, cy + 5 * u);
    cairo_move_to(cr, cx + 1.5 * u, cy + 4.5 * u), cairo_line_to(cr, cx + 4.5 * u, cy + 1.5 * u);
    cairo_move_to(cr, cx - 1.5 * u, cy + 4.5 * u), cairo_line_to(cr, cx - 4.5 * u, cy + 1.5 * u);
    op_stroke(cr);
}

void burst_glyph(cairo_t* cr, double cx, double cy, double u) {  // an explosion: a burst
    for (int k = 0; k < 16; ++k) {
        const double a = k * M_PI / 8;
        const double rr = ((k % 2) != 0 ? 2.6 : 6.2) * u;
        k == 0 ? cairo_move_to(cr, cx + rr * std::cos(a), cy + rr * std::sin(a)) : cairo_line_to(cr, cx + rr * std::cos(a), cy + rr * std::sin(a));
    }
    cairo_close_path(cr);
    op_fill(cr);
}

void doorway_glyph(cairo_t* cr, double cx, double cy, double u) {  // an evacuation: an arrow out of a doorway
    cairo_move_to(cr, cx - 1 * u, cy - 5 * u), cairo_line_to(cr, cx - 5 * u, cy - 5 * u), cairo_line_to(cr, cx - 5 * u, cy + 5 * u),
        cairo_line_to(cr, cx - 1 * u, cy + 5 * u);
    cairo_move_to(cr, cx - 2.5 * u, cy), cairo_line_to(cr, cx + 5.5 * u, cy);
    cairo_move_to(cr, cx + 2.5 * u, cy - 3 * u), cairo_line_to(cr, cx + 5.5 * u, cy), cairo_line_to(cr, cx + 2.5 * u, cy + 3 * u);
    op_stroke(cr);
}

void waves_glyph(cairo_t* cr, double cx, double cy, double u) {  // flooding: waves
    for (double dy : {-2.6, 2.6}) {
        cairo_move_to(cr, cx - 5.5 * u, cy + dy * u);
        cairo_curve_to(cr, cx - 3 * u, cy + (dy - 2.5) * u, cx - 0.5 * u, cy + (dy + 2.5) * u, cx + 1.5 * u, cy + dy * u);
        cairo_curve_to(cr, cx + 3 * u, cy + (dy - 2) * u, cx + 4.5 * u, cy + (dy - 1) * u, cx + 5.5 * u, cy + dy * u);
    }
    op_stroke(cr);
}

void battlements_glyph(cairo_t* cr, double cx, double cy, double u) {  // a fortification: battlements
    cairo_move_to(cr, cx - 5.5 * u, cy + 4.5 * u);
    for (const auto& [x, y] : {std::pair{-5.5, -4.5}, {-3.2, -4.5}, {-3.2, -2}, {-1.1, -2}, {-1.1, -4.5}, {1.1, -4.5},
                               {1.1, -2}, {3.2, -2}, {3.2, -4.5}, {5.5, -4.5}, {5.5, 4.5}})
        cairo_line_to(cr, cx + x * u, cy + y * u);
    cairo_close_path(cr);
    op_fill(cr);
}

void exclamation_glyph(cairo_t* cr, double cx, double cy, double u) {  // anything else
    cairo_move_to(cr, cx, cy - 5 * u), cairo_line_to(cr, cx, cy + 1.5 * u);
    op_stroke(cr);
    cairo_arc(cr, cx, cy + 4.5 * u, 1.2 * u, 0, 2 * M_PI);
    op_fill(cr);
}

using GlyphDrawer = void (*)(cairo_t*, double, double, double);
constexpr std::array<std::pair<std::string_view, GlyphDrawer>, 7> kGlyphs{{
    {"strike", target_glyph},          {"shelling", rounds_glyph}, {"attack", swords_glyph},
    {"explosion", burst_glyph},        {"evacuation", doorway_glyph}, {"flooding", waves_glyph},
    {"fortification", battlements_glyph}}};

void glyph(cairo_t* cr, const std::string& type, double cx, double cy, double r) {
    cairo_new_path(cr);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    const double u = r / 9.0;
    cairo_set_line_width(cr, 1.6 * u);
    const auto* const found = std::ranges::find_if(kGlyphs, [&](const auto& g) { return g.first == type; });
    (found == kGlyphs.end() ? exclamation_glyph : found->second)(cr, cx, cy, u);
}

// A flag on a pole, in the side's colour: ground taken. A retaken flag has a swallowtail.
void flag(cairo_t* cr, const style::Style& st, const std::string& type, double cx, double cy, double r, const style::Colour& colour,
          EventStatus status) {
    const double u = r / 9.0;
    cairo_new_path(cr);
    cairo_move_to(cr, cx - 5 * u, cy + 8 * u);
    cairo_line_to(cr, cx - 5 * u, cy - 8 * u);
    cairo_line_to(cr, cx + 7 * u, cy - 8 * u);
    if (type == "recapture") cairo_line_to(cr, cx + 3 * u, cy - 4.5 * u);
    cairo_line_to(cr, cx + 7 * u, cy - 1 * u);
    cairo_line_to(cr, cx - 3 * u, cy - 1 * u);
    cairo_line_to(cr, cx - 3 * u, cy + 8 * u);
    cairo_close_path(cr);
    fill_and_edge(cr, st, colour, status, 1.4);
}

// An event's symbol at a centre: its type's icon on a disc, or a flag; claimed hollow and
// dashed, denied struck through.
void event_icon(cairo_t* cr, const style::Style& st, EventSymbol symbol, const std::string& type, const Point& c, double r,
                const style::Colour& colour, EventStatus status) {
    if (symbol == EventSymbol::Marker) {
        flag(cr, st, type, c.x, c.y, r, colour, status);
    } else {
        cairo_new_path(cr);
        cairo_arc(cr, c.x, c.y, r, 0, 2 * M_PI);
        if (is_claimed(status)) {
            set_colour(cr, st.symbol_rim);
            op_fill_preserve(cr);
            set_colour(cr, colour);
            cairo_set_line_width(cr, 1.6);
            set_claim_dash(cr);
            op_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
            set_colour(cr, colour);
        } else {
            set_colour(cr, colour);
            op_fill_preserve(cr);
            set_colour(cr, st.symbol_rim);
            cairo_set_line_width(cr, 1.2);
            op_stroke(cr);
        }
        glyph(cr, type, c.x, c.y, r);
    }
    if (status == EventStatus::Denied) {
        cairo_new_path(cr);
        cairo_move_to(cr, c.x - r, c.y + r);
        cairo_line_to(cr, c.x + r, c.y - r);
        set_colour(cr, st.symbol_rim);
        cairo_set_line_width(cr, st.denied_strike.width + 1.8);
        op_stroke_preserve(cr);
        set_colour(cr, st.denied_strike.colour);
        cairo_set_line_width(cr, st.denied_strike.width);
        op_stroke(cr);
    }
}

Point centre_of(const Box& b) { return {b.x + b.w / 2, b.y + b.h / 2}; }

// The nearest point of a box to `p`: where a leader line meets it.
Point nearest_on(const Box& b, const Point& p) { return {std::clamp(p.x, b.x, b.right()), std::clamp(p.y, b.y, b.bottom())}; }

// An event's icon where the scene put it: a soft zone where it is only approximately there, a
// short line back to where it happened when moved aside from a crowded point.
void draw_event_icon(cairo_t* cr, const style::Style& st, const Projector& p, const scene::EventMark& m, const style::Colour& colour) {
    const double r = st.event_icon_radius;
    const Point at = p.to_pixel(m.lon, m.lat);
    const Point c = centre_of(*m.icon);
    if (m.geo_precision >= 2) {
        cairo_new_path(cr);
        cairo_arc(cr, at.x, at.y, r * (m.geo_precision >= 3 ? 3.4 : 2.2), 0, 2 * M_PI);
        set_rgba(cr, colour, st.event_opacity.approximate_zone);
        op_fill(cr);
    }
    if (std::hypot(c.x - at.x, c.y - at.y) > 1) {
        cairo_new_path(cr);
        cairo_move_to(cr, at.x, at.y);
        cairo_line_to(cr, c.x, c.y);
        set_colour(cr, st.leader.colour);
        cairo_set_line_width(cr, st.leader.width);
        op_stroke(cr);
    }
    event_icon(cr, st, m.symbol, m.type, c, r, colour, m.status);
}

// A callout's box, framed in the side's colour, with its leader line to the event.
void draw_callout(Painter& painter, const scene::Callout& c, const style::Colour& side) {
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    const Point end = nearest_on(c.box, c.anchor);
    cairo_new_path(cr);
    cairo_move_to(cr, c.anchor.x, c.anchor.y);
    cairo_line_to(cr, end.x, end.y);
    set_colour(cr, st.callout_leader.colour);
    cairo_set_line_width(cr, st.callout_leader.width);
    op_stroke(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, c.box.x, c.box.y, c.box.w, c.box.h);
    set_colour(cr, st.callout_fill);
    op_fill_preserve(cr);
    set_colour(cr, side);
    cairo_set_line_width(cr, 1);
    op_stroke(cr);
    painter.text(c.text, st.callout, c.box.x + 4, c.box.y + 3, false);
}

// Areas under arrows under icons under callouts.
void draw_events(Painter& painter, const Projector& p, const scene::Scene& s, const style::SideColours& colours) {
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    for (const auto& m : s.events)
        if (m.symbol == EventSymbol::Area) draw_area(cr, st, p, m, colours.of(m.side));
    for (const auto& m : s.events)
        if (m.symbol == EventSymbol::Arrow && m.in_view) draw_arrow(cr, st, to_pixels(p, m.line), colours.of(m.side), m.status);
    for (const auto& m : s.events)
        if (m.in_view && m.icon) draw_event_icon(cr, st, p, m, colours.of(m.side));
    for (const auto& m : s.events)
        if (m.callout && m.in_view) draw_callout(painter, *m.callout, colours.of(m.side));
}

std::vector<std::string> sides_in_order(const scene::Scene& s) {
    std::vector<std::string> out;
    for (const auto& m : s.events)
        if (std::find(out.begin(), out.end(), m.side) == out.end()) out.push_back(m.side);
    return out;
}

// A legend row's symbol for an event.
void legend_event_symbol(Painter& painter, const scene::LegendEntry& e, const Point& c, const style::SideColours& colours) {
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    const style::Colour& colour = e.kind == "event" ? colours.of(e.side) : st.neutral;
    const EventSymbol symbol = e.symbol.value_or(EventSymbol::Icon);
    if (e.kind == "claimed" || e.kind == "denied") {
        event_icon(cr, st, EventSymbol::Icon, "other", c, st.event_icon_radius * 0.9, colour, e.kind == "claimed" ? EventStatus::Claimed : EventStatus::Denied);
    } else if (symbol == EventSymbol::Arrow) {
        const std::vector<Point> pts = e.event_type == "withdrawal" ? std::vector<Point>{{c.x + 9, c.y}, {c.x - 9, c.y}}
                                                                    : std::vector<Point>{{c.x - 9, c.y}, {c.x + 9, c.y}};
        arrow_path(cr, pts, st.arrow_width * 0.8);
        fill_and_edge(cr, st, colour, EventStatus::Reported);
    } else if (symbol == EventSymbol::Area) {
        op_save(cr);
        cairo_new_path(cr);
        cairo_rectangle(cr, c.x - 9, c.y - 7, 18, 14);
        op_clip_preserve(cr);
        set_rgba(cr, colour, st.event_opacity.area_fill);
        op_fill(cr);
        each_step(c.x - 23, c.x + 9, 6, StepEnd::Exclusive, [&](double x) {
            cairo_move_to(cr, x, c.y + 7);
            cairo_line_to(cr, x + 14, c.y - 7);
        });
        set_rgba(cr, colour, st.event_opacity.area_hatch);
        cairo_set_line_width(cr, 1.3);
        op_stroke(cr);
        op_restore(cr);
        cairo_new_path(cr);
        cairo_rectangle(cr, c.x - 9, c.y - 7, 18, 14);
        set_colour(cr, colour);
        cairo_set_line_width(cr, 1.4);
        op_stroke(cr);
    } else {
        event_icon(cr, st, symbol, e.event_type, c, st.event_icon_radius * 0.9, colour, EventStatus::Reported);
    }
}

std::string km_text(double km) {
    std::ostringstream s;
    s << km << " km";
    return s.str();
}

void draw_scale_bar(Painter& painter, const scene::ScaleBar& bar) {
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    const double x = bar.origin.x;
    const double y = bar.origin.y;
    cairo_new_path(cr);
    cairo_rectangle(cr, x - 4, y - 18, bar.px + 8 + 60, 26);
    set_colour(cr, st.scale_bar_fill);
    op_fill(cr);
    set_colour(cr, st.scale_bar.colour);
    cairo_set_line_width(cr, st.scale_bar.width);
    cairo_set_dash(cr, nullptr, 0, 0);
    cairo_move_to(cr, x, y - 6);
    cairo_line_to(cr, x, y);
    cairo_line_to(cr, x + bar.px, y);
    cairo_line_to(cr, x + bar.px, y - 6);
    op_stroke(cr);
    painter.text("0", st.small, x - 3, y - 18, false);
    painter.text(km_text(bar.km), st.small, x + bar.px + 4, y - 14, false);
}

// A legend row's symbol, 18 px wide from sx: an event's, a place's marker, or a line's sample.
void legend_symbol(Painter& painter, const scene::LegendEntry& e, double sx, double cy, const style::SideColours& colours) {
    const auto& st = painter.style();
    if (e.kind == "event" || e.kind == "claimed" || e.kind == "denied") return legend_event_symbol(painter, e, {sx + 9, cy}, colours);
    if (e.kind == "place") return painter.marker({sx + 9, cy}, st.place);
    if (e.kind == "capital") return painter.marker({sx + 9, cy}, st.capital, true);
    if (e.kind == "context") return painter.marker({sx + 9, cy}, st.context);
    const style::Stroke& stroke = e.kind == "river" ? st.river : e.kind == "border" ? st.border : e.kind == "admin1" ? st.admin1 : st.disputed;
    cairo_t* cr = painter.cr();
    cairo_new_path(cr);
    cairo_move_to(cr, sx, cy);
    cairo_line_to(cr, sx + 18, cy);
    set_stroke(cr, stroke, e.kind == "river" ? 1.6 : 1.0);
    op_stroke(cr);
}

void draw_legend(Painter& painter, const scene::Scene& s, const style::SideColours& colours) {
    if (s.legend.empty()) return;
    cairo_t* cr = painter.cr();
    const auto& st = painter.style();
    const Box& b = s.legend_box;
    cairo_new_path(cr);
    cairo_rectangle(cr, b.x, b.y, b.w, b.h);
    set_colour(cr, st.legend_fill);
    op_fill_preserve(cr);
    set_colour(cr, st.legend_frame.colour);
    cairo_set_line_width(cr, st.legend_frame.width);
    op_stroke(cr);
    // Rows and columns as the scene laid them out, scaled to the box (an edited scene may have
    // resized it).
    const auto grid = scene::legend_grid(s.legend, b.w, st.event_icon_radius, [&](size_t i) { return painter.measure(s.legend[i].text, st.small); });
    const double fit = grid.h > 12 ? (b.h - 12) / (grid.h - 12) : 1.0;
    double top = b.y + 6;
    for (size_t i = 0; i < s.legend.size(); ++i) {
        const auto& e = s.legend[i];
        if (i % grid.rows == 0) top = b.y + 6;
        const double row = grid.row_h[i] * fit;
        const double cy = top + row / 2;
        top += row;
        const double sx = b.x + 10 + grid.column_x[i / grid.rows];
        legend_symbol(painter, e, sx, cy, colours);
        const double text_h = painter.measure(e.text, st.small).second;
        painter.text(e.text, st.small, sx + 26, cy - text_h / 2, false);
    }
}

void draw_inset(Painter& painter, const scene::Scene& s, const style::SideColours& colours) {
    if (!s.inset) return;
    const scene::Inset& in = *s.inset;
    cairo_t* cr = painter.cr();
    Projector p(in.crs, in.view, in.box);
    painter.basemap(p, in.bbox, "l", true);
    // The main map's extent, and named places outside it.
    painter.line(p, in.extent_outline, painter.style().inset_extent);
    op_save(cr);
    cairo_rectangle(cr, in.box.x, in.box.y, in.box.w, in.box.h);
    op_clip(cr);
    // Named places off the main map, labelled where the name fits inside the inset and clear of
    // the names already there; events off the main map as dots in their side's colour.
    std::vector<Box> taken;
    for (const auto& f : s.features) {
        if (f.kind != scene::FeatureKind::Place || f.in_view) continue;
        style::Marker m = painter.style().place;
        m.radius = 3;
        const Point at = p.to_pixel(f.lon, f.lat);
        painter.marker(at, m);
        const auto [w, h] = painter.measure(f.name, painter.style().small);
        const Box label{at.x + 5, at.y - h / 2, static_cast<double>(w), static_cast<double>(h)};
        const bool fits = in.box.contains(label) &&
                          std::none_of(taken.begin(), taken.end(), [&](const Box& t) { return t.intersects(label); });
        if (!fits) continue;
        taken.push_back(label);
        painter.text(f.name, painter.style().small, label.x, label.y);
    }
    for (const auto& e : s.events) {
        if (e.in_view) continue;
        const style::Colour& c = colours.of(e.side);
        painter.marker(p.to_pixel(e.lon, e.lat), {c, {1, 1, 1, 1}, 3.5});
    }
    op_restore(cr);
    cairo_new_path(cr);
    cairo_rectangle(cr, in.box.x, in.box.y, in.box.w, in.box.h);
    set_stroke(cr, painter.style().inset_frame);
    op_stroke(cr);
}

// Named rivers, other towns, then the story's places: each marker over the lines below it.
void draw_places(Painter& painter, const Projector& p, const scene::Scene& s) {
    const auto& style = painter.style();
    for (const auto& f : s.features)
        if (f.kind == scene::FeatureKind::River && !f.line.empty()) painter.line(p, f.line, style.named_river);
    for (const auto& f : s.features)
        if (f.in_view && f.kind == scene::FeatureKind::Context)
            painter.marker(p.to_pixel(f.lon, f.lat), f.capital ? style.capital : style.context, f.capital);
    for (const auto& f : s.features)
        if (f.kind == scene::FeatureKind::Place && f.in_view) painter.marker(p.to_pixel(f.lon, f.lat), style.place);
}

// Frame, scale bar, title and credits.
void draw_furniture(Painter& painter, const scene::Scene& s) {
    cairo_t* cr = painter.cr();
    const auto& style = painter.style();
    if (s.scale_bar.px > 0) draw_scale_bar(painter, s.scale_bar);
    if (style.furniture) {
        cairo_new_path(cr);
        cairo_rectangle(cr, s.map_box.x + 0.5, s.map_box.y + 0.5, s.map_box.w - 1, s.map_box.h - 1);
        set_colour(cr, style.map_frame.colour);
        cairo_set_line_width(cr, style.map_frame.width);
        cairo_set_dash(cr, nullptr, 0, 0);
        op_stroke(cr);
    }
    if (!s.title.empty()) {
        painter.text(s.title, style.title, style.title_margin, style.title_top, false);
        // A title a column wide may take two lines.
        const auto lines = static_cast<double>(std::count(s.title.begin(), s.title.end(), '\n') + 1);
        if (!s.subtitle.empty())
            painter.text(s.subtitle, style.subtitle, style.title_margin, style.title_top + lines * style.title.size * 1.35, false);
    }
    // Credits under the map, or under a legend drawn below it.
    const bool legend_below = !s.legend.empty() && s.legend_box.y >= s.map_box.bottom();
    if (!s.source.empty())
        painter.text(s.source, style.small, style.credits_margin, (legend_below ? s.legend_box.bottom() : s.map_box.bottom()) + style.credits_gap, false);
}

// Paper: on a raster canvas the paper replaces every pixel, so a reused canvas needs no clearing
// first; vector surfaces keep the usual operator (a PDF would rasterise another).
void paint_paper(cairo_t* cr, const style::Style& style) {
    set_colour(cr, style.paper);
    const bool raster = cairo_surface_get_type(cairo_get_target(cr)) == CAIRO_SURFACE_TYPE_IMAGE && (svg_sink(cr) == nullptr);
    if (raster) cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
    op_paint(cr);
    cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
}

void draw(cairo_t* cr, const scene::Scene& s, const style::Style& style, const io::Basemap& basemap) {
    Painter painter(cr, style, basemap);
    paint_paper(cr, style);
    Projector p(s.crs, s.view, s.map_box);
    painter.basemap(p, s.bbox, s.detail, false);

    op_save(cr);
    cairo_rectangle(cr, s.map_box.x, s.map_box.y, s.map_box.w, s.map_box.h);
    op_clip(cr);
    op_begin_layer(cr, "places");
    draw_places(painter, p, s);
    op_end_layer(cr);
    const style::SideColours colours(style, sides_in_order(s));
    op_begin_layer(cr, "events");
    draw_events(painter, p, s, colours);
    op_end_layer(cr);
    op_begin_layer(cr, "labels");
    for (const auto& f : s.features)
        if (f.label && f.in_view) painter.text(f.label->text, painter.font_of(f.label->font), f.label->box.x, f.label->box.y);
    op_end_layer(cr);
    op_restore(cr);

    op_begin_layer(cr, "legend");
    draw_legend(painter, s, colours);
    op_end_layer(cr);
    op_begin_layer(cr, "inset");
    draw_inset(painter, s, colours);
    op_end_layer(cr);
    op_begin_layer(cr, "furniture");
    draw_furniture(painter, s);
    op_end_layer(cr);
    check(cr, "cannot draw the map");
}

}  // namespace

namespace {

// Cairo writes a PDF through a callback; this one appends to a string.
cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    try {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    } catch (const std::bad_alloc&) {
        return CAIRO_STATUS_NO_MEMORY;  // no exception may cross Cairo's C frames
    }
    return CAIRO_STATUS_SUCCESS;
}

}  // namespace

namespace {

// An ARGB32 canvas over this thread's pixel buffer, kept from map to map: a canvas of megabytes
// allocated afresh for every map costs page faults, and in a multi-threaded batch those faults
// queue on one lock. It holds the last map's pixels until draw() paints the paper over them all.
// The surface must be gone before the thread draws its next map.
SurfacePtr canvas(int width, int height) {
    thread_local PageBuffer pixels;
    pixels.release_if_large();
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
    if (stride <= 0 || height <= 0) return SurfacePtr{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)};  // Cairo's error
    const size_t bytes = static_cast<size_t>(stride) * static_cast<size_t>(height);
    return SurfacePtr{cairo_image_surface_create_for_data(pixels.reserve(bytes), CAIRO_FORMAT_ARGB32, width, height, stride)};
}

}  // namespace

std::string render_bytes(const scene::Scene& s, const style::Style& base_style, const io::Basemap& basemap, Format format) {
    const style::Style style = style::for_width(base_style, s.width);
    const std::string what = "cannot draw the map";
    if (format == Format::Svg) {
        // Drawn through Cairo on a one-pixel canvas, every path copied into the SVG as it goes.
        SurfacePtr surface{cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)};
        check(surface.get(), what);
        SvgSink sink(s.width, s.height, s.millimetres, s.title, scene::alt_text(s));
        {
            CairoPtr cr{cairo_create(surface.get())};
            attach_svg_sink(cr.get(), &sink);
            draw(cr.get(), s, style, basemap);
        }
        return sink.finish();
    }
    // Layout pixels are 1/96 inch: a PNG at a higher dpi draws everything larger in the same
    // proportions; a PDF asked in millimetres keeps that size in points.
    const auto draw_scaled = [&](cairo_surface_t* surface, double scale) {
        CairoPtr cr{cairo_create(surface)};
        cairo_scale(cr.get(), scale, scale);
        draw(cr.get(), s, style, basemap);
    };
    if (format == Format::Png) {
        const double scale = s.dpi / 96.0;
        SurfacePtr surface = canvas(static_cast<int>(std::lround(s.width * scale)), static_cast<int>(std::lround(s.height * scale)));
        check(surface.get(), what);
        draw_scaled(surface.get(), scale);
        return png_bytes(surface.get(), what);
    }
    std::string pdf;
    const double scale = s.millimetres ? 72.0 / 96.0 : 1.0;
    SurfacePtr surface{cairo_pdf_surface_create_for_stream(append_to_string, &pdf, s.width * scale, s.height * scale)};
    check(surface.get(), what);
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "frontmap");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, s.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, scene::alt_text(s).c_str());
    draw_scaled(surface.get(), scale);
    cairo_surface_finish(surface.get());
    check(surface.get(), what);
    return pdf;
}

void render(const scene::Scene& s, const style::Style& style, const io::Basemap& basemap, const std::filesystem::path& output) {
    const Format format = format_for(output);
    io::write_file_atomically(output, render_bytes(s, style, basemap, format));
}

}  // namespace frontmap::render
