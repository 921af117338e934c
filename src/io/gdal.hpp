#pragma once
// RAII for GDAL/OGR handles.
#include "common/handle.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <type_traits>
#include <string>

namespace frontmap::gdal {

using DatasetPtr = Handle<std::remove_pointer_t<GDALDatasetH>, GDALClose>;
using FeaturePtr = Handle<std::remove_pointer_t<OGRFeatureH>, OGR_F_Destroy>;
using GeometryPtr = Handle<std::remove_pointer_t<OGRGeometryH>, OGR_G_DestroyGeometry>;

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
using FieldDefnPtr = Handle<std::remove_pointer_t<OGRFieldDefnH>, OGR_Fld_Destroy>;
}  // namespace frontmap::gdal
