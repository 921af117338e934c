#pragma once
// From longitude/latitude to the pixels of a map: a PROJ projection, then a scale and offset that
// fit the projected view into a box of the canvas.
#include "common/bbox.hpp"
#include "common/proj.hpp"

#include <string>
#include <vector>

namespace frontmap::scene {

struct Point {
    double x = 0.0, y = 0.0;
};

struct Box {
    double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
    [[nodiscard]] double right() const { return x + w; }
    [[nodiscard]] double bottom() const { return y + h; }
    [[nodiscard]] bool intersects(const Box& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
    [[nodiscard]] bool contains(const Box& o) const { return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom(); }
    [[nodiscard]] bool contains(const Point& p) const { return p.x >= x && p.x <= right() && p.y >= y && p.y <= bottom(); }
};

// A conformal projection centred on an extent: oblique stereographic, which keeps shapes and
// angles true around the centre at any latitude.
std::string conformal_crs_for(const BBox& extent);

class Projector {
public:
    // `crs`: a PROJ string or "EPSG:n"; `view`: the projected box shown in `box`.
    Projector(const std::string& crs, const BBox& view, const Box& box);

    // Fits the view to `box` around the projected lon/lat extent, keeping the box's aspect.
    static BBox fit_view(const std::string& crs, const BBox& extent, const Box& box);
    // Whether every point of the lon/lat box has a position in `crs` (sampled on a grid): Mercator
    // has none at the poles, a stereographic projection none at its antipode.
    static bool projects_everywhere(const std::string& crs, const BBox& extent);

    [[nodiscard]] Point to_pixel(double lon, double lat) const;
    // Projects many points at once (much faster than one by one); non-finite results are NaN.
    void to_pixels(const double* lon_lat, size_t count, std::vector<Point>& out) const;
    // lon, lat of a pixel.
    [[nodiscard]] std::pair<double, double> to_lon_lat(const Point& pixel) const;

    [[nodiscard]] const Box& box() const { return box_; }
    [[nodiscard]] const BBox& view() const { return view_; }
    // Projected units (metres) per pixel.
    [[nodiscard]] double scale() const { return scale_; }

private:
    proj::ContextPtr ctx_;
    proj::PjPtr pj_;
    BBox view_;
    Box box_;
    double scale_ = 1.0;
};

}  // namespace frontmap::scene
