#include "common/proj.hpp"
#include "parse/parser.hpp"
#include "parse/described.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <unordered_set>
#include <unordered_map>

namespace frontmap::parse {

namespace {

using gazetteer::Place;
using gazetteer::PlaceType;

bool is_point_like(PlaceType t) {
    return t == PlaceType::City || t == PlaceType::Village || t == PlaceType::Infrastructure || t == PlaceType::Island;
}

// How well a candidate fits the words around the mention, before any geography.
double prior(const Place& c, const Mention& m) {
    double s = c.importance;
    const PlaceType t = c.type;
    switch (m.cue) {
        case TypeCue::Region:
            if (t == PlaceType::Region) s += 0.5;
            if (t == PlaceType::Country) s += 0.1;
            break;
        case TypeCue::River:
            if (t == PlaceType::River) s += 0.9;
            break;
        case TypeCue::Settlement:
            if (t == PlaceType::City || t == PlaceType::Village) s += 0.4;
            break;
        case TypeCue::None:
            // "the Dnipro" is the river, "Dnipro" the city; "Kherson" alone is the city.
            if (t == PlaceType::River || t == PlaceType::Sea) s += m.definite ? 0.45 : -0.4;
            if (t == PlaceType::Region && c.feature_code == "ADM1") s -= 0.08;
            break;
    }
    if (m.role == Role::Metonym) {
        if (c.feature_code == "PPLC" || t == PlaceType::Country) s += 0.3;
        if (t == PlaceType::Infrastructure) s += 0.2;
    }
    return s;
}

struct Scored {
    const Place* place = nullptr;
    double score = 0.0;
};

// The point of a river's course nearest to the story: "the west bank of the Dnieper" in an
// article about Kherson is the Dnieper at Kherson, not its middle at Kyiv.
// Vertices are compared on a plane scaled to the story's latitude (a river's hundreds of vertices
// per mention made the geodesic the parser's largest cost); only the distance kept is geodesic.
std::pair<double, double> nearest_on_course(const Place& river, double lon, double lat) {
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

double distance_to(const Place& c, double lon, double lat) {
    if (!c.course.empty()) {
        const auto [x, y] = nearest_on_course(c, lon, lat);
        return proj::geodesic_km(lon, lat, x, y);
    }
    return proj::geodesic_km(lon, lat, c.lon, c.lat);
}

// Whether an area holds a place: a country its places, an admin-1 unit the towns that carry its
// code, any other area (England, a curated region) the places of its country inside its extent.
bool holds(const Place& area, const Place& p) {
    if (area.id == p.id || area.country.empty() || area.country != p.country) return false;
    if (area.type == PlaceType::Country) return true;
    if (area.type != PlaceType::Region) return false;
    if (area.feature_code == "ADM1" && !area.admin1.empty()) return area.admin1 == p.admin1 && p.type != PlaceType::Region;
    return area.bbox.size() == 4 && p.lon >= area.bbox[0] && p.lon <= area.bbox[2] && p.lat >= area.bbox[1] && p.lat <= area.bbox[3];
}

// "Paris, Texas", "Hamilton, Ontario", "Springfield, Ill.": a place, a comma and an area that holds
// one of its readings. Both names are read together: the readings that fit each other are the
// ones meant. In a list ("Kherson, Mykolaiv and Odesa") no name holds the one before it.
struct Qualified {
    std::vector<std::unordered_set<std::string>> fitting;  // per mention, the ids of the readings that fit
    // Per mention, whether a state's abbreviation after it holds none of its readings ("Springfield,
    // Tex." where the gazetteer has no Springfield in Texas): a namesake the gazetteer lacks.
    std::vector<bool> unheld;
};

Qualified pair_qualifiers(const std::vector<Mention>& mentions, const std::vector<std::vector<Place>>& candidates,
                          const std::vector<bool>& qualifier_only) {
    Qualified q{std::vector<std::unordered_set<std::string>>(mentions.size()), std::vector<bool>(mentions.size(), false)};
    for (size_t i = 1; i < mentions.size(); ++i) {
        if (!mentions[i].after_place_comma) continue;
        for (const Place& area : candidates[i])
            for (const Place& p : candidates[i - 1])
                if (holds(area, p)) {
                    q.fitting[i].insert(area.id);
                    q.fitting[i - 1].insert(p.id);
                }
        q.unheld[i - 1] = q.fitting[i].empty() && !candidates[i].empty() && qualifier_only[i];
    }
    return q;
}

}  // namespace

void resolve(std::vector<Mention>& mentions, gazetteer::Gazetteer& gazetteer) {
    std::vector<std::vector<Place>> candidates(mentions.size());
    std::vector<bool> qualifier_only(mentions.size(), false);
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (mentions[i].role == Role::NotPlace) continue;
        candidates[i] = gazetteer.lookup(mentions[i].key);
        qualifier_only[i] = candidates[i].empty();
        if (mentions[i].after_place_comma)
            for (const Place& area : gazetteer.lookup_qualifier(mentions[i].key))
                if (std::none_of(candidates[i].begin(), candidates[i].end(), [&](const Place& c) { return c.id == area.id; })) candidates[i].push_back(area);
    }
    const Qualified qualified = pair_qualifiers(mentions, candidates, qualifier_only);
    for (size_t i = 0; i < mentions.size(); ++i)
        if (!qualified.fitting[i].empty()) {
            std::erase_if(candidates[i], [&](const Place& c) { return !qualified.fitting[i].count(c.id); });
            // "Paris, Texas": the area names where the place is; it does not act.
            if (mentions[i].after_place_comma) mentions[i].role = Role::Location;
        }

