#include "events/lexicon.hpp"

#include "common/error.hpp"
#include "common/rules.hpp"
#include "parse/tokens.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace frontmap::events {

extern const std::string_view kLexiconJson;

namespace {

// The words of a phrase as the tokenizer cuts text: "al-Sham" and "AFC/M23" are two words each,
// "U.S." one (written in capitals, as the tokenizer knows an initialism), and the possessive "'s"
// of "people's" belongs to no word. Parts are compared in lower case. Only the last part keeps a
// prefix star.
void add_pattern_parts(std::string w, std::vector<PatternWord>& out) {
    bool prefix = false;
    if (w.size() > 1 && w.back() == '*') {
        prefix = true;
        w.pop_back();
    }
    const auto parts = parse::tokenize(w);
    if (parts.empty()) throw DataError("event lexicon", "'" + w + "' holds no word");
    for (const auto& t : parts) {
        std::string lower = t.text;
        for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        out.push_back(PatternWord{.text = std::move(lower)});
    }
    if (prefix) out.back().prefix = true;
}

std::vector<PatternWord> split_pattern(std::string_view phrase) {
    std::vector<PatternWord> out;
    size_t i = 0;
    while (i < phrase.size()) {
        while (i < phrase.size() && phrase[i] == ' ') ++i;
        size_t j = i;
        while (j < phrase.size() && phrase[j] != ' ') ++j;
        if (j > i) {
            std::string w(phrase.substr(i, j - i));
            if (w == "PLACE") {
                out.push_back(PatternWord{.text = w, .place = true});
            } else if (w == "~") {
                out.push_back(PatternWord{.text = w, .gap = true});
            } else {
                add_pattern_parts(std::move(w), out);
            }
        }
        i = j;
    }
    return out;
}

uint16_t two_bytes(std::string_view w) { return static_cast<uint16_t>(static_cast<unsigned char>(w[0]) << 8 | static_cast<unsigned char>(w[1])); }
// Distinct for any two ASCII letters or digits, so the filter it keys lets few words through.
size_t two_bytes_bit(uint16_t b) { return ((b >> 8) & 0x3F) << 6 | (b & 0x3F); }

bool word_matches(const PatternWord& p, const Word& w, bool inside_names) {
    if (p.place) return w.mention >= 0 && w.located;
    if (w.inside >= 0 && !(inside_names && w.in_name)) return false;  // a place name is never a cue word
    if (p.prefix) return w.lower.size() >= p.text.size() && w.lower.compare(0, p.text.size(), p.text) == 0;
    return w.id == p.id && p.id != kNoWord;
}

// The last word of the place name that opens at `at`.
size_t last_of_name(const std::vector<Word>& words, size_t at) {
    for (const int name = words[at].mention; at + 1 < words.size() && words[at + 1].inside == name;) ++at;
    return at;
}

}  // namespace

template <typename T>
void PhraseMap<T>::file(std::vector<size_t>& bucket, size_t index) const {
    // Each bucket lists its entries longest first, then in the order added: the first of the
    // longest matches wins.
    const auto longer = [&](size_t a, size_t b) { return entries_[a].words.size() > entries_[b].words.size(); };
    bucket.insert(std::upper_bound(bucket.begin(), bucket.end(), index, longer), index);
}

template <typename T>
void PhraseMap<T>::add(std::string_view phrase, T value) {
    Entry e{split_pattern(phrase), std::move(value), 0};
    if (e.words.empty() || e.words.front().gap) throw DataError("event lexicon", "an empty phrase, or one that opens with ~");
    while (e.head < e.words.size() && !e.words[e.head].gap && !e.words[e.head].place) ++e.head;
    entries_.push_back(std::move(e));
    const size_t index = entries_.size() - 1;
    const auto& first = entries_[index].words.front();
    if (first.place) {
        file(place_first_, index);
    } else if (first.prefix && first.text.size() >= 2) {
        file(prefix_by_two_bytes_[two_bytes(first.text)], index);
    } else if (first.prefix) {
        file(prefix_by_byte_[static_cast<unsigned char>(first.text.front())], index);
    }
    // Entries opening with a literal word are filed by index(), once their word has a number.
}

