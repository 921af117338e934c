#include "pipeline/subjects.hpp"

#include "common/rules.hpp"
#include "common/text.hpp"
#include "events/extract.hpp"
#include "events/geojson.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string_view>

namespace frontmap::pipeline {

extern const std::string_view kSubjectsJson;

namespace {

// Who says so, in the scene's words for it.
scene::EventStatus drawn_status(events::Status status) {
    switch (status) {
        case events::Status::Claimed: return scene::EventStatus::Claimed;
        case events::Status::Denied: return scene::EventStatus::Denied;
        case events::Status::Confirmed: return scene::EventStatus::Confirmed;
        case events::Status::Reported: break;
    }
    return scene::EventStatus::Reported;
}

struct DrawingRules {
    double min_confidence, dateline_salience;
};

// subjects.json is ours and compiled in: a rule missing is a build's mistake, reported as damaged data.
const DrawingRules& drawing_rules() {
    return rules::once<kSubjectsJson>("drawing rules (pipeline/subjects.json)", "a rule is missing or is not a number", [](const nlohmann::json& doc) {
        return DrawingRules{doc.at("min_confidence").get<double>(), doc.at("dateline_salience").get<double>()};
    });
}

// The name as the article spells it most often, shouted datelines ("KYIV") in title case; the
// gazetteer's name when the article's is in another script than the gazetteer's.
std::map<std::string, std::string> article_spellings(const std::vector<parse::Mention>& mentions) {
    std::map<std::string, std::map<std::string, int>> counts;
    std::map<std::string, std::string> first;
    for (const auto& m : mentions) {
        if (!m.place) continue;
        const std::string name = text::all_upper(m.text) ? text::title_case(m.text) : m.text;
        if (!first.contains(m.place->id)) first[m.place->id] = name;
        ++counts[m.place->id][name];
    }
    std::map<std::string, std::string> out;
    for (const auto& [id, names] : counts) {
        std::string best = first[id];
        for (const auto& [name, n] : names)
            if (n > names.at(best)) best = name;
        out[id] = best;
    }
    return out;
}

std::string spelled(const std::map<std::string, std::string>& spellings, const gazetteer::Place& p) {
    const auto it = spellings.find(p.id);
    return it == spellings.end() ? p.name : it->second;
}

}  // namespace

std::vector<scene::Subject> subjects_of(const std::vector<parse::Mention>& mentions) {
    const auto spellings = article_spellings(mentions);
    std::vector<scene::Subject> out;
    std::map<std::string, size_t> index;
    for (const auto& m : mentions) {
        // A doubtful reading is left off the map rather than drawn in the wrong country.
        if (m.role != parse::Role::Location || !m.place || m.confidence < drawing_rules().min_confidence) continue;
        const auto& p = *m.place;
        const double salience = m.dateline ? drawing_rules().dateline_salience : 1.0;
        if (auto it = index.find(p.id); it != index.end()) {
            ++out[it->second].mentions;
            out[it->second].salience += salience;
            continue;
        }
        scene::Subject s{.name = spelled(spellings, p), .place_id = p.id, .type = gazetteer::to_string(p.type), .lon = p.lon, .lat = p.lat,
                         .mentions = 1, .salience = salience, .capital = p.feature_code == "PPLC", .bbox = p.bbox};
        for (const auto& [lon, lat] : p.course) s.course.push_back({lon, lat});
        index.emplace(p.id, out.size());
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<scene::EventSubject> event_subjects_of(const std::vector<events::Event>& events, const std::vector<parse::Mention>& mentions,
                                                   std::string_view text, gazetteer::Gazetteer& gazetteer) {
    const auto spellings = article_spellings(mentions);
    auto named_point = [&](const std::optional<size_t>& i) -> std::optional<scene::NamedPoint> {
        if (!i || !mentions[*i].place) return std::nullopt;
        const auto& p = *mentions[*i].place;
        return scene::NamedPoint{spelled(spellings, p), p.lon, p.lat};
    };
    std::vector<scene::EventSubject> out;
    for (const auto& e : events) {
        const auto& place = events::event_place(e, mentions);
        scene::EventSubject s{.type = events::to_string(e.type), .side = e.side, .actor = e.actor, .status = drawn_status(e.status),
                              .claimed_by = e.claimed_by, .denied_by = e.denied_by, .claimed_side = e.claimed_side,
                              .denied_side = e.denied_side, .killed = e.killed, .wounded = e.wounded, .places = e.places,
                              .approximate = e.approximate_count, .place = spelled(spellings, place),
                              .place_type = gazetteer::to_string(place.type), .country = place.country, .lon = place.lon,
                              .lat = place.lat, .area_bbox = place.bbox, .toward = named_point(e.toward), .from = named_point(e.from),
                              .geo_precision = e.geo_precision};
        s.area_name = place.name;
        if (e.area) s.place = e.area->name;
        if (e.along && mentions[*e.along].place) {
            const auto& river = *mentions[*e.along].place;
            s.along = spelled(spellings, river);
            for (const auto& [lon, lat] : river.course) s.along_course.push_back({lon, lat});
        }
        // The side's own country, when the side is one: ISO codes name Natural Earth's countries.
        if (events::is_state_side(e.side))
            if (const auto home = gazetteer.by_id("ne-country-" + e.side)) s.side_home = scene::NamedPoint{home->name, home->lon, home->lat};
        if (e.evidence.end <= text.size() && e.evidence.start < e.evidence.end)
            s.evidence = std::string(text.substr(e.evidence.start, e.evidence.end - e.evidence.start));
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace frontmap::pipeline
