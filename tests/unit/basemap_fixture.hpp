#pragma once
// A tiny basemap GeoPackage of the lower Dnieper, written with GDAL's C API in the layout
// tools/databuild produces: shorelines, coast, rivers and borders at the "h" and "l" levels of
// detail, admin-1 areas, disputed borders, populated places and named water.
#include <filesystem>
#include <string>
#include <vector>

namespace frontmap::test {

struct BasemapPlace {
    std::string name;
    std::string feature_code;
    long long population = 0;
    double importance = 0.0;
    double lon = 0.0, lat = 0.0;
};

// The towns of the "places" layer.
const std::vector<BasemapPlace>& fixture_basemap_places();

// Writes the GeoPackage to `file` and returns it; with `admin1_lines`, also the layer of lines
// between admin-1 units that the data build writes (one line, at 33.5°E).
std::filesystem::path write_fixture_basemap(const std::filesystem::path& file, bool admin1_lines = false);

}  // namespace frontmap::test
