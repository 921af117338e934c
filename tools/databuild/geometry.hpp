#pragma once
// Geometry steps of the basemap build that need no library: reading GMT's segment dumps,
// rebuilding closed shorelines from GSHHG's bin-clipped segments, and cutting big polygons into
// tiles so a map reads only the pieces it shows.
#include "io/basemap.hpp"

#include <istream>
#include <vector>

namespace frontmap::databuild {

using io::LonLat;
using io::Path;

struct Segment {
    int level = 0;
    Path points;
};

// Reads `gmt coast -M` output: '>' headers ending in "Level N", then "lon lat" lines.
std::vector<Segment> read_gmt_segments(std::istream& in);

// Joins open segments of the same level whose ends meet into longer paths, and closes every
// path that comes back to its start. Paths that stay open end on the dateline or a pole
// (Eurasia, Antarctica): they are closed along the map edge, through the south pole when
// their ends lie on opposite sides of the dateline.
std::vector<Segment> build_rings(std::vector<Segment> segments);

// Sutherland-Hodgman clip of a closed ring to an axis-aligned box. The result may contain
// zero-width spurs along the box edge; they fill no area, so a filled path is unchanged.
Path clip_ring(const Path& ring, const io::BBox& box);

// Bounding box of a path.
io::BBox bounds(const Path& path);

}  // namespace frontmap::databuild
