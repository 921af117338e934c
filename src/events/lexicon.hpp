#pragma once
// The event stage's rules, read from lexicon.json (embedded at build time): cue words, word
// lists, side names and thresholds. Loaded once per process and shared read-only by all threads.
#include "events/event.hpp"
#include "gazetteer/place.hpp"

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace frontmap::events {

// A bit per phrase list (see Openers).
inline constexpr size_t kMaxPhraseLists = 128;
using ListBits = std::bitset<kMaxPhraseLists>;

// A word of a sentence as the rules see it.
struct Word {
    size_t start = 0, end = 0;  // byte span in the article
    std::string lower;          // lower case, curly apostrophes straightened
    size_t hash = 0;            // of `lower`, once: some sixty phrase lists look each word up
    uint32_t id = UINT32_MAX;   // in the lexicon's vocabulary; UINT32_MAX for a word no rule names
    ListBits opens;             // the phrase lists that may have a phrase opening here (Openers)
    int mention = -1;           // index of the mention this word starts, if any
    bool located = false;       // that mention is a located place (role location, resolved)
    int inside = -1;            // index of the mention this word belongs to, if any
    bool in_name = false;       // inside a name the parser found to be no place ("Hayat Tahrir al-Sham")
    bool comma_after = false;
    bool stop_after = false;
    bool clause_start = false;  // first word of a sentence, a quotation or a clause after a dash
    bool possessive = false;
    bool capitalised = false;
    bool hyphen_before = false;  // "Houthi-controlled": joined to the word before by a hyphen
};

// Word-keyed tables are looked up by a word's stored hash, so a word is hashed once, not once per list.
struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    size_t operator()(const Word& w) const { return w.hash; }
};
struct WordEqual {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const { return a == b; }
    bool operator()(const Word& w, std::string_view b) const { return w.lower == b; }
    bool operator()(std::string_view a, const Word& w) const { return a == w.lower; }
};
template <typename T>
using WordMap = std::unordered_map<std::string, T, WordHash, WordEqual>;

// Every literal word the lexicon's phrases use, numbered: a sentence's word is looked up once,
// then each phrase list compares numbers, not strings.
using Vocabulary = WordMap<uint32_t>;
inline constexpr uint32_t kNoWord = UINT32_MAX;

// Which phrase lists may have a phrase opening at a word, a bit per list: worked out once per
// word when a sentence is split, so each list turns most words away with one test.
struct Openers {
    std::vector<ListBits> by_id;              // lists with a phrase opening with that literal word
    std::array<ListBits, 4096> by_two_bytes;  // with a prefix opening with these two bytes (six bits each)
    std::array<ListBits, 256> by_byte;        // with a one-letter prefix
    ListBits place;                           // with a phrase opening with PLACE
    size_t lists = 0;
    [[nodiscard]] ListBits of(const struct Word& w) const;
};

// A phrase is a sequence of pattern words: "advanc*" matches any word starting "advanc",
// "PLACE" the first word of a located place name, "~" up to six words of the same clause
// ("took ~ PLACE": "took the ruby-mining town of Mogok").
struct PatternWord {
    std::string text;
    uint32_t id = kNoWord;  // of a literal word, once indexed
    bool prefix = false;
    bool place = false;
    bool gap = false;
};

// Phrases with a value each, matched longest first at a word.
template <typename T>
class PhraseMap {
public:
    void add(std::string_view phrase, T value);
    // Numbers the literal words in `vocabulary`, files phrases by their first word's number and
    // takes a bit in `openers`; called once, after the last add and before the first match.
    void index(Vocabulary& vocabulary, Openers& openers);
    struct Match {
        size_t length = 0;  // words matched; 0 for no match
        size_t head = 0;    // the literal words before the first gap or PLACE
        const T* value = nullptr;
        explicit operator bool() const { return length != 0; }
    };
    // Inline, as most calls end at the first test: no phrase of this list opens at the word.
    Match match(const std::vector<Word>& words, size_t at) const {
        // A list left out of the lexicon's indexing would silently match nothing: fail loudly instead.
        if (!indexed_) throw std::logic_error("event lexicon: a phrase list was used before it was indexed");
        if (at >= words.size() || !words[at].opens.test(slot_)) return {};
        return match_opening(words, at);
    }
    bool empty() const { return entries_.empty(); }
    // Words a gap may not cross; set once, before matching.
    void set_gap_stops(std::shared_ptr<const PhraseMap<char>> stops) { gap_stops_ = std::move(stops); }
    // Lets this list match inside names that are no place: a group's name is a side.
    void match_inside_names() { inside_names_ = true; }

private:
    struct Entry {
        std::vector<PatternWord> words;
        T value;
        size_t head = 0;
    };
    Match match_opening(const std::vector<Word>& words, size_t at) const;
    // The end of a match of e's words from `k` on at word `at`, or 0.
    size_t match_end(const Entry& e, size_t k, const std::vector<Word>& words, size_t at) const;
    // The end of a match of e's words past the gap at `gap`, the gap opening at word `at`, or 0.
    size_t gap_end(const Entry& e, size_t gap, const std::vector<Word>& words, size_t at) const;
    void file(std::vector<size_t>& bucket, size_t index) const;
    std::vector<Entry> entries_;  // in the order added
    // Entries opening with a literal word, by that word's number (sorted, to find the bucket).
    // Word::opens has already turned away the words no entry of this list opens with.
    std::vector<uint32_t> first_word_ids_;
    std::vector<std::vector<size_t>> by_first_word_;
    // Entries whose first word is a prefix ("advanc*"), by its first two bytes (one for a one-letter
    // prefix), and those opening with PLACE: a word is tried against the few that can match it.
    std::unordered_map<uint16_t, std::vector<size_t>> prefix_by_two_bytes_;
    std::array<std::vector<size_t>, 256> prefix_by_byte_;
    std::vector<size_t> place_first_;
    std::shared_ptr<const PhraseMap<char>> gap_stops_;
    bool indexed_ = false;
    bool inside_names_ = false;
    size_t slot_ = 0;  // this list's bit in Word::opens
};

