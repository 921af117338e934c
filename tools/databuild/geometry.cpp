#include "geometry.hpp"

#include "common/error.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>
#include <string>

namespace frontmap::databuild {

std::vector<Segment> read_gmt_segments(std::istream& in) {
    std::vector<Segment> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (line[0] == '>') {
            Segment s;
            const auto pos = line.rfind("Level ");
            if (pos != std::string::npos) s.level = std::atoi(line.c_str() + pos + 6);
            out.push_back(std::move(s));
            continue;
        }
        if (out.empty()) continue;
        char* end = nullptr;
        const double lon = std::strtod(line.c_str(), &end);
        const double lat = std::strtod(end, nullptr);
        out.back().points.push_back({lon, lat});
    }
    std::erase_if(out, [](const Segment& s) { return s.points.size() < 2; });
    return out;
}

namespace {

void add_parts(OGRGeometryH to, OGRGeometryH geometry, OGRwkbGeometryType part) {
    if (wkbFlatten(OGR_G_GetGeometryType(geometry)) == part) {
        gdal::check(OGR_G_AddGeometry(to, geometry), "cannot collect a geometry's parts");
        return;
    }
    for (int i = 0; i < OGR_G_GetGeometryCount(geometry); ++i) add_parts(to, OGR_G_GetGeometryRef(geometry, i), part);
}

struct GeosContext {
    GEOSContextHandle_t handle = GEOS_init_r();
    GeosContext() = default;
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GeosContext(GeosContext&&) = delete;
    GeosContext& operator=(GeosContext&&) = delete;
    ~GeosContext() { GEOS_finish_r(handle); }
};

// GEOS's line merge, which OGR does not expose: the geometry goes over as WKB and comes back so.
gdal::GeometryPtr merge_lines(OGRGeometryH lines) {
    const GeosContext geos;
    std::vector<unsigned char> wkb(static_cast<size_t>(OGR_G_WkbSize(lines)));
    if (OGR_G_ExportToWkb(lines, wkbNDR, wkb.data()) != OGRERR_NONE) return nullptr;
    GEOSGeometry* in = GEOSGeomFromWKB_buf_r(geos.handle, wkb.data(), wkb.size());
    if (!in) return nullptr;
    GEOSGeometry* merged = GEOSLineMerge_r(geos.handle, in);
    GEOSGeom_destroy_r(geos.handle, in);
    if (!merged) return nullptr;
    size_t size = 0;
    unsigned char* out = GEOSGeomToWKB_buf_r(geos.handle, merged, &size);
    GEOSGeom_destroy_r(geos.handle, merged);
    if (!out) return nullptr;
    OGRGeometryH result = nullptr;
    const OGRErr err = OGR_G_CreateFromWkbEx(out, nullptr, &result, size);
    GEOSFree_r(geos.handle, out);
    return err == OGRERR_NONE ? gdal::GeometryPtr{result} : nullptr;
}

bool same(const LonLat& a, const LonLat& b) {
    return std::abs(a.lon - b.lon) < 1e-7 && std::abs(a.lat - b.lat) < 1e-7;
}

void close_along_edge(Path& path) {
    const LonLat first = path.front();
    const LonLat last = path.back();
    const bool first_on_dateline = std::abs(std::abs(first.lon) - 180.0) < 1e-6;
    const bool last_on_dateline = std::abs(std::abs(last.lon) - 180.0) < 1e-6;
    if (first_on_dateline && last_on_dateline && first.lon * last.lon < 0) {
        // Antarctica: the ring goes round the pole.
        path.push_back({last.lon, -90.0});
        path.push_back({first.lon, -90.0});
    }
    path.push_back(first);
}

Path path_of(OGRGeometryH line) {
    Path path;
    const int n = OGR_G_GetPointCount(line);
    path.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) path.push_back({OGR_G_GetX(line, i), OGR_G_GetY(line, i)});
    return path;
}

// One level's segments joined where their ends meet, which GEOS matches exactly: GMT prints them
// with the same digits on both sides of a bin edge. GEOS gives one line back as a LineString.
std::vector<Path> merged_paths(const std::vector<const Path*>& segments) {
    const gdal::GeometryPtr lines{OGR_G_CreateGeometry(wkbMultiLineString)};
    if (!lines) throw GeoError("cannot collect shoreline segments", gdal::last_error());
    for (const Path* s : segments) gdal::check(OGR_G_AddGeometryDirectly(lines.get(), make_line(*s).release()), "cannot collect shoreline segments");
    const gdal::GeometryPtr merged = merge_lines(lines.get());
    if (!merged) throw GeoError("cannot join shoreline segments", "GEOS's line merge failed");
    if (wkbFlatten(OGR_G_GetGeometryType(merged.get())) == wkbLineString) return {path_of(merged.get())};
    const int n = OGR_G_GetGeometryCount(merged.get());
    std::vector<Path> paths;
    paths.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) paths.push_back(path_of(OGR_G_GetGeometryRef(merged.get(), i)));
    return paths;
}

}  // namespace

