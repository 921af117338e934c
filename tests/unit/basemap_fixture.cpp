#include "basemap_fixture.hpp"

#include "common/handle.hpp"
#include "io/gdal.hpp"

#include <ogr_srs_api.h>

#include <stdexcept>

namespace frontmap::test {

namespace {

struct Field {
    std::string name;
    OGRFieldType type;
};

// One attribute value per field of the layer, in order, as text (GDAL converts it).
struct Row {
    std::string wkt;
    std::vector<std::string> values;
};

void write_layer(GDALDatasetH ds, OGRSpatialReferenceH srs, const std::string& name, OGRwkbGeometryType type,
                 const std::vector<Field>& fields, const std::vector<Row>& rows) {
    OGRLayerH layer = GDALDatasetCreateLayer(ds, name.c_str(), srs, type, nullptr);
    if (!layer) throw std::runtime_error("cannot create layer " + name + ": " + gdal::last_error());
    for (const Field& f : fields) {
        gdal::FieldDefnPtr defn{OGR_Fld_Create(f.name.c_str(), f.type)};
        OGR_L_CreateField(layer, defn.get(), TRUE);
    }
    for (const Row& row : rows) {
        gdal::FeaturePtr feature{OGR_F_Create(OGR_L_GetLayerDefn(layer))};
        for (size_t i = 0; i < fields.size(); ++i) OGR_F_SetFieldString(feature.get(), static_cast<int>(i), row.values.at(i).c_str());
        OGRGeometryH geom = nullptr;
        char* wkt = const_cast<char*>(row.wkt.c_str());
        if (OGR_G_CreateFromWkt(&wkt, srs, &geom) != OGRERR_NONE) throw std::runtime_error("bad WKT " + row.wkt);
        gdal::GeometryPtr owned{geom};
        OGR_F_SetGeometry(feature.get(), owned.get());
        if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE)
            throw std::runtime_error("cannot write to layer " + name + ": " + gdal::last_error());
    }
}

std::string point_wkt(double lon, double lat) { return "POINT (" + std::to_string(lon) + " " + std::to_string(lat) + ")"; }

// A lon/lat rectangle as a polygon with a vertex every half degree, so that its edges follow
// the parallels and meridians once projected instead of cutting across as straight chords.
std::string box_polygon_wkt(double west, double south, double east, double north) {
    std::string wkt = "POLYGON ((";
    auto add = [&](double lon, double lat) { wkt += std::to_string(lon) + " " + std::to_string(lat) + ", "; };
    constexpr double kStep = 0.5;
    for (double lon = west; lon < east; lon += kStep) add(lon, south);
    for (double lat = south; lat < north; lat += kStep) add(east, lat);
    for (double lon = east; lon > west; lon -= kStep) add(lon, north);
    for (double lat = north; lat > south; lat -= kStep) add(west, lat);
    return wkt + std::to_string(west) + " " + std::to_string(south) + "))";
}

}  // namespace

const std::vector<BasemapPlace>& fixture_basemap_places() {
    static const std::vector<BasemapPlace> places = {
        {"Kyiv", "PPLC", 2797553, 0.95, 30.5238, 50.45466},
        {"Odesa", "PPLA", 1015826, 0.8, 30.7326, 46.4775},
        {"Zaporizhzhia", "PPLA", 750685, 0.75, 35.1396, 47.8388},
        {"Mykolaiv", "PPLA", 476101, 0.7, 31.9946, 46.9659},
        {"Kryvyi Rih", "PPL", 603904, 0.65, 33.3918, 47.9086},
        {"Melitopol", "PPL", 150768, 0.6, 35.3653, 46.8489},
        {"Nikopol", "PPL", 107000, 0.5, 34.4048, 47.5712},
        {"Nova Kakhovka", "PPL", 45069, 0.5, 33.3469, 46.7545},
        {"Enerhodar", "PPL", 52887, 0.45, 34.6565, 47.4987},
        {"Kakhovka", "PPL", 35279, 0.4, 33.4779, 46.8125},
        {"Beryslav", "PPL", 12219, 0.35, 33.4206, 46.8417},
        {"Oleshky", "PPL", 24306, 0.35, 32.7181, 46.6249},
        {"Skadovsk", "PPL", 17208, 0.35, 32.9116, 46.1161},
        {"Henichesk", "PPL", 19953, 0.35, 34.8166, 46.1713},
        {"Ochakiv", "PPL", 14044, 0.35, 31.5402, 46.6128},
        {"Snihurivka", "PPL", 12607, 0.3, 32.8062, 47.0754},
        {"Hola Prystan", "PPL", 14913, 0.3, 32.5204, 46.5250},
        {"Bashtanka", "PPL", 12435, 0.3, 32.4384, 47.4074},
        {"Chornomorsk", "PPL", 58719, 0.3, 30.6616, 46.3017},
        {"Vysokopillia", "PPL", 3895, 0.2, 33.5315, 47.4852},
    };
    return places;
}

