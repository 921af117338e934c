#include "io/basemap.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"

#include <geos_c.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <span>
#include <string_view>

namespace frontmap::io {

static_assert(sizeof(LonLat) == 2 * sizeof(double), "GEOS copies coordinates straight into a Path");

// One GEOS context per Basemap, as a Basemap serves one thread at a time.
class Basemap::Geos {
public:
    Geos() : handle_(GEOS_init_r()), reader_(handle_ ? GEOSWKBReader_create_r(handle_) : nullptr) {
        if (!handle_ || !reader_) throw DataError("cannot read the basemap", "GEOS could not start");
        // Errors are reported by what the calls return, with our own words.
        GEOSContext_setErrorMessageHandler_r(handle_, nullptr, nullptr);
        GEOSContext_setNoticeMessageHandler_r(handle_, nullptr, nullptr);
    }
    ~Geos() {
        GEOSWKBReader_destroy_r(handle_, reader_);
        GEOS_finish_r(handle_);
    }
    Geos(const Geos&) = delete;
    Geos& operator=(const Geos&) = delete;
    Geos(Geos&&) = delete;
    Geos& operator=(Geos&&) = delete;

    [[nodiscard]] GEOSContextHandle_t handle() const { return handle_; }
    // A geometry of the context's own, or null for WKB GEOS cannot read.
    [[nodiscard]] GEOSGeometry* read(std::span<const unsigned char> wkb) const { return GEOSWKBReader_read_r(handle_, reader_, wkb.data(), wkb.size()); }

private:
    GEOSContextHandle_t handle_;
    GEOSWKBReader* reader_;
};

namespace {

// A GEOS geometry owned by its context.
class Geometry {
public:
    Geometry(GEOSContextHandle_t h, GEOSGeometry* g) : h_(h), g_(g) {}
    ~Geometry() {
        if (g_) GEOSGeom_destroy_r(h_, g_);
    }
    Geometry(const Geometry&) = delete;
    Geometry& operator=(const Geometry&) = delete;
    Geometry(Geometry&&) = delete;
    Geometry& operator=(Geometry&&) = delete;
    [[nodiscard]] GEOSGeometry* get() const { return g_; }
    explicit operator bool() const { return g_ != nullptr; }

private:
    GEOSContextHandle_t h_;
    GEOSGeometry* g_;
};

struct Envelope {
    BBox box;
    bool known = false;
    [[nodiscard]] bool meets(const BBox& b) const { return !known || box.intersects(b); }
    [[nodiscard]] bool within(const BBox& b) const { return known && b.contains(box); }
};

// The WKB inside a GeoPackage geometry blob (GeoPackage 1.3, 2.1.3): after the magic "GP", a
// version, flags, the SRS id and an optional envelope. Empty for an empty or foreign blob.
std::span<const unsigned char> wkb_of(std::span<const unsigned char> blob, Envelope& envelope) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P') return {};
    const unsigned flags = blob[3];
    if ((flags & 0x10) != 0U) return {};  // an empty geometry
    constexpr std::array<size_t, 5> kEnvelopeBytes{0, 32, 48, 48, 64};
    const unsigned kind = (flags >> 1) & 0x7;
    if (kind >= kEnvelopeBytes.size() || blob.size() < 8 + kEnvelopeBytes[kind]) return {};
    const bool little_endian = (flags & 0x1) != 0U;
    if (kind > 0 && little_endian && std::endian::native == std::endian::little) {
        std::array<double, 4> xy{};
        std::memcpy(xy.data(), blob.data() + 8, sizeof xy);  // minx, maxx, miny, maxy
        envelope = {{xy[0], xy[2], xy[1], xy[3]}, true};
    }
    return blob.subspan(8 + kEnvelopeBytes[kind]);
}

void append_sequence(GEOSContextHandle_t h, const GEOSCoordSequence* seq, std::vector<Path>& parts) {
    unsigned int n = 0;
    if (!seq || (GEOSCoordSeq_getSize_r(h, seq, &n) == 0)) return;
    Path path(n);
    if (n > 0 && (GEOSCoordSeq_copyToBuffer_r(h, seq, &path.data()->lon, 0, 0) == 0)) return;
    parts.push_back(std::move(path));
}

// Lines and rings in the order OGR gave them: a polygon's outer ring, then its holes.
void append_parts(GEOSContextHandle_t h, const GEOSGeometry* g, std::vector<Path>& parts) {
    switch (GEOSGeomTypeId_r(h, g)) {
        case GEOS_POINT:
        case GEOS_LINESTRING:
        case GEOS_LINEARRING: append_sequence(h, GEOSGeom_getCoordSeq_r(h, g), parts); return;
        case GEOS_POLYGON: {
            append_parts(h, GEOSGetExteriorRing_r(h, g), parts);
            const int holes = GEOSGetNumInteriorRings_r(h, g);
            for (int i = 0; i < holes; ++i) append_parts(h, GEOSGetInteriorRingN_r(h, g, i), parts);
            return;
        }
        default: {
            const int n = GEOSGetNumGeometries_r(h, g);
            for (int i = 0; i < n; ++i) append_parts(h, GEOSGetGeometryN_r(h, g, i), parts);
        }
    }
}

Envelope bounds_of(const std::vector<Path>& parts) {
    Envelope e{BBox::none(), true};
    for (const auto& part : parts) e.box = grown(e.box, part);
    return e;
}

GEOSGeometry* box_polygon(GEOSContextHandle_t h, const BBox& b) { return GEOSGeom_createRectangle_r(h, b.west(), b.south(), b.east(), b.north()); }

std::string sql_identifier(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The attributes a feature may carry, in the columns query() selects after the geometry.
constexpr std::array<std::string_view, 6> kAttributes{"name", "country", "feature_code", "level", "population", "importance"};

}  // namespace

BBox grown(BBox box, const Path& path) {
    for (const auto& v : path) box.expand(v.lon, v.lat);
    return box;
}

Basemap::Basemap(const std::filesystem::path& file) : file_(file) {
    if (!std::filesystem::exists(file))
        throw DataError("cannot open basemap " + file.string(), "no such file (run tools/setup.sh to build it)");
    db_ = sqlite::open(file.string(), false, "basemap");
    try {
        sqlite::Statement tables(db_.get(), "SELECT table_name, column_name FROM gpkg_geometry_columns");
        while (tables.step()) layers_[tables.text(0)] = {tables.text(0), tables.text(1), {}, {}};
        for (auto& [name, layer] : layers_) {
            sqlite::Statement columns(db_.get(), "SELECT name FROM pragma_table_info(?1)");
            columns.bind(1, name);
            while (columns.step()) layer.columns.push_back(columns.text(0));
            const std::string rtree = "rtree_" + name + "_" + layer.geometry;
            sqlite::Statement index(db_.get(), "SELECT 1 FROM sqlite_master WHERE name = ?1");
            index.bind(1, rtree);
            if (index.step()) layer.rtree = rtree;
        }
    } catch (const DataError& e) {
        throw DataError("cannot open basemap " + file.string(), "it is not a GeoPackage (" + e.reason() + ")");
    }
    geos_ = std::make_unique<Geos>();
}

Basemap::~Basemap() = default;
Basemap::Basemap(Basemap&&) noexcept = default;
Basemap& Basemap::operator=(Basemap&&) noexcept = default;

bool Basemap::has_layer(const std::string& layer) const { return layers_.contains(layer); }

const Basemap::Layer& Basemap::layer_named(const std::string& name) const {
    const auto it = layers_.find(name);
    if (it == layers_.end()) throw DataError("basemap " + file_.string(), "has no layer '" + name + "' (run tools/setup.sh again)");
    return it->second;
}

// The layer's geometry and attributes (NULL for those it lacks) of the features whose index box
// meets ?1..?4 (west, south, east, north), in the order of their ids.
sqlite::Statement& Basemap::query(const Layer& layer, const std::string& where) const {
    auto& stmt = statements_[layer.table + '\n' + where];
    if (!stmt) {
        std::string sql = "SELECT " + sql_identifier(layer.geometry);
        for (const std::string_view a : kAttributes)
            sql += std::find(layer.columns.begin(), layer.columns.end(), a) != layer.columns.end() ? ", " + sql_identifier(a) : ", NULL";
        sql += " FROM " + sql_identifier(layer.table) + " WHERE ";
        sql += layer.rtree.empty() ? "?1 IS NOT NULL AND ?2 IS NOT NULL AND ?3 IS NOT NULL AND ?4 IS NOT NULL"
                                   : "fid IN (SELECT id FROM " + sql_identifier(layer.rtree) + " WHERE maxx >= ?1 AND minx <= ?3 AND maxy >= ?2 AND miny <= ?4)";
        if (!where.empty()) sql += " AND (" + where + ")";
        try {
            stmt = std::make_unique<sqlite::Statement>(db_.get(), sql);
        } catch (const DataError& e) {
            throw DataError("basemap " + file_.string(), "bad filter '" + where + "' on layer " + layer.table + ": " + e.reason());
        }
    }
    return *stmt;
}

sqlite::Statement& Basemap::features_in(const std::string& layer_name, const BBox& bbox, const std::string& where) const {
    sqlite::Statement& q = query(layer_named(layer_name), where);
    q.reset();
    q.bind(1, bbox.west()).bind(2, bbox.south()).bind(3, bbox.east()).bind(4, bbox.north());
    return q;
}

std::vector<BasemapFeature> Basemap::read(const std::string& layer_name, const BBox& bbox, const std::string& where) const {
    sqlite::Statement& q = features_in(layer_name, bbox, where);
    GEOSContextHandle_t h = geos_->handle();
    std::vector<BasemapFeature> out;
    while (q.step()) {
        Envelope envelope;
        const auto wkb = wkb_of(q.blob(0), envelope);
        if (wkb.empty() || !envelope.meets(bbox)) continue;
        const Geometry g{h, geos_->read(wkb)};
        if (!g) continue;
        BasemapFeature f;
        append_parts(h, g.get(), f.parts);
        // A blob without an envelope (GDAL writes none for a point) is tested by its coordinates.
        if (f.parts.empty() || (!envelope.known && !bounds_of(f.parts).meets(bbox))) continue;
        f.name = q.text(1);
        f.country = q.text(2);
        f.feature_code = q.text(3);
        f.level = static_cast<int>(q.integer(4));
        f.population = q.integer(5);
        f.importance = q.real(6);
        out.push_back(std::move(f));
    }
    q.reset();
    return out;
}

bool Basemap::has_features(const std::string& layer_name, const BBox& bbox) const {
    if (!has_layer(layer_name)) return false;
    sqlite::Statement& q = features_in(layer_name, bbox, "");
    GEOSContextHandle_t h = geos_->handle();
    const Geometry box{h, box_polygon(h, bbox)};
    bool found = false;
    // A feature whose box lies inside answers at once; one only near the map is tested exactly.
    while (!found && q.step()) {
        Envelope envelope;
        const auto wkb = wkb_of(q.blob(0), envelope);
        if (wkb.empty() || !envelope.meets(bbox)) continue;
        if (envelope.within(bbox)) {
            found = true;
            break;
        }
        const Geometry g{h, geos_->read(wkb)};
        found = g && GEOSIntersects_r(h, g.get(), box.get()) == 1;
    }
    q.reset();
    return found;
}

std::vector<Basemap::AreaLabel> Basemap::area_labels(const std::string& layer_name, const BBox& bbox) const {
    std::vector<AreaLabel> out;
    if (!has_layer(layer_name)) return out;
    sqlite::Statement& q = features_in(layer_name, bbox, "");
    GEOSContextHandle_t h = geos_->handle();
    const Geometry box{h, box_polygon(h, bbox)};
    double box_area = 0;
    GEOSArea_r(h, box.get(), &box_area);
    while (q.step()) {
        Envelope envelope;
        const auto wkb = wkb_of(q.blob(0), envelope);
        if (wkb.empty() || !envelope.meets(bbox) || q.is_null(1)) continue;
        const Geometry g{h, geos_->read(wkb)};
        if (!g) continue;
        const Geometry inside{h, GEOSIntersection_r(h, g.get(), box.get())};
        if (!inside || GEOSisEmpty_r(h, inside.get()) != 0) continue;
        const Geometry point{h, GEOSPointOnSurface_r(h, inside.get())};
        double x = 0;
        double y = 0;
        double area = 0;
        if (!point || GEOSisEmpty_r(h, point.get()) != 0 || (GEOSGeomGetX_r(h, point.get(), &x) == 0) || (GEOSGeomGetY_r(h, point.get(), &y) == 0)) continue;
        GEOSArea_r(h, inside.get(), &area);
        out.push_back({q.text(1), {x, y}, box_area > 0 ? area / box_area : 0.0});
    }
    q.reset();
    return out;
}

}  // namespace frontmap::io
