#include "cli/commands.hpp"

#include "common/error.hpp"
#include "eval/metrics.hpp"
#include "gazetteer/gazetteer.hpp"
#include "io/files.hpp"
#include "parse/parser.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <iomanip>
#include <ostream>

namespace frontmap::cli {

namespace {

double round3(double v) { return std::round(v * 1000) / 1000; }

nlohmann::json figures(const eval::Scores& s, double seconds) {
    return {
        {"articles", s.articles},
        {"gold_toponyms", s.gold},
        {"predicted", s.predicted},
        {"precision", round3(s.precision())},
        {"recall", round3(s.recall())},
        {"f1", round3(s.f1())},
        {"accuracy_161", round3(s.accuracy_161())},
        {"accuracy_161_end_to_end", round3(s.accuracy_161_end_to_end())},
        {"accuracy_25_points", round3(s.accuracy_25_points())},
        {"mean_error_km", round3(s.mean_error_km())},
        {"median_error_km", round3(s.median_error_km())},
        {"auc", round3(s.auc())},
        {"metonyms_drawn", s.metonyms_drawn},
        {"not_places_drawn", s.not_places_drawn},
        {"articles_per_second", std::round(static_cast<double>(s.articles) / std::max(seconds, 1e-9))},
    };
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

}  // namespace

int run_eval(const Options& options, const EvalArgs& args, std::ostream& out) {
    const auto articles = eval::read_corpus(io::read_input(args.corpus), args.corpus);
    gazetteer::Gazetteer gazetteer(data_folder(options) / "gazetteer.sqlite");
    parse::Parser parser(gazetteer);
    eval::Scores scores;
    double seconds = 0;
    for (const auto& article : articles) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto mentions = parser.parse(article.text);
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
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
        eval::score_article(article, predicted, scores);
    }
    const auto got = figures(scores, seconds);
    if (args.json) {
        nlohmann::json doc = got;
        if (args.misses) {
            doc["misses"] = nlohmann::json::array();
            for (const auto& m : scores.misses)
                doc["misses"].push_back({{"article", m.article}, {"kind", m.kind}, {"text", m.text}, {"context", m.context}, {"error_km", round3(m.error_km)}});
        }
        out << doc.dump(2) << "\n";
    } else {
        if (args.misses)
            for (const auto& m : scores.misses) {
                out << m.article << "\t" << m.kind << "\t" << m.text;
                if (m.kind == "far") out << "\t" << std::fixed << std::setprecision(0) << m.error_km << " km";
                out << "\t" << m.context << "\n";
            }
        for (const auto& [key, value] : got.items()) out << std::left << std::setw(26) << key << value.dump() << "\n";
    }
    if (!args.floors.empty()) {
        const auto floors = nlohmann::json::parse(io::read_input(args.floors), nullptr, false);
        if (floors.is_discarded() || !floors.is_object()) throw InputError("cannot read floors " + args.floors, "not a JSON object");
        const auto unmet = unmet_floors(got, floors);
        for (const auto& u : unmet) out << "below floor: " << u << "\n";
        if (!unmet.empty()) throw Error("eval", std::to_string(unmet.size()) + " figure(s) below the floors in " + args.floors);
    }
    return 0;
}

}  // namespace frontmap::cli