std::vector<Segment> build_rings(const std::vector<Segment>& segments) {
    std::vector<Segment> rings;
    std::map<int, std::vector<const Path*>> open_by_level;
    for (const Segment& s : segments) {
        // A closed segment is a ring already. Kept out of the merge, it cannot break a chain:
        // GSHHG has zero-width closed ones (there and back) at bin corners, where a merge would
        // see three lines meet and stop.
        if (!same(s.points.front(), s.points.back())) open_by_level[s.level].push_back(&s.points);
        else if (s.points.size() >= 4) rings.push_back(s);
    }
    for (const auto& [level, paths] : open_by_level) {
        for (Path& path : merged_paths(paths)) {
            if (!same(path.front(), path.back())) close_along_edge(path);
            if (path.size() >= 4) rings.push_back({level, std::move(path)});
        }
    }
    return rings;
}

gdal::GeometryPtr make_line(const Path& path) {
    gdal::GeometryPtr g{OGR_G_CreateGeometry(wkbLineString)};
    if (!g) throw GeoError("cannot make a line", gdal::last_error());
    for (const auto& p : path) OGR_G_AddPoint_2D(g.get(), p.lon, p.lat);
    return g;
}

namespace {

gdal::GeometryPtr polygons_of(OGRGeometryH geometry) {
    gdal::GeometryPtr polygons{OGR_G_CreateGeometry(wkbMultiPolygon)};
    if (!polygons) throw GeoError("cannot make a multipolygon", gdal::last_error());
    // GEOS gives an empty polygon where a tile misses the area.
    if (OGR_G_IsEmpty(geometry) == 0) add_parts(polygons.get(), geometry, wkbPolygon);
    return polygons;
}

gdal::GeometryPtr polygon_of(const Path& ring) {
    gdal::GeometryPtr polygon{OGR_G_CreateGeometry(wkbPolygon)};
    gdal::GeometryPtr r{OGR_G_CreateGeometry(wkbLinearRing)};
    if (!polygon || !r) throw GeoError("cannot make a polygon", gdal::last_error());
    for (const auto& p : ring) OGR_G_AddPoint_2D(r.get(), p.lon, p.lat);
    gdal::check(OGR_G_AddGeometryDirectly(polygon.get(), r.release()), "cannot make a polygon of a ring");
    return polygon;
}

}  // namespace

gdal::GeometryPtr shore_polygon(const Path& ring) {
    const gdal::GeometryPtr polygon = polygon_of(ring);
    if (OGR_G_IsValid(polygon.get()) != 0) return polygons_of(polygon.get());
    const gdal::GeometryPtr valid{OGR_G_MakeValid(polygon.get())};
    if (!valid) throw GeoError("cannot make a shoreline ring valid", gdal::last_error());
    return polygons_of(valid.get());
}

gdal::GeometryPtr clip_to_box(OGRGeometryH area, const BBox& box) {
    const gdal::GeometryPtr tile = polygon_of({{box.west(), box.south()}, {box.east(), box.south()}, {box.east(), box.north()}, {box.west(), box.north()}, {box.west(), box.south()}});
    const gdal::GeometryPtr inside{OGR_G_Intersection(area, tile.get())};
    if (!inside) throw GeoError("cannot cut a shoreline polygon into tiles", gdal::last_error());
    return polygons_of(inside.get());
}

BBox bounds(const Path& path) { return io::grown(BBox::world_none(), path); }

gdal::GeometryPtr inner_boundaries(const std::vector<OGRGeometryH>& areas) {
    gdal::GeometryPtr all{OGR_G_CreateGeometry(wkbMultiPolygon)};
    gdal::GeometryPtr edges{OGR_G_CreateGeometry(wkbMultiLineString)};
    for (OGRGeometryH area : areas) {
        const gdal::GeometryPtr valid{OGR_G_MakeValid(area)};
        if (!valid) continue;
        // Made valid, a unit may come back as a collection with stray lines or points, which
        // have no boundary: only its polygons count.
        const gdal::GeometryPtr polygons{OGR_G_CreateGeometry(wkbMultiPolygon)};
        add_parts(polygons.get(), valid.get(), wkbPolygon);
        add_parts(all.get(), polygons.get(), wkbPolygon);
        const gdal::GeometryPtr boundary{OGR_G_Boundary(polygons.get())};
        if (boundary) add_parts(edges.get(), boundary.get(), wkbLineString);
    }
    const gdal::GeometryPtr merged{OGR_G_UnionCascaded(all.get())};
    const gdal::GeometryPtr outline{merged ? OGR_G_Boundary(merged.get()) : nullptr};
    // A hair's breadth round the outline, so edges that lie on it go whatever the rounding.
    constexpr double kOnOutlineDegrees = 1e-7;
    const gdal::GeometryPtr margin{outline ? OGR_G_Buffer(outline.get(), kOnOutlineDegrees, 2) : nullptr};
    if (!margin) return nullptr;
    const gdal::GeometryPtr inner{OGR_G_Difference(edges.get(), margin.get())};
    // Each shared edge came once from each side: the union with itself keeps one, cut at every
    // vertex, so the pieces are merged back into lines (else a dash pattern restarts at each).
    const gdal::GeometryPtr once{inner ? OGR_G_Union(inner.get(), inner.get()) : nullptr};
    return once ? merge_lines(once.get()) : nullptr;
}

}  // namespace frontmap::databuild
