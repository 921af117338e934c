#pragma once
// How the resolver ranks a name's readings: a weighted sum of features of each candidate place,
// whose weights are fitted on the labelled corpus by tools/ranker and kept in parse/ranker.json.
#include "gazetteer/gazetteer.hpp"
#include "parse/mention.hpp"

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace frontmap::parse::ranking {

// What the resolver knows of one reading. The names are ranker.json's keys.
inline constexpr std::array<std::string_view, 19> kFeatureNames = {
    "importance",      // the gazetteer's prior for the place (0..1)
    "log_population",  // log10(1 + population) / 7
    "country",         // the reading is a country
    "admin1",          // a first-level admin area
    "named_area",      // a curated area: continent, world region, ocean, sea, the UK's nations
    "capital",         // a national capital
    "admin_seat",      // the seat of an admin-1 or admin-2 area
    "primary_name",    // the name is the place's own, not one of its alternates ("Mexico" for Mexico City)
    "cue_fits",        // the words around fit its kind ("the Kherson region", "the city of Kherson")
    "cue_clashes",     // the words around name another kind
    "water_after_the", // a river or sea after "the" ("the Dnipro")
    "water_bare",      // a river or sea without "the" ("Dnipro" alone is the city)
    "state_acts",      // a country or capital that acts ("Moscow said")
    "site_acts",       // a building that acts ("the Kremlin said")
    "country_share",   // how much of the article is about its country (0..1)
    "admin1_share",    // how much of the article is about its admin-1 area (0..1)
    "near_centre",     // exp(-km / 400) from the article's centre
    "inside_named_area", // inside a country or region the article names elsewhere
    "admin2",          // a second-level admin area: a county, district or raion
};
inline constexpr size_t kFeatureCount = kFeatureNames.size();
using Features = std::array<double, kFeatureCount>;

struct Weights {
    Features w{};
    [[nodiscard]] double score(const Features& f) const {
        double s = 0.0;
        for (size_t i = 0; i < kFeatureCount; ++i) s += w[i] * f[i];
        return s;
    }
};

// The weights of parse/ranker.json, read once.
const Weights& fitted();
// Reads weights from ranker.json's text; throws DataError naming a missing or unknown feature.
Weights read_weights(std::string_view text);

// Every mention's candidate places, and the features of each, as the resolver ranks them.
struct Readings {
    std::vector<std::vector<gazetteer::Place>> candidates;
    std::vector<std::vector<Features>> features;
    // Per mention: a qualifier's area holds none of its readings ("Springfield, Tex." where the
    // gazetteer has no Springfield in Texas), so its best reading is a namesake of one it lacks.
    std::vector<bool> unheld;
    // Per mention: it names the area that holds the place before it ("Texas" in "Paris, Texas").
    std::vector<bool> qualifier;
    // Per mention: the area after it picked its readings ("Paris" in "Paris, Texas").
    std::vector<bool> qualified;
    // The article's centre (median of its likeliest towns), when it has one.
    bool has_centre = false;
    double centre_lon = 0.0, centre_lat = 0.0;
};

// Gathers the readings (a qualifier keeps only those that fit it) and computes their features,
// with the article's context taken from each mention's likeliest reading under `weights`.
Readings read(std::vector<Mention>& mentions, gazetteer::Gazetteer& gazetteer, const Weights& weights);

// A place drawn as a point: a town, a village, a site or an island.
bool is_point_like(gazetteer::PlaceType t);

// The point of a river's course nearest to (lon, lat): "the west bank of the Dnieper" in an article
// about Kherson is the Dnieper at Kherson, not its middle at Kyiv.
std::pair<double, double> nearest_on_course(const gazetteer::Place& river, double lon, double lat);

}  // namespace frontmap::parse::ranking
