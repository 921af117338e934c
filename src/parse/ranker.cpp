#include "parse/ranker.hpp"

#include "common/error.hpp"
#include "parse/scoring.hpp"
#include "common/proj.hpp"
#include "common/text.hpp"
#include "parse/lexicon.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace frontmap::parse {
extern const std::string_view kRankerJson;
}

namespace frontmap::parse::ranking {

using gazetteer::Place;
using gazetteer::PlaceType;

Weights read_weights(std::string_view text) {
    const auto doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("weights") || !doc["weights"].is_object())
        throw DataError("ranker weights", "not a JSON object with a \"weights\" object");
    Weights w;
    std::vector<bool> seen(kFeatureCount, false);
    for (const auto& [name, value] : doc["weights"].items()) {
        const auto *const it = std::find(kFeatureNames.begin(), kFeatureNames.end(), name);
        if (it == kFeatureNames.end()) throw DataError("ranker weights", "unknown feature '" + name + "'");
        if (!value.is_number()) throw DataError("ranker weights", "feature '" + name + "' is not a number");
        const auto i = static_cast<size_t>(it - kFeatureNames.begin());
        w.w[i] = value.get<double>();
        seen[i] = true;
    }
    for (size_t i = 0; i < kFeatureCount; ++i)
        if (!seen[i]) throw DataError("ranker weights", "no weight for feature '" + std::string(kFeatureNames[i]) + "'");
    return w;
}

const Weights& fitted() {
    static const Weights weights = read_weights(kRankerJson);
    return weights;
}

std::pair<double, double> nearest_on_course(const Place& river, double lon, double lat) {
    // Vertices are compared on a plane scaled to the story's latitude (a river's hundreds of
    // vertices per mention made the geodesic the parser's largest cost); only the distance kept is geodesic.
    std::pair<double, double> best{river.lon, river.lat};
    double best_d2 = std::numeric_limits<double>::max();
    const double x_scale = std::cos(lat * M_PI / 180.0);
    for (const auto& [x, y] : river.course) {
        const double dx = (x - lon) * x_scale;
        const double dy = y - lat;
        if (const double d2 = dx * dx + dy * dy; d2 < best_d2) {
            best_d2 = d2;
            best = {x, y};
        }
    }
    return best;
}

bool is_point_like(PlaceType t) {
    return t == PlaceType::City || t == PlaceType::Village || t == PlaceType::Infrastructure || t == PlaceType::Island;
}

