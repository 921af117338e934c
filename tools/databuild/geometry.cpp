#include "geometry.hpp"

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

// Endpoints are matched on a 1e-7 degree grid: GMT prints them with the same digits on both
// sides of a bin edge.
using Key = std::tuple<int, long long, long long>;
Key key_of(int level, const LonLat& p) {
    return {level, std::llround(p.lon * 1e7), std::llround(p.lat * 1e7)};
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

}  // namespace

std::vector<Segment> build_rings(std::vector<Segment> segments) {
    std::vector<Segment> rings;
    std::map<Key, size_t> by_start;
    std::map<Key, size_t> by_end;
    std::vector<bool> used(segments.size(), false);
    for (size_t i = 0; i < segments.size(); ++i) {
        if (same(segments[i].points.front(), segments[i].points.back())) {
            rings.push_back(std::move(segments[i]));
            used[i] = true;
        } else {
            by_start.emplace(key_of(segments[i].level, segments[i].points.front()), i);
            by_end.emplace(key_of(segments[i].level, segments[i].points.back()), i);
        }
    }
    auto take = [&](size_t j) {
        used[j] = true;
        by_start.erase(key_of(segments[j].level, segments[j].points.front()));
        by_end.erase(key_of(segments[j].level, segments[j].points.back()));
    };
    for (size_t i = 0; i < segments.size(); ++i) {
        if (used[i]) continue;
        take(i);
        Path chain = segments[i].points;
        const int level = segments[i].level;
        // Grow at the tail, then at the head: the pieces of one ring come in any order.
        while (!same(chain.front(), chain.back())) {
            auto next = by_start.find(key_of(level, chain.back()));
            if (next == by_start.end()) break;
            const size_t j = next->second;
            take(j);
            chain.insert(chain.end(), segments[j].points.begin() + 1, segments[j].points.end());
        }
        while (!same(chain.front(), chain.back())) {
            auto prev = by_end.find(key_of(level, chain.front()));
            if (prev == by_end.end()) break;
            const size_t j = prev->second;
            take(j);
            chain.insert(chain.begin(), segments[j].points.begin(), segments[j].points.end() - 1);
        }
        if (!same(chain.front(), chain.back())) close_along_edge(chain);
        if (chain.size() >= 4) rings.push_back({level, std::move(chain)});
    }
    return rings;
}

namespace {

template <typename Inside, typename Cross>
Path clip_edge(const Path& in, Inside inside, Cross cross) {
    Path out;
    if (in.empty()) return out;
    out.reserve(in.size() + 4);
    LonLat prev = in.back();
    bool prev_in = inside(prev);
    for (const LonLat& cur : in) {
        const bool cur_in = inside(cur);
        if (cur_in != prev_in) out.push_back(cross(prev, cur));
        if (cur_in) out.push_back(cur);
        prev = cur;
        prev_in = cur_in;
    }
    return out;
}

LonLat at_lon(const LonLat& a, const LonLat& b, double lon) {
    const double t = (lon - a.lon) / (b.lon - a.lon);
    return {lon, a.lat + t * (b.lat - a.lat)};
}
LonLat at_lat(const LonLat& a, const LonLat& b, double lat) {
    const double t = (lat - a.lat) / (b.lat - a.lat);
    return {a.lon + t * (b.lon - a.lon), lat};
}

}  // namespace

Path clip_ring(const Path& ring, const io::BBox& box) {
    Path open(ring.begin(), ring.end() - (ring.size() > 1 && same(ring.front(), ring.back()) ? 1 : 0));
    open = clip_edge(open, [&](const LonLat& p) { return p.lon >= box.west; }, [&](auto a, auto b) { return at_lon(a, b, box.west); });
    open = clip_edge(open, [&](const LonLat& p) { return p.lon <= box.east; }, [&](auto a, auto b) { return at_lon(a, b, box.east); });
    open = clip_edge(open, [&](const LonLat& p) { return p.lat >= box.south; }, [&](auto a, auto b) { return at_lat(a, b, box.south); });
    open = clip_edge(open, [&](const LonLat& p) { return p.lat <= box.north; }, [&](auto a, auto b) { return at_lat(a, b, box.north); });
    if (open.size() < 3) return {};
    open.push_back(open.front());
    return open;
}

io::BBox bounds(const Path& path) {
    io::BBox b{180, 90, -180, -90};
    for (const LonLat& p : path) {
        b.west = std::min(b.west, p.lon);
        b.east = std::max(b.east, p.lon);
        b.south = std::min(b.south, p.lat);
        b.north = std::max(b.north, p.lat);
    }
    return b;
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

}  // namespace

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
