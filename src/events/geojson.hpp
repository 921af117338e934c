#pragma once
#include "events/event.hpp"
#include "parse/mention.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace frontmap::events {

// One GeoJSON Feature per event (README: "parse schema", events): geometry the point of `where`.
nlohmann::json to_feature(const Event& event, const std::vector<parse::Mention>& mentions);
// A deed at a place that could not be located: its type, the name as written and its sentence,
// with a null geometry (RFC 7946 allows an unlocated feature).
nlohmann::json to_feature(const UnplacedEvent& e);

// "2022-10-21"
std::string to_iso(const std::chrono::year_month_day& date);

}  // namespace frontmap::events
