#include "parse/scoring.hpp"

#include "common/error.hpp"
#include "common/rules.hpp"

#include <string_view>

namespace frontmap::parse {

extern const std::string_view kScoringJson;

namespace {

using nlohmann::json;

Scoring::Windows windows_of(const json& j) {
    Scoring::Windows w{};
    for (auto [key, field] : {std::pair{"name_run", &w.name_run}, {"group_words", &w.group_words}, {"credit_bytes", &w.credit_bytes},
                              {"byline_words", &w.byline_words}, {"dateline_words", &w.dateline_words},
                              {"conjoined_subject_words", &w.conjoined_subject_words}, {"storm_list_words", &w.storm_list_words},
                              {"attack_noun_words", &w.attack_noun_words}, {"apposition_words", &w.apposition_words},
                              {"team_preposition_words", &w.team_preposition_words}})
        *field = j.at(key).get<size_t>();
    return w;
}

Scoring::Confidence confidence_of(const json& j) {
    return {j.at("lone_reading").get<double>(), j.at("lone_reading_per_importance").get<double>(), j.at("margin_base").get<double>(),
            j.at("floor").get<double>(),        j.at("ceiling").get<double>(),                     j.at("doubted").get<double>()};
}

const std::string kWhat = "geoparser scoring (parse/scoring.json)";

Scoring scoring_of(const json& j) {
    Scoring s{};
    s.windows = windows_of(j.at("windows"));
    s.importance = {j.at("importance").at("major_place").get<double>(), j.at("importance").at("state_like").get<double>()};
    s.confidence = confidence_of(j.at("confidence"));
    s.qualified_vote = j.at("one_sense").at("qualified_vote").get<double>();
    s.country_weight = j.at("story_countries").at("country_weight").get<double>();
    const json& n = j.at("namesake");
    s.namesake = {n.at("max_importance").get<double>(), n.at("min_km").get<double>(), n.at("foreign_share").get<double>()};
    s.centre = {j.at("centre").at("no_pull_km").get<double>(), j.at("centre").at("decay_km").get<double>()};
    if (s.centre.decay_km <= 0) throw DataError(kWhat, "centre.decay_km must be above 0");
    return s;
}

}  // namespace

const Scoring& scoring() { return rules::once<kScoringJson>(kWhat, "a rule is missing or is not a number of the right kind", scoring_of); }

}  // namespace frontmap::parse
