#include "build.hpp"

#include "common/error.hpp"
#include "common/handle.hpp"
#include "geometry.hpp"
#include "io/gdal.hpp"
#include "sources.hpp"

#include <ogr_srs_api.h>

#include <cmath>
#include <fstream>
#include <iostream>
#include <map>

namespace frontmap::databuild {

namespace {

using SrsPtr = Handle<std::remove_pointer_t<OGRSpatialReferenceH>, OSRDestroySpatialReference>;

enum class Field { Name, Country, FeatureCode, Level, Population, Importance };

// One output layer of the GeoPackage, written inside a transaction.
class LayerWriter {
public:
    LayerWriter(GDALDatasetH ds, const std::string& name, OGRwkbGeometryType type, std::vector<Field> fields)
        : fields_(std::move(fields)) {
        SrsPtr srs{OSRNewSpatialReference(nullptr)};
        gdal::check(OSRImportFromEPSG(srs.get(), 4326), "cannot set the CRS of layer " + name);
        OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
        layer_ = GDALDatasetCreateLayer(ds, name.c_str(), srs.get(), type, nullptr);
        if (!layer_) throw GeoError("cannot create basemap layer " + name, gdal::last_error());
        for (Field f : fields_) {
            const auto [fname, ftype] = describe(f);
            gdal::FieldDefnPtr defn{OGR_Fld_Create(fname, ftype)};
            gdal::check(OGR_L_CreateField(layer_, defn.get(), TRUE), "cannot add field " + std::string(fname) + " to layer " + name);
        }
    }

    struct Values {
        std::string name, country, feature_code;
        int level = 0;
        long long population = 0;
        double importance = 0.0;
    };

