#pragma once
#include "scene/scene.hpp"

#include <nlohmann/json.hpp>

namespace frontmap::scene {

// RFC 7946 FeatureCollection; the map-wide settings ride in a "frontmap" foreign member.
nlohmann::json to_geojson(const Scene& scene);
// Reads a scene back; throws InputError naming what is missing or malformed.
Scene from_geojson(const nlohmann::json& doc);

// The map's caption for a report: its title and subtitle (what is shown, the "as of" date).
std::string caption(const Scene& scene);

// The map in words, for a report's alt text, the SVG's description and the PDF's subject: the
// scene's own, else its events tersely.
std::string alt_text(const Scene& scene);

}  // namespace frontmap::scene
