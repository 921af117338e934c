#pragma once
// What an article reports at a place: the event stage's output. Every event points at the
// mentions it is placed by and at the words it came from, so every mark on a map can be traced.
#include "gazetteer/place.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace frontmap::events {

// ACLED-compatible where the two overlap. The strings are the public "type" values.
enum class EventType { Advance, Capture, Recapture, Withdrawal, Strike, Shelling, Attack, Explosion, Evacuation, Flooding, Fortification, Other };
inline constexpr int kEventTypeCount = 12;

const char* to_string(EventType type);
std::optional<EventType> event_type_from_string(std::string_view text);

// Who says so: reported as fact, claimed by a party, denied by one, or confirmed.
enum class Status { Reported, Claimed, Denied, Confirmed };
const char* to_string(Status status);

struct Span {
    size_t start = 0;  // UTF-8 byte offsets into the article
    size_t end = 0;
};

struct Event {
    EventType type = EventType::Other;
    // Indices into the parser's mentions; `where` is always set.
    size_t where = 0;
    std::optional<size_t> toward, from, along;
    // The area meant when the text points at one through a place in it ("the region" after a
    // city): the event is drawn there rather than at the mention's own place.
    std::optional<gazetteer::Place> area;
    std::string actor;  // as written: "Kyiv's forces"
    std::string side;   // "UA", "RU", "RSF"…; empty when unknown
    std::optional<long long> killed, wounded, places;
    bool approximate_count = false;  // "dozens", "about 40"
    std::string claimed_by, denied_by;
    std::string claimed_side, denied_side;  // the sides the claimant and the denier speak for, when named
    Status status = Status::Reported;
    std::optional<std::chrono::year_month_day> date;
    int time_precision = 0;  // 1 day, 2 week, 3 month or vaguer; 0 with no date
    int geo_precision = 3;   // 1 the named town or site, 2 near it or part of a region, 3 a region or feature
    Span evidence;           // the sentence the event came from
    double confidence = 0.5;
    // The text tells it as one more of its kind ("a second device exploded", "other missiles
    // slammed into…"): never the same event as one told before it.
    bool another = false;
};

// A deed the text tells at a place it names but that could not be located ("Russian forces
// captured Qwertovka", a village the gazetteer lacks): it cannot be drawn, so the map lists it.
struct UnplacedEvent {
    EventType type = EventType::Other;
    std::string place;  // the name as written
    Span evidence;      // the sentence it came from
};

}  // namespace frontmap::events