    void add(OGRGeometryH geom, const Values& v) {
        gdal::FeaturePtr f{OGR_F_Create(OGR_L_GetLayerDefn(layer_))};
        int i = 0;
        for (Field field : fields_) {
            switch (field) {
                case Field::Name: OGR_F_SetFieldString(f.get(), i, v.name.c_str()); break;
                case Field::Country: OGR_F_SetFieldString(f.get(), i, v.country.c_str()); break;
                case Field::FeatureCode: OGR_F_SetFieldString(f.get(), i, v.feature_code.c_str()); break;
                case Field::Level: OGR_F_SetFieldInteger(f.get(), i, v.level); break;
                case Field::Population: OGR_F_SetFieldInteger64(f.get(), i, v.population); break;
                case Field::Importance: OGR_F_SetFieldDouble(f.get(), i, v.importance); break;
            }
            ++i;
        }
        gdal::check(OGR_F_SetGeometry(f.get(), geom), "cannot set a basemap feature's geometry");
        if (OGR_L_CreateFeature(layer_, f.get()) != OGRERR_NONE) throw GeoError("cannot write basemap feature", gdal::last_error());
    }

private:
    static std::pair<const char*, OGRFieldType> describe(Field f) {
        switch (f) {
            case Field::Name: return {"name", OFTString};
            case Field::Country: return {"country", OFTString};
            case Field::FeatureCode: return {"feature_code", OFTString};
            case Field::Level: return {"level", OFTInteger};
            case Field::Population: return {"population", OFTInteger64};
            case Field::Importance: return {"importance", OFTReal};
        }
        return {"", OFTString};
    }
    OGRLayerH layer_ = nullptr;
    std::vector<Field> fields_;
};

std::vector<Segment> read_dump(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw DataError("cannot read " + file.string(), "no such file (tools/setup.sh exports it with gmt coast)");
    return read_gmt_segments(in);
}

// Each polygon of a MultiPolygon is a feature of its own: the shore layers hold polygons.
size_t add_polygons(LayerWriter& layer, OGRGeometryH polygons, int level) {
    const int n = OGR_G_GetGeometryCount(polygons);
    for (int i = 0; i < n; ++i) layer.add(OGR_G_GetGeometryRef(polygons, i), {.level = level});
    return static_cast<size_t>(n);
}

// A polygon cut into the tiles it covers, a column of the grid at a time.
size_t add_tiles(LayerWriter& layer, OGRGeometryH polygons, int level, double tile) {
    OGREnvelope box;
    OGR_G_GetEnvelope(polygons, &box);
    size_t pieces = 0;
    // Counted in cells, cell k starting at k * tile: exact, as the tiles are whole degrees.
    for (int col = static_cast<int>(std::floor(box.MinX / tile)); col * tile < box.MaxX; ++col) {
        const double x = col * tile;
        const gdal::GeometryPtr column = clip_to_box(polygons, {x, -90.0, x + tile, 90.0});
        if (OGR_G_IsEmpty(column.get()) != 0) continue;
        OGREnvelope cb;
        OGR_G_GetEnvelope(column.get(), &cb);
        for (int row = static_cast<int>(std::floor(cb.MinY / tile)); row * tile < cb.MaxY; ++row) {
            const double y = row * tile;
            pieces += add_polygons(layer, clip_to_box(column.get(), {x, y, x + tile, y + tile}).get(), level);
        }
    }
    return pieces;
}

// Shoreline polygons cut into tiles of `tile` degrees: a map then reads the few pieces it shows,
// not the whole of Eurasia.
void write_shore(GDALDatasetH ds, const std::filesystem::path& dump, const std::string& lod, double tile) {
    const auto segments = read_dump(dump);
    {
        LayerWriter coast(ds, "coast_" + lod, wkbLineString, {Field::Level});
        for (const auto& s : segments) coast.add(make_line(s.points).get(), {.level = s.level});
    }
    const auto rings = build_rings(segments);
    LayerWriter land(ds, "shore_" + lod, wkbPolygon, {Field::Level});
    size_t pieces = 0;
    for (const auto& ring : rings) {
        const BBox b = bounds(ring.points);
        const gdal::GeometryPtr polygons = shore_polygon(ring.points);
        const bool small = b.width() <= tile && b.height() <= tile;
        pieces += small ? add_polygons(land, polygons.get(), ring.level) : add_tiles(land, polygons.get(), ring.level, tile);
    }
    std::cout << "basemap: shore_" << lod << " " << rings.size() << " rings in " << pieces << " pieces\n";
}

void write_lines(GDALDatasetH ds, const std::filesystem::path& dump, const std::string& layer) {
    const auto segments = read_dump(dump);
    LayerWriter out(ds, layer, wkbLineString, {Field::Level});
    for (const auto& s : segments) out.add(make_line(s.points).get(), {.level = s.level});
}

// `tolerance` (degrees) drops vertices no map at its scale can show: Natural Earth's 10m
// admin outlines carry detail a regional map never draws, and reading it is most of a render.
void copy_ne_layer(GDALDatasetH ne, GDALDatasetH ds, const char* from, const std::string& to, OGRwkbGeometryType type,
                   double tolerance = 0.0) {
    OGRLayerH src = GDALDatasetGetLayerByName(ne, from);
    if (!src) throw DataError("Natural Earth world_map.gpkg", std::string("has no '") + from + "' layer");
    LayerWriter out(ds, to, type, {Field::Name, Field::Country});
    OGR_L_ResetReading(src);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(src)}) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g) continue;
        std::string name = gdal::field_text(f.get(), "name");
        if (name.empty()) name = gdal::field_text(f.get(), "NAME");
        OGRGeometryH source = tolerance > 0 ? OGR_G_SimplifyPreserveTopology(g, tolerance) : OGR_G_Clone(g);
        if (!source) source = OGR_G_Clone(g);
        gdal::GeometryPtr forced{type == wkbMultiPolygon ? OGR_G_ForceToMultiPolygon(source) : OGR_G_ForceToMultiLineString(source)};
        out.add(forced.get(), {.name = name, .country = gdal::field_text(f.get(), "iso_a2")});
    }
}

