#include "scene/events.hpp"

#include "common/bbox.hpp"
#include "common/proj.hpp"
#include "common/steps.hpp"
#include "common/text.hpp"
#include "scene/annotation.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <tuple>

namespace frontmap::scene::detail {

namespace {

using LonLat = std::array<double, 2>;

const std::vector<std::string>& wording(const std::map<std::string, std::vector<std::string>>& table, const std::string& type) {
    static const std::vector<std::string> none{"{place}", "{place}"};
    const auto it = table.find(type);
    return it == table.end() || it->second.size() < 2 ? none : it->second;
}

// A side's names: the table's, else the key itself ("RSF", "M23").
SideName side_name(const std::string& side) {
    const auto& sides = annotation().sides;
    if (const auto it = sides.find(side); it != sides.end()) return it->second;
    return {side, side};
}

// Fills a pattern pair: the first with a side, the second without.
std::string with_side(const std::vector<std::string>& pair, const std::string& side, std::map<std::string, std::string> values) {
    if (side.empty()) return fill_in(pair[1], values);
    const SideName names = side_name(side);
    values["Adjective"] = names.adjective;
    values["name"] = names.name;
    return fill_in(pair[0], values);
}

bool located(const EventSubject& e) { return std::isfinite(e.lon) && std::isfinite(e.lat) && !(e.lon == 0 && e.lat == 0); }

EventSymbol symbol_of(const EventSubject& e) {
    const Annotation& a = annotation();
    if (e.place_type == "region" && e.area_bbox.has_value() && (a.area_types.contains(e.type))) return EventSymbol::Area;
    const auto it = a.symbols.find(e.type);
    return it == a.symbols.end() ? EventSymbol::Icon : it->second;
}

double km_per_px(const Projector& p) {
    const Box& b = p.box();
    const Point a{b.x + b.w / 2 - 50, b.y + b.h / 2};
    const Point c{b.x + b.w / 2 + 50, b.y + b.h / 2};
    const auto [lon1, lat1] = p.to_lon_lat(a);
    const auto [lon2, lat2] = p.to_lon_lat(c);
    return proj::geodesic_km(lon1, lat1, lon2, lat2) / 100.0;
}

double px_distance(const Point& a, const Point& b) { return std::hypot(a.x - b.x, a.y - b.y); }

LonLat lon_lat(const Projector& p, const Point& px) {
    const auto [lon, lat] = p.to_lon_lat(px);
    return {lon, lat};
}

// The segment of `px` nearest `tip`: walking from its two ends never doubles back past the tip.
size_t nearest_segment(const std::vector<Point>& px, const Point& tip) {
    size_t nearest = 0;
    double best = 1e18;
    for (size_t i = 0; i + 1 < px.size(); ++i) {
        const Point a = px[i];
        const Point b = px[i + 1];
        const double len2 = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
        const double t = len2 > 0 ? std::clamp(((tip.x - a.x) * (b.x - a.x) + (tip.y - a.y) * (b.y - a.y)) / len2, 0.0, 1.0) : 0.0;
        const double d = px_distance(tip, {a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)});
        if (d < best) {
            best = d;
            nearest = i;
        }
    }
    return nearest;
}

// The course from `tip` one vertex at a time, `step` -1 or 1 along `px` from the segment
// `nearest`, until `length` pixels or the edge of the map; with the pixels it ran.
std::pair<double, std::vector<Point>> walk_course(const std::vector<Point>& px, size_t nearest, int step, const Point& tip, double length,
                                                  const Projector& p) {
    std::vector<Point> out{tip};
    double run = 0;
    const int start = static_cast<int>(step < 0 ? nearest : nearest + 1);
    for (int i = start; i >= 0 && i < static_cast<int>(px.size()) && run < length; i += step) {
        const Point& q = px[static_cast<size_t>(i)];
        if (!std::isfinite(q.x) || !p.box().contains(q)) break;
        const double d = px_distance(out.back(), q);
        if (d < 1) continue;
        if (run + d > length) {
            const double f = (length - run) / d;
            out.push_back({out.back().x + f * (q.x - out.back().x), out.back().y + f * (q.y - out.back().y)});
            run = length;
            break;
        }
        out.push_back(q);
        run += d;
    }
    return std::pair{run, out};
}

// The course of a river from its point nearest `tip`, walked `length` pixels away: upstream or
// downstream, whichever runs longer inside the map (an estuary ends a short way below a port).
std::vector<Point> along_course(const std::vector<LonLat>& course, const Point& tip, double length, const Projector& p,
                                const std::optional<Point>& from = std::nullopt) {
    std::vector<Point> px;
    px.reserve(course.size());
    for (const auto& v : course) px.push_back(p.to_pixel(v[0], v[1]));
    if (px.size() < 2) return {};
    const size_t nearest = nearest_segment(px, tip);
    auto up = walk_course(px, nearest, -1, tip, length, p);
    auto down = walk_course(px, nearest, 1, tip, length, p);
    auto& longer = up.first >= down.first ? up.second : down.second;
    if (from && up.second.size() >= 2 && down.second.size() >= 2) {
        // "From X down the river": the way whose end comes nearer X.
        const bool upstream = px_distance(up.second.back(), *from) <= px_distance(down.second.back(), *from);
        auto& chosen = upstream ? up.second : down.second;
        std::reverse(chosen.begin(), chosen.end());
        return chosen;
    }
    std::reverse(longer.begin(), longer.end());  // tail first
    return longer.size() >= 2 ? longer : std::vector<Point>{};
}

// A straight arrow `length` pixels long ending at `tip`, coming from `from`'s direction, kept
// inside the map.
std::vector<Point> straight(const Point& tip, const Point& from, double length, const Box& box) {
    const double d = px_distance(tip, from);
    if (d < 1 || !std::isfinite(d)) return {};
    const double ux = (from.x - tip.x) / d;
    const double uy = (from.y - tip.y) / d;
    double run = std::min(length, d);
    // Shorten until the tail lies inside the map, so no arrow starts off the page.
    while (run > length * 0.3 && !box.contains(Point{tip.x + ux * run, tip.y + uy * run})) run *= 0.9;
    return {{tip.x + ux * run, tip.y + uy * run}, tip};
}

// Pulls the tip back by `gap` pixels, so the head stops at the marker it points at.
void shorten_tip(std::vector<Point>& line, double gap) {
    if (line.size() < 2) return;
    Point& tip = line.back();
    const Point& before = line[line.size() - 2];
    const double d = px_distance(tip, before);
    if (d <= gap * 2) return;
    tip = {tip.x + (before.x - tip.x) * gap / d, tip.y + (before.y - tip.y) * gap / d};
}

std::vector<LonLat> arrow_line(const EventSubject& e, const Projector& p) {
    const Annotation& a = annotation();
    const double span_km = km_per_px(p) * std::min(p.box().w, p.box().h);
    const double length = std::clamp(a.arrow_share_of_span * span_km, a.arrow_min_km, a.arrow_max_km) / km_per_px(p);
    const bool away = e.type == "withdrawal";
    const NamedPoint target = away ? NamedPoint{e.place, e.lon, e.lat} : e.toward.value_or(NamedPoint{e.place, e.lon, e.lat});
    const Point tip = p.to_pixel(target.lon, target.lat);
    std::vector<Point> px;
    if (!away && !e.along_course.empty()) {
        // From a named place along the river the arrow runs the whole way; else a set length.
        std::optional<Point> from;
        double run = length;
        if (e.from) {
            from = p.to_pixel(e.from->lon, e.from->lat);
            run = std::max(length, px_distance(*from, tip));
        }
        px = along_course(e.along_course, tip, run, p, from);
    }
    if (px.empty() && !away && e.from) px = straight(tip, p.to_pixel(e.from->lon, e.from->lat), length, p.box());
    if (px.empty()) {
        // From the actor's own country, as a desk draws a push from the side's held ground; with
        // no side, from the west, a neutral default the user can move in the scene.
        Point home{tip.x - 100, tip.y};
        if (e.side_home) home = p.to_pixel(e.side_home->lon, e.side_home->lat);
        if (!std::isfinite(home.x) || px_distance(home, tip) < 1) home = {tip.x - 100, tip.y};
        px = straight(tip, home, length, p.box());
    }
    if (px.size() < 2) return {};
    if (away) {
        // A withdrawal leaves the place: the same line, reversed.
        std::reverse(px.begin(), px.end());
    } else {
        shorten_tip(px, a.arrow_tip_gap_px + 6);
    }
    std::vector<LonLat> out;
    out.reserve(px.size());
    for (const auto& q : px) out.push_back(lon_lat(p, q));
    return out;
}

bool ring_contains(const io::Path& ring, double lon, double lat) {
    bool in = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const auto& a = ring[i];
        const auto& b = ring[j];
        if ((a.lat > lat) != (b.lat > lat) && lon < (b.lon - a.lon) * (lat - a.lat) / (b.lat - a.lat) + a.lon) in = !in;
    }
    return in;
}

