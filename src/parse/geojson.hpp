#pragma once
#include "parse/mention.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace frontmap::parse {

// The public parse output: a GeoJSON FeatureCollection, one Feature per mention (README: "parse schema").
nlohmann::json to_geojson(const std::vector<Mention>& mentions);

}  // namespace frontmap::parse
