// Sports teams are named for places, and sports pages name them as subjects and objects the way
// politics names governments: "Georgia answered with three scoring drives". A map of a match
// report should show where it was played, not every team's home.
#include "parse/teams.hpp"

#include "common/rules.hpp"
#include "parse/scoring.hpp"
#include "parse/rules_data.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <unordered_set>

namespace frontmap::parse {

extern const std::string_view kTeamsJson;

namespace {

using WordSet = std::unordered_set<std::string>;

struct Rules {
    WordSet cue_words, result_before, result_to, result_after, team_nouns, club_words, event_nouns, place_prepositions;
    std::unordered_set<gazetteer::PlaceType> place_kinds;
    size_t min_cue_words = 4, min_cue_words_without_score = 6;
};

Rules rules_of(const nlohmann::json& doc) {
    Rules r;
    const auto words = [&](const char* key) { return word_set(doc, key); };
    r.cue_words = words("cue_words");
    r.result_before = words("result_before");
    r.result_to = words("result_to");
    r.result_after = words("result_after");
    r.team_nouns = words("team_nouns");
    r.club_words = words("club_words");
    r.event_nouns = words("event_nouns");
    r.place_prepositions = words("place_prepositions");
    for (const auto& kind : doc.at("place_kinds")) r.place_kinds.insert(gazetteer::place_type_from_string(kind.get<std::string>()));
    r.min_cue_words = doc.at("min_cue_words").get<size_t>();
    r.min_cue_words_without_score = doc.at("min_cue_words_without_score").get<size_t>();
    return r;
}

const Rules& rules() {
    return rules::once<kTeamsJson>("sports team rules", "a key is missing or has the wrong type", rules_of, rules::Detail::appended);
}

std::string lower(const Token& t) {
    std::string s = t.text;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_number(const Token& t) {
    return !t.text.empty() && t.text.size() <= 3 && std::all_of(t.text.begin(), t.text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// "31-17", "2-1", "114-106": a result, not a year span ("2022-23").
bool score_at(const std::vector<Token>& tokens, size_t k) {
    return k + 1 < tokens.size() && is_number(tokens[k]) && tokens[k].hyphen_after && is_number(tokens[k + 1]);
}

bool is_sports_story(const std::vector<Token>& tokens) {
    WordSet seen;
    bool score = false;
    for (size_t k = 0; k < tokens.size(); ++k) {
        score = score || score_at(tokens, k);
        const std::string w = lower(tokens[k]);
        if (rules().cue_words.contains(w)) seen.insert(w);
    }
    return seen.size() >= (score ? rules().min_cue_words : rules().min_cue_words_without_score);
}

// The token span of a mention: its first token and one past its last.
std::pair<size_t, size_t> span_of(const std::vector<Token>& tokens, const Mention& m) {
    const auto first = std::lower_bound(tokens.begin(), tokens.end(), m.start, [](const Token& t, size_t at) { return t.start < at; });
    const auto last = std::lower_bound(first, tokens.end(), m.end, [](const Token& t, size_t at) { return t.end < at; });
    return {static_cast<size_t>(first - tokens.begin()), static_cast<size_t>(last - tokens.begin()) + 1};
}

// The words before a name say it plays: "beat Chelsea", "lost to Tennessee", "No. 7 Tennessee".
bool played_before(const std::vector<Token>& tokens, size_t first) {
    if (first == 0 || tokens[first - 1].stop_after) return false;
    const std::string prev = lower(tokens[first - 1]);
    if (rules().result_before.contains(prev)) return true;
    if (first >= 2 && prev == "to" && rules().result_to.contains(lower(tokens[first - 2]))) return true;
    // "held 1-1 by Everton", "won 3-0 at home to Motherwell": a score, then the other side.
    if (first >= 2 && (prev == "by" || prev == "to") && is_number(tokens[first - 2])) return true;
    return first >= 2 && is_number(tokens[first - 1]) && lower(tokens[first - 2]) == "no";
}

// The words after a name say it plays: "Chelsea 2-1", "Tennessee scored", "Aston Villa", "Boston Celtics".
bool played_after(const std::vector<Token>& tokens, size_t past, const Token& last) {
    if (past >= tokens.size() || last.stop_after || last.comma_after) return false;
    if (score_at(tokens, past)) return true;
    const Token& next = tokens[past];
    const std::string w = lower(next);
    if (!last.possessive && (rules().result_after.contains(w) || rules().team_nouns.contains(w))) return true;
    if (!next.capitalised || last.possessive) return false;
    return rules().club_words.contains(w) || (w.size() > 3 && w.back() == 's' && !next.all_caps && !rules().event_nouns.contains(w));
}

bool after_place_preposition(const std::vector<Token>& tokens, size_t first) {
    // "from south Georgia", "in the Highlands": one modifier may stand between; "between Britain
    // and Australia": so may the names listed before.
    size_t modifiers = 0;
    for (size_t back = 1; back <= scoring().windows.team_preposition_words && back <= first; ++back) {
        const Token& t = tokens[first - back];
        const std::string w = lower(t);
        if (rules().place_prepositions.contains(w)) return true;
        if (t.stop_after || t.possessive) return false;
        const bool listed = t.capitalised || w == "and" || w == "or";
        if (!listed && (t.comma_after || ++modifiers > 1)) return false;
    }
    return false;
}

}  // namespace

void mark_sports_teams(std::vector<Mention>& mentions, const Words& words) {
    const auto& tokens = words.tokens;
    if (tokens.empty() || !is_sports_story(tokens)) return;
    std::unordered_set<std::string> teams;
    std::vector<bool> cued(mentions.size(), false);
    for (size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        if (m.role == Role::NotPlace || m.dateline || m.after_place_comma || !m.place || !rules().place_kinds.contains(m.place->type)) continue;
        const auto [first, past] = span_of(tokens, m);
        if (past > tokens.size() || first >= past) continue;
        if (played_before(tokens, first) || played_after(tokens, past, tokens[past - 1])) {
            cued[i] = true;
            teams.insert(m.key);
        }
    }
    for (size_t i = 0; i < mentions.size(); ++i) {
        Mention& m = mentions[i];
        if (m.role == Role::NotPlace || !teams.contains(m.key) || m.dateline || m.after_place_comma) continue;
        if (cued[i] || !after_place_preposition(tokens, span_of(tokens, m).first)) m.role = Role::Metonym;
    }
}

}  // namespace frontmap::parse
