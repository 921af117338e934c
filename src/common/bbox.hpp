#pragma once
// The one axis-aligned bounding box every stage uses: a lon/lat extent, a projected view (metres)
// or a box of pixels, each as its least and greatest x and y. Files keep their own forms (a
// GeoJSON "bbox" list, the gazetteer's stored extent, --bbox W,S,E,N): they are turned into a
// BBox where they are read and back where they are written.
#include <algorithm>
#include <limits>

namespace frontmap {

struct BBox {
    double min_x = 0.0, min_y = 0.0, max_x = 0.0, max_y = 0.0;

    bool operator==(const BBox&) const = default;

    // Boxes that hold nothing yet, turned inside out (least above greatest) so that the first
    // point they are grown by becomes them. none() is any box's; world_none() a lon/lat
    // extent's, the world inside out, for extents whose sides stay in degrees even when
    // nothing grew them.
    [[nodiscard]] static constexpr BBox none() {
        constexpr double kMax = std::numeric_limits<double>::max();
        return {kMax, kMax, -kMax, -kMax};
    }
    [[nodiscard]] static constexpr BBox world_none() { return {180, 90, -180, -90}; }

    // A lon/lat extent's sides.
    [[nodiscard]] double west() const { return min_x; }
    [[nodiscard]] double south() const { return min_y; }
    [[nodiscard]] double east() const { return max_x; }
    [[nodiscard]] double north() const { return max_y; }

    [[nodiscard]] double width() const { return max_x - min_x; }
    [[nodiscard]] double height() const { return max_y - min_y; }

    // Edges count as inside: a point on the border of an area lies in it.
    [[nodiscard]] bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
    [[nodiscard]] bool contains(const BBox& o) const { return o.min_x >= min_x && o.max_x <= max_x && o.min_y >= min_y && o.max_y <= max_y; }
    // Boxes that share only an edge meet.
    [[nodiscard]] bool intersects(const BBox& o) const { return max_x >= o.min_x && min_x <= o.max_x && max_y >= o.min_y && min_y <= o.max_y; }

    // Grows the box to take in a point.
    void expand(double x, double y) {
        min_x = std::min(min_x, x);
        max_x = std::max(max_x, x);
        min_y = std::min(min_y, y);
        max_y = std::max(max_y, y);
    }
    // Grows the box to take in another's two corners (its west-south and east-north), so an
    // extent whose west lies east of its east still grows the box by those two points.
    void expand(const BBox& o) {
        expand(o.min_x, o.min_y);
        expand(o.max_x, o.max_y);
    }
};

}  // namespace frontmap
