#pragma once
// RAII for GDAL/OGR handles.
#include <gdal.h>
#include <ogr_api.h>

#include <memory>
#include <string>

namespace frontmap::gdal {

struct DatasetDeleter {
    void operator()(GDALDatasetH ds) const noexcept { GDALClose(ds); }
};
struct FeatureDeleter {
    void operator()(OGRFeatureH f) const noexcept { OGR_F_Destroy(f); }
};
struct GeometryDeleter {
    void operator()(OGRGeometryH g) const noexcept { OGR_G_DestroyGeometry(g); }
};
using DatasetPtr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetDeleter>;
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDeleter>;
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDeleter>;

// Registers the drivers once; safe to call from anywhere.
void ensure_registered();

// GDAL's own message for the last error, or a fallback.
std::string last_error();

// Every OGRErr is checked, as libosmium's gdalcpp does: throws GeoError(what, GDAL's message)
// when `err` is not OGRERR_NONE, so a failed write is never a silently missing field or feature.
void check(OGRErr err, const std::string& what);

// A feature's field as text; empty when the feature has no field of that name.
std::string field_text(OGRFeatureH feature, const char* name);

// Opens a vector dataset read-only; throws DataError with GDAL's message.
DatasetPtr open_vector(const std::string& path);

}  // namespace frontmap::gdal

namespace frontmap::gdal {
struct FieldDefnDeleter {
    void operator()(OGRFieldDefnH f) const noexcept { OGR_Fld_Destroy(f); }
};
using FieldDefnPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDefnDeleter>;
}  // namespace frontmap::gdal
