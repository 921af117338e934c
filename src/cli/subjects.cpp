#include "cli/subjects.hpp"

#include <map>

namespace frontmap::cli {

namespace {
constexpr double kMinConfidenceToDraw = 0.2;
}  // namespace

std::vector<scene::Subject> subjects_of(const std::vector<parse::Mention>& mentions) {
    std::vector<scene::Subject> out;
    std::map<std::string, size_t> index;
    for (const auto& m : mentions) {
        // A doubtful reading is left off the map rather than drawn in the wrong country.
        if (m.role != parse::Role::Location || !m.place || m.confidence < kMinConfidenceToDraw) continue;
        const auto& p = *m.place;
        const double salience = m.dateline ? 0.3 : 1.0;
        if (auto it = index.find(p.id); it != index.end()) {
            ++out[it->second].mentions;
            out[it->second].salience += salience;
            continue;
        }
        scene::Subject s{.name = p.name, .place_id = p.id, .type = gazetteer::to_string(p.type), .lon = p.lon, .lat = p.lat,
                         .mentions = 1, .salience = salience, .capital = p.feature_code == "PPLC", .bbox = p.bbox};
        for (const auto& [lon, lat] : p.course) s.course.push_back({lon, lat});
        index.emplace(p.id, out.size());
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace frontmap::cli
