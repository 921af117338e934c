#include "parse/scoring.hpp"

#include "common/error.hpp"
#include "common/rules.hpp"

#include <nlohmann/json.hpp>

#include <string_view>

namespace frontmap::parse {

extern const std::string_view kScoringJson;

// A group of rules is read by its names in scoring.json, which are the members': nlohmann's field
// macros (a key missing or of the wrong type throws, and rules::read reports it as damaged data).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Scoring::Windows, name_run, group_words, credit_bytes, byline_words, dateline_words, conjoined_subject_words,
                                   storm_list_words, attack_noun_words, apposition_words, team_preposition_words)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Scoring::Importance, major_place, state_like)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Scoring::Confidence, lone_reading, lone_reading_per_importance, margin_base, floor, ceiling, doubted)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Scoring::Namesake, max_importance, min_km, foreign_share)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Scoring::Centre, no_pull_km, decay_km)

namespace {

const std::string kWhat = "geoparser scoring (parse/scoring.json)";

Scoring scoring_of(const nlohmann::json& j) {
    Scoring s{};
    j.at("windows").get_to(s.windows);
    j.at("importance").get_to(s.importance);
    j.at("confidence").get_to(s.confidence);
    j.at("one_sense").at("qualified_vote").get_to(s.qualified_vote);
    j.at("story_countries").at("country_weight").get_to(s.country_weight);
    j.at("namesake").get_to(s.namesake);
    j.at("centre").get_to(s.centre);
    if (s.centre.decay_km <= 0) throw DataError(kWhat, "centre.decay_km must be above 0");
    return s;
}

}  // namespace

const Scoring& scoring() { return rules::once<kScoringJson>(kWhat, "a rule is missing or is not a number of the right kind", scoring_of); }

}  // namespace frontmap::parse