// Whether an admin-1 area's name is the region's: "Kherson" = "Kherson Oblast" = "kherson".
bool same_region_name(const std::string& area, const std::string& region) {
    const std::string a = text::name_key(area);
    const std::string r = text::name_key(region);
    if (a.empty() || r.empty()) return false;
    auto starts = [](const std::string& whole, const std::string& part) { return whole.rfind(part + " ", 0) == 0; };
    return a == r || starts(a, r) || starts(r, a);
}

// The admin-1 area holding the event's point, its rings thinned to what shows at this scale.
std::vector<std::vector<LonLat>> area_rings(const EventSubject& e, const Projector& p, const io::Basemap& basemap) {
    if (!e.area_bbox) return {};
    for (const auto& f : basemap.read("admin1", *e.area_bbox)) {
        if (!e.country.empty() && !f.country.empty() && f.country != e.country) continue;
        // Only the region the text names: "Darfur" holds five states, none of them Darfur.
        if (!same_region_name(f.name, e.area_name.empty() ? e.place : e.area_name)) continue;
        const bool holds = std::any_of(f.parts.begin(), f.parts.end(), [&](const io::Path& r) { return ring_contains(r, e.lon, e.lat); });
        if (!holds) continue;
        std::vector<std::vector<LonLat>> rings;
        for (const auto& part : f.parts) {
            std::vector<LonLat> ring;
            Point last{-1e9, -1e9};
            for (const auto& v : part) {
                const Point q = p.to_pixel(v.lon, v.lat);
                if (!ring.empty() && px_distance(q, last) < 1.5) continue;
                ring.push_back({v.lon, v.lat});
                last = q;
            }
            if (ring.size() >= 3) {
                ring.push_back(ring.front());
                rings.push_back(std::move(ring));
            }
        }
        return rings;
    }
    return {};
}

