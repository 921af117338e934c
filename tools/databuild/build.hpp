#pragma once
#include <filesystem>

namespace frontmap::databuild {

struct Inputs {
    std::filesystem::path sources;  // data/sources: cities500.txt, world_map.gpkg, gshhg/*.txt, words, names
    std::filesystem::path geodata;  // the curated folder of the repository
};

// Writes the gazetteer (SQLite) to `out`; prints counts to stdout.
void build_gazetteer(const Inputs& in, const std::filesystem::path& out);

// Writes the basemap (GeoPackage) to `out`.
void build_basemap(const Inputs& in, const std::filesystem::path& out);

}  // namespace frontmap::databuild
