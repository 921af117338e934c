// Who acts and who speaks: side names, metonyms, and the subjects of "said" and "denied".
#include "events/detail.hpp"

#include <algorithm>
#include <cctype>

namespace frontmap::events::detail {

namespace {


bool is_acronym(std::string_view text, const Word& w) {
    const auto s = text.substr(w.start, w.end - w.start);
    return s.size() >= 2 && std::all_of(s.begin(), s.end(), [](unsigned char c) { return (std::isupper(c) != 0) || (std::isdigit(c) != 0); });
}

// Extends a party over the actor nouns after it ("Russian" -> "Russian defence ministry"), skipping
// the hyphenated word of "Moscow-installed".
size_t actor_noun_end(const Sentence& s, size_t last, const Lexicon& lex, bool& has_noun) {
    size_t end = last;
    size_t at = last + 1;
    if (at < s.words.size() && s.words[last].end + 1 == s.words[at].start && !s.words[last].possessive &&
        (s.words[at].lower == "installed" || s.words[at].lower == "backed" || s.words[at].lower == "appointed" || s.words[at].lower == "led")) {
        end = at++;
    }
    for (int n = 0; n < 3 && at < s.words.size(); ++n) {
        if (s.words[end].comma_after || s.words[end].stop_after) break;
        const auto m = lex.actor_nouns.match(s.words, at);
        if (!m) break;
        has_noun = true;
        end = at + m.length - 1;
        at = end + 1;
    }
    return end;
}

// "the White Army", "the Karen National Union": capitalised words that no list names, ending in a
// group's head noun, with at least one word that is more than a title ("Armed Forces", "Security
// Council" are no group's name). The last word's index, or `i` when none starts there.
size_t group_name_end(const Sentence& s, size_t i, const Lexicon& lex) {
    // "The White Army" at a sentence's start: the name, and so the key, begins after the article.
    if (determiner_at(s, i, lex)) return i;
    bool specific = false;
    for (size_t k = i; k < s.words.size() && k < i + lex.windows.group_name; ++k) {
        const Word& w = s.words[k];
        if (!w.capitalised || w.inside >= 0 || (k > i && w.clause_start)) break;
        // "The Arakan Army": a group the side list names is its, from its own first word.
        if (lex.sides.match(s.words, k)) return i;
        const bool generic = lex.generic_group_words.match(s.words, k).length > 0;
        specific = specific || !generic;
        if (k > i && specific && lex.group_heads.match(s.words, k)) return k;
        if (w.comma_after || w.stop_after || w.possessive) break;
    }
    return i;
}

// A group the side list lacks is keyed by its own name.
std::optional<Party> unlisted_group(std::string_view text, const Sentence& s, size_t i, const Lexicon& lex, size_t& next) {
    const size_t end = group_name_end(s, i, lex);
    if (end == i) return std::nullopt;
    next = end + 1;
    const std::string name = slice(text, s.words, i, end);
    return Party{i, end, name, name};
}

// The last word of the actor noun that the demonym after "and" after `last` shares with the one
// ending at `last`; nullopt when there is none.
std::optional<size_t> shared_noun_end(const Sentence& s, size_t last, const Lexicon& lex) {
    if (last + 2 >= s.words.size() || s.words[last + 1].lower != "and") return std::nullopt;
    const auto second = lex.sides.match(s.words, last + 2);
    if (!second) return std::nullopt;
    bool shared = false;
    const size_t shared_end = actor_noun_end(s, last + 1 + second.length, lex, shared);
    return shared ? std::optional(shared_end) : std::nullopt;
}

// A non-state noun among the words after `last`, up to `end`.
bool names_non_state_group(const Sentence& s, size_t last, size_t end, const Lexicon& lex) {
    for (size_t at = last + 1; at <= end; ++at)
        if (lex.non_state_nouns.match(s.words, at)) return true;
    return false;
}

std::optional<Party> party_at(std::string_view text, const Sentence& s, size_t i, const std::vector<parse::Mention>& mentions, const Lexicon& lex, size_t& next) {
    const Word& w = s.words[i];
    next = i + 1;
    std::string side;
    size_t last = i;
    bool strong = false;  // names a side on its own, with no noun after it
    bool backer = false;  // "Russian-backed", "pro-Kremlin": a state behind the fighters, its side theirs
    // A name the parser found to be no place ("Hayat Tahrir al-Sham") may still be a group's.
    if (w.mention >= 0 && !w.in_name) {
        const auto& m = mentions[static_cast<size_t>(w.mention)];
        if (m.role != parse::Role::Metonym || !m.place || m.place->country.empty()) return std::nullopt;
        side = m.place->country;
        last = name_end(s, i);
        strong = true;
    } else {
        const auto match = lex.sides.match(s.words, i);
        if (!match) return unlisted_group(text, s, i, lex, next);
        side = *match.value;
        last = i + match.length - 1;
        backer = match.length > 1;
        // A demonym ("Russian") names a side only with a noun after it; a group's name does alone.
        strong = !is_state_side(side, lex) || is_acronym(text, w);
    }
    bool has_noun = false;
    size_t end = actor_noun_end(s, last, lex, has_noun);
    // "Syrian and Russian warplanes": demonyms that share a noun are one party, led by the first.
    if (!strong && !has_noun)
        if (const auto shared = shared_noun_end(s, last, lex)) {
            has_noun = true;
            end = *shared;
        }
    // "a limited Israeli strike", "Russian shelling": a demonym right before a deed noun names its doer.
    const bool before_deed = last + 1 < s.words.size() && lex.triggers.match(s.words, last + 1);
    if (!strong && !has_noun && !before_deed) return std::nullopt;
    // "Syrian rebels", "Malian jihadists": a demonym before a non-state noun names where they are
    // from, not the state's side; "Russian-backed separatists" are Russia's.
    bool unnamed_group = false;
    if (is_state_side(side, lex) && !backer && names_non_state_group(s, last, end, lex)) {
        side.clear();
        unnamed_group = true;
    }
    next = end + 1;
    return Party{i, end, slice(text, s.words, i, end), side, unnamed_group};
}

Party span_party(std::string_view text, const Sentence& s, size_t first, size_t last, const std::vector<Party>& sides) {
    Party p{first, last, slice(text, s.words, first, last), {}};
    // "the Rapid Support Forces (RSF": a bracket the span opens, it also closes.
    if (std::count(p.text.begin(), p.text.end(), '(') > std::count(p.text.begin(), p.text.end(), ')') && s.words[last].end < text.size() &&
        text[s.words[last].end] == ')')
        p.text += ')';
    for (const auto& side : sides)
        if (side.first >= first && side.first <= last) {
            p.side = side.side;
            break;
        }
    return p;
}

// A speaker's words without the fillers at its ends ("after officials said"); none when what is
// left names a deed ("Rebel fighters swept into Damascus … and declared"), which is no speaker.
std::optional<std::pair<size_t, size_t>> trimmed(const Sentence& s, size_t start, size_t last, size_t verb, const Lexicon& lex) {
    for (size_t w = last; w > start; --w)
        if (lex.subordinators.match(s.words, w)) {
            start = w + 1;
            break;
        }
    // "Last week Romania's defence minister said": a filler may be a phrase.
    for (size_t n = 0; start <= last && (n = lex.speaker_fillers.match(s.words, start).length) > 0;) start += n;
    while (last >= start && last > 0 && lex.speaker_fillers.match(s.words, last)) --last;
    if (start > last || last >= verb) return std::nullopt;
    for (size_t w = start; w <= last; ++w)
        if (lex.triggers.match(s.words, w)) return std::nullopt;
    return std::make_pair(start, last);
}

// The subject before a verb, back to the start of its clause.
std::optional<std::pair<size_t, size_t>> subject_before(const Sentence& s, size_t verb, const Lexicon& lex) {
    if (verb == 0) return std::nullopt;
    size_t start = verb;
    // "Kirill Stremousov, a Moscow-installed official, wrote": the comma before the verb closes an
    // apposition, which names the speaker.
    const bool apposition = s.words[verb - 1].comma_after;
    if (apposition) --start;
    const size_t reach = apposition ? 2 * lex.windows.party_words : lex.windows.party_words;
    const auto back_to_clause = [&] {
        while (start > 0 && verb - start < reach && !s.words[start].clause_start && !s.words[start - 1].comma_after &&
               !s.words[start - 1].stop_after)
            --start;
    };
    back_to_clause();
    // "against M23 rebels, who said they had taken the city": the pronoun stands for the word before
    // its comma, which the caller widens to the party it ends.
    if (!apposition && start + 1 == verb && start > 0 && s.words[start - 1].comma_after && lex.relative_pronouns.match(s.words, start))
        return std::make_pair(start - 1, start - 1);
    // "Russia's defence ministry, which calls the area the Zaporozhye direction, said", "Vladimir
    // Putin, speaking in Harbin, said": a relative clause or a participle's aside between the
    // speaker and the verb is skipped.
    const bool participle = s.words[start].lower.size() > 4 && s.words[start].lower.ends_with("ing");
    if (apposition && start > 0 && s.words[start - 1].comma_after && (participle || lex.relative_pronouns.match(s.words, start))) {
        const size_t clause = start;
        --start;
        back_to_clause();
        if (start == clause - 1) start = clause;
        else return trimmed(s, start, clause - 1, verb, lex);
    }
    return trimmed(s, start, verb - 1, verb, lex);
}

// The party a sentence opens with: a named side ("Russia's army") or armed men named by a noun
// ("Rebels", "The insurgents"), within its first few words.
std::optional<std::pair<size_t, size_t>> opening_party(const Sentence& s, const std::vector<Party>& sides, const Lexicon& lex) {
    if (!sides.empty() && sides.front().first < lex.windows.opening_party) return std::make_pair(sides.front().first, sides.front().last);
    for (size_t k = 0; k < s.words.size() && k < lex.windows.opening_party; ++k) {
        if (const auto n = lex.armed_nouns.match(s.words, k).length) return std::make_pair(size_t{0}, k + n - 1);
        if (s.words[k].comma_after || s.words[k].stop_after) break;
    }
    return std::nullopt;
}

// The speaker after an inverted verb: "..., said Kirill Stremousov on Telegram."
std::optional<std::pair<size_t, size_t>> speaker_after(const Sentence& s, size_t from, const Lexicon& lex) {
    size_t last = from;
    if (from >= s.words.size() || lex.speaker_stops.match(s.words, from)) return std::nullopt;
    while (last + 1 < s.words.size() && last + 1 - from < lex.windows.party_words && !s.words[last].comma_after && !s.words[last].stop_after &&
           !lex.speaker_stops.match(s.words, last + 1) && !s.words[last + 1].clause_start)
        ++last;
    return std::make_pair(from, last);
}

// "a military source said the army does not bomb civilians", "replied that a professional army
// would never attack a camp": what is said is that a deed of a kind was not done, so the saying
// denies it.
bool says_not_done(const Sentence& s, size_t from, const Lexicon& lex) {
    for (size_t k = from; k < s.words.size() && k < from + lex.windows.party_words; ++k) {
        if (lex.negators.match(s.words, k))
            for (size_t t = k + 1; t < s.words.size() && t <= k + lex.windows.negator; ++t) {
                // A word of harm alone ("said no one was killed") denies no deed.
                if (const auto m = lex.triggers.match(s.words, t); m && !m.value->fallback) return true;
                if (s.words[t - 1].comma_after) break;
            }
        if (s.words[k].stop_after || s.words[k].comma_after) return false;
    }
    return false;
}

// "Kyiv said the report was untrue", "the army said the claims were a lie": what is said is that
// a claim is false, so the saying denies that claim.
bool says_claim_false(const Sentence& s, size_t from, const Lexicon& lex) {
    for (size_t k = from; k < s.words.size() && k < from + lex.windows.party_words; ++k) {
        if (const auto noun = lex.claim_nouns.match(s.words, k).length) {
            const size_t be = k + noun;
            const auto copula = be < s.words.size() ? lex.claim_verbs_be.match(s.words, be).length : 0;
            return (copula != 0U) && be + copula < s.words.size() && lex.falsity_words.match(s.words, be + copula);
        }
        if (s.words[k].stop_after || s.words[k].comma_after) return false;
    }
    return false;
}

// "a claim Kyiv rejected": the speaker of a denial is after the claim noun its clause opens with.
// Gives whether there was one.
bool skip_claim_noun(const Sentence& s, std::pair<size_t, size_t>& who, const Lexicon& lex) {
    for (size_t k = who.first; k < who.second; ++k)
        if (const auto n = lex.claim_nouns.match(s.words, k).length; (n != 0U) && k + n <= who.second) {
            who.first = k + n;
            return true;
        }
    return false;
}

}  // namespace

std::vector<Party> find_sides(std::string_view text, const Sentence& s, const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    std::vector<Party> out;
    for (size_t i = 0; i < s.words.size();) {
        size_t next = i + 1;
        if (auto p = party_at(text, s, i, mentions, lex, next)) out.push_back(std::move(*p));
        i = next;
    }
    return out;
}

namespace {

// The word of the first claim noun ("charge", "account") within `reach` words after `object`.
std::optional<size_t> claim_noun_after(const Sentence& s, size_t object, size_t reach, const Lexicon& lex) {
    for (size_t at = object; at < s.words.size() && at <= object + reach; ++at)
        if (lex.claim_nouns.match(s.words, at)) return at;
    return std::nullopt;
}

// "rejected the RSF's account", "denied Russia's claims": the side of the party whose claim a
// denial's object names; empty when it names none.
std::string claim_owner(const Sentence& s, size_t object, const std::vector<Party>& sides, const Lexicon& lex) {
    const auto noun = claim_noun_after(s, object, 3, lex);
    if (!noun) return {};
    for (const auto& p : sides)
        if (p.last + 1 == *noun && s.words[p.last].possessive) return p.side;
    return {};
}

// "rejected the charge": a denial whose object is a claim answers one told before.
bool denial_of_claim(const Sentence& s, size_t object, const Lexicon& lex) { return claim_noun_after(s, object, 2, lex).has_value(); }

// "a claim", "the account": a claim noun after an article, not the verb.
bool claim_noun_at(const Sentence& s, size_t i, const Lexicon& lex) {
    return i > 0 && lex.claim_nouns.match(s.words, i) && determiner_at(s, i - 1, lex);
}

// The claimant after "by" that follows the claim noun at `i`.
std::optional<Attribution> claim_by(std::string_view text, const Sentence& s, size_t i, const std::vector<Party>& sides,
                                    const Lexicon& lex) {
    if (i + 2 < s.words.size() && s.words[i + 1].lower == "by")
        if (const auto by = speaker_after(s, i + 2, lex)) return Attribution{span_party(text, s, by->first, by->second, sides), i, false};
    return std::nullopt;
}

// The speaker's words widened to the whole party they are part of.
std::pair<size_t, size_t> speaking_party(const Sentence& s, std::pair<size_t, size_t> who, const std::vector<Party>& sides,
                                         const Lexicon& lex) {
    for (const auto& p : sides)
        if (p.first <= who.first && p.last >= who.second) who = std::make_pair(p.first, p.last);
    // "Rebels pushed into Homs, which they said they had captured": a pronoun that speaks in a
    // clause of the sentence stands for the party that opened it.
    if (who.first == who.second && lex.speaker_pronouns.contains(s.words[who.first].lower))
        if (const auto opener = opening_party(s, sides, lex); opener && opener->second < who.first) who = *opener;
    return who;
}

// What `who` says with the verb at `i` (a verb of denial when `denial`): whether it denies, and
// whether it answers a claim, and whose.
Attribution said_by(std::string_view text, const Sentence& s, size_t i, size_t verb_length, bool denial, std::pair<size_t, size_t> who,
                    const std::vector<Party>& sides, const Lexicon& lex) {
    const size_t after = i + verb_length;
    const bool claim_false = !denial && says_claim_false(s, after, lex);
    const bool claim_before = denial && skip_claim_noun(s, who, lex);
    const bool of_claim = claim_false || claim_before || (denial && denial_of_claim(s, after, lex));
    const bool denies = denial || claim_false || says_not_done(s, after, lex);
    return {span_party(text, s, who.first, who.second, sides), i, denies, of_claim, of_claim ? claim_owner(s, after, sides, lex) : ""};
}

// The attribution the verb at `i` makes, after those already found (`before`); nullopt when it
// names no speaker.
std::optional<Attribution> attribution_at(std::string_view text, const Sentence& s, size_t i, size_t verb_length, bool denial,
                                          const std::vector<Party>& sides, const std::vector<Attribution>& before, const Lexicon& lex) {
    // "India fired missiles at sites in Kashmir early on Wednesday, saying it was hitting camps": a
    // participle after a comma speaks for the sentence's subject, not for the words before the comma.
    const bool participle = i > 0 && s.words[i - 1].comma_after && s.words[i].lower.ends_with("ing");
    auto who = participle ? opening_party(s, sides, lex) : subject_before(s, i, lex);
    // "…, said Kirill Stremousov": only an inverted verb names its speaker after it.
    const bool inverted = i == 0 || s.words[i - 1].comma_after || s.words[i].clause_start;
    // "The army said …, dismissed the footage and …": a verb of denial is never inverted;
    // after a comma it shares the subject of the verb before it.
    if (!who && inverted && denial && !before.empty())
        return Attribution{before.back().who, i, true, denial_of_claim(s, i + verb_length, lex)};
    if (!who && inverted && !denial) who = speaker_after(s, i + verb_length, lex);
    if (!who) return std::nullopt;
    return said_by(text, s, i, verb_length, denial, speaking_party(s, *who, sides, lex), sides, lex);
}

}  // namespace

std::vector<Attribution> find_attributions(std::string_view text, const Sentence& s, const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    const auto sides = find_sides(text, s, mentions, lex);
    std::vector<Attribution> out;
    for (size_t i = 0; i < s.words.size(); ++i) {
        if (const auto phrase = lex.attribution_phrases.match(s.words, i); phrase.length) {
            if (const auto who = speaker_after(s, i + phrase.length, lex))
                out.push_back({span_party(text, s, who->first, who->second, sides), i, false});
            i += phrase.length - 1;
            continue;
        }
        const auto denial = lex.denial_verbs.match(s.words, i);
        const auto verb = denial ? denial : lex.attribution_verbs.match(s.words, i);
        if (!verb) continue;
        // "rejected a claim by the RSF that …": after an article "claim" is a noun, whose claimant
        // follows "by"; with none named it claims nothing.
        if (!denial && claim_noun_at(s, i, lex)) {
            if (auto by = claim_by(text, s, i, sides, lex)) out.push_back(std::move(*by));
            continue;
        }
        // "Explosions were reported in Lviv": a passive names what is reported, not who reports it.
        if (!denial && i > 0 && lex.passive_markers.match(s.words, i - 1)) continue;
        if (auto a = attribution_at(text, s, i, verb.length, denial.length > 0, sides, out, lex)) {
            out.push_back(std::move(*a));
            i += verb.length - 1;
        }
    }
    return out;
}

}  // namespace frontmap::events::detail