Box square(const Point& c, double r) { return {c.x - r, c.y - r, 2 * r, 2 * r}; }

// An icon at its point, or when that is taken, on a ring around it (several events at one town).
std::optional<Box> place_icon(const Point& at, double r, LabelPlacer& placer) {
    if (auto b = placer.place_at(square(at, r + 1))) return square(at, r);
    const double d = annotation().icon_spread * r;
    for (int k = 0; k < 8; ++k) {
        const double angle = -M_PI / 2 + k * M_PI / 4;
        const Point c{at.x + d * std::cos(angle), at.y + d * std::sin(angle)};
        if (placer.place_at(square(c, r + 1))) return square(c, r);
    }
    return std::nullopt;
}

// Reserves the body of an arrow, so no label or callout is drawn over it.
void reserve_line(const std::vector<LonLat>& line, const Projector& p, double half_width, LabelPlacer& placer) {
    for (size_t i = 1; i < line.size(); ++i) {
        const Point a = p.to_pixel(line[i - 1][0], line[i - 1][1]);
        const Point b = p.to_pixel(line[i][0], line[i][1]);
        const double d = px_distance(a, b);
        each_step(0.0, d, half_width, StepEnd::Inclusive, [&](double t) {
            const Point q{a.x + (b.x - a.x) * t / d, a.y + (b.y - a.y) * t / d};
            placer.add_obstacle(square(q, half_width * 0.8));
        });
    }
}

// "Moscow-installed authorities in the region" -> "Moscow-installed authorities"; a callout also
// drops a leading article ("the army" -> "army"), prose keeps it.
std::string short_party(const std::string& text, const std::string& side, bool drop_article = true) {
    const Annotation& a = annotation();
    std::istringstream in(text);
    std::string word;
    std::string out;
    bool first = true;
    while (in >> word) {
        std::string lower = word;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        if (first && drop_article && (a.claimant_drops.contains(lower))) continue;
        if (!out.empty() && (a.claimant_stops.contains(lower))) break;
        if (!out.empty() && word.front() == '(') break;
        out += (out.empty() ? "" : " ") + word;
        first = false;
    }
    while (!out.empty() && std::string(",;:.'\"").find(out.back()) != std::string::npos) out.pop_back();
    if (out.size() > a.claimant_max_chars && !side.empty()) return side_name(side).name;
    if (out.size() > a.claimant_max_chars) out = out.substr(0, out.rfind(' ', a.claimant_max_chars));
    return out;
}

std::string count_text(long long n, bool approximate) {
    const std::string number = std::to_string(n);
    return approximate ? annotation().approximate + " " + number : number;
}

