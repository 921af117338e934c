// Stated tallies: "four people were killed", "killing at least 12", "88 towns and villages".
#include "events/detail.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

namespace frontmap::events::detail {

namespace {


struct Number {
    long long value = 0;
    size_t length = 0;  // words
    bool approximate = false;
};

// Digits with thousands separators; nullopt on overflow or a value beyond the cap.
std::optional<long long> digits_value(std::string_view s, long long cap) {
    long long v = 0;
    bool any = false;
    for (char c : s) {
        if (c == ',') continue;
        if (std::isdigit(static_cast<unsigned char>(c)) == 0) return std::nullopt;
        if (v > (std::numeric_limits<long long>::max() - 9) / 10) return std::nullopt;
        v = v * 10 + (c - '0');
        any = true;
        if (v > cap) return std::nullopt;
    }
    return any ? std::optional(v) : std::nullopt;
}

// A minus sign right before the digits ("-5 wounded") makes it no tally at all.
bool negative(std::string_view text, const Word& w) {
    return w.start > 0 && text[w.start - 1] == '-' && (w.start == 1 || (std::isspace(static_cast<unsigned char>(text[w.start - 2])) != 0));
}

bool thousands_group(std::string_view text, const Word& before, const Word& group) {
    return group.start == before.end + 1 && text[before.end] == ',' && group.lower.size() == 3 &&
           std::all_of(group.lower.begin(), group.lower.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::optional<Number> word_number(const Sentence& s, size_t i, const Lexicon& lex) {
    const auto number = lex.number_words.match(s.words, i);
    if (!number) return std::nullopt;
    Number n{*number.value, 1, false};
    // "twenty-five", "a hundred", "two thousand"
    if (i + 1 < s.words.size()) {
        if (const auto unit = lex.number_words.match(s.words, i + 1); unit && n.value >= 20 && *unit.value < 10) {
            n.value += *unit.value;
            n.length = 2;
        } else if (const auto scale = lex.number_scales.match(s.words, i + 1); scale.length) {
            n.value *= *scale.value;
            n.length = 2;
        }
    }
    if (n.value == 1 && n.length == 1 && (s.words[i].lower == "a" || s.words[i].lower == "an")) return std::nullopt;
    return n;
}

// "killing a man", "injuring the driver", "killing him, said": one victim, told by a noun.
std::optional<Number> one_person(const Sentence& s, size_t i, const Lexicon& lex) {
    if (lex.one_person_pronouns.match(s.words, i))
        return s.words[i].comma_after || s.words[i].stop_after || i + 1 == s.words.size() ? std::optional(Number{1, 1, false}) : std::nullopt;
    if (!lex.one_person_determiners.match(s.words, i)) return std::nullopt;
    for (size_t k = i + 1; k < s.words.size() && k <= i + lex.windows.one_person; ++k) {
        if (lex.one_person_nouns.match(s.words, k)) return Number{1, k - i + 1, false};
        if (s.words[k].comma_after || s.words[k].stop_after || s.words[k].inside >= 0) return std::nullopt;
    }
    return std::nullopt;
}

std::optional<Number> number_at(std::string_view text, const Sentence& s, size_t i, const Lexicon& lex) {
    const Word& w = s.words[i];
    if (w.inside >= 0) return std::nullopt;
    // "no one was killed", "not one soldier": a negated number counts nobody.
    if (i > 0 && lex.negators.match(s.words, i - 1)) return std::nullopt;
    if (const auto approx = lex.approximate_numbers.match(s.words, i); approx.length) return Number{*approx.value, approx.length, true};
    // "a seven-year-old girl", "a 12-storey block": a number that starts a compound counts nothing.
    if (w.end + 1 < text.size() && text[w.end] == '-' && (std::isalpha(static_cast<unsigned char>(text[w.end + 1])) != 0)) return std::nullopt;
    if (std::isdigit(static_cast<unsigned char>(w.lower[0])) != 0) {
        if (negative(text, w)) return std::nullopt;
        // "a strike on April 17 killed 74": the day of a date counts nothing; "On Sunday 14 people
        // were killed" does.
        const bool after_month = i > 0 && s.words[i - 1].capitalised && is_month_name(s.words[i - 1].lower);
        if (after_month && w.lower.size() <= 2) return std::nullopt;
        // "1,645": the words split at a thousands separator are one number.
        std::string digits = w.lower;
        size_t length = 1;
        while (i + length < s.words.size() && thousands_group(text, s.words[i + length - 1], s.words[i + length])) {
            digits += s.words[i + length].lower;
            ++length;
        }
        const auto v = digits_value(digits, lex.max_count);
        if (!v) return std::nullopt;
        return Number{*v, length, false};
    }
    if (auto n = word_number(s, i, lex)) return n;
    return one_person(s, i, lex);
}

std::optional<CountKind> kind_at(const Sentence& s, size_t i, const Lexicon& lex) {
    if (lex.killed_words.match(s.words, i)) return CountKind::Killed;
    if (lex.wounded_words.match(s.words, i)) return CountKind::Wounded;
    return std::nullopt;
}

// The word after an aside set off by commas that opens at `comma`: "13 soldiers, from South
// Africa and Malawi, were killed".
std::optional<size_t> after_aside(const Sentence& s, size_t comma, const Lexicon& lex) {
    for (size_t k = comma + 1; k < s.words.size() && k <= comma + lex.windows.count_aside; ++k) {
        if (s.words[k].stop_after) return std::nullopt;
        // "from South Africa, Malawi and Uruguay, were killed": the comma the tally goes on from.
        if (s.words[k].comma_after && k + 1 < s.words.size() && (lex.tally_verbs.match(s.words, k + 1) || kind_at(s, k + 1, lex))) return k + 1;
    }
    return std::nullopt;
}

// A word between a number and its kind: "people", "were", "at least"; one person's noun ("one
// worker was injured"); a people named by a plural proper noun right after the number ("six
// Armenians were wounded").
bool links_tally(const Sentence& s, size_t i, size_t from, const Lexicon& lex) {
    if (lex.count_link_words.match(s.words, i) || lex.one_person_nouns.match(s.words, i)) return true;
    const Word& w = s.words[i];
    return i == from && w.capitalised && w.inside < 0 && w.lower.size() > 3 && w.lower.back() == 's';
}

// "13 people had been wounded", "88 towns and villages"; across an aside only when asked, as a
// verb before the number ("killed at least 31 people, four of them children, and wounded 117")
// says more than one after an aside.
std::optional<CountKind> kind_after(const Sentence& s, size_t from, const Lexicon& lex, bool across_aside) {
    if (from < s.words.size() && lex.place_count_words.match(s.words, from)) return CountKind::Places;
    bool aside_skipped = !across_aside;
    // "nine of its staff were killed"
    if (const auto partitive = lex.tally_partitives.match(s.words, from).length) from += partitive;
    for (size_t i = from, linked = 0; i < s.words.size() && linked < lex.windows.count_link; ++i, ++linked) {
        if (i == from && lex.count_blockers.match(s.words, i)) return std::nullopt;
        if (const auto k = kind_at(s, i, lex)) return k;
        if (!links_tally(s, i, from, lex)) return std::nullopt;
        if (s.words[i].stop_after) return std::nullopt;
        // "killed three officers and two soldiers and wounded four": the harm after "and" is a
        // new clause's, not the two soldiers'.
        if (lex.tally_joiners.match(s.words, i) && i + 1 < s.words.size() && kind_at(s, i + 1, lex)) return std::nullopt;
        if (s.words[i].comma_after && !aside_skipped) {
            const auto resume = after_aside(s, i, lex);
            if (!resume) continue;
            aside_skipped = true;
            i = *resume - 1;
        }
    }
    return std::nullopt;
}

// "killing at least 12", "the death toll rose to 30".
std::optional<CountKind> kind_before(const Sentence& s, size_t number, const Lexicon& lex) {
    for (size_t back = 1; back <= lex.windows.count_back && back <= number; ++back) {
        const size_t i = number - back;
        if (s.words[i].comma_after || s.words[i].stop_after) return std::nullopt;
        if (const auto k = kind_at(s, i, lex)) return k;
        // "put the death toll at more than 100": a word inside a cue of several words links too.
        const bool in_cue = lex.approximate_cues.match(s.words, i) || (i > 0 && lex.approximate_cues.match(s.words, i - 1).length >= 2);
        if (!lex.count_link_words.match(s.words, i) && !in_cue) return std::nullopt;
    }
    return std::nullopt;
}

bool approximate_before(const Sentence& s, size_t number, const Lexicon& lex) {
    for (size_t back = 1; back <= 2 && back <= number; ++back)
        if (lex.approximate_cues.match(s.words, number - back)) return true;
    return false;
}

// "among them 35 children": part of a tally already given.
bool subset(const Sentence& s, size_t number, const Lexicon& lex) {
    for (size_t back = 1; back <= 2 && back <= number; ++back)
        if (lex.subset_cues.match(s.words, number - back)) return true;
    return false;
}

// The kind of a word right before a number, when nothing parts them: "killing four people", but
// not "Two people died, one of them".
std::optional<CountKind> kind_right_before(const Sentence& s, size_t number, const Lexicon& lex) {
    if (number == 0 || s.words[number - 1].comma_after || s.words[number - 1].stop_after) return std::nullopt;
    return kind_at(s, number - 1, lex);
}

// "killed Hamas leader Yahya Sinwar and two other fighters": the named victim before "and" makes
// one more, and the harm before the name is the tally's kind.
std::optional<CountKind> with_named_victim(const Sentence& s, size_t number, size_t length, const Lexicon& lex) {
    if (number < 3 || s.words[number - 1].lower != "and" || !lex.other_victim_words.match(s.words, number + length)) return std::nullopt;
    size_t k = number - 2;
    for (size_t named = 0; k > 0 && named < lex.windows.one_person; --k, ++named) {
        const Word& w = s.words[k];
        if (w.comma_after || w.stop_after || !(w.capitalised || lex.one_person_nouns.match(s.words, k))) break;
    }
    if (k + 2 >= number) return std::nullopt;  // no name between the harm and "and"
    return kind_right_before(s, k + 1, lex);
}

// A bare number right after "and", a few words after a tally of the dead or wounded, adds to it.
bool adds_to_last(const Sentence& s, size_t number, const std::vector<Count>& counts, const Lexicon& lex) {
    if (counts.empty() || number == 0 || s.words[number - 1].lower != "and" || counts.back().kind == CountKind::Places) return false;
    if (number - counts.back().word > lex.windows.count_link) return false;
    for (size_t w = counts.back().word; w + 1 < number; ++w)
        if (s.words[w].comma_after || s.words[w].stop_after || kind_at(s, w + 1, lex)) return false;
    return true;
}

// "six members of the security forces and two civilians were wounded": a number with no kind of its
// own, then "and" and a number whose kind a later word gives, are one tally of both.
bool joins_pending(const Sentence& s, size_t number, const std::optional<Count>& pending, const Lexicon& lex) {
    if (!pending || number == 0 || s.words[number - 1].lower != "and" || number - pending->word > lex.windows.count_link) return false;
    for (size_t w = pending->word; w + 1 < number; ++w)
        if (s.words[w].comma_after || s.words[w].stop_after || kind_at(s, w + 1, lex)) return false;
    return true;
}

// "killed 132 people in ten states", "killed 70 people across the country": a toll spread over many
// areas is no one event's.
bool spread_over_areas(std::string_view text, const Sentence& s, size_t after, const Lexicon& lex) {
    for (size_t k = after; k < s.words.size() && k <= after + lex.windows.count_link; ++k) {
        if (lex.spread_phrases.match(s.words, k)) return true;
        if (k + 2 >= s.words.size()) break;
        if (s.words[k].lower == "in")
            if (const auto n = number_at(text, s, k + 1, lex); n && lex.spread_nouns.match(s.words, k + 1 + n->length)) return true;
        if (s.words[k].comma_after || s.words[k].stop_after) return false;
    }
    return false;
}

// "24 strikes had hit six locations, killing at least 26": a toll told after the deed is counted
// over several places is no one place's either.
bool spread_before(std::string_view text, const Sentence& s, size_t number, const Lexicon& lex) {
    for (size_t k = 0; k < number; ++k)
        if (const auto n = number_at(text, s, k, lex); n && n->value > 1 && k + n->length < number && lex.spread_nouns.match(s.words, k + n->length))
            return true;
    return false;
}

// A number's kind, and whether a verb right before it gave it: "killing four people and wounding
// 13".
std::pair<std::optional<CountKind>, bool> kind_of(const Sentence& s, size_t i, const Number& n, const Lexicon& lex) {
    if (const auto kind = kind_right_before(s, i, lex)) return {kind, true};
    if (const auto kind = kind_after(s, i + n.length, lex, false)) return {kind, false};
    if (const auto kind = kind_before(s, i, lex)) return {kind, false};
    return {kind_after(s, i + n.length, lex, true), false};
}

// Adds the number at i to the tallies: as a tally of its own kind, as more of the last tally, or,
// with no kind, as the pending number a later one may join.
void add_tally(const Sentence& s, size_t i, const Number& n, const Lexicon& lex, std::vector<Count>& out, std::optional<Count>& pending) {
    const auto [kind, strong] = kind_of(s, i, n, lex);
    const bool added = !kind && adds_to_last(s, i, out, lex);
    if (added) {
        // "killed three police officers and two soldiers": one tally of five.
        out.back().value = std::min(out.back().value + n.value, lex.max_count);
        out.back().approximate = out.back().approximate || n.approximate;
    } else if (kind) {
        long long value = n.value;
        bool approximate = n.approximate || approximate_before(s, i, lex);
        if (!strong && *kind != CountKind::Places && joins_pending(s, i, pending, lex)) {
            value = std::min(value + pending->value, lex.max_count);
            approximate = approximate || pending->approximate;
        }
        out.push_back({*kind, value, approximate, i, strong});
    }
    pending.reset();
    if (!kind && !added) pending = Count{CountKind::Killed, n.value, n.approximate, i, false};
}

}  // namespace

std::vector<Count> find_counts(std::string_view text, const Sentence& s, const Lexicon& lex) {
    std::vector<Count> out;
    std::optional<Count> pending;  // the last number, when it had no kind of its own
    for (size_t i = 0; i < s.words.size(); ++i) {
        const auto n = number_at(text, s, i, lex);
        if (!n) continue;
        if (subset(s, i, lex) || spread_over_areas(text, s, i + n->length, lex) || spread_before(text, s, i, lex)) {
            i += n->length - 1;
            continue;
        }
        if (const auto kind = with_named_victim(s, i, n->length, lex)) {
            out.push_back({*kind, std::min(n->value + 1, lex.max_count), n->approximate, i, true});
            i += n->length - 1;
            continue;
        }
        add_tally(s, i, *n, lex, out, pending);
        i += n->length - 1;
    }
    return out;
}

}  // namespace frontmap::events::detail