ListBits Openers::of(const Word& w) const {
    ListBits bits = w.id < by_id.size() ? by_id[w.id] : ListBits{};
    if (!w.lower.empty()) bits |= by_byte[static_cast<unsigned char>(w.lower.front())];
    if (w.lower.size() >= 2) bits |= by_two_bytes[two_bytes_bit(two_bytes(w.lower))];
    if (w.mention >= 0 && w.located) bits |= place;
    return bits;
}

template <typename T>
void PhraseMap<T>::index(Vocabulary& vocabulary, Openers& openers) {
    if (openers.lists == kMaxPhraseLists) throw DataError("event lexicon", "more phrase lists than Word::opens has bits");
    slot_ = openers.lists++;
    for (auto& e : entries_)
        for (auto& w : e.words)
            if (!w.place && !w.gap && !w.prefix) w.id = vocabulary.try_emplace(w.text, static_cast<uint32_t>(vocabulary.size())).first->second;
    first_word_ids_.clear();
    by_first_word_.clear();
    for (const auto& e : entries_)
        if (const uint32_t id = e.words.front().id; id != kNoWord) first_word_ids_.push_back(id);
    std::sort(first_word_ids_.begin(), first_word_ids_.end());
    first_word_ids_.erase(std::unique(first_word_ids_.begin(), first_word_ids_.end()), first_word_ids_.end());
    by_first_word_.resize(first_word_ids_.size());
    for (size_t i = 0; i < entries_.size(); ++i) {
        const uint32_t id = entries_[i].words.front().id;
        if (id == kNoWord) continue;
        const auto at = std::lower_bound(first_word_ids_.begin(), first_word_ids_.end(), id) - first_word_ids_.begin();
        file(by_first_word_[static_cast<size_t>(at)], i);
        if (openers.by_id.size() <= id) openers.by_id.resize(id + 1);
        openers.by_id[id].set(slot_);
    }
    for (const auto& e : entries_) {
        const PatternWord& first = e.words.front();
        if (first.place) openers.place.set(slot_);
        else if (first.prefix && first.text.size() >= 2) openers.by_two_bytes[two_bytes_bit(two_bytes(first.text))].set(slot_);
        else if (first.prefix) openers.by_byte[static_cast<unsigned char>(first.text.front())].set(slot_);
    }
    indexed_ = true;
}

constexpr size_t kMaxGap = 6;

template <typename T>
size_t PhraseMap<T>::match_end(const Entry& e, size_t k, const std::vector<Word>& words, size_t at) const {
    for (; k < e.words.size(); ++k, ++at) {
        if (e.words[k].gap) return gap_end(e, k, words, at);
        if (at >= words.size() || !word_matches(e.words[k], words[at], inside_names_)) return 0;
        // "El Fasher fell": PLACE stands for the whole name, however many words it has.
        if (e.words[k].place) at = last_of_name(words, at);
    }
    return at;
}

template <typename T>
size_t PhraseMap<T>::gap_end(const Entry& e, size_t gap, const std::vector<Word>& words, size_t at) const {
    for (size_t skip = 0; skip <= kMaxGap && at + skip < words.size(); ++skip) {
        if (skip > 0 && (words[at + skip - 1].comma_after || words[at + skip - 1].stop_after)) break;
        // A stop word may be the phrase's next word ("pressed ~ toward"), never a word skipped.
        if (const size_t end = match_end(e, gap + 1, words, at + skip)) return end;
        if (gap_stops_ && gap_stops_->match(words, at + skip)) break;
    }
    return 0;
}