std::string counts_text(const EventSubject& e) {
    const Annotation& a = annotation();
    std::string out;
    auto add = [&](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    if (e.killed) add(count_text(*e.killed, e.approximate) + " " + a.killed);
    if (e.wounded) add(count_text(*e.wounded, e.approximate && !e.killed) + " " + a.wounded);
    if (e.places && a.places_nouns.size() >= 2) {
        const auto verb = a.places_verbs.find(e.type);
        add(count_text(*e.places, e.approximate) + " " + a.places_nouns[*e.places == 1 ? 0 : 1] +
            (verb == a.places_verbs.end() ? "" : " " + verb->second));
    }
    return out;
}

double importance(const EventMark& m, const EventSubject& e) {
    double score = 0;
    if (e.killed) score += 3 + std::log10(1.0 + static_cast<double>(*e.killed));
    if (e.wounded || e.places) score += 2;
    if (m.status == EventStatus::Denied) score += 1.5;
    if (m.status == EventStatus::Claimed) score += 1;
    return score;
}

// The word before a place of this type: "at the" Crimean Bridge, "in" a town (title_in).
std::string in_word(const std::string& place_type) {
    const auto& in = annotation().title_in;
    auto it = in.find(place_type);
    if (it == in.end()) it = in.find("default");
    return it == in.end() ? "in" : it->second;
}

// Whether the claimant is named: a party to the fighting always; a source that is no party only
// beside the counts it gives or a denial of its claim, never alone.
bool claimant_named(const EventSubject& e) {
    return !e.claimed_by.empty() && (!e.claimed_side.empty() || !counts_text(e).empty() || !e.denied_by.empty());
}

// A claim is a party's: what a monitor, an agency or a hospital says is drawn as reported, its
// source named in the callout when the callout has counts to carry it.
EventStatus drawn_status(const EventSubject& e) {
    if (e.status == EventStatus::Claimed && e.claimed_side.empty()) return EventStatus::Reported;
    return e.status;
}

}  // namespace

std::optional<size_t> main_event(const std::vector<EventSubject>& events) {
    // The best tier first; within it a deed someone is named for, at a town rather than across a
    // region; then the first told, as the lede tells the news.
    const auto& tiers = annotation().main_event_tiers;
    auto tier_of = [&](const std::string& type) {
        for (size_t t = 0; t < tiers.size(); ++t)
            if (std::find(tiers[t].begin(), tiers[t].end(), type) != tiers[t].end()) return t;
        return tiers.size();
    };
    std::optional<size_t> best;
    std::tuple<size_t, bool, int> best_key{SIZE_MAX, true, 99};
    for (size_t i = 0; i < events.size(); ++i) {
        if (!located(events[i])) continue;
        const std::tuple<size_t, bool, int> key{tier_of(events[i].type), events[i].side.empty(), events[i].geo_precision};
        if (key < best_key) {
            best_key = key;
            best = i;
        }
    }
    return best;
}

namespace {

// Whether the words between two places of a sentence are only other places of the same list and
// its commas and "and": "Kyiv, Lviv, Kharkiv and Odesa", not "Kyiv on Monday, a week after … Lviv".
bool listed_together(const std::string& evidence, const std::string& a, const std::string& b, const std::vector<EventSubject>& events) {
    const size_t at_a = evidence.find(a);
    const size_t at_b = evidence.find(b);
    if (a.empty() || b.empty() || at_a == std::string::npos || at_b == std::string::npos || at_a == at_b) return false;
    const size_t from = std::min(at_a + a.size(), at_b + b.size());
    const size_t to = std::max(at_a, at_b);
    if (from > to) return false;
    std::string gap = evidence.substr(from, to - from);
    for (const auto& e : events)
        if (e.evidence == evidence && !e.place.empty())
            for (size_t at = gap.find(e.place); at != std::string::npos; at = gap.find(e.place)) gap.erase(at, e.place.size());
    std::istringstream words(gap);
    for (std::string w; words >> w;)
        if (w != "," && w != "and" && w != ",and") return false;
    return true;
}

// "Missiles struck Kyiv, Lviv, Kharkiv, Odesa and Dnipro": one deed reported at several places
// listed together.
bool same_report(const EventSubject& a, const EventSubject& b, const std::vector<EventSubject>& events) {
    return a.type == b.type && a.side == b.side && !a.evidence.empty() && a.evidence == b.evidence &&
           listed_together(a.evidence, a.place, b.place, events);
}

// The main event and the other places of its own report frame the story, however far apart (up
// to what a regional map shows): a nationwide strike wave is one story, not a city's.
std::vector<const EventSubject*> frame_anchors(const std::vector<EventSubject>& events, size_t main) {
    const EventSubject& m = events[main];
    std::vector<const EventSubject*> anchors{&m};
    for (const auto& e : events) {
        if (&e == &m || !located(e) || e.place_type == "country" || !same_report(e, m, events)) continue;
        if (proj::geodesic_km(e.lon, e.lat, m.lon, m.lat) > annotation().one_report_km) continue;
        // A site drawn where its town is is no other place.
        const bool apart = std::none_of(anchors.begin(), anchors.end(), [&](const EventSubject* x) { return proj::geodesic_km(e.lon, e.lat, x->lon, x->lat) < 1.0; });
        if (apart) anchors.push_back(&e);
    }
    return anchors;
}

}  // namespace

