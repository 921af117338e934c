#include "parse/geojson.hpp"

#include <cmath>

namespace frontmap::parse {

namespace {
double round_to(double v, double scale) { return std::round(v * scale) / scale; }
}  // namespace

nlohmann::json to_geojson(const std::vector<Mention>& mentions) {
    nlohmann::json features = nlohmann::json::array();
    for (const auto& m : mentions) {
        nlohmann::json props = {
            {"kind", "mention"}, {"text", m.text}, {"start", m.start}, {"end", m.end},
            {"role", to_string(m.role)}, {"confidence", m.confidence},
        };
        nlohmann::json geometry = nullptr;
        if (m.place && m.role != Role::NotPlace) {
            const auto& p = *m.place;
            props["place"] = {{"id", p.id}, {"name", p.name}, {"type", gazetteer::to_string(p.type)}, {"country", p.country}};
            geometry = {{"type", "Point"}, {"coordinates", {round_to(p.lon, 1e5), round_to(p.lat, 1e5)}}};
        } else {
            props["place"] = nullptr;
        }
        features.push_back({{"type", "Feature"}, {"geometry", geometry}, {"properties", props}});
    }
    return {{"type", "FeatureCollection"}, {"features", features}};
}

}  // namespace frontmap::parse