std::filesystem::path write_fixture_basemap(const std::filesystem::path& file, bool admin1_lines) {
    gdal::ensure_registered();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    if (!driver) throw std::runtime_error("GDAL has no GPKG driver");
    gdal::DatasetPtr ds{GDALCreate(driver, file.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr)};
    if (!ds) throw std::runtime_error("cannot create " + file.string() + ": " + gdal::last_error());
    Handle<std::remove_pointer_t<OGRSpatialReferenceH>, OSRDestroySpatialReference> srs{OSRNewSpatialReference(nullptr)};
    OSRImportFromEPSG(srs.get(), 4326);
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);

    const std::vector<Field> level{{"level", OFTInteger}};
    // Land north of 46°N with a lake, the Black Sea south of it; the same at both levels of detail.
    const std::vector<Row> shore = {
        {box_polygon_wkt(20, 46, 45, 56), {"1"}},
        {box_polygon_wkt(33.0, 47.0, 34.5, 47.5), {"2"}},
        {box_polygon_wkt(33.5, 45.0, 35.5, 45.8), {"1"}},
    };
    std::string coast_wkt = "LINESTRING (20 46";
    for (double lon = 20.5; lon <= 45; lon += 0.5) coast_wkt += ", " + std::to_string(lon) + " 46";
    const std::vector<Row> coast = {{coast_wkt + ")", {"1"}}};
    const std::vector<Row> rivers = {
        {"LINESTRING (30.52 50.45, 32.06 49.44, 35.04 48.46, 34.4 47.5, 33.4 46.8, 32.62 46.64, 31.9 46.5)", {"1"}},
        {"LINESTRING (31.0 48.6, 31.5 47.8, 32.0 46.97)", {"3"}},
    };
    const std::vector<Row> borders = {{"LINESTRING (36.0 46.0, 36.5 47.5, 38.0 49.0)", {"1"}}};
    for (const std::string lod : {"h", "l"}) {
        write_layer(ds.get(), srs.get(), "shore_" + lod, wkbPolygon, level, shore);
        write_layer(ds.get(), srs.get(), "coast_" + lod, wkbLineString, level, coast);
        write_layer(ds.get(), srs.get(), "rivers_" + lod, wkbLineString, level, rivers);
        write_layer(ds.get(), srs.get(), "borders_" + lod, wkbLineString, level, borders);
    }
    const std::vector<Field> name_country{{"name", OFTString}, {"country", OFTString}};
    write_layer(ds.get(), srs.get(), "admin1", wkbMultiPolygon, name_country,
                {{"MULTIPOLYGON (((32.0 45.9, 35.1 45.9, 35.1 47.6, 32.0 47.6, 32.0 45.9)))", {"Kherson", "UA"}}});
    if (admin1_lines)
        write_layer(ds.get(), srs.get(), "admin1_lines", wkbMultiLineString, {{"country", OFTString}},
                    {{"MULTILINESTRING ((33.5 45.9, 33.5 47.6))", {"UA"}}});
    write_layer(ds.get(), srs.get(), "disputed", wkbMultiLineString, name_country,
                {{"MULTILINESTRING ((33.5 46.0, 35.5 46.2))", {"Crimea", "UA"}}});

    std::vector<Row> places;
    for (const auto& p : fixture_basemap_places())
        places.push_back({point_wkt(p.lon, p.lat), {p.name, "UA", p.feature_code, std::to_string(p.population), std::to_string(p.importance)}});
    write_layer(ds.get(), srs.get(), "places", wkbPoint,
                {{"name", OFTString}, {"country", OFTString}, {"feature_code", OFTString}, {"population", OFTInteger64}, {"importance", OFTReal}},
                places);
    write_layer(ds.get(), srs.get(), "named_points", wkbPoint, {{"name", OFTString}, {"feature_code", OFTString}, {"importance", OFTReal}},
                {{point_wkt(31.8, 45.4), {"Black Sea", "sea", "0.9"}},
                 {point_wkt(31.9, 46.55), {"Dnipro-Buh Estuary", "other", "0.6"}},
                 {point_wkt(31.55, 46.5), {"Kinburn Spit", "other", "0.3"}}});
    return file;
}

}  // namespace frontmap::test