std::vector<LonLat> frame_points(const std::vector<EventSubject>& events, size_t main) {
    const Annotation& a = annotation();
    const auto anchors = frame_anchors(events, main);
    const auto near_anchor = [&](const EventSubject& e) {
        return std::any_of(anchors.begin(), anchors.end(), [&](const EventSubject* x) { return proj::geodesic_km(e.lon, e.lat, x->lon, x->lat) <= a.focus_km; });
    };
    const EventSubject& m = events[main];
    std::vector<LonLat> out;
    for (const auto& e : events) {
        if (!located(e) || !near_anchor(e)) continue;
        // A country is too big to frame a story by; its events show in the inset or at its point.
        if (e.place_type == "country" && &e != &m) continue;
        out.push_back({e.lon, e.lat});
        if (e.toward) out.push_back({e.toward->lon, e.toward->lat});
        if (e.from && proj::geodesic_km(e.from->lon, e.from->lat, e.lon, e.lat) < a.focus_km) out.push_back({e.from->lon, e.from->lat});
        if (symbol_of(e) == EventSymbol::Area && e.area_bbox) {
            out.push_back({e.area_bbox->west(), e.area_bbox->south()});
            out.push_back({e.area_bbox->east(), e.area_bbox->north()});
        }
    }
    return out;
}

std::string event_title(const std::vector<EventSubject>& events, size_t main) {
    const Annotation& a = annotation();
    const EventSubject& e = events[main];
    const std::string place = e.type == "advance" && e.toward ? e.toward->name : e.place;
    const auto anchors = frame_anchors(events, main);
    const auto of_report = a.titles_of_report.find(e.type);
    if (anchors.size() > 1 && of_report != a.titles_of_report.end()) {
        const size_t others = anchors.size() - 1;
        const bool cities = std::all_of(anchors.begin(), anchors.end(), [](const EventSubject* x) { return x->place_type == "city"; });
        const std::string noun = a.report_places[(cities ? 0 : 2) + (others > 1 ? 1 : 0)];
        const std::string count = others <= a.counts.size() ? a.counts[others - 1] : std::to_string(others);
        return with_side(of_report->second, e.side, {{"place", place}, {"others", count}, {"places", noun}});
    }
    return with_side(wording(a.titles, e.type), e.side, {{"place", place}, {"in", in_word(e.place_type)}});
}

std::string long_date(const std::string& iso) {
    int y = 0;
    int m = 0;
    int d = 0;
    char dash1 = 0;
    char dash2 = 0;
    std::istringstream in(iso);
    if (!(in >> y >> dash1 >> m >> dash2 >> d) || dash1 != '-' || dash2 != '-' || m < 1 || m > 12 || d < 1 || d > 31) return "";
    const auto& months = annotation().months;
    if (months.size() != 12) return iso;
    return std::to_string(d) + " " + months[static_cast<size_t>(m - 1)] + " " + std::to_string(y);
}

std::string callout_text(const EventSubject& e) {
    const Annotation& a = annotation();
    std::string counts = counts_text(e);
    const std::string claimant = claimant_named(e) ? short_party(e.claimed_by, e.claimed_side) : "";
    const std::string denier = e.denied_by.empty() ? "" : (e.denied_side.empty() ? short_party(e.denied_by, "") : side_name(e.denied_side).name);
    const std::string denial = denier.empty() ? "" : fill_in(a.denies, {{"who", denier}});
    std::string pattern = counts.empty() ? "" : "counts";
    if (!claimant.empty()) pattern += pattern.empty() ? "claim" : "_claim";
    if (!denial.empty()) pattern += pattern.empty() ? "denial" : "_denial";
    if (pattern == "counts" || pattern.empty()) return counts;
    const auto it = a.callout.find(pattern);
    if (it == a.callout.end()) return counts;
    return fill_in(it->second, {{"counts", counts}, {"claimant", claimant}, {"denial", denial}});
}

namespace {

std::string joined(const std::vector<std::string>& items, const std::string& and_word) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) out += (i == 0 ? "" : i + 1 == items.size() ? and_word : ", ") + items[i];
    return out;
}

// {in}, {on} and {of}: "near" for an event near a place rather than at it.
std::map<std::string, std::string> alt_place_words(const EventSubject& e) {
    const Annotation& a = annotation();
    if (e.geo_precision == 2) return {{"in", a.alt.near}, {"on", a.alt.near}, {"of", a.alt.near}};
    return {{"in", in_word(e.place_type)}, {"on", "on"}, {"of", "of"}};
}