template <typename T>
typename PhraseMap<T>::Match PhraseMap<T>::match_opening(const std::vector<Word>& words, size_t at) const {
    Match best;
    auto consider = [&](size_t index) {
        const Entry& e = entries_[index];
        if (e.words.size() <= best.length) return;
        if (const size_t end = match_end(e, 0, words, at); end > at && end - at > best.length) best = {end - at, e.head, &e.value};
    };
    const Word& w = words[at];
    if (const auto it = std::lower_bound(first_word_ids_.begin(), first_word_ids_.end(), w.id); it != first_word_ids_.end() && *it == w.id)
        for (size_t i : by_first_word_[static_cast<size_t>(it - first_word_ids_.begin())]) consider(i);
    if (w.lower.size() >= 2 && !prefix_by_two_bytes_.empty())
        if (const auto it = prefix_by_two_bytes_.find(two_bytes(w.lower)); it != prefix_by_two_bytes_.end())
            for (size_t i : it->second) consider(i);
    if (!w.lower.empty())
        for (size_t i : prefix_by_byte_[static_cast<unsigned char>(w.lower.front())]) consider(i);
    if (w.mention >= 0 && w.located)
        for (size_t i : place_first_) consider(i);
    return best;
}

template class PhraseMap<char>;
template class PhraseMap<TriggerRule>;
template class PhraseMap<long long>;
template class PhraseMap<std::string>;
template class PhraseMap<std::vector<gazetteer::PlaceType>>;
template class PhraseMap<int>;
template class PhraseMap<unsigned>;
template class PhraseMap<EventType>;

