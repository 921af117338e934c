#pragma once
#include "common/bbox.hpp"

#include <optional>
#include <string>
#include <vector>

namespace frontmap::io {

// A place a newsroom adds to the gazetteer for a run (`--places FILE`): its villages, bases and
// sites that no source holds, or its own spellings.
struct UserPlace {
    std::string name;
    std::vector<std::string> names;  // other spellings
    std::string type;                // a parse schema type; "village" when not given
    std::string country;             // ISO 3166-1 alpha-2, or empty
    double lat = 0.0, lon = 0.0;     // the point, or a polygon's centroid
    std::optional<BBox> bbox;        // a polygon's extent, lon/lat; none for a point
    double importance = 0.9;         // listed on purpose: likelier than a namesake
};

// Reads a CSV (columns name, lat, lon and optionally type, country, names separated by ';') or any
// vector format GDAL reads, GeoJSON first (properties name, type, country, names; Point or Polygon
// geometry). Throws InputError naming the file and the feature at fault.
std::vector<UserPlace> read_user_places(const std::string& path);

// GDAL does the reading in the module frontmap-gdal.so, loaded on the first call, so that a run
// without --places never loads GDAL.

}  // namespace frontmap::io