// The admin-1 lines a map strokes: per country, the lines between its units, each once and never
// along the coast or the country's border (see inner_boundaries). Units are grouped by the
// country they are recognised as part of (geodata/recognition.json), so Crimea's edge with
// Kherson is an admin-1 line of Ukraine.
void write_admin1_lines(GDALDatasetH ne, GDALDatasetH ds, const std::filesystem::path& recognition, double tolerance) {
    std::map<std::string, std::string> moved;  // fips -> the country it belongs to
    for (const auto& unit : read_recognition(recognition)) moved[unit.fips] = unit.country;
    OGRLayerH units = GDALDatasetGetLayerByName(ne, "states_provinces");
    if (!units) throw DataError("Natural Earth world_map.gpkg", "has no 'states_provinces' layer");
    std::map<std::string, std::vector<gdal::GeometryPtr>> by_country;
    OGR_L_ResetReading(units);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(units)}) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g) continue;
        // Natural Earth gives territories with no ISO code "-1" or "-99": their own three letters
        // keep them apart (else Dhekelia and Northern Cyprus are one country's units).
        const auto it = moved.find(gdal::field_text(f.get(), "fips"));
        const std::string iso = gdal::field_text(f.get(), "iso_a2");
        const std::string key = it != moved.end() ? it->second : (iso.size() == 2 ? iso : gdal::field_text(f.get(), "adm0_a3"));
        by_country[key].emplace_back(OGR_G_Clone(g));
    }
    LayerWriter out(ds, "admin1_lines", wkbMultiLineString, {Field::Country});
    size_t failed = 0;
    for (const auto& [country, geometries] : by_country) {
        std::vector<OGRGeometryH> areas;
        for (const auto& g : geometries) areas.push_back(g.get());
        const gdal::GeometryPtr lines = inner_boundaries(areas);
        if (!lines) {
            ++failed;
            continue;
        }
        if (OGR_G_IsEmpty(lines.get()) != 0) continue;
        gdal::GeometryPtr simple{OGR_G_SimplifyPreserveTopology(lines.get(), tolerance)};
        gdal::GeometryPtr forced{OGR_G_ForceToMultiLineString(simple ? simple.release() : OGR_G_Clone(lines.get()))};
        out.add(forced.get(), {.country = country});
    }
    std::cout << "basemap: admin1_lines for " << by_country.size() - failed << " countries (" << failed << " failed)\n";
}

// Countries as recognised internationally: admin-1 units Natural Earth files under another
// country (geodata/recognition.json) are cut from it and joined to the country they belong to.
void write_countries(GDALDatasetH ne, GDALDatasetH ds, const std::filesystem::path& recognition) {
    std::vector<std::pair<std::string, gdal::GeometryPtr>> moves;  // (country it belongs to, unit)
    OGRLayerH units = GDALDatasetGetLayerByName(ne, "states_provinces");
    for (const auto& unit : read_recognition(recognition)) {
        const std::string filter = "fips = '" + unit.fips + "'";
        gdal::check(OGR_L_SetAttributeFilter(units, filter.c_str()), "cannot filter Natural Earth units by " + filter);
        OGR_L_ResetReading(units);
        gdal::FeaturePtr f{OGR_L_GetNextFeature(units)};
        if (!f || !OGR_F_GetGeometryRef(f.get())) throw DataError("recognition " + recognition.string(), "no Natural Earth unit with " + filter);
        moves.emplace_back(unit.country, gdal::GeometryPtr{OGR_G_Clone(OGR_F_GetGeometryRef(f.get()))});
    }
    gdal::check(OGR_L_SetAttributeFilter(units, nullptr), "cannot clear the Natural Earth units' filter");

    OGRLayerH src = GDALDatasetGetLayerByName(ne, "countries");
    if (!src) throw DataError("Natural Earth world_map.gpkg", "has no 'countries' layer");
    LayerWriter out(ds, "countries", wkbMultiPolygon, {Field::Name, Field::Country});
    OGR_L_ResetReading(src);
    while (gdal::FeaturePtr f{OGR_L_GetNextFeature(src)}) {
        OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
        if (!g) continue;
        const std::string iso = gdal::field_text(f.get(), "iso_a2");
        gdal::GeometryPtr geom{OGR_G_Clone(g)};
        for (const auto& [country, unit] : moves) {
            // A sliver of the generalised outlines may remain; it is too small to carry a label.
            gdal::GeometryPtr changed{country == iso ? OGR_G_Union(geom.get(), unit.get()) : OGR_G_Difference(geom.get(), unit.get())};
            if (changed) geom = std::move(changed);
        }
        // Country outlines only place names: a coarse outline serves and intersects fast.
        gdal::GeometryPtr simple{OGR_G_SimplifyPreserveTopology(geom.get(), 0.02)};
        if (simple) geom = std::move(simple);
        gdal::GeometryPtr multi{OGR_G_ForceToMultiPolygon(geom.release())};
        out.add(multi.get(), {.name = gdal::field_text(f.get(), "NAME"), .country = iso});
    }
}

void write_places(GDALDatasetH ds, const std::vector<GeoNamesPlace>& cities) {
    LayerWriter out(ds, "places", wkbPoint, {Field::Name, Field::Country, Field::FeatureCode, Field::Population, Field::Importance});
    for (const auto& c : cities) {
        const auto& p = c.place;
        if (p.population < 1000 && p.feature_code != "PPLC" && p.feature_code != "PPLA") continue;
        gdal::GeometryPtr pt{OGR_G_CreateGeometry(wkbPoint)};
        OGR_G_SetPoint_2D(pt.get(), 0, p.lon, p.lat);
        out.add(pt.get(), {.name = p.name, .country = p.country, .feature_code = p.feature_code, .population = p.population,
                           .importance = p.importance});
    }
}