namespace {

using nlohmann::json;

const json& key(const json& doc, const char* name) {
    if (!doc.contains(name)) throw DataError("event lexicon", std::string("no '") + name + "'");
    return doc.at(name);
}

void fill(PhraseSet& set, const json& doc, const char* name) {
    for (const auto& phrase : key(doc, name)) set.add(phrase.get<std::string>(), 0);
}

void fill_special_triggers(Lexicon& lex, const json& doc) {
    for (const auto& [phrase, name] : key(doc, "impact_verbs").items()) {
        const auto type = event_type_from_string(name.get<std::string>());
        if (!type) throw DataError("event lexicon", "unknown event type for '" + phrase + "' in impact_verbs");
        lex.triggers.add(phrase, {*type, true, true, false});
    }
    for (const auto& [name, phrases] : key(doc, "fallback_triggers").items()) {
        const auto type = event_type_from_string(name);
        if (!type) throw DataError("event lexicon", "unknown event type '" + name + "' in fallback_triggers");
        for (const auto& p : phrases) lex.triggers.add(p.get<std::string>(), {*type, true, false, true});
    }
    for (const auto& [phrase, name] : key(doc, "weapons").items()) {
        const auto type = event_type_from_string(name.get<std::string>());
        if (!type) throw DataError("event lexicon", "unknown event type for weapon '" + phrase + "'");
        lex.weapons.add(phrase, *type);
    }
    for (const auto& [phrase, name] : key(doc, "context_typed").items()) {
        const auto type = event_type_from_string(name.get<std::string>());
        if (!type) throw DataError("event lexicon", "unknown event type for '" + phrase + "' in context_typed");
        lex.context_typed.add(phrase, *type);
    }
}

void fill_triggers(Lexicon& lex, const json& doc) {
    fill_special_triggers(lex, doc);
    std::vector<std::string> weak;
    for (const auto& w : key(doc, "weak_triggers")) weak.push_back(w.get<std::string>());
    for (const auto& [name, phrases] : key(doc, "triggers").items()) {
        const auto type = event_type_from_string(name);
        if (!type) throw DataError("event lexicon", "unknown event type '" + name + "' in triggers");
        for (const auto& p : phrases) {
            const auto phrase = p.get<std::string>();
            lex.triggers.add(phrase, {*type, std::find(weak.begin(), weak.end(), phrase) != weak.end(), false, false});
        }
    }
}

void fill_places(Lexicon& lex, const json& doc) {
    for (const auto& [phrase, types] : key(doc, "coreference").items()) {
        std::vector<gazetteer::PlaceType> out;
        for (const auto& t : types) out.push_back(gazetteer::place_type_from_string(t.get<std::string>()));
        lex.coreference.add(phrase, std::move(out));
    }
    for (const auto& [phrase, side] : key(doc, "sides").items()) lex.sides.add(phrase, side.get<std::string>());
    lex.sides.match_inside_names();
}

void fill_numbers(Lexicon& lex, const json& doc) {
    for (const auto& [w, n] : key(doc, "number_words").items()) lex.number_words.add(w, n.get<long long>());
    for (const auto& [w, n] : key(doc, "number_scales").items()) lex.number_scales.add(w, n.get<long long>());
    for (const auto& [w, n] : key(doc, "approximate_numbers").items()) lex.approximate_numbers.add(w, n.get<long long>());
    lex.max_count = key(doc, "max_count").get<long long>();
}

void fill_dates(Lexicon& lex, const json& doc) {
    for (const auto& [w, n] : key(doc, "date_words").items()) lex.date_words.add(w, n.get<int>());
    for (const auto& [w, n] : key(doc, "season_words").items()) lex.season_words.add(w, n.get<unsigned>());
    for (const auto& [w, n] : key(doc, "year_words").items()) lex.year_words.add(w, n.get<int>());
    fill(lex.year_openers, doc, "year_openers");
    fill(lex.week_words, doc, "week_words");
    fill(lex.month_words, doc, "month_words");
    fill(lex.since_words, doc, "since_words");
    lex.history_days = key(doc, "history_days").get<int>();
    lex.carry_sentences_counts = key(doc, "carry_sentences_counts").get<size_t>();
    lex.carry_sentences_denials = key(doc, "carry_sentences_denials").get<size_t>();
    lex.retold_within_sentences = key(doc, "retold_within_sentences").get<size_t>();
}

void fill_windows(Lexicon& lex, const json& doc) {
    const auto& w = key(doc, "windows");
    const auto windows = std::to_array<std::pair<size_t*, const char*>>({
        {&lex.windows.irrealis, "irrealis"},   {&lex.windows.negator, "negator"},       {&lex.windows.mover, "mover"},
        {&lex.windows.generic_actor, "generic_actor"}, {&lex.windows.preposition, "preposition"}, {&lex.windows.own_place, "own_place"},
        {&lex.windows.count_link, "count_link"}, {&lex.windows.count_back, "count_back"}, {&lex.windows.party_words, "party_words"},
        {&lex.windows.holder, "holder"}, {&lex.windows.generic, "generic"}, {&lex.windows.qualifier, "qualifier"}, {&lex.windows.one_person, "one_person"}, {&lex.windows.count_aside, "count_aside"}, {&lex.windows.trend, "trend"}, {&lex.windows.unknown_place, "unknown_place"}, {&lex.windows.another, "another"}, {&lex.windows.list_descriptor, "list_descriptor"}, {&lex.windows.weapon, "weapon"}, {&lex.windows.water, "water"}, {&lex.windows.copular, "copular"}, {&lex.windows.opening_party, "opening_party"}, {&lex.windows.elsewhere, "elsewhere"}, {&lex.windows.said_pronoun, "said_pronoun"}, {&lex.windows.area_then_town, "area_then_town"}, {&lex.windows.group_name, "group_name"},
    });
    for (const auto& [slot, name] : windows) *slot = key(w, name).get<size_t>();
    for (const auto& pronoun : key(doc, "speaker_pronouns")) lex.speaker_pronouns.insert(pronoun.get<std::string>());
    for (const auto& group : key(doc, "two_letter_groups")) lex.two_letter_groups.insert(group.get<std::string>());
    for (const auto& group : key(doc, "state_proxies")) lex.state_proxies.insert(group.get<std::string>());
    const auto& weights = key(doc, "weights");
    lex.comma_cost = key(weights, "comma_cost").get<double>();
    lex.contrast_cost = key(weights, "contrast_cost").get<double>();
    lex.same_place_km = key(weights, "same_place_km").get<double>();
}

void fill_word_lists(Lexicon& lex, const json& doc) {
    const auto lists = std::to_array<std::pair<PhraseSet*, const char*>>({
        {&lex.irrealis, "irrealis"}, {&lex.negators, "negators"}, {&lex.attribution_verbs, "attribution_verbs"},
        {&lex.attribution_phrases, "attribution_phrases"}, {&lex.denial_verbs, "denial_verbs"},
        {&lex.confirmation_phrases, "confirmation_phrases"}, {&lex.killed_words, "killed_words"},
        {&lex.wounded_words, "wounded_words"}, {&lex.place_count_words, "place_count_words"},
        {&lex.count_blockers, "count_blockers"}, {&lex.count_link_words, "count_link_words"},
        {&lex.approximate_cues, "approximate_cues"}, {&lex.actor_nouns, "actor_nouns"}, {&lex.office_nouns, "office_nouns"},
        {&lex.toward_words, "toward_words"}, {&lex.from_words, "from_words"}, {&lex.along_words, "along_words"},
        {&lex.near_words, "near_words"}, {&lex.direction_words, "direction_words"}, {&lex.place_nouns, "place_nouns"}, {&lex.same_time_phrases, "same_time_phrases"},
        {&lex.non_territorial_objects, "non_territorial_objects"}, {&lex.infinitive_markers, "infinitive_markers"},
        {&lex.speaker_fillers, "speaker_fillers"}, {&lex.speaker_stops, "speaker_stops"},
        {&lex.irrealis_after, "irrealis_after"}, {&lex.season_cues, "season_cues"},
        {&lex.gap_stops, "gap_stops"}, {&lex.definite_markers, "definite_markers"}, {&lex.background_markers, "background_markers"}, {&lex.ongoing_since, "ongoing_since"}, {&lex.civilian_nouns, "civilian_nouns"}, {&lex.armed_nouns, "armed_nouns"}, {&lex.heading_words, "heading_words"}, {&lex.relative_pronouns, "relative_pronouns"}, {&lex.relative_openers, "relative_openers"}, {&lex.past_adverbs, "past_adverbs"}, {&lex.complementizers, "complementizers"}, {&lex.subordinators, "subordinators"}, {&lex.non_state_nouns, "non_state_nouns"}, {&lex.articles, "articles"}, {&lex.capital_references, "capital_references"},
        {&lex.where_words, "where_words"}, {&lex.apposition_words, "apposition_words"},
        {&lex.subset_cues, "subset_cues"}, {&lex.other_victim_words, "other_victim_words"}, {&lex.origin_words, "origin_words"}, {&lex.order_verbs, "order_verbs"}, {&lex.water_nouns, "water_nouns"}, {&lex.agentless_deaths, "agentless_deaths"}, {&lex.passive_markers, "passive_markers"},
        {&lex.one_person_determiners, "one_person_determiners"}, {&lex.one_person_nouns, "one_person_nouns"}, {&lex.one_person_pronouns, "one_person_pronouns"}, {&lex.tally_verbs, "tally_verbs"}, {&lex.tally_joiners, "tally_joiners"}, {&lex.trend_before, "trend_before"}, {&lex.trend_after, "trend_after"}, {&lex.unknown_place_prepositions, "unknown_place_prepositions"}, {&lex.another_markers, "another_markers"},
        {&lex.claim_nouns, "claim_nouns"}, {&lex.falsity_words, "falsity_words"}, {&lex.claim_verbs_be, "claim_verbs_be"}, {&lex.naming_verbs, "naming_verbs"}, {&lex.group_heads, "group_heads"}, {&lex.generic_group_words, "generic_group_words"}, {&lex.closing_year_openers, "closing_year_openers"}, {&lex.possessive_pronouns, "possessive_pronouns"}, {&lex.office_prepositions, "office_prepositions"}, {&lex.list_words, "list_words"},
        {&lex.neighbour_words, "neighbour_words"}, {&lex.qualifier_words, "qualifier_words"}, {&lex.aside_openers, "aside_openers"}, {&lex.unnamed_town_nouns, "unnamed_town_nouns"}, {&lex.vehicle_nouns, "vehicle_nouns"}, {&lex.residence_words, "residence_words"}, {&lex.copular_verbs, "copular_verbs"}, {&lex.flight_verbs, "flight_verbs"}, {&lex.prisoner_nouns, "prisoner_nouns"}, {&lex.elsewhere_words, "elsewhere_words"}, {&lex.assault_verbs, "assault_verbs"}, {&lex.assault_objects, "assault_objects"}, {&lex.tally_partitives, "tally_partitives"}, {&lex.spread_nouns, "spread_nouns"}, {&lex.spread_phrases, "spread_phrases"}, {&lex.state_forces, "state_forces"}, {&lex.state_markers, "state_markers"}, {&lex.time_back_references, "time_back_references"}, {&lex.liberation_words, "liberation_words"}, {&lex.attempt_verbs, "attempt_verbs"}, {&lex.attempted_deeds, "attempted_deeds"}, {&lex.war_subjects, "war_subjects"}, {&lex.deed_pronouns, "deed_pronouns"}, {&lex.group_nouns, "group_nouns"}, {&lex.agent_markers, "agent_markers"}, {&lex.clause_joiners, "clause_joiners"}, {&lex.contrast_joiners, "contrast_joiners"}, {&lex.not_events, "not_events"}, {&lex.generic_markers, "generic_markers"}, {&lex.blame_verbs, "blame_verbs"}, {&lex.holder_nouns, "holder_nouns"},
        {&lex.holder_prepositions, "holder_prepositions"}, {&lex.example_markers, "example_markers"}});
    for (const auto& [set, name] : lists) fill(*set, doc, name);
    for (const auto& [set, name] : lists) set->index(lex.vocabulary, lex.openers);
}

void index_phrase_maps(Lexicon& lex) {
    Vocabulary& v = lex.vocabulary;
    Openers& o = lex.openers;
    lex.triggers.index(v, o);
    lex.weapons.index(v, o);
    lex.context_typed.index(v, o);
    lex.approximate_numbers.index(v, o);
    lex.number_words.index(v, o);
    lex.number_scales.index(v, o);
    lex.season_words.index(v, o);
    lex.sides.index(v, o);
    lex.coreference.index(v, o);
    lex.date_words.index(v, o);
    lex.year_words.index(v, o);
    for (PhraseSet* set : {&lex.year_openers, &lex.week_words, &lex.month_words, &lex.since_words}) set->index(v, o);
}

Lexicon lexicon_of(const json& doc) {
    Lexicon lex;
    fill_word_lists(lex, doc);
    fill_triggers(lex, doc);
    fill_places(lex, doc);
    fill_numbers(lex, doc);
    fill_dates(lex, doc);
    fill_windows(lex, doc);
    index_phrase_maps(lex);
    lex.triggers.set_gap_stops(std::make_shared<const PhraseSet>(lex.gap_stops));
    return lex;
}

}  // namespace

Lexicon parse_lexicon(std::string_view text) {
    return rules::read(text, "event lexicon", "a value has the wrong type", lexicon_of, rules::Detail::appended);
}

const Lexicon& lexicon() {
    static const Lexicon built_in = parse_lexicon(kLexiconJson);
    return built_in;
}

}  // namespace frontmap::events
