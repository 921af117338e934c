#pragma once
// The events of a scene: which one names the map, what frames it, and how each is drawn (arrow,
// hatched area, marker or icon), with its callout, all placed clear of one another.
#include "scene/build.hpp"
#include "scene/labels.hpp"

#include <optional>
#include <vector>

namespace frontmap::scene::detail {

// The event the map is about: of the best tier of types (annotation.json's main_event_tiers),
// one a side is named for, at a town, first told; nullopt when no event has a place.
std::optional<size_t> main_event(const std::vector<EventSubject>& events);

// The lon/lat points that must be in the frame: the main event and the other places of its own
// report, every event within the focus distance of these (with its `toward`, `from` and a
// hatched region's box).
std::vector<std::array<double, 2>> frame_points(const std::vector<EventSubject>& events, size_t main);

// "Ukrainian forces advance on Kherson"; for one deed reported at several places framed
// together, "Russian strikes on Kyiv and four other cities".
std::string event_title(const std::vector<EventSubject>& events, size_t main);

// "21 October 2022" from "2022-10-21"; empty for anything else.
std::string long_date(const std::string& iso);

// The callout's words: counts and who says so ("4 killed, 13 wounded — Moscow-installed
// authorities; Ukraine denies"); empty when the event has neither.
std::string callout_text(const EventSubject& e);

// The map in words, for a report's alt text and the SVG's description: "Map: Ukrainian forces
// advance toward Kherson; an attack by Ukraine near Kherson killed 4 and wounded 13, according
// to Moscow-installed authorities, which Ukraine denies." The main event first, then the others
// drawn in the main map in the article's order; with none, the places named. `marks` are
// `event_marks(events, ...)`, one for each located event in order.
std::string alt_text(const std::vector<EventSubject>& events, const std::vector<EventMark>& marks, std::optional<size_t> main,
                     const std::vector<Feature>& places);

// Every located event as drawn: its symbol and its geometry in lon/lat (an arrow's line, a
// region's rings), whether it is in the main map.
std::vector<EventMark> event_marks(const std::vector<EventSubject>& events, const Projector& p, const io::Basemap& basemap);

// Reserves the arrows' bodies in `placer`, then places the icons and flags apart from them and
// from one another.
void place_icons(std::vector<EventMark>& marks, const Projector& p, const style::Style& style, LabelPlacer& placer);

// Callouts for the marks that have something to say, most important first, up to the limit.
void place_callouts(std::vector<EventMark>& marks, const std::vector<EventSubject>& events, const Projector& p,
                    const style::Style& style, const TextMeasure& measure, LabelPlacer& placer);

// Legend lines for the marks in view: one per symbol, type and side, then claimed and denied.
std::vector<LegendEntry> event_legend(const std::vector<EventMark>& marks);

// The legend rows the story's events would need if every one were drawn: sizes a legend band
// before the map is framed.
std::vector<LegendEntry> draft_legend(const std::vector<EventSubject>& events);

}  // namespace frontmap::scene::detail