namespace {

bool is_water(PlaceType t) { return t == PlaceType::River || t == PlaceType::Sea; }
bool is_admin1(const Place& p) { return p.type == PlaceType::Region && p.feature_code == "ADM1"; }
bool is_named_area(const Place& p) { return (p.type == PlaceType::Region || p.type == PlaceType::Sea) && p.feature_code != "ADM1" && p.bbox.has_value(); }

// Whether an area holds a place: a country its places, an admin-1 unit the towns that carry its
// code, any other area (England, a curated region) the places of its country inside its extent.
bool holds(const Place& area, const Place& p) {
    if (area.id == p.id || area.country.empty() || area.country != p.country) return false;
    if (area.type == PlaceType::Country) return true;
    if (area.type != PlaceType::Region) return false;
    // An admin-1 unit holds its towns and its counties ("Lamar County, Texas").
    if (area.feature_code == "ADM1" && !area.admin1.empty())
        return area.admin1 == p.admin1 && (p.type != PlaceType::Region || p.feature_code == "ADM2");
    return gazetteer::extent_holds(area.bbox, p);
}

// The features a reading has before the rest of the article is read.
Features own_features(const Place& c, const Mention& m) {
    Features f{};
    const PlaceType t = c.type;
    f[0] = c.importance;
    f[1] = std::log10(1.0 + static_cast<double>(std::max(0LL, c.population))) / 7.0;
    f[2] = t == PlaceType::Country ? 1 : 0;
    f[3] = is_admin1(c) ? 1 : 0;
    f[4] = is_named_area(c) ? 1 : 0;
    f[5] = c.feature_code == "PPLC" ? 1 : 0;
    f[6] = c.feature_code == "PPLA" || c.feature_code == "PPLA2" ? 1 : 0;
    f[7] = text::name_key(c.name) == m.key ? 1 : 0;
    bool fits = false;
    switch (m.cue) {
        case TypeCue::Region: fits = t == PlaceType::Region || t == PlaceType::Country; break;
        case TypeCue::River: fits = t == PlaceType::River; break;
        case TypeCue::Settlement: fits = t == PlaceType::City || t == PlaceType::Village; break;
        case TypeCue::None: break;
    }
    f[8] = fits ? 1 : 0;
    f[9] = m.cue != TypeCue::None && !fits ? 1 : 0;
    f[10] = m.cue == TypeCue::None && m.definite && is_water(t) ? 1 : 0;
    f[11] = m.cue == TypeCue::None && !m.definite && is_water(t) ? 1 : 0;
    const bool acts = m.role == Role::Metonym;
    f[12] = acts && (t == PlaceType::Country || c.feature_code == "PPLC") ? 1 : 0;
    f[13] = acts && t == PlaceType::Infrastructure ? 1 : 0;
    f[18] = c.feature_code == "ADM2" ? 1 : 0;
    return f;
}

// "Paris, Texas", "Hamilton, Ontario", "Springfield, Ill.": a place, a comma and an area that holds
// one of its readings. Both names are read together: the readings that fit each other are the
// ones meant. In a list ("Kherson, Mykolaiv and Odesa") no name holds the one before it.
void keep_qualified(const std::vector<Mention>& mentions, const std::vector<bool>& qualifier_only, Readings& r) {
    auto& candidates = r.candidates;
    for (size_t i = 1; i < mentions.size(); ++i) {
        if (!mentions[i].after_place_comma) continue;
        std::unordered_set<std::string> areas;
        std::unordered_set<std::string> places;
        for (const Place& area : candidates[i])
            for (const Place& p : candidates[i - 1])
                if (holds(area, p)) {
                    areas.insert(area.id);
                    places.insert(p.id);
                }
        r.unheld[i - 1] = areas.empty() && !candidates[i].empty() && qualifier_only[i];
        if (areas.empty()) continue;
        r.qualifier[i] = true;
        r.qualified[i - 1] = true;
        std::erase_if(candidates[i], [&](const Place& c) { return !areas.contains(c.id); });
        std::erase_if(candidates[i - 1], [&](const Place& c) { return !places.contains(c.id); });
    }
}

std::vector<bool> gather(std::vector<Mention>& mentions, gazetteer::Gazetteer& gazetteer, Readings& r) {
    r.candidates.assign(mentions.size(), {});
    r.unheld.assign(mentions.size(), false);
    r.qualifier.assign(mentions.size(), false);
    r.qualified.assign(mentions.size(), false);
    std::vector<bool> qualifier_only(mentions.size(), false);
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (mentions[i].role == Role::NotPlace) continue;
        auto& c = r.candidates[i];
        c = gazetteer.lookup(mentions[i].key);
        qualifier_only[i] = c.empty();
        // "Whitehall said", "the Kremlin said": a seat of power is the building, not a town of its name.
        const auto building = [](const Place& p) { return p.type == PlaceType::Infrastructure; };
        if (lexicon::is_seat_of_power(mentions[i].key) && std::any_of(c.begin(), c.end(), building)) std::erase_if(c, [&](const Place& p) { return !building(p); });
        if (mentions[i].after_place_comma)
            for (const Place& area : gazetteer.lookup_qualifier(mentions[i].key))
                if (std::none_of(c.begin(), c.end(), [&](const Place& p) { return p.id == area.id; })) c.push_back(area);
    }
    return qualifier_only;
}

// What the rest of the article says, from each mention's likeliest reading on its own features.
struct Context {
    std::map<std::string, double> country_weight;
    double heaviest_country = 0.0;
    std::map<std::pair<std::string, std::string>, double> admin1_weight;
    double heaviest_admin1 = 0.0;
    struct Area {
        size_t mention;
        const Place* place;
    };
    std::vector<Area> areas;  // countries and regions the article names
};

// A mention's likeliest reading on its own features, or null when it has none.
const Place* likeliest(const Readings& r, const Weights& weights, size_t i) {
    const Place* top = nullptr;
    double top_score = 0.0;
    for (size_t k = 0; k < r.candidates[i].size(); ++k)
        if (const double s = weights.score(r.features[i][k]); !top || s > top_score) {
            top = &r.candidates[i][k];
            top_score = s;
        }
    return top;
}

