#include "common/proj.hpp"
#include "common/text.hpp"
#include "common/error.hpp"
#include "parse/parser.hpp"
#include "parse/described.hpp"
#include "parse/ranker.hpp"
#include "parse/teams.hpp"
#include "parse/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

namespace frontmap::parse {

namespace {

using gazetteer::Place;
using gazetteer::PlaceType;

// The reading each candidate gets, best first; ties go to the smaller id, so runs agree.
std::vector<size_t> ranked(const std::vector<ranking::Features>& features, const std::vector<Place>& candidates, const ranking::Weights& w,
                           std::vector<double>& scores) {
    scores.clear();
    for (const auto& f : features) scores.push_back(w.score(f));
    std::vector<size_t> order(scores.size());
    for (size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return scores[a] != scores[b] ? scores[a] > scores[b] : candidates[a].id < candidates[b].id;
    });
    return order;
}

// How far the best reading stands above the next, as the maps and events read it: under 0.2 a
// name is not drawn.
double confidence_of(const std::vector<double>& scores, const std::vector<size_t>& order, const Place& best) {
    const auto& c = scoring().confidence;
    if (order.size() == 1) return std::clamp(c.lone_reading + c.lone_reading_per_importance * best.importance, c.floor, c.ceiling);
    return std::clamp(c.margin_base + (scores[order[0]] - scores[order[1]]), c.floor, c.ceiling);
}

// One sense per article: every mention of a name is the reading its mentions together make
// likeliest, so "Paris, Texas" decides the bare "Paris" two paragraphs later. Mentions whose words
// name a kind ("the Kharkiv region", "Kharkiv") and "the Dnipro" beside "Dnipro" are apart.
std::string sense_key(const Mention& m) { return m.key + '|' + std::to_string(static_cast<int>(m.cue)) + (m.definite ? "|the" : ""); }

using Votes = std::unordered_map<std::string, std::unordered_map<std::string, double>>;

// Each mention's readings, as shares of one vote: a qualified mention gives its whole vote.
Votes votes_of(const std::vector<Mention>& mentions, const ranking::Readings& r, const std::vector<std::vector<double>>& scores) {
    Votes votes;
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (scores[i].empty() || mentions[i].role == Role::NotPlace) continue;
        const double top = *std::max_element(scores[i].begin(), scores[i].end());
        double sum = 0.0;
        for (const double sc : scores[i]) sum += std::exp(sc - top);
        // A mention a qualifier settled ("Paris, Texas") outvotes any number of bare ones.
        const double weight = r.qualified[i] ? scoring().qualified_vote : 1.0;
        for (size_t k = 0; k < scores[i].size(); ++k)
            votes[sense_key(mentions[i])][r.candidates[i][k].id] += weight * std::exp(scores[i][k] - top) / sum;
    }
    return votes;
}

void one_sense_per_name(std::vector<Mention>& mentions, const ranking::Readings& r, const std::vector<std::vector<double>>& scores) {
    Votes votes = votes_of(mentions, r, scores);
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (!mentions[i].place || r.qualifier[i] || mentions[i].place->type == PlaceType::Country) continue;
        const auto& tally = votes[sense_key(mentions[i])];
        const auto best = std::max_element(tally.begin(), tally.end(), [](const auto& a, const auto& b) {
            return a.second != b.second ? a.second < b.second : a.first > b.first;
        });
        if (best == tally.end() || best->first == mentions[i].place->id) continue;
        for (const Place& c : r.candidates[i])
            if (c.id == best->first) mentions[i].place = c;
    }
}

// "ATHENS, Ga." then "Georgia": a place the article used as a qualifier says where the story is,
// so its name told in full elsewhere in the article is that place, over any namesake, even a
// country. Only the qualifier's own reading moves a mention; its other words vote as before.
void qualifiers_name_their_places(std::vector<Mention>& mentions, const ranking::Readings& r) {
    std::unordered_map<std::string, std::string> settled;  // name key -> place id
    for (size_t i = 0; i < mentions.size(); ++i)
        if (r.qualifier[i] && mentions[i].place) settled.emplace(text::name_key(mentions[i].place->name), mentions[i].place->id);
    for (size_t i = 0; i < mentions.size(); ++i) {
        const auto it = settled.find(mentions[i].key);
        if (it == settled.end() || !mentions[i].place || r.qualifier[i] || mentions[i].place->id == it->second) continue;
        for (const Place& c : r.candidates[i])
            if (c.id == it->second) mentions[i].place = c;
    }
}

