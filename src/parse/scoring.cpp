#include "parse/scoring.hpp"

#include "common/error.hpp"
#include "parse/rules_data.hpp"

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

// The file is ours and compiled in: a key missing or of the wrong type is a build's mistake,
// reported as damaged data rather than as the JSON library's message.
Scoring parse_scoring() {
    const std::string what = "geoparser scoring (parse/scoring.json)";
    const json j = rules_document(kScoringJson, what);
    try {
        Scoring s{};
        s.windows = windows_of(j.at("windows"));
        s.importance = {j.at("importance").at("major_place").get<double>(), j.at("importance").at("state_like").get<double>()};
        s.confidence = confidence_of(j.at("confidence"));
        s.qualified_vote = j.at("one_sense").at("qualified_vote").get<double>();
        s.country_weight = j.at("story_countries").at("country_weight").get<double>();
        const json& n = j.at("namesake");
        s.namesake = {n.at("max_importance").get<double>(), n.at("min_km").get<double>(), n.at("foreign_share").get<double>()};
        s.centre = {j.at("centre").at("no_pull_km").get<double>(), j.at("centre").at("decay_km").get<double>()};
        if (s.centre.decay_km <= 0) throw DataError(what, "centre.decay_km must be above 0");
        return s;
    } catch (const json::exception&) {
        throw DataError(what, "a rule is missing or is not a number of the right kind");
    }
}

}  // namespace

const Scoring& scoring() {
    static const Scoring s = parse_scoring();
    return s;
}

}  // namespace frontmap::parse
