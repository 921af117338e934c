#include "events/geojson.hpp"

#include "events/extract.hpp"

#include <array>
#include <cstdio>

namespace frontmap::events {

namespace {

using nlohmann::json;

json place_ref(const std::optional<size_t>& index, const std::vector<parse::Mention>& mentions) {
    if (!index) return nullptr;
    const auto& m = mentions[*index];
    json out = {{"text", m.text}, {"start", m.start}, {"end", m.end}};
    if (m.place) out["place"] = {{"id", m.place->id}, {"name", m.place->name}, {"type", gazetteer::to_string(m.place->type)}, {"country", m.place->country}};
    return out;
}

json where_ref(const Event& e, const std::vector<parse::Mention>& mentions) {
    json out = place_ref(e.where, mentions);
    if (e.area) out["place"] = {{"id", e.area->id}, {"name", e.area->name}, {"type", gazetteer::to_string(e.area->type)}, {"country", e.area->country}};
    return out;
}

json optional_count(const std::optional<long long>& v) { return v ? json(*v) : json(nullptr); }
json optional_text(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

}  // namespace

std::string to_iso(const std::chrono::year_month_day& date) {
    std::array<char, 16> buf{};
    std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(date.year()), static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return buf.data();
}

json to_feature(const Event& e, const std::vector<parse::Mention>& mentions) {
    const auto& place = event_place(e, mentions);
    const json geometry = {{"type", "Point"}, {"coordinates", {place.lon, place.lat}}};
    const bool counted = e.killed || e.wounded || e.places;
    json props = {
        {"kind", "event"},
        {"type", to_string(e.type)},
        {"where", where_ref(e, mentions)},
        {"toward", place_ref(e.toward, mentions)},
        {"from", place_ref(e.from, mentions)},
        {"along", place_ref(e.along, mentions)},
        {"actor", optional_text(e.actor)},
        {"side", optional_text(e.side)},
        {"killed", optional_count(e.killed)},
        {"wounded", optional_count(e.wounded)},
        {"places", optional_count(e.places)},
        {"count_precision", counted ? json(e.approximate_count ? "approximate" : "exact") : json(nullptr)},
        {"claimed_by", optional_text(e.claimed_by)},
        {"denied_by", optional_text(e.denied_by)},
        {"claimed_side", optional_text(e.claimed_side)},
        {"denied_side", optional_text(e.denied_side)},
        {"status", to_string(e.status)},
        {"date", e.date ? json(to_iso(*e.date)) : json(nullptr)},
        {"time_precision", e.date ? json(e.time_precision) : json(nullptr)},
        {"geo_precision", e.geo_precision},
        {"evidence", {{"start", e.evidence.start}, {"end", e.evidence.end}}},
        {"confidence", std::round(e.confidence * 100) / 100},
    };
    return {{"type", "Feature"}, {"geometry", geometry}, {"properties", props}};
}

json to_feature(const UnplacedEvent& e) {
    json props = {
        {"kind", "event"},
        {"type", to_string(e.type)},
        {"where", {{"text", e.place}}},
        {"evidence", {{"start", e.evidence.start}, {"end", e.evidence.end}}},
    };
    return {{"type", "Feature"}, {"geometry", nullptr}, {"properties", props}};
}

}  // namespace frontmap::events