// "the Gulf" after "the Gulf of Mexico", "the Bay" after "the Bay of Bengal": a name's head, told
// again, is the place named in full before.
void heads_of_earlier_names(std::vector<Mention>& mentions) {
    for (size_t i = 0; i < mentions.size(); ++i)
        for (size_t e = 0; e < i; ++e)
            if (mentions[e].place && mentions[e].key.starts_with(mentions[i].key + " of ")) {
                mentions[i].place = mentions[e].place;
                mentions[i].confidence = mentions[e].confidence;
            }
}

// What each country weighs in the story, as the chosen readings have it: a country named
// weighs more than any place in it.
using CountryWeights = std::map<std::string, double>;

// Each mention's likeliest reading and how sure of it the ranking is.
CountryWeights choose_readings(std::vector<Mention>& mentions, const ranking::Readings& r, const ranking::Weights& weights,
                               std::vector<std::vector<double>>& scores) {
    CountryWeights country_weight;
    for (size_t i = 0; i < mentions.size(); ++i) {
        if (r.candidates[i].empty()) continue;
        Mention& m = mentions[i];
        const auto order = ranked(r.features[i], r.candidates[i], weights, scores[i]);
        m.place = r.candidates[i][order.front()];
        m.confidence = confidence_of(scores[i], order, *m.place);
        if (r.qualifier[i]) m.role = Role::Location;  // "Paris, Texas": the area says where, it does not act
        if (!m.place->country.empty())
            country_weight[m.place->country] += m.place->type == PlaceType::Country ? scoring().country_weight : m.place->importance;
    }
    return country_weight;
}

// "Ukraine's commander", "Moscow's gain": a state's possessive before its affairs is the state. A
// country or capital that acts in the sentence stands for its government.
void states_that_act(Mention& m) {
    const Place& c = *m.place;
    const bool state = c.type == PlaceType::Country || c.feature_code == "PPLC";
    if (m.role == Role::Location && m.possessive_of_affairs && state) m.role = Role::Metonym;
    if (m.role == Role::Location && m.actor != ActorCue::None && (state || (m.actor == ActorCue::Agent && c.feature_code == "PPLA")))
        m.role = Role::Metonym;
}

// A minor place far from the story, in a country the story is not about, is most likely a
// namesake of a place the gazetteer lacks: keep it, but say how little we trust it.
bool likely_namesake(const Place& chosen, const ranking::Readings& r, const CountryWeights& country_weight, double heaviest) {
    const auto weight = country_weight.find(chosen.country);
    const auto& namesake = scoring().namesake;
    const bool foreign = weight == country_weight.end() || weight->second < namesake.foreign_share * heaviest;
    return r.has_centre && ranking::is_point_like(chosen.type) && chosen.importance < namesake.max_importance && foreign &&
           proj::geodesic_km(r.centre_lon, r.centre_lat, chosen.lon, chosen.lat) > namesake.min_km;
}

}  // namespace

void resolve(std::vector<Mention>& mentions, gazetteer::Gazetteer& gazetteer) {
    const ranking::Weights& weights = ranking::fitted();
    const ranking::Readings r = ranking::read(mentions, gazetteer, weights);
    std::vector<std::vector<double>> scores(mentions.size());
    const CountryWeights country_weight = choose_readings(mentions, r, weights, scores);
    one_sense_per_name(mentions, r, scores);
    qualifiers_name_their_places(mentions, r);
    heads_of_earlier_names(mentions);
    double heaviest = 0.0;
    for (const auto& [_, w] : country_weight) heaviest = std::max(heaviest, w);
    for (size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        if (!m.place) continue;
        if (r.has_centre && !m.place->course.empty()) {
            const auto [lon, lat] = ranking::nearest_on_course(*m.place, r.centre_lon, r.centre_lat);
            m.place->lon = lon;
            m.place->lat = lat;
        }
        states_that_act(m);
        if (likely_namesake(*m.place, r, country_weight, heaviest) || r.unheld[i]) m.confidence = scoring().confidence.doubted;
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
    // Resolution compares mentions with one another: past this many, the time grows without a
    // story to show for it (a 1 MB article of wire copy gives about 20,000 features, mentions and events).
    constexpr size_t kMaxMentions = 50000;
    if (mentions.size() > kMaxMentions)
        throw InputError("cannot parse the article", "it names more than " + std::to_string(kMaxMentions) + " places; split it into stories");
    resolve(mentions, gazetteer_);
    coordinate_roles(article, mentions);
    mark_sports_teams(mentions, words);
    place_described(article, mentions, words, gazetteer_);
    return mentions;
}

}  // namespace frontmap::parse
