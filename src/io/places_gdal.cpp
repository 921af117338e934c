// The reader of user places, built as the module frontmap-gdal.so so that only a run given
// --places loads GDAL (see io/places.cpp).
#include "io/places.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"
#include "io/gdal.hpp"

#include <cpl_string.h>
#include <ogr_api.h>

#include <array>
#include <filesystem>

namespace frontmap::io {

namespace {

// A CSV's coordinates are columns: GDAL is told which, so a row becomes a point.
gdal::DatasetPtr open_places(const std::string& path) {
    gdal::ensure_registered();
    if (std::filesystem::is_directory(path)) throw InputError("cannot read places " + path, "it is a folder");
    if (!std::filesystem::is_regular_file(path)) throw InputError("cannot read places " + path, "no such file");
    const bool csv = std::filesystem::path(path).extension() == ".csv";
    std::array<const char*, 4> csv_options{"X_POSSIBLE_NAMES=lon,longitude,lng,x", "Y_POSSIBLE_NAMES=lat,latitude,y", "KEEP_GEOM_COLUMNS=NO", nullptr};
    CPLErrorReset();
    gdal::DatasetPtr ds{GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, csv ? csv_options.data() : nullptr, nullptr)};
    if (!ds) throw InputError("cannot read places " + path, "not a CSV or vector file GDAL can read");
    return ds;
}

std::vector<std::string> other_names(OGRFeatureH f) {
    std::vector<std::string> out;
    const int i = OGR_F_GetFieldIndex(f, "names");
    if (i < 0 || (OGR_F_IsFieldSetAndNotNull(f, i) == 0)) return out;
    if (OGR_Fld_GetType(OGR_F_GetFieldDefnRef(f, i)) == OFTStringList) {
        for (char** list = OGR_F_GetFieldAsStringList(f, i); list && *list; ++list) out.emplace_back(*list);
        return out;
    }
    // "Davydiv Brid;Davydov Brod" in a CSV cell.
    const std::string cell = OGR_F_GetFieldAsString(f, i);
    for (size_t start = 0; start <= cell.size();) {
        const size_t end = std::min(cell.find(';', start), cell.size());
        if (end > start) out.push_back(cell.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

UserPlace read_feature(OGRFeatureH f, const std::string& where) {
    UserPlace p;
    p.name = gdal::field_text(f, "name");
    if (p.name.empty()) throw InputError(where, "it has no \"name\"");
    p.names = other_names(f);
    p.type = gdal::field_text(f, "type");
    if (p.type.empty()) p.type = "village";
    p.country = gdal::field_text(f, "country");
    if (const std::string importance = gdal::field_text(f, "importance"); !importance.empty()) p.importance = std::stod(importance);
    OGRGeometryH g = OGR_F_GetGeometryRef(f);
    if (!g || (OGR_G_IsEmpty(g) != 0)) throw InputError(where, "it has no point or outline (a CSV needs lat and lon columns)");
    OGREnvelope env;
    OGR_G_GetEnvelope(g, &env);
    if (env.MinX < -180 || env.MaxX > 180 || env.MinY < -90 || env.MaxY > 90) throw InputError(where, "its coordinates are not longitude and latitude in degrees");
    if (wkbFlatten(OGR_G_GetGeometryType(g)) == wkbPoint) {
        p.lon = OGR_G_GetX(g, 0);
        p.lat = OGR_G_GetY(g, 0);
        return p;
    }
    gdal::GeometryPtr centre{OGR_G_CreateGeometry(wkbPoint)};
    if (OGR_G_Centroid(g, centre.get()) != OGRERR_NONE) throw InputError(where, "its outline has no centre");
    p.lon = OGR_G_GetX(centre.get(), 0);
    p.lat = OGR_G_GetY(centre.get(), 0);
    p.bbox = BBox{env.MinX, env.MinY, env.MaxX, env.MaxY};
    return p;
}

std::vector<UserPlace> read_with_gdal(const std::string& path) {
    const auto ds = open_places(path);
    std::vector<UserPlace> out;
    for (int l = 0; l < GDALDatasetGetLayerCount(ds.get()); ++l) {
        OGRLayerH layer = GDALDatasetGetLayer(ds.get(), l);
        OGR_L_ResetReading(layer);
        int number = 0;
        while (gdal::FeaturePtr f{OGR_L_GetNextFeature(layer)}) {
            ++number;
            try {
                out.push_back(read_feature(f.get(), "bad place " + std::to_string(number) + " in " + path));
            } catch (const std::logic_error&) {  // std::stod: not a number, or out of range
                throw InputError("bad place " + std::to_string(number) + " in " + path, "its importance is not a number");
            }
        }
    }
    if (out.empty()) throw InputError("cannot read places " + path, "it holds no place");
    return out;
}

}  // namespace

}  // namespace frontmap::io

// The module's one entry (io/places.hpp: PlacesReader). No exception leaves it: errors come back
// as the subject and reason of an InputError (1) or a DataError (2).
extern "C" __attribute__((visibility("default"))) int frontmap_read_places_v1(const char* path, std::vector<frontmap::io::UserPlace>* out,
                                                                            std::string* subject, std::string* reason) noexcept {
    try {
        *out = frontmap::io::read_with_gdal(path);
        return 0;
    } catch (const frontmap::InputError& e) {
        *subject = e.subject();
        *reason = e.reason();
        return 1;
    } catch (const frontmap::Error& e) {
        *subject = e.subject();
        *reason = e.reason();
    } catch (const std::bad_alloc&) {
        *subject = std::string("cannot read places ") + path;
        *reason = "out of memory";
    } catch (...) {
        *subject = std::string("cannot read places ") + path;
        *reason = "GDAL could not read it";
    }
    return 2;
}
