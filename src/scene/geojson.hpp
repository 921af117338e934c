#pragma once
#include "scene/scene.hpp"

#include <nlohmann/json.hpp>

namespace frontmap::scene {

// RFC 7946 FeatureCollection; the map-wide settings ride in a "frontmap" foreign member.
nlohmann::json to_geojson(const Scene& scene);
// Reads a scene back; throws InputError naming what is missing or malformed.
Scene from_geojson(const nlohmann::json& doc);

// A caption of the map, for its SVG description, PDF subject and a report's alt text: title,
// subtitle, then each event drawn with its note.
std::string caption(const Scene& scene);

}  // namespace frontmap::scene
