#pragma once
// Internals shared by the event stage's files: a sentence as words, and the pieces found in it.
#include "events/extract.hpp"

#include <string>
#include <vector>

namespace frontmap::events::detail {

struct Sentence {
    Span span;
    std::vector<Word> words;
    // Counted once so that a sentence of any length is read in linear time: commas_before[i] is
    // the number of commas after words before i; clause_of[i] the clause word i is in (a clause
    // ends at a comma or where another starts).
    std::vector<size_t> commas_before, clause_of;
};

// The last word of the place name that starts at word `first` ("Nova Kakhovka"); `first` itself
// when no name starts there ("the region").
inline size_t name_end(const Sentence& s, size_t first) {
    size_t end = first;
    const int mention = s.words[first].mention;
    while (mention >= 0 && end + 1 < s.words.size() && s.words[end + 1].inside == mention) ++end;
    return end;
}

// "a", "an", "the", "this": a word that only opens a noun phrase.
inline bool determiner_at(const Sentence& s, size_t k, const Lexicon& lex) {
    return lex.articles.match(s.words, k) || lex.definite_markers.match(s.words, k);
}

// Sentences (ICU sentence breaks) with their words, each word tied to the mention it is part of.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<parse::Token>& tokens, const std::vector<parse::Mention>& mentions,
                                      const Vocabulary& vocabulary, const Openers& openers);

// Whether the mention is a place an event can happen at: a located, resolved, non-dateline name.
bool is_event_place(const parse::Mention& m);

// A phrase naming who acts or who speaks, with the side it names when it names one.
struct Party {
    size_t first = 0, last = 0;  // word indices, inclusive
    std::string text;
    std::string side;
    bool unnamed_group = false;  // "Syrian rebels": armed men who are no state's, their group not named
};

// Every phrase of the sentence that names a side: demonyms, group names, metonyms.
std::vector<Party> find_sides(std::string_view text, const Sentence& s, const std::vector<parse::Mention>& mentions, const Lexicon& lex);

// Who the sentence says reports something ("Kyiv said", "according to the governor").
struct Attribution {
    Party who;
    size_t verb = 0;  // word index of the verb or phrase
    bool denial = false;
    bool of_claim = false;  // "rejected the charge": answers a claim told before
    std::string claim_of;   // "rejected the RSF's account": the side whose claim it answers
};
std::vector<Attribution> find_attributions(std::string_view text, const Sentence& s, const std::vector<parse::Mention>& mentions, const Lexicon& lex);

// A stated count: killed, wounded or places.
enum class CountKind { Killed, Wounded, Places };
struct Count {
    CountKind kind = CountKind::Killed;
    long long value = 0;
    bool approximate = false;
    size_t word = 0;
    bool strong = false;  // "wounding 13": the verb right before the number says what it counts
};
std::vector<Count> find_counts(std::string_view text, const Sentence& s, const Lexicon& lex);

// A date the sentence gives, resolved against the article's date.
struct DateMention {
    Date date{};
    int precision = 1;
    size_t word = 0;
    bool since = false;  // "since May": the start of a span, not the event's day
    bool year_only = false;  // "in 2021"
};
std::vector<DateMention> find_dates(const Sentence& s, std::optional<Date> ref, const Lexicon& lex);
bool is_month_name(std::string_view lower);  // 'october', 'oct', 'sept'

std::string slice(std::string_view text, const std::vector<Word>& words, size_t first, size_t last);

}  // namespace frontmap::events::detail
