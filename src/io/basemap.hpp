#pragma once
#include "common/bbox.hpp"
#include "common/sqlite.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace frontmap::io {

struct LonLat {
    double lon = 0.0;
    double lat = 0.0;
};
using Path = std::vector<LonLat>;

// One feature of a basemap layer: its parts (rings of a polygon, or lines) and the attributes
// the scene and renderer use. Attributes a layer lacks stay empty or zero.
struct BasemapFeature {
    std::vector<Path> parts;
    std::string name;
    std::string country;
    std::string feature_code;
    int level = 0;  // GSHHG level (1 land, 2 lake, 3 island in lake, 4 pond) or river class
    long long population = 0;
    double importance = 0.0;
};

// `box` grown to hold every point of `path`; from a box turned inside out (west above east,
// south above north), the path's own bounds.
BBox grown(BBox box, const Path& path);

// The basemap GeoPackage written by tools/databuild: GSHHG shorelines, rivers and borders at
// several levels of detail, Natural Earth admin areas, and populated places, all in EPSG:4326.
//
// Read with SQLite and GEOS, not GDAL: the file is our own build's, a GeoPackage's tables and
// R-tree indexes are plain SQLite, and loading GDAL's hundred-odd libraries took more than a
// third of a one-map process's time. One Basemap serves one thread at a time.
class Basemap {
public:
    explicit Basemap(const std::filesystem::path& file);
    ~Basemap();
    Basemap(Basemap&& other) noexcept;
    Basemap& operator=(Basemap&& other) noexcept;
    Basemap(const Basemap&) = delete;
    Basemap& operator=(const Basemap&) = delete;

    bool has_layer(const std::string& layer) const;
    // Features of `layer` whose bounding box meets `bbox`; `where` is an optional SQL condition
    // on the layer's columns ("importance >= 0.5").
    std::vector<BasemapFeature> read(const std::string& layer, const BBox& bbox, const std::string& where = "") const;

    // For each area of `layer` meeting `bbox`: its name and a point inside the part that lies in
    // `bbox`, with that part's share of the box's area (0..1). For placing area names.
    struct AreaLabel {
        std::string name;
        LonLat point;
        double share = 0.0;
    };
    std::vector<AreaLabel> area_labels(const std::string& layer, const BBox& bbox) const;

    // Whether any feature of `layer` meets `bbox` (false for a layer the basemap lacks).
    bool has_features(const std::string& layer, const BBox& bbox) const;

    class Geos;  // GEOS's context and WKB reader

private:
    struct Layer {
        std::string table;
        std::string geometry;  // its geometry column
        std::string rtree;     // its R-tree's table; empty when it has none
        std::vector<std::string> columns;
    };
    sqlite::Statement& query(const Layer& layer, const std::string& where) const;
    // The query's rows for the features of a layer whose index box meets bbox, from the first.
    sqlite::Statement& features_in(const std::string& layer_name, const BBox& bbox, const std::string& where) const;
    const Layer& layer_named(const std::string& name) const;

    std::filesystem::path file_;
    sqlite::DbPtr db_;
    std::map<std::string, Layer> layers_;
    std::unique_ptr<Geos> geos_;
    // Prepared once per layer and condition, reused by every map this Basemap draws.
    mutable std::map<std::string, std::unique_ptr<sqlite::Statement>> statements_;
};

}  // namespace frontmap::io