Context context_of(const std::vector<Mention>& mentions, const Readings& r, const Weights& weights, std::vector<double>& lons,
                   std::vector<double>& lats) {
    Context ctx;
    for (size_t i = 0; i < mentions.size(); ++i) {
        const Place* top = likeliest(r, weights, i);
        if (!top) continue;
        if (!top->country.empty()) ctx.country_weight[top->country] += top->type == PlaceType::Country ? 2.0 : top->importance;
        if (!top->admin1.empty() && (is_point_like(top->type) || is_admin1(*top))) ctx.admin1_weight[{top->country, top->admin1}] += 1.0;
        if (top->type == PlaceType::Country || top->type == PlaceType::Region) ctx.areas.push_back({i, top});
        if (mentions[i].role == Role::Location && (is_point_like(top->type) || is_admin1(*top))) {
            lons.push_back(top->lon);
            lats.push_back(top->lat);
        }
    }
    for (const auto& [_, w] : ctx.country_weight) ctx.heaviest_country = std::max(ctx.heaviest_country, w);
    for (const auto& [_, w] : ctx.admin1_weight) ctx.heaviest_admin1 = std::max(ctx.heaviest_admin1, w);
    return ctx;
}

// How much of the article is about a reading's country and its admin-1 area.
void share_features(const Context& ctx, const Place& c, Features& f) {
    if (const auto it = ctx.country_weight.find(c.country); it != ctx.country_weight.end() && ctx.heaviest_country > 0)
        f[14] = it->second / ctx.heaviest_country;
    if (const auto it = ctx.admin1_weight.find({c.country, c.admin1}); it != ctx.admin1_weight.end() && !c.admin1.empty())
        f[15] = it->second / ctx.heaviest_admin1;
}

// The pull of the article's centre on a reading; each place's distance is worked out once, in
// `km_to_centre`.
double near_centre(const Readings& r, const Place& c, std::unordered_map<std::string, double>& km_to_centre) {
    if (!r.has_centre || c.type == PlaceType::Country) return 0.0;
    // Beyond a few thousand km the pull of the centre is nil; a flat-earth estimate says so without
    // a geodesic, for the many far namesakes of a common name (its error there is well under the margin).
    constexpr double kKmPerDegree = 111.2;
    const double dy = c.lat - r.centre_lat;
    const double dx = std::remainder(c.lon - r.centre_lon, 360.0) * std::cos((c.lat + r.centre_lat) * M_PI / 360.0);
    if (c.course.empty() && std::hypot(dx, dy) * kKmPerDegree > scoring().centre.no_pull_km) return 0.0;
    const auto [it, added] = km_to_centre.try_emplace(c.id, 0.0);
    if (added) {
        const auto [x, y] = c.course.empty() ? std::pair{c.lon, c.lat} : nearest_on_course(c, r.centre_lon, r.centre_lat);
        it->second = proj::geodesic_km(r.centre_lon, r.centre_lat, x, y);
    }
    return std::exp(-it->second / scoring().centre.decay_km);
}

// Whether a reading lies inside a country or region another mention of the article names.
bool inside_named_area(const Context& ctx, const std::vector<Mention>& mentions, size_t i, const Place& c) {
    return std::ranges::any_of(ctx.areas, [&](const auto& area) {
        return mentions[area.mention].key != mentions[i].key && area.place->id != c.id &&
               (area.place->type == PlaceType::Country ? area.place->country == c.country : gazetteer::extent_holds(area.place->bbox, c));
    });
}

double median(std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
    return v[v.size() / 2];
}

}  // namespace

Readings read(std::vector<Mention>& mentions, gazetteer::Gazetteer& gazetteer, const Weights& weights) {
    Readings r;
    const auto qualifier_only = gather(mentions, gazetteer, r);
    keep_qualified(mentions, qualifier_only, r);
    r.features.resize(mentions.size());
    for (size_t i = 0; i < mentions.size(); ++i)
        for (const Place& c : r.candidates[i]) r.features[i].push_back(own_features(c, mentions[i]));

    std::vector<double> lons;
    std::vector<double> lats;
    const Context ctx = context_of(mentions, r, weights, lons, lats);
    // The median resists an outlier (a capital far from the front) better than the mean.
    r.has_centre = !lons.empty();
    if (r.has_centre) {
        r.centre_lon = median(lons);
        r.centre_lat = median(lats);
    }
    std::unordered_map<std::string, double> km_to_centre;
    for (size_t i = 0; i < mentions.size(); ++i)
        for (size_t k = 0; k < r.candidates[i].size(); ++k) {
            const Place& c = r.candidates[i][k];
            Features& f = r.features[i][k];
            share_features(ctx, c, f);
            f[16] = near_centre(r, c, km_to_centre);
            if (inside_named_area(ctx, mentions, i, c)) f[17] = 1;
        }
    return r;
}

}  // namespace frontmap::parse::ranking