    // The article's countries: named countries count most, then the likeliest reading of
    // every other name.
    std::map<std::string, double> country_weight;
    for (size_t i = 0; i < mentions.size(); ++i) {
        const Place* top = nullptr;
        for (const auto& c : candidates[i])
            if (!top || prior(c, mentions[i]) > prior(*top, mentions[i])) top = &c;
        if (!top || top->country.empty()) continue;
        country_weight[top->country] += top->type == PlaceType::Country ? 2.0 : top->importance;
    }
    double heaviest = 0.0;
    for (const auto& [_, w] : country_weight) heaviest = std::max(heaviest, w);
    auto country_bonus = [&](const Place& c) {
        auto it = country_weight.find(c.country);
        return (it == country_weight.end() || heaviest <= 0) ? 0.0 : 0.35 * it->second / heaviest;
    };

    auto pick = [&](size_t i, const std::function<double(const Place&)>& extra) {
        std::vector<Scored> scored;
        for (const auto& c : candidates[i]) scored.push_back({&c, prior(c, mentions[i]) + country_bonus(c) + extra(c)});
        std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
            return a.score != b.score ? a.score > b.score : a.place->id < b.place->id;
        });
        return scored;
    };

    // Pass 1 without geography; its point-like picks give the story's centre.
    std::vector<double> lons, lats;
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (candidates[i].empty() || mentions[i].role != Role::Location) continue;
        const auto scored = pick(i, [](const Place&) { return 0.0; });
        const Place& p = *scored.front().place;
        if (is_point_like(p.type) || (p.type == PlaceType::Region && p.feature_code == "ADM1")) {
            lons.push_back(p.lon);
            lats.push_back(p.lat);
        }
    }
    // The median resists an outlier (a capital far from the front) better than the mean.
    auto median = [](std::vector<double> v) {
        std::nth_element(v.begin(), v.begin() + static_cast<long>(v.size() / 2), v.end());
        return v[v.size() / 2];
    };
    const bool has_centre = !lons.empty();
    const double centre_lon = has_centre ? median(lons) : 0.0;
    const double centre_lat = has_centre ? median(lats) : 0.0;

    // Pass 2: nearer the story's centre is likelier. A name told ten times brings the same
    // candidates ten times: each is measured once.
    std::unordered_map<std::string, double> km_to_centre;
    const auto from_centre = [&](const Place& c) {
        const auto [it, added] = km_to_centre.try_emplace(c.id, 0.0);
        if (added) it->second = distance_to(c, centre_lon, centre_lat);
        return it->second;
    };
    // Beyond a few thousand km the pull of the centre is nil; a flat-earth estimate says so without
    // a geodesic, for the many far namesakes of a common name (its error there is well under the margin).
    constexpr double kKmPerDegree = 111.2;
    constexpr double kNoPullKm = 4000.0;
    const auto pull_km = [&](const Place& c) {
        const double dy = c.lat - centre_lat;
        const double dx = std::remainder(c.lon - centre_lon, 360.0) * std::cos((c.lat + centre_lat) * M_PI / 360.0);
        const double rough_km = std::hypot(dx, dy) * kKmPerDegree;
        return c.course.empty() && rough_km > kNoPullKm ? rough_km : from_centre(c);
    };
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (candidates[i].empty()) continue;
        const auto scored = pick(i, [&](const Place& c) {
            if (!has_centre || c.type == PlaceType::Country) return 0.0;
            return 0.3 * std::exp(-pull_km(c) / 400.0);
        });
        Mention& m = mentions[i];
        m.place = *scored.front().place;
        if (has_centre && !m.place->course.empty()) {
            const auto [lon, lat] = nearest_on_course(*m.place, centre_lon, centre_lat);
            m.place->lon = lon;
            m.place->lat = lat;
        }
        // A country or capital that acts in the sentence stands for its government.
        if (m.role == Role::Location && m.actor != ActorCue::None) {
            const Place& c = *m.place;
            const bool state = c.type == PlaceType::Country || c.feature_code == "PPLC";
            if (state || (m.actor == ActorCue::Agent && c.feature_code == "PPLA")) m.role = Role::Metonym;
        }
        const double best = scored.front().score;
        const double second = scored.size() > 1 ? scored[1].score : 0.0;
        m.confidence = std::clamp(0.5 + (best - second), 0.05, 0.99);
        if (scored.size() == 1) m.confidence = std::clamp(0.6 + 0.4 * best, 0.05, 0.99);
        // A minor place far from the story, in a country the story is not about, is most likely
        // a namesake of a place the gazetteer lacks: keep it, but say how little we trust it.
        const Place& chosen = *m.place;
        const auto weight = country_weight.find(chosen.country);
        const bool foreign = weight == country_weight.end() || weight->second < 0.3 * heaviest;
        if (has_centre && is_point_like(chosen.type) && chosen.importance < 0.45 && foreign &&
            from_centre(chosen) > 1500.0)
            m.confidence = 0.1;
        if (qualified.unheld[i]) m.confidence = 0.1;
        m.confidence = std::round(m.confidence * 100.0) / 100.0;
    }
}

