#pragma once
// The geoparser's hand-set numbers, read from scoring.json beside this stage (compiled into the
// library, read once): how far the recogniser looks around a name, which places count as major,
// and how the resolver states its confidence. The ranking's fitted weights are ranker.json's.
#include <cstddef>

namespace frontmap::parse {

struct Scoring {
    struct Windows {
        size_t name_run, group_words, credit_bytes, byline_words, dateline_words, conjoined_subject_words, storm_list_words,
            attack_noun_words, apposition_words, team_preposition_words;
    } windows;
    struct Importance {
        double major_place, state_like;
    } importance;
    struct Confidence {
        double lone_reading, lone_reading_per_importance, margin_base, floor, ceiling, doubted;
    } confidence;
    double qualified_vote;
    double country_weight;
    struct Namesake {
        double max_importance, min_km, foreign_share;
    } namesake;
    struct Centre {
        double no_pull_km, decay_km;
    } centre;
};

const Scoring& scoring();

}  // namespace frontmap::parse