using PhraseSet = PhraseMap<char>;

struct TriggerRule {
    EventType type = EventType::Other;
    bool weak = false;      // names an event only with a place in its own clause
    bool impact = false;    // "hit", "landed": the type comes from the weapon named beside it
    bool fallback = false;  // "killed": an event only when the sentence has no other trigger
};

struct Lexicon {
    PhraseMap<TriggerRule> triggers;
    PhraseSet irrealis, negators;
    PhraseSet attribution_verbs, attribution_phrases, denial_verbs, confirmation_phrases;
    PhraseSet killed_words, wounded_words, place_count_words, count_blockers, count_link_words, approximate_cues;
    PhraseSet actor_nouns, office_nouns;
    PhraseSet toward_words, from_words, along_words, near_words, direction_words, place_nouns;
    PhraseSet week_words, month_words, since_words, same_time_phrases;
    PhraseSet non_territorial_objects, infinitive_markers;
    PhraseSet speaker_fillers, speaker_stops, irrealis_after, season_cues;
    PhraseSet gap_stops, definite_markers, background_markers, ongoing_since, civilian_nouns, armed_nouns, heading_words, relative_pronouns, relative_openers, past_adverbs, complementizers, subordinators, non_state_nouns, articles, capital_references, where_words, apposition_words;
    PhraseMap<EventType> weapons;  // what an impact verb's weapon makes it: "drones hit" -> strike
    PhraseMap<EventType> context_typed;  // "explosions" during a missile wave are its strikes
    PhraseSet one_person_determiners, one_person_nouns, one_person_pronouns, tally_verbs, tally_joiners, trend_before, trend_after, unknown_place_prepositions, another_markers;
    PhraseSet subset_cues, other_victim_words, origin_words, order_verbs, water_nouns, agentless_deaths, passive_markers, claim_nouns, falsity_words, claim_verbs_be, naming_verbs, group_heads, generic_group_words, closing_year_openers, possessive_pronouns, office_prepositions, list_words, neighbour_words, qualifier_words, aside_openers, not_events, generic_markers, blame_verbs, holder_nouns, holder_prepositions, example_markers, unnamed_town_nouns, vehicle_nouns, residence_words, copular_verbs, flight_verbs, prisoner_nouns, elsewhere_words, assault_verbs, assault_objects, tally_partitives, spread_nouns, spread_phrases, state_forces, state_markers, time_back_references, liberation_words, attempt_verbs, attempted_deeds, war_subjects, deed_pronouns, group_nouns, agent_markers, clause_joiners, contrast_joiners;
    PhraseMap<long long> number_words, number_scales;
    PhraseMap<long long> approximate_numbers;
    PhraseMap<std::string> sides;
    PhraseMap<std::vector<gazetteer::PlaceType>> coreference;
    PhraseMap<int> date_words;  // days relative to the article's date
    PhraseMap<int> year_words;  // years relative to the article's date: "last year"
    PhraseSet year_openers;     // words a bare year follows: "in 2021", "the 1994 genocide"
    PhraseMap<unsigned> season_words;  // month a season starts
    Vocabulary vocabulary;           // of every phrase list above, filled when the lexicon is parsed
    Openers openers;
    int history_days = 62;
    // How many sentences back a tally, or a denial, may reach for the event it belongs to.
    size_t carry_sentences_counts = 3;
    size_t carry_sentences_denials = 5;
    // How many sentences on an undated deed may be a dated one retold (a lede, then its detail).
    size_t retold_within_sentences = 2;
    long long max_count = 10'000'000;
    struct Windows {
        size_t irrealis = 4, negator = 3, mover = 8, generic_actor = 8, preposition = 6, own_place = 4, count_link = 6, count_back = 5,
               party_words = 8, generic = 2, holder = 6, qualifier = 4, one_person = 5, count_aside = 8, trend = 4, unknown_place = 3, another = 4, list_descriptor = 4, weapon = 6, water = 3, copular = 25, opening_party = 3, elsewhere = 3, said_pronoun = 5, area_then_town = 2, group_name = 5;
    } windows;
    std::unordered_set<std::string> speaker_pronouns;
    std::unordered_set<std::string> two_letter_groups;  // side keys of two letters that are no ISO country
    std::unordered_set<std::string> state_proxies;      // group side keys that fight for a state
    double comma_cost = 6.0;
    double contrast_cost = 30.0;
    double same_place_km = 25.0;
};

// The lexicon built into this binary; throws DataError if its JSON is malformed.
const Lexicon& lexicon();

// Parses a lexicon from JSON text (for tests and tools); throws DataError naming the bad key.
Lexicon parse_lexicon(std::string_view text);

}  // namespace frontmap::events
