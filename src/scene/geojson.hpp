#pragma once
#include "scene/scene.hpp"

#include <nlohmann/json.hpp>

namespace frontmap::scene {

// RFC 7946 FeatureCollection; the map-wide settings ride in a "frontmap" foreign member.
nlohmann::json to_geojson(const Scene& scene);
// Reads a scene back; throws InputError naming what is missing or malformed.
Scene from_geojson(const nlohmann::json& doc);

}  // namespace frontmap::scene
