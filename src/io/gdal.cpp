#include "io/gdal.hpp"

#include "common/error.hpp"

#include <cpl_error.h>

#include <mutex>
#include <string>

namespace frontmap::gdal {

void ensure_registered() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // We report errors ourselves with context; GDAL's default handler would print them raw.
        CPLSetErrorHandler(CPLQuietErrorHandler);
    });
}

std::string field_text(OGRFeatureH feature, const char* name) {
    const int idx = OGR_F_GetFieldIndex(feature, name);
    return idx >= 0 ? OGR_F_GetFieldAsString(feature, idx) : "";
}

std::string last_error() {
    const char* msg = CPLGetLastErrorMsg();
    return (msg && (*msg != 0)) ? msg : "unknown GDAL error";
}

void check(OGRErr err, const std::string& what) {
    if (err != OGRERR_NONE) throw GeoError(what, last_error() + " (OGR error " + std::to_string(err) + ")");
}

DatasetPtr open_vector(const std::string& path) {
    ensure_registered();
    CPLErrorReset();
    DatasetPtr ds{GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)};
    if (!ds) throw DataError("cannot open " + path, last_error());
    return ds;
}

}  // namespace frontmap::gdal