// Each "{a}" as "a" or "an", by how the word after it begins: "an Indian", "a Ukrainian".
std::string with_articles(std::string clause) {
    for (size_t at = clause.find("{a}"); at != std::string::npos; at = clause.find("{a}", at)) {
        const size_t next = clause.find_first_not_of(' ', at + 3);
        const std::string word = next == std::string::npos ? "" : text::name_key(clause.substr(next, clause.find(' ', next) - next));
        const auto& sounded = annotation().alt.a_before;
        const bool vowel = !word.empty() && std::string_view("aeiou").find(word.front()) != std::string_view::npos &&
                           std::none_of(sounded.begin(), sounded.end(), [&](const std::string& p) { return word.starts_with(p); });
        clause.replace(at, 3, vowel ? "an" : "a");
    }
    return clause;
}

// A party named in a sentence: as the article names it, with its article, and lower case when
// it opens with a common word ("Officials said" -> "according to officials").
std::string prose_party(const std::string& text, const std::string& side) {
    std::string who = short_party(text, side, false);
    const std::string first = who.substr(0, who.find(' '));
    std::string lower = first;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (annotation().alt.lower_case_openers.contains(lower)) who.replace(0, first.size(), lower);
    return who;
}

// Who claims the event, named when its callout would name them (claimant_named); empty otherwise.
std::string alt_claimant(const EventSubject& e) {
    if (!claimant_named(e)) return "";
    const std::string who = prose_party(e.claimed_by, e.claimed_side);
    const std::string first = text::name_key(who.substr(0, who.find(' ')));
    return who.empty() || (annotation().claimant_stops.contains(first)) ? "" : who;
}

// ", which Ukraine denies", ", which local officials deny".
std::string alt_denial(const EventSubject& e) {
    const AltWording& w = annotation().alt;
    const std::string who = e.denied_side.empty() ? prose_party(e.denied_by, "") : side_name(e.denied_side).name;
    if (who.empty()) return "";
    std::string last = text::name_key(who.substr(who.rfind(' ') + 1));
    const bool plural = last.size() > 2 && last.back() == 's' && !last.ends_with("ss") && !last.ends_with("us") && (!w.singular_in_s.contains(last));
    return fill_in(plural ? w.denial_plural : w.denial, {{"who", who}});
}

// "the Kherson region" for a region named bare; "Donetsk Oblast" as it is.
std::string alt_place_name(const EventSubject& e) {
    const AltWording& w = annotation().alt;
    if (e.place_type != "region") return e.place;
    const std::string lower = text::name_key(e.place);
    for (const auto& word : w.region_words)
        if (lower.ends_with(" " + word)) return e.place;
    return fill_in(w.region, {{"name", e.place}});
}

// One event in words: "an attack by Ukraine near Kherson killed 4 and wounded 13, according to
// Moscow-installed authorities, which Ukraine denies".
std::string alt_clause(const EventSubject& e) {
    const Annotation& a = annotation();
    const AltWording& w = a.alt;
    std::string what = alt_place_name(e);
    if (e.places && a.places_nouns.size() >= 2)
        what = fill_in(w.places_in, {{"count", count_text(*e.places, e.approximate)}, {"noun", a.places_nouns[*e.places == 1 ? 0 : 1]}, {"place", what}});
    std::vector<std::string> results;
    if (e.killed) results.push_back(fill_in(w.killed, {{"n", count_text(*e.killed, e.approximate)}}));
    if (e.wounded) results.push_back(fill_in(w.wounded, {{"n", count_text(*e.wounded, e.approximate && !e.killed)}}));
    std::map<std::string, std::string> values = alt_place_words(e);
    values.insert({
        {"what", what},
        {"is", w.is[e.places && *e.places > 1 ? 1 : 0]},
        {"along", e.along.empty() ? "" : fill_in(w.along, {{"name", e.along}})},
        {"toward", e.toward ? fill_in(w.toward, {{"name", e.toward->name}}) : e.along.empty() ? fill_in(w.at, {{"name", what}}) : ""},
        {"result", results.empty() ? "" : fill_in(w.result, {{"list", joined(results, w.and_word)}})}});
    static const std::vector<std::string> bare{"{what}", "{what}"};
    const auto it = w.clauses.find(e.type);
    std::string clause = with_articles(with_side(it == w.clauses.end() || it->second.size() < 2 ? bare : it->second, e.side, values));
    if (const std::string who = alt_claimant(e); !who.empty()) clause += fill_in(w.claim, {{"who", who}});
    if (!e.denied_by.empty()) clause += alt_denial(e);
    return clause;
}

