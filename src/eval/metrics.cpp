#include "eval/metrics.hpp"

#include "common/error.hpp"
#include "common/proj.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <set>
#include <sstream>

namespace frontmap::eval {

namespace {

constexpr double kHalfEquatorKm = 20039.0;

double ratio(size_t a, size_t b) { return b == 0 ? 0.0 : static_cast<double>(a) / static_cast<double>(b); }

// The harmonic mean of a precision and a recall.
double f1_of(double p, double r) { return p + r == 0 ? 0.0 : 2 * p * r / (p + r); }

bool overlaps(size_t s1, size_t e1, size_t s2, size_t e2) { return s1 < e2 && s2 < e1; }

bool is_toponym(const GoldToponym& g) { return g.role == "location" || g.role == "metonym"; }

// A window of text around a span, cut on UTF-8 character boundaries, on one line.
std::string context_of(const std::string& text, size_t start, size_t end) {
    size_t from = start > 50 ? start - 50 : 0;
    size_t to = std::min(text.size(), end + 50);
    while (from > 0 && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) --from;
    while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
    std::string out = text.substr(from, start - from) + "[" + text.substr(start, end - start) + "]" + text.substr(end, to - end);
    std::replace(out.begin(), out.end(), '\n', ' ');
    return out;
}

std::optional<long long> optional_count(const nlohmann::json& e, const char* key) {
    if (!e.contains(key) || e.at(key).is_null()) return std::nullopt;
    return e.at(key).get<long long>();
}

std::vector<EventRecord> read_events(const nlohmann::json& events, const std::string& text, const std::string& where) {
    std::vector<EventRecord> out;
    for (const auto& e : events) {
        EventRecord r;
        r.type = e.at("type").get<std::string>();
        const auto& place = e.at("where");
        r.lat = place.at("lat").get<double>();
        r.lon = place.at("lon").get<double>();
        r.where = place.at("name").get<std::string>();
        r.killed = optional_count(e, "killed");
        r.wounded = optional_count(e, "wounded");
        r.places = optional_count(e, "places");
        r.claimed = e.contains("claimed_by") && !e.at("claimed_by").is_null();
        r.denied = e.contains("denied_by") && !e.at("denied_by").is_null();
        if (e.contains("side") && e.at("side").is_string()) r.side = e.at("side").get<std::string>();
        r.evidence_start = e.at("evidence").at("start").get<size_t>();
        r.evidence_end = e.at("evidence").at("end").get<size_t>();
        if (r.evidence_end > text.size() || r.evidence_start >= r.evidence_end)
            throw InputError("bad corpus record at " + where, "event evidence is outside the text");
        out.push_back(std::move(r));
    }
    return out;
}

constexpr double kEventMatchKm = 50.0;

bool overlaps(const EventRecord& a, const EventRecord& b) { return a.evidence_start < b.evidence_end && b.evidence_start < a.evidence_end; }

// The Hungarian method's state: the rows' and columns' potentials, the row assigned to each
// column (0 for none; column 0 stands for the row being placed) and the path back to it.
struct Assignment {
    Assignment(size_t rows, size_t columns) : u(rows + 1), v(columns + 1), row_of(columns + 1, 0), way(columns + 1, 0) {}
    std::vector<double> u, v;
    std::vector<size_t> row_of, way;
};

// Grows a tree of columns from row_of[0], shifting potentials, until it reaches a free column,
// which it returns.
size_t free_column_for_row(const std::vector<std::vector<double>>& cost, Assignment& a) {
    const size_t m = a.v.size() - 1;
    const double inf = std::numeric_limits<double>::infinity();
    size_t j0 = 0;
    std::vector<double> minv(m + 1, inf);
    std::vector<bool> used(m + 1, false);
    do {
        used[j0] = true;
        const size_t i0 = a.row_of[j0];
        double delta = inf;
        size_t j1 = 0;
        for (size_t j = 1; j <= m; ++j) {
            if (used[j]) continue;
            const double cur = cost[i0 - 1][j - 1] - a.u[i0] - a.v[j];
            if (cur < minv[j]) minv[j] = cur, a.way[j] = j0;
            if (minv[j] < delta) delta = minv[j], j1 = j;
        }
        for (size_t j = 0; j <= m; ++j)
            if (used[j]) a.u[a.row_of[j]] += delta, a.v[j] -= delta;
            else minv[j] -= delta;
        j0 = j1;
    } while (a.row_of[j0] != 0);
    return j0;
}

// Minimum-cost assignment of rows to columns (Hungarian method, potentials form); cost has at
// least as many columns as rows. Returns the column of each row.
std::vector<size_t> assign_min_cost(const std::vector<std::vector<double>>& cost) {
    const size_t n = cost.size();
    const size_t m = cost.empty() ? 0 : cost[0].size();
    Assignment a(n, m);
    for (size_t i = 1; i <= n; ++i) {
        a.row_of[0] = i;
        // Along the path back, each column takes the row of the one before it.
        size_t j0 = free_column_for_row(cost, a);
        do {
            const size_t j1 = a.way[j0];
            a.row_of[j0] = a.row_of[j1];
            j0 = j1;
        } while (j0 != 0);
    }
    std::vector<size_t> column(n);
    for (size_t j = 1; j <= m; ++j)
        if (a.row_of[j] != 0) column[a.row_of[j] - 1] = j - 1;
    return column;
}

// Pairs labelled and predicted events, each used once: as many pairs as the 50 km rule allows,
// then, of two labelled events equally eligible (two strikes on one city), the one told in the
// predicted event's words, then the nearest. A greedy nearest-first pairing would let one
// prediction take the labelled event that a second prediction needed, and compare counts and
// claims of events the article tells apart.
std::vector<std::pair<size_t, size_t>> match_events(const std::vector<EventRecord>& gold, const std::vector<EventRecord>& predicted, bool typed) {
    constexpr double kUnpaired = 1000.0;
    constexpr double kOtherWords = 10.0;
    const size_t n = gold.size();
    const size_t m = predicted.size();
    const size_t side = std::max(n, m);
    std::vector<std::vector<double>> cost(side, std::vector<double>(side, kUnpaired));
    for (size_t g = 0; g < n; ++g)
        for (size_t p = 0; p < m; ++p) {
            if (typed && gold[g].type != predicted[p].type) continue;
            const double km = proj::geodesic_km(gold[g].lon, gold[g].lat, predicted[p].lon, predicted[p].lat);
            if (km <= kEventMatchKm) cost[g][p] = km / kEventMatchKm + (overlaps(gold[g], predicted[p]) ? 0.0 : kOtherWords);
        }
    std::vector<std::pair<size_t, size_t>> out;
    const auto column = assign_min_cost(cost);
    for (size_t g = 0; g < n; ++g)
        if (column[g] < m && cost[g][column[g]] < kUnpaired) out.emplace_back(g, column[g]);
    return out;
}

std::string count_text(const std::optional<long long>& n) { return n ? std::to_string(*n) : "none"; }

// A misses-report line about event e: "strike @ Kherson" (plus `detail`) and the words it was told in.
Miss event_miss(const Article& article, const char* kind, const EventRecord& e, const std::string& detail = "") {
    return {article.id, kind, e.type + " @ " + e.where + detail, context_of(article.text, e.evidence_start, e.evidence_end), 0};
}

void score_counts(const Article& article, const EventRecord& g, const EventRecord& p, EventScores& s) {
    const auto counts = std::to_array<std::pair<std::optional<long long> EventRecord::*, const char*>>(
        {{&EventRecord::killed, "killed"}, {&EventRecord::wounded, "wounded"}, {&EventRecord::places, "places"}});
    for (const auto& [member, name] : counts) {
        if (!(g.*member) && !(p.*member)) continue;
        ++s.counts;
        if (g.*member == p.*member) {
            ++s.counts_exact;
            continue;
        }
        s.misses.push_back(event_miss(article, "event count", g, std::string(": ") + name + " " + count_text(g.*member) + ", found " + count_text(p.*member)));
    }
}

// A matched pair's claim, denial and side, compared.
void score_claim_denial_side(const Article& article, const EventRecord& g, const EventRecord& p, EventScores& s) {
    if (g.claimed) {
        ++s.claims_labelled;
        if (p.claimed) ++s.claims_given;
        else
            s.misses.push_back(event_miss(article, "event claim", g));
    }
    if (g.denied && p.denied) ++s.denials_found;
    if (g.denied && !p.denied)
        s.misses.push_back(event_miss(article, "event denial", g));
    if (!g.side.empty()) {
        ++s.sides_labelled;
        if (g.side == p.side) ++s.sides_right;
        else {
            const std::string found = p.side.empty() ? "none" : p.side;
            s.misses.push_back(event_miss(article, "event side", g, ": " + g.side + ", found " + found));
        }
    }
}

// The labelled events by type, their denials, and those no prediction matched.
void score_labelled(const Article& article, const std::vector<bool>& gold_found, EventScores& s) {
    for (size_t g = 0; g < article.events.size(); ++g) {
        const auto& e = article.events[g];
        auto& per = s.per_type[e.type];
        ++per[0];
        if (gold_found[g]) ++per[1];
        if (e.denied) ++s.denials_labelled;
        if (!gold_found[g]) s.misses.push_back(event_miss(article, "event missed", e));
    }
}

}  // namespace

double EventScores::precision() const { return ratio(typed_matches, predicted); }
double EventScores::recall() const { return ratio(typed_matches, gold); }
double EventScores::f1() const { return f1_of(precision(), recall()); }
double EventScores::place_f1() const { return f1_of(ratio(place_matches, predicted), ratio(place_matches, gold)); }
double EventScores::counts_exact_share() const { return counts == 0 ? 1.0 : ratio(counts_exact, counts); }
double EventScores::claims_share() const { return claims_labelled == 0 ? 1.0 : ratio(claims_given, claims_labelled); }
double EventScores::denials_share() const { return denials_labelled == 0 ? 1.0 : ratio(denials_found, denials_labelled); }
double EventScores::sides_share() const { return sides_labelled == 0 ? 1.0 : ratio(sides_right, sides_labelled); }

void score_events(const Article& article, const std::vector<EventRecord>& predicted, EventScores& s) {
    ++s.articles;
    s.gold += article.events.size();
    s.predicted += predicted.size();
    const auto typed = match_events(article.events, predicted, true);
    s.typed_matches += typed.size();
    s.place_matches += match_events(article.events, predicted, false).size();
    std::vector<bool> gold_found(article.events.size());
    std::vector<bool> predicted_found(predicted.size());
    for (const auto& [g, p] : typed) {
        gold_found[g] = predicted_found[p] = true;
        score_counts(article, article.events[g], predicted[p], s);
        score_claim_denial_side(article, article.events[g], predicted[p], s);
    }
    score_labelled(article, gold_found, s);
    for (size_t p = 0; p < predicted.size(); ++p)
        if (!predicted_found[p])
            s.misses.push_back(event_miss(article, "event spurious", predicted[p]));
}

double Scores::precision() const { return ratio(correct_predictions, predicted); }
double Scores::recall() const { return ratio(found, gold); }
double Scores::f1() const { return f1_of(precision(), recall()); }
double Scores::accuracy_161() const { return ratio(within_161, resolved); }
double Scores::accuracy_161_end_to_end() const { return ratio(within_161, gold); }
double Scores::accuracy_25_points() const { return ratio(points_within_25, points); }
double Scores::mean_error_km() const { return errors_km.empty() ? 0.0 : error_sum_km / static_cast<double>(errors_km.size()); }
double Scores::median_error_km() const {
    if (errors_km.empty()) return 0.0;
    std::vector<double> v = errors_km;
    std::sort(v.begin(), v.end());
    const size_t n = v.size();
    return (n % 2) != 0U ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
double Scores::auc() const { return errors_km.empty() ? 0.0 : auc_sum / static_cast<double>(errors_km.size()); }

namespace {

// The predictions that claim a place: all but those found not to be one.
std::vector<const Predicted*> place_claims(const std::vector<Predicted>& predicted) {
    std::vector<const Predicted*> claims;
    for (const auto& p : predicted)
        if (p.role != "not_place") claims.push_back(&p);
    return claims;
}

void score_claims(const Article& article, const std::vector<const Predicted*>& claims, Scores& s) {
    for (const Predicted* p : claims) {
        bool hits = false;
        for (const auto& g : article.gold)
            if (is_toponym(g) && overlaps(p->start, p->end, g.start, g.end)) hits = true;
        if (hits) ++s.correct_predictions;
        else s.misses.push_back({article.id, "spurious", p->text, context_of(article.text, p->start, p->end), 0});
    }
}

const Predicted* first_overlapping(const std::vector<const Predicted*>& claims, const GoldToponym& g) {
    for (const Predicted* p : claims)
        if (overlaps(p->start, p->end, g.start, g.end)) return p;
    return nullptr;
}

Miss gold_miss(const Article& article, const char* kind, const GoldToponym& g, double km = 0) {
    return {article.id, kind, g.name, context_of(article.text, g.start, g.end), km};
}

// A name's role mistaken: a state acting drawn as a place, and the other ways round.
void score_role(const Article& article, const GoldToponym& g, const Predicted* match, Scores& s) {
    if (g.role == "metonym" && match && match->role == "location") {
        ++s.metonyms_drawn;
        s.misses.push_back(gold_miss(article, "metonym drawn", g));
    }
    // The other way round: a place the map should show, taken for a state acting.
    if (g.role == "location" && match && match->role == "metonym") {
        ++s.locations_hidden;
        s.misses.push_back(gold_miss(article, "location hidden", g));
    }
    if (g.role == "not_place" && match && match->role == "location") {
        ++s.not_places_drawn;
        s.misses.push_back(gold_miss(article, "not place drawn", g));
    }
}

// A labelled place: found or missed, and how far from it the one found was put.
void score_toponym(const Article& article, const GoldToponym& g, const Predicted* match, Scores& s) {
    ++s.gold;
    if (!match) {
        s.misses.push_back(gold_miss(article, "missed", g));
        return;
    }
    ++s.found;
    const double km = match->located ? proj::geodesic_km(match->lon, match->lat, g.lon, g.lat) : kHalfEquatorKm;
    ++s.resolved;
    s.errors_km.push_back(km);
    s.error_sum_km += km;
    s.auc_sum += std::log(1 + std::min(km, kHalfEquatorKm)) / std::log(kHalfEquatorKm);
    if (km <= 161) ++s.within_161;
    else s.misses.push_back(gold_miss(article, "far", g, km));
    if (g.type == "city" || g.type == "village" || g.type == "infrastructure") {
        ++s.points;
        if (km <= 25) ++s.points_within_25;
    }
}

GoldToponym read_toponym(const nlohmann::json& t, const std::string& text, const std::string& where) {
    static const std::set<std::string> kTypes{"city", "village", "region", "country", "river", "sea", "island", "infrastructure", "other"};
    static const std::set<std::string> kRoles{"location", "metonym", "not_place"};
    GoldToponym g;
    g.start = t.at("start").get<size_t>();
    g.end = t.at("end").get<size_t>();
    g.name = t.at("name").get<std::string>();
    g.lat = t.at("lat").get<double>();
    g.lon = t.at("lon").get<double>();
    g.type = t.at("type").get<std::string>();
    g.role = t.at("role").get<std::string>();
    if (!t.contains("geonameid") || !(t.at("geonameid").is_null() || t.at("geonameid").is_number_integer()))
        throw InputError("bad corpus record at " + where, "toponym '" + g.name + "' needs a geonameid (a number or null)");
    if (g.end > text.size() || g.start >= g.end || text.compare(g.start, g.end - g.start, g.name) != 0)
        throw InputError("bad corpus record at " + where, "offsets " + std::to_string(g.start) + "-" + std::to_string(g.end) +
                                                              " do not span '" + g.name + "'");
    if (!(g.lat >= -90 && g.lat <= 90 && g.lon >= -180 && g.lon <= 180))
        throw InputError("bad corpus record at " + where, "coordinates of '" + g.name + "' are out of range");
    if (!kTypes.contains(g.type)) throw InputError("bad corpus record at " + where, "unknown type '" + g.type + "'");
    if (!kRoles.contains(g.role)) throw InputError("bad corpus record at " + where, "unknown role '" + g.role + "'");
    return g;
}

Article read_article(const nlohmann::json& j, const std::string& where) {
    Article a;
    try {
        a.id = j.at("id").get<std::string>();
        a.text = j.at("text").get<std::string>();
        a.date = j.at("date").get<std::string>();
        a.split = j.value("split", "dev");
        if (a.split != "dev" && a.split != "heldout") throw InputError("bad corpus record at " + where, "unknown split '" + a.split + "'");
        a.topic = j.value("topic", "conflict");
        if (a.topic != "conflict" && a.topic != "general") throw InputError("bad corpus record at " + where, "unknown topic '" + a.topic + "'");
        if (j.contains("events")) a.events = read_events(j.at("events"), a.text, where);
        for (const auto& t : j.at("toponyms")) a.gold.push_back(read_toponym(t, a.text, where));
    } catch (const nlohmann::json::exception& e) {
        throw InputError("bad corpus record at " + where, e.what());
    }
    return a;
}

}  // namespace

void score_article(const Article& article, const std::vector<Predicted>& predicted, Scores& s) {
    ++s.articles;
    const auto claims = place_claims(predicted);
    s.predicted += claims.size();
    score_claims(article, claims, s);
    for (const auto& g : article.gold) {
        const Predicted* match = first_overlapping(claims, g);
        score_role(article, g, match, s);
        if (is_toponym(g)) score_toponym(article, g, match, s);
    }
}

std::vector<Article> read_corpus(const std::string& jsonl, const std::string& origin) {
    std::vector<Article> out;
    std::set<std::string> ids;
    std::istringstream in(jsonl);
    std::string line;
    size_t number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        const std::string where = origin + " line " + std::to_string(number);
        const auto j = nlohmann::json::parse(line, nullptr, false);
        if (j.is_discarded()) throw InputError("bad corpus record at " + where, "not JSON");
        Article a = read_article(j, where);
        if (!ids.insert(a.id).second) throw InputError("bad corpus record at " + where, "duplicate id '" + a.id + "'");
        out.push_back(std::move(a));
    }
    if (out.empty()) throw InputError("bad corpus " + origin, "it holds no article");
    return out;
}

}  // namespace frontmap::eval