// Curated features that carry a name on the map: river courses, region outlines, and points.
void write_curated(GDALDatasetH ds, const std::vector<CuratedEntry>& curated) {
    LayerWriter lines(ds, "named_lines", wkbMultiLineString, {Field::Name, Field::FeatureCode, Field::Importance});
    LayerWriter points(ds, "named_points", wkbMultiPoint, {Field::Name, Field::FeatureCode, Field::Importance});
    for (const auto& e : curated) {
        if (!e.lines.empty()) {
            gdal::GeometryPtr g{OGR_G_CreateGeometry(wkbMultiLineString)};
            for (const auto& l : e.lines) {
                Path path;
                for (const auto& [lon, lat] : l) path.push_back({lon, lat});
                gdal::check(OGR_G_AddGeometryDirectly(g.get(), make_line(path).release()), "cannot add a line to " + e.place.name);
            }
            lines.add(g.get(), {.name = e.place.name, .feature_code = e.place.feature_code, .importance = e.place.importance});
        } else if (e.place.lat != 0.0 || e.place.lon != 0.0) {
            // The first point is the feature's own; the rest are other places its name may stand.
            gdal::GeometryPtr multi{OGR_G_CreateGeometry(wkbMultiPoint)};
            auto add_point = [&](double lon, double lat) {
                gdal::GeometryPtr pt{OGR_G_CreateGeometry(wkbPoint)};
                OGR_G_SetPoint_2D(pt.get(), 0, lon, lat);
                gdal::check(OGR_G_AddGeometryDirectly(multi.get(), pt.release()), "cannot add a point to " + e.place.name);
            };
            add_point(e.place.lon, e.place.lat);
            for (const auto& [lon, lat] : e.label_points) add_point(lon, lat);
            points.add(multi.get(), {.name = e.place.name, .feature_code = e.place.feature_code, .importance = e.place.importance});
        }
    }
}

}  // namespace

void build_basemap(const Inputs& in, const std::filesystem::path& out) {
    gdal::ensure_registered();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver) throw GeoError("cannot write basemap", "GDAL has no GPKG driver");
    std::filesystem::remove(out);
    gdal::DatasetPtr ds{GDALCreate(driver, out.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!ds) throw GeoError("cannot create basemap " + out.string(), gdal::last_error());
    gdal::check(GDALDatasetStartTransaction(ds.get(), TRUE), "cannot write basemap " + out.string());
    const auto gshhg = in.sources / "gshhg";
    write_shore(ds.get(), gshhg / "shore_h.txt", "h", 2.0);
    write_shore(ds.get(), gshhg / "shore_i.txt", "i", 5.0);
    write_shore(ds.get(), gshhg / "shore_l.txt", "l", 20.0);
    for (const char* lod : {"h", "i", "l"}) {
        write_lines(ds.get(), gshhg / (std::string("river_") + lod + ".txt"), std::string("rivers_") + lod);
        write_lines(ds.get(), gshhg / (std::string("border_") + lod + ".txt"), std::string("borders_") + lod);
    }
    auto ne = gdal::open_vector((in.sources / "world_map.gpkg").string());
    constexpr double kAdmin1Tolerance = 0.004;  // degrees: about 400 m, under a pixel at a map's finest scale
    copy_ne_layer(ne.get(), ds.get(), "states_provinces", "admin1", wkbMultiPolygon, kAdmin1Tolerance);
    write_admin1_lines(ne.get(), ds.get(), in.geodata / "recognition.json", kAdmin1Tolerance);
    write_countries(ne.get(), ds.get(), in.geodata / "recognition.json");
    copy_ne_layer(ne.get(), ds.get(), "disputed_borders", "disputed", wkbMultiLineString);
    auto towns = read_geonames(in.sources / "cities500.txt");
    merge_world_cities(in.sources / "worldcities.json", towns);
    write_places(ds.get(), towns);
    write_curated(ds.get(), read_curated(in.geodata));
    if (GDALDatasetCommitTransaction(ds.get()) != OGRERR_NONE) throw GeoError("cannot write basemap " + out.string(), gdal::last_error());
}

}  // namespace frontmap::databuild
