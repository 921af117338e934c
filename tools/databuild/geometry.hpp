#pragma once
// Geometry steps of the basemap build: reading GMT's segment dumps, rebuilding closed shorelines
// from GSHHG's bin-clipped segments, cutting big polygons into tiles so a map reads only the
// pieces it shows, and (with GEOS, through OGR) the lines between admin-1 units.
#include "io/basemap.hpp"
#include "io/gdal.hpp"

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

// Joins the segments of each level whose ends meet into longer paths (GEOS's line merge) and
// closes every path that comes back to its start. Paths that stay open end on the dateline or a
// pole (Eurasia, Antarctica), which GEOS cannot know: they are closed along the map edge, through
// the south pole when their ends lie on opposite sides of the dateline. Throws GeoError when GEOS
// fails.
std::vector<Segment> build_rings(const std::vector<Segment>& segments);

// A path as an OGR line string.
gdal::GeometryPtr make_line(const Path& path);

// The polygon a closed ring bounds, always a MultiPolygon: a ring that crosses or touches itself
// is made valid first (then it may be several polygons), as GEOS's overlays need valid input.
// Each ring makes its own polygon rather than being polygonized with the others: GSHHG's levels
// nest (land, lake, island in a lake, pond), and the map paints each level over the one before.
// Throws GeoError when OGR or GEOS fails.
gdal::GeometryPtr shore_polygon(const Path& ring);

// The polygons of `area` inside the box (GEOS's intersection), always a MultiPolygon, empty when
// they do not meet: the lines and points where the box only touches `area` are dropped. Throws
// GeoError when GEOS fails.
gdal::GeometryPtr clip_to_box(OGRGeometryH area, const BBox& box);

// The lines between neighbouring areas (one country's admin-1 units), each once, without the
// edge of their union (the coast, the country's border): a map strokes these rather than every
// unit's ring, which drew each shared edge twice and a second, grey coastline. Null when GEOS
// fails on the areas.
gdal::GeometryPtr inner_boundaries(const std::vector<OGRGeometryH>& areas);

// Bounding box of a path.
BBox bounds(const Path& path);

}  // namespace frontmap::databuild
