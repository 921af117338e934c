#pragma once
// How the scene words and places events, read from annotation.json beside this stage (compiled
// into the library): titles, legend lines and callouts, side names, and the sizes of arrows,
// callouts and icon spreads.
#include "scene/scene.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace frontmap::scene {

struct SideName {
    std::string name;       // "Ukraine"
    std::string adjective;  // "Ukrainian"
};

// Alt text: a clause an event, in plain sentences for a report or a screen reader.
struct AltWording {
    std::string prefix, no_events, and_word, near, along, toward, at, region, places_in, killed, wounded, result, claim, denial,
        denial_plural;
    std::vector<std::string> is;  // "is", "are"
    std::set<std::string> lower_case_openers, singular_in_s;
    std::vector<std::string> a_before;      // words starting so take "a", though a vowel begins them
    std::vector<std::string> region_words;  // a region's name with one of these is named as it is
    size_t max_events = 6, max_places = 8;
    std::map<std::string, std::vector<std::string>> clauses;  // by type: with a side, without
};

struct Annotation {
    std::vector<std::vector<std::string>> main_event_tiers;
    std::map<std::string, EventSymbol> symbols;  // by event type
    std::set<std::string> area_types;
    // Each type's wording with a side ([0]) and without ([1]).
    std::map<std::string, std::vector<std::string>> titles, legend;
    std::vector<std::string> area_legend;
    std::map<std::string, std::string> title_in;  // "{in}" of a title by the place's type: "at the" Crimean Bridge
    std::string claimed_legend, denied_legend;
    std::map<std::string, std::string> places_verbs;
    std::vector<std::string> places_nouns;  // singular, plural
    std::string killed, wounded, approximate, denies;
    std::set<std::string> claimant_stops, claimant_drops;
    size_t claimant_max_chars = 40;
    std::string as_of, subtitle, source;
    std::vector<std::string> months;
    std::map<std::string, SideName> sides;
    std::map<std::string, std::vector<std::string>> titles_of_report;
    std::vector<std::string> report_places, counts;  // city, cities, place, places; one, two, ...
    double arrow_share_of_span = 0.25, arrow_min_km = 12, arrow_max_km = 110, arrow_step_km = 3, arrow_tip_gap_px = 6;
    double focus_km = 350, neighbour_km = 90;
    double one_report_km = 1500;  // how far apart the places of one report may lie and all be framed
    double legend_below_px = 640;  // maps narrower than this carry their legend below the map
    double legend_band_share = 0.3;  // the most of a map's height a legend band below it may take
    double small_legend_band_share = 0.4;  // ... when it has only the events' symbols
    double min_map_share = 0.35;  // headline and credits wrap only while the map keeps this much of the height
    double min_map_share_under_band = 0.25;  // a legend band below the map leaves it this much at least
    size_t max_callouts = 6;
    std::vector<double> callout_gaps_px;
    double callout_split_over_px = 300;
    double icon_spread = 2.3;
    // Callout patterns by what the event has: counts, a claimant, a denial.
    std::map<std::string, std::string> callout;
    std::vector<std::string> callout_breaks;  // where a long callout may break into two lines
    AltWording alt;
};

// The compiled-in annotation rules, parsed once.
const Annotation& annotation();

// Replaces "{key}" in `pattern` with each value; a key with no value is left as written.
std::string fill_in(std::string pattern, const std::map<std::string, std::string>& values);

}  // namespace frontmap::scene