// The events drawn in the main map, the main one first, then in the article's order.
std::vector<size_t> drawn_in_view(const std::vector<EventSubject>& events, const std::vector<EventMark>& marks, std::optional<size_t> main) {
    std::vector<size_t> drawn;
    size_t m = 0;  // marks were made from the located events, in order
    for (size_t i = 0; i < events.size(); ++i) {
        if (!located(events[i])) continue;
        if (m < marks.size() && marks[m].in_view) drawn.push_back(i);
        ++m;
    }
    if (const auto it = std::find(drawn.begin(), drawn.end(), main.value_or(SIZE_MAX)); it != drawn.end()) std::rotate(drawn.begin(), it, it + 1);
    return drawn;
}

}  // namespace

std::string alt_text(const std::vector<EventSubject>& events, const std::vector<EventMark>& marks, std::optional<size_t> main,
                     const std::vector<Feature>& places) {
    const AltWording& w = annotation().alt;
    std::vector<std::string> clauses;
    for (const size_t i : drawn_in_view(events, marks, main)) {
        if (clauses.size() == w.max_events) break;
        std::string clause = alt_clause(events[i]);
        if (std::find(clauses.begin(), clauses.end(), clause) == clauses.end()) clauses.push_back(std::move(clause));
    }
    if (clauses.empty()) {
        std::vector<std::string> names;
        for (const auto& f : places)
            if (f.kind == FeatureKind::Place && f.in_view && names.size() < w.max_places && std::find(names.begin(), names.end(), f.name) == names.end())
                names.push_back(f.name);
        return names.empty() ? "" : fill_in(w.no_events, {{"places", joined(names, w.and_word)}}) + ".";
    }
    std::string body;
    for (const auto& c : clauses) body += (body.empty() ? "" : "; ") + c;
    // A clause may open with a lower-case article ("an attack..."): the sentence may not.
    if (!body.empty() && body.front() >= 'a' && body.front() <= 'z') body.front() = static_cast<char>(body.front() - 'a' + 'A');
    return w.prefix + body + ".";
}

std::vector<EventMark> event_marks(const std::vector<EventSubject>& events, const Projector& p, const io::Basemap& basemap) {
    std::vector<EventMark> marks;
    for (const auto& e : events) {
        if (!located(e)) continue;
        EventMark m{.type = e.type, .side = e.side, .status = drawn_status(e), .symbol = symbol_of(e), .place = e.place,
                    .evidence = e.evidence, .geo_precision = e.geo_precision, .lon = e.lon, .lat = e.lat};
        m.in_view = p.box().contains(p.to_pixel(e.lon, e.lat));
        if (m.symbol == EventSymbol::Arrow && m.in_view) {
            m.line = arrow_line(e, p);
            if (m.line.size() < 2) m.symbol = EventSymbol::Icon;
        }
        if (m.symbol == EventSymbol::Area) {
            m.rings = area_rings(e, p, basemap);
            if (m.rings.empty()) m.symbol = symbol_of(EventSubject{.type = e.type});
        }
        marks.push_back(std::move(m));
    }
    return marks;
}

void place_icons(std::vector<EventMark>& marks, const Projector& p, const style::Style& style, LabelPlacer& placer) {
    // Arrows first: their bodies are fixed by geography, icons can move aside.
    for (auto& m : marks)
        if (m.symbol == EventSymbol::Arrow) reserve_line(m.line, p, style.arrow_width * 0.6, placer);
    for (auto& m : marks)
        if ((m.symbol == EventSymbol::Icon || m.symbol == EventSymbol::Marker) && m.in_view) m.icon = place_icon(p.to_pixel(m.lon, m.lat), style.event_icon_radius, placer);
}

namespace {

// marks were made from the located events, in order: pair them back.
std::vector<const EventSubject*> located_subjects(const std::vector<EventSubject>& events) {
    std::vector<const EventSubject*> subject_of;
    for (const auto& e : events)
        if (located(e)) subject_of.push_back(&e);
    return subject_of;
}

// The marks in view with something to say, most important first, as many as may have a callout.
std::vector<size_t> callout_order(const std::vector<EventMark>& marks, const std::vector<const EventSubject*>& subject_of) {
    std::vector<size_t> order;
    for (size_t i = 0; i < marks.size(); ++i)
        if (marks[i].in_view && !callout_text(*subject_of[i]).empty()) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t x, size_t y) { return importance(marks[x], *subject_of[x]) > importance(marks[y], *subject_of[y]); });
    if (order.size() > annotation().max_callouts) order.resize(annotation().max_callouts);
    return order;
}

