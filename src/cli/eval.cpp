#include "cli/commands.hpp"
#include "pipeline/story.hpp"

#include "common/error.hpp"
#include "eval/metrics.hpp"
#include "events/extract.hpp"
#include "gazetteer/gazetteer.hpp"
#include "io/files.hpp"
#include "parse/parser.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <ostream>

namespace frontmap::cli {

namespace {

double round3(double v) { return std::round(v * 1000) / 1000; }

// A report's shares and distances, each by its name in the report and rounded to three places.
template <class Scores>
using Figure = std::pair<const char*, double (Scores::*)() const>;

constexpr auto kPlaceFigures = std::to_array<Figure<eval::Scores>>({
    {"precision", &eval::Scores::precision}, {"recall", &eval::Scores::recall}, {"f1", &eval::Scores::f1},
    {"accuracy_161", &eval::Scores::accuracy_161}, {"accuracy_161_end_to_end", &eval::Scores::accuracy_161_end_to_end},
    {"accuracy_25_points", &eval::Scores::accuracy_25_points}, {"mean_error_km", &eval::Scores::mean_error_km},
    {"median_error_km", &eval::Scores::median_error_km}, {"auc", &eval::Scores::auc},
});

constexpr auto kEventFigures = std::to_array<Figure<eval::EventScores>>({
    {"events_precision", &eval::EventScores::precision}, {"events_recall", &eval::EventScores::recall},
    {"events_f1", &eval::EventScores::f1}, {"events_place_f1", &eval::EventScores::place_f1},
    {"events_counts_exact", &eval::EventScores::counts_exact_share}, {"events_claims_given", &eval::EventScores::claims_share},
    {"events_denials_found", &eval::EventScores::denials_share}, {"events_side_right", &eval::EventScores::sides_share},
});

template <class Scores, size_t N>
void add_rounded(nlohmann::json& report, const Scores& s, const std::array<Figure<Scores>, N>& figures) {
    for (const auto& [name, figure] : figures) report[name] = round3((s.*figure)());
}

nlohmann::json figures(const eval::Scores& s, double seconds) {
    nlohmann::json report = {
        {"articles", s.articles},
        {"gold_toponyms", s.gold},
        {"predicted", s.predicted},
        {"metonyms_drawn", s.metonyms_drawn},
        {"locations_hidden", s.locations_hidden},
        {"not_places_drawn", s.not_places_drawn},
        {"articles_per_second", std::round(static_cast<double>(s.articles) / std::max(seconds, 1e-9))},
    };
    add_rounded(report, s, kPlaceFigures);
    return report;
}

nlohmann::json event_figures(const eval::EventScores& s) {
    nlohmann::json per_type = nlohmann::json::object();
    for (const auto& [type, n] : s.per_type) per_type[type] = {{"labelled", n[0]}, {"recall", round3(n[0] != 0U ? static_cast<double>(n[1]) / static_cast<double>(n[0]) : 0.0)}};
    nlohmann::json report = {
        {"events_gold", s.gold},
        {"events_predicted", s.predicted},
        // The share's parts: a newly matched event with a wrong tally lowers the share with no tally lost.
        {"events_tallies_compared", s.counts},
        {"events_tallies_exact", s.counts_exact},
        {"events_per_type_recall", per_type},
    };
    add_rounded(report, s, kEventFigures);
    return report;
}

std::vector<eval::Predicted> predicted_mentions(const std::vector<parse::Mention>& mentions) {
    std::vector<eval::Predicted> predicted;
    for (const auto& m : mentions) {
        eval::Predicted p{m.start, m.end, m.text, parse::to_string(m.role), false, 0, 0};
        if (m.place) {
            p.located = true;
            p.lat = m.place->lat;
            p.lon = m.place->lon;
        }
        predicted.push_back(std::move(p));
    }
    return predicted;
}

std::vector<eval::EventRecord> predicted_events(const std::vector<events::Event>& found, const std::vector<parse::Mention>& mentions) {
    std::vector<eval::EventRecord> out;
    for (const auto& e : found) {
        const auto& place = events::event_place(e, mentions);
        out.push_back({events::to_string(e.type), place.lat, place.lon, e.killed, e.wounded, e.places, !e.claimed_by.empty(),
                       !e.denied_by.empty(), e.evidence.start, e.evidence.end, mentions[e.where].text, e.side});
    }
    return out;
}

// Floors are minimums, except names starting "max_", which are ceilings of the figure after it.
std::vector<std::string> unmet_floors(const nlohmann::json& got, const nlohmann::json& floors) {
    std::vector<std::string> unmet;
    for (const auto& [key, limit] : floors.items()) {
        const bool ceiling = key.rfind("max_", 0) == 0;
        const std::string figure = ceiling ? key.substr(4) : key;
        if (!got.contains(figure)) throw InputError("bad floors file", "unknown figure '" + figure + "'");
        const double value = got.at(figure).get<double>();
        const double bound = limit.get<double>();
        if (ceiling ? value > bound : value < bound) {
            std::ostringstream msg;
            msg << figure << " = " << value << (ceiling ? " is above its ceiling " : " is below its floor ") << bound;
            unmet.push_back(msg.str());
        }
    }
    return unmet;
}

// The corpus's articles in the split and topic asked for; a bad --split is told before the corpus is read.
std::vector<eval::Article> selected_articles(const EvalArgs& args) {
    if (args.split != "all" && args.split != "dev" && args.split != "heldout")
        throw UsageError("bad --split '" + args.split + "'", "expected dev, heldout or all");
    auto articles = eval::read_corpus(io::read_input(args.corpus), args.corpus);
    if (args.topic != "all" && args.topic != "conflict" && args.topic != "general")
        throw UsageError("bad --topic '" + args.topic + "'", "expected conflict, general or all");
    if (args.split != "all") std::erase_if(articles, [&](const eval::Article& a) { return a.split != args.split; });
    if (args.topic != "all") std::erase_if(articles, [&](const eval::Article& a) { return a.topic != args.topic; });
    if (articles.empty()) throw InputError("corpus " + args.corpus, "no article in split '" + args.split + "' and topic '" + args.topic + "'");
    return articles;
}

// Parses each article and scores its places and events; returns the seconds spent parsing and
// extracting (scoring is not the parser's speed).
double score_corpus(const Options& options, const std::vector<eval::Article>& articles, eval::Scores& scores,
                    eval::EventScores& event_scores) {
    gazetteer::Gazetteer gazetteer(data_folder(options) / "gazetteer.sqlite");
    parse::Parser parser(gazetteer);
    const auto region_of = pipeline::region_lookup(gazetteer);
    double seconds = 0;
    for (const auto& article : articles) {
        const auto t0 = std::chrono::steady_clock::now();
        parse::Words words;
        const auto mentions = parser.parse(article.text, words);
        const auto found = events::extract(article.text, words.tokens, mentions, {events::parse_iso_date(article.date), region_of});
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        eval::score_article(article, predicted_mentions(mentions), scores);
        // General news carries no event labels: its events would all count as spurious.
        if (article.topic == "conflict") eval::score_events(article, predicted_events(found, mentions), event_scores);
    }
    return seconds;
}

void print_json(const nlohmann::json& got, const std::vector<eval::Miss>& misses, bool with_misses, std::ostream& out) {
    nlohmann::json doc = got;
    if (with_misses) {
        doc["misses"] = nlohmann::json::array();
        for (const auto& m : misses)
            doc["misses"].push_back({{"article", m.article}, {"kind", m.kind}, {"text", m.text}, {"context", m.context}, {"error_km", round3(m.error_km)}});
    }
    out << doc.dump(2) << "\n";
}

void print_table(const nlohmann::json& got, const std::vector<eval::Miss>& misses, bool with_misses, std::ostream& out) {
    if (with_misses)
        for (const auto& m : misses) {
            out << m.article << "\t" << m.kind << "\t" << m.text;
            if (m.kind == "far") out << "\t" << std::fixed << std::setprecision(0) << m.error_km << " km";
            out << "\t" << m.context << "\n";
        }
    for (const auto& [key, value] : got.items())
        if (!value.is_object()) out << std::left << std::setw(26) << key << value.dump() << "\n";
    for (const auto& [type, value] : got["events_per_type_recall"].items())
        out << "  recall " << std::left << std::setw(17) << type << value["recall"].dump() << " of " << value["labelled"].dump() << "\n";
}

void check_floors(const nlohmann::json& got, const std::string& floors_file, std::ostream& out) {
    const auto floors = nlohmann::json::parse(io::read_input(floors_file), nullptr, false);
    if (floors.is_discarded() || !floors.is_object()) throw InputError("cannot read floors " + floors_file, "not a JSON object");
    const auto unmet = unmet_floors(got, floors);
    for (const auto& u : unmet) out << "below floor: " << u << "\n";
    if (!unmet.empty()) throw Error("eval", std::to_string(unmet.size()) + " figure(s) below the floors in " + floors_file);
}

}  // namespace

int run_eval(const Options& options, const EvalArgs& args, std::ostream& out) {
    const auto articles = selected_articles(args);
    eval::Scores scores;
    eval::EventScores event_scores;
    const double seconds = score_corpus(options, articles, scores, event_scores);
    auto got = figures(scores, seconds);
    got.update(event_figures(event_scores));
    scores.misses.insert(scores.misses.end(), event_scores.misses.begin(), event_scores.misses.end());
    if (args.json) print_json(got, scores.misses, args.misses, out);
    else print_table(got, scores.misses, args.misses, out);
    if (!args.floors.empty()) check_floors(got, args.floors, out);
    return 0;
}

}  // namespace frontmap::cli