namespace {

bool is_state(const Mention& m) {
    return m.place && (m.place->type == PlaceType::Country || m.place->feature_code == "PPLC");
}

// "Washington and Riyadh", "Rwanda, France and the United States": states listed together
// play one part, so an actor's role carries to the others in its list.
void coordinate_roles(std::string_view article, std::vector<Mention>& mentions) {
    auto joined = [&](const Mention& a, const Mention& b) {
        if (b.start < a.end) return false;
        std::string_view gap = article.substr(a.end, b.start - a.end);
        // "the U.S. and Britain": an initialism's last stop belongs to it.
        if (gap.starts_with('.') && a.text.find('.') != std::string::npos) gap.remove_prefix(1);
        return gap == " and " || gap == ", " || gap == ", and " || gap == " and the " || gap == ", the ";
    };
    for (int pass = 0; pass < 2; ++pass)
        for (size_t i = 0; i + 1 < mentions.size(); ++i) {
            Mention& a = mentions[i];
            Mention& b = mentions[i + 1];
            if (!joined(a, b) || !is_state(a) || !is_state(b)) continue;
            if (a.role == Role::Metonym && b.role == Role::Location) b.role = Role::Metonym;
            if (b.role == Role::Metonym && a.role == Role::Location) a.role = Role::Metonym;
        }
}

}  // namespace

std::vector<Mention> Parser::parse(std::string_view article) {
    Words words;
    return parse(article, words);
}

std::vector<Mention> Parser::parse(std::string_view article, Words& words) {
    auto mentions = recognize(article, gazetteer_, words);
    resolve(mentions, gazetteer_);
    coordinate_roles(article, mentions);
    place_described(article, mentions, words, gazetteer_);
    return mentions;
}

}  // namespace frontmap::parse