// The places of one report need their source named once too ("missiles struck Kyiv, Lviv and
// Odesa, officials said").
bool told_already(const EventSubject& e, const std::vector<const EventSubject*>& noted, const std::vector<EventSubject>& events) {
    return counts_text(e).empty() && std::any_of(noted.begin(), noted.end(), [&](const EventSubject* x) { return same_report(*x, e, events); });
}

// Long notes break after the counts, where a reader pauses anyway.
std::optional<std::string> broken_callout(const std::string& text) {
    for (const std::string& mark : annotation().callout_breaks) {
        const size_t at = text.find(mark);
        if (at == std::string::npos) continue;
        // An opening bracket stays with the words it opens.
        const size_t skip = mark.find_first_not_of(' ');
        const bool keep = skip != std::string::npos && mark[skip] == '(';
        return text.substr(0, at) + "\n" + text.substr(at + (keep ? skip : mark.size()));
    }
    return std::nullopt;
}

struct CalloutText {
    std::string text;
    double w = 0;
    double h = 0;
};

CalloutText measured_callout(std::string text, const style::Style& style, const TextMeasure& measure) {
    auto [w, h] = measure.measure(text, style.callout);
    if (w > annotation().callout_split_over_px) {
        if (auto broken = broken_callout(text)) {
            text = std::move(*broken);
            std::tie(w, h) = measure.measure(text, style.callout);
        }
    }
    return {std::move(text), w, h};
}

Point callout_anchor(const EventMark& m, const Projector& p) {
    if (m.icon) return {m.icon->x + m.icon->w / 2, m.icon->y + m.icon->h / 2};
    if (m.symbol == EventSymbol::Arrow && m.line.size() >= 2) return p.to_pixel(m.line[m.line.size() / 2][0], m.line[m.line.size() / 2][1]);
    return p.to_pixel(m.lon, m.lat);
}

// The callout at the first gap from its anchor where it fits; false if none.
bool place_callout(EventMark& m, const CalloutText& note, const Projector& p, const style::Style& style, LabelPlacer& placer) {
    const Point anchor = callout_anchor(m, p);
    for (double gap : annotation().callout_gaps_px)
        if (auto box = placer.place_around(anchor, note.w + 8, note.h + 6, gap + style.event_icon_radius)) {
            m.callout = Callout{note.text, *box, anchor};
            return true;
        }
    return false;
}

}  // namespace

void place_callouts(std::vector<EventMark>& marks, const std::vector<EventSubject>& events, const Projector& p,
                    const style::Style& style, const TextMeasure& measure, LabelPlacer& placer) {
    const std::vector<const EventSubject*> subject_of = located_subjects(events);
    std::set<std::string> said;
    std::vector<const EventSubject*> noted;
    for (size_t i : callout_order(marks, subject_of)) {
        std::string text = callout_text(*subject_of[i]);
        // Two deeds one source claims need the source named once; the dashes mark the other.
        if (!said.insert(text).second) continue;
        if (told_already(*subject_of[i], noted, events)) continue;
        if (place_callout(marks[i], measured_callout(std::move(text), style, measure), p, style, placer)) noted.push_back(subject_of[i]);
    }
}

std::vector<LegendEntry> event_legend(const std::vector<EventMark>& marks) {
    const Annotation& a = annotation();
    std::vector<LegendEntry> out;
    std::set<std::string> seen;
    bool claimed = false;
    bool denied = false;
    for (const auto& m : marks) {
        if (!m.in_view) continue;
        claimed = claimed || m.status == EventStatus::Claimed || m.status == EventStatus::Denied;
        denied = denied || m.status == EventStatus::Denied;
        if (!seen.insert(std::string(to_string(m.symbol)) + "/" + m.type + "/" + m.side).second) continue;
        std::string text;
        if (m.symbol == EventSymbol::Area) {
            const auto verb = a.places_verbs.find(m.type);
            text = with_side(a.area_legend, m.side, {{"verb", verb == a.places_verbs.end() ? m.type : verb->second}});
        } else {
            text = with_side(wording(a.legend, m.type), m.side, {});
        }
        out.push_back({"event", text, m.symbol, m.type, m.side});
    }
    if (claimed) out.push_back({"claimed", a.claimed_legend, EventSymbol::Icon, "other", ""});
    if (denied) out.push_back({"denied", a.denied_legend, EventSymbol::Icon, "other", ""});
    return out;
}

std::vector<LegendEntry> draft_legend(const std::vector<EventSubject>& events) {
    std::vector<EventMark> marks;
    for (const auto& e : events)
        if (located(e)) marks.push_back({.type = e.type, .side = e.side, .status = drawn_status(e), .symbol = symbol_of(e), .in_view = true});
    return event_legend(marks);
}

}  // namespace frontmap::scene::detail
