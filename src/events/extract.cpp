// The event stage: triggers, the places they are tied to, then who, how many, when and who says so.
#include "events/extract.hpp"

#include "common/proj.hpp"
#include "events/detail.hpp"
#include "gazetteer/place.hpp"
#include "parse/lexicon.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <functional>

namespace frontmap::events {

namespace {

using namespace detail;
using gazetteer::PlaceType;


struct Trigger {
    size_t first = 0, last = 0;
    TriggerRule rule;
    size_t matched = 1;     // words the phrase matched, gaps included
    bool unarmed = false;   // a hit with no weapon named in its sentence ("the deadliest of them hit")
    bool leaving = false;   // a verb of leaving, whatever its mover made of it ("inmates escaped": other)
};

// Beside: "south of X", "60 km from X": a place that locates another rather than the event.
enum class Relation { Where, Near, Beside, Toward, From, Along, Office };

struct Link {
    size_t mention = 0;
    size_t word = 0;
    Relation relation = Relation::Where;
    bool preposition = false;  // the relation comes from a word before the name, not by default
    bool bare_to = false;      // the word is "to": a direction only for a movement ("linked to Israel")
    std::optional<gazetteer::Place> area;  // "in the region" after a city: the region that holds it
    bool heading = false;  // "towards": a movement's direction whatever the deed
};

// What the extractor remembers across sentences.
struct State {
    std::vector<Event> events;
    std::vector<size_t> sentence_of;  // the sentence each event came from
    // The last sentence that told each event, itself or again ("The jets hit fuel tanks at
    // Hodeidah port" after the lede's strike on Hodeidah): a tally that follows is that deed's.
    std::vector<size_t> last_told_in;
    std::string last_claimant;
    std::string last_claimant_side;
    std::optional<DateMention> last_date;
    // The last state and the last armed group named as a side: "the army" and "the rebels" later
    // in the story are theirs.
    std::string last_state_side, last_group_side;
    // The side whose missiles, drones or shells the story last named: "Dnipro was also hit" after
    // "a barrage of Russian missiles" is Russia's.
    std::string last_fire_side, last_fire_actor;
    // How often each armed group is named, in the order first named; and the events done by
    // "rebels" before any group was named, which the story's main group takes at its end.
    std::vector<std::pair<std::string, int>> groups_named;
    std::vector<size_t> by_unnamed_group;
    std::vector<UnplacedEvent> unplaced;
};

struct SentenceContext {
    std::string_view text;
    const std::vector<parse::Mention>& mentions;
    const Context& context;
    const Lexicon& lex;
    const State& state;
    Span sentence;  // the sentence being read
    size_t dateline_end = 0;  // where "KYIV, Ukraine, Oct. 21, 2022 —" ends; 0 with no dateline
    // Where the story names a town the gazetteer lacks ("the central Somali town of Adan Yabaal"):
    // the byte offset of each such name.
    const std::vector<size_t>& unknown_towns;
};

bool names_state(const gazetteer::Place& p) { return p.type == PlaceType::Country || p.feature_code == "PPLC"; }

bool point_type(PlaceType t) { return t == PlaceType::City || t == PlaceType::Village || t == PlaceType::Infrastructure || t == PlaceType::Island; }

bool in_clause_window(const Sentence& s, size_t at, size_t back) {
    return at >= back && !s.words[at - back].comma_after && !s.words[at - back + 1].clause_start;
}

bool preceded_by(const Sentence& s, size_t at, size_t window, const PhraseSet& set) {
    for (size_t back = 1; back <= window && in_clause_window(s, at, back); ++back)
        if (set.match(s.words, at - back)) return true;
    return false;
}

// "could soon attack", "may have struck"; but "On May 30 a drone struck" names a month.
bool irrealis_before(const Sentence& s, size_t at, const Lexicon& lex) {
    for (size_t back = 1; back <= lex.windows.irrealis && in_clause_window(s, at, back); ++back) {
        const Word& w = s.words[at - back];
        const bool day_follows = std::isdigit(static_cast<unsigned char>(s.words[at - back + 1].lower[0])) != 0;
        if (w.capitalised && (!w.clause_start || day_follows) && parse::lexicon::is_calendar_word(w.lower)) continue;
        if (lex.irrealis.match(s.words, at - back)) return true;
    }
    return false;
}

// "has become a transit point for families escaping Kharkiv", "since the capital became a
// battlefield": what something became describes it. The description runs on until a comma opens a
// new clause (", and several embassies moved their staff"). People who fled somewhere are still
// told to have left it, so the caller keeps evacuations.
bool in_copular_complement(const Sentence& s, size_t at, const Lexicon& lex) {
    for (size_t back = 1; back <= lex.windows.copular && back <= at; ++back) {
        const size_t k = at - back;
        if (s.words[k].comma_after && lex.subordinators.match(s.words, k + 1)) return false;
        if (s.words[k + 1].clause_start) return false;
        if (lex.copular_verbs.match(s.words, k)) return true;
    }
    return false;
}

// "people who have fled fighting elsewhere": a deed put elsewhere, with no place after the word,
// is at no place the sentence names. "hit near Mayadin and elsewhere in Deir ez-Zor" is placed.
bool done_elsewhere(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    for (size_t k = t.last + 1; k < s.words.size() && k <= t.last + lex.windows.elsewhere; ++k) {
        if (lex.elsewhere_words.match(s.words, k))
            return s.words[k].comma_after || s.words[k].stop_after || k + 1 == s.words.size() || !lex.where_words.match(s.words, k + 1);
        if (s.words[k].comma_after || s.words[k].stop_after) return false;
    }
    return false;
}

// "The beach has been targeted before: an attack there last year…": a deed said to have happened
// before, with nothing after it in its clause, is the place's past, not the news.
bool done_before(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    const size_t at = t.last + 1;
    const auto m = lex.past_adverbs.match(s.words, at);
    if (!m) return false;
    const size_t end = at + m.length - 1;
    return s.words[end].comma_after || s.words[end].stop_after || end + 1 == s.words.size() || s.words[end + 1].clause_start;
}

// "drones hit", "shells landed": the weapon named in the clause says what kind of hit it was.
std::optional<EventType> named_weapon(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    const size_t from = t.first >= lex.windows.weapon ? t.first - lex.windows.weapon : 0;
    std::optional<EventType> best;
    size_t best_distance = SIZE_MAX;
    for (size_t at = from; at < s.words.size() && at <= t.last + lex.windows.weapon; ++at) {
        const auto m = lex.weapons.match(s.words, at);
        if (!m) continue;
        // "a suicide bomber struck": the weapon is the whole phrase, measured from its last word.
        const size_t end = at + m.length - 1;
        const size_t d = end < t.first ? t.first - end : (at > t.last ? at - t.last : 0);
        if (d < best_distance) {
            best = *m.value;
            best_distance = d;
        }
        at = end;
    }
    return best;
}

// A capitalised name that is no place and no side, right before the deed but for auxiliaries:
// a person.
bool subject_names_one_person(const Sentence& s, size_t deed, size_t at, const Lexicon& lex) {
    const Word& w = s.words[at];
    // A sentence's first word is capitalised whatever it is ("Many left").
    if (!w.capitalised || w.clause_start || w.mention >= 0 || w.inside >= 0 || lex.sides.match(s.words, at)) return false;
    for (size_t k = at + 1; k < deed; ++k)
        if (!parse::lexicon::is_auxiliary(s.words[k].lower)) return false;
    return !parse::lexicon::is_calendar_word(w.lower);
}

// "the soldiers and their families were allowed to leave": the civilians at `at` are the second
// half of a pair that armed men head.
bool armed_before_and(const Sentence& s, size_t at, const Lexicon& lex) {
    size_t k = at;
    if (k > 0 && lex.definite_markers.match(s.words, k - 1)) --k;
    if (k < 2 || s.words[k - 1].lower != "and" || s.words[k - 2].comma_after) return false;
    return lex.armed_nouns.match(s.words, k - 2).length > 0;
}

// "told people to get away", "evacuated their troops": who is moved, named in the deed or
// right after it; nullopt when it names none, or names what is fled.
std::optional<EventType> moved_object(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    const bool object_is_fled = lex.flight_verbs.match(s.words, t.first).length > 0;
    // "pulled out a man", "pulled out the residents": articles do not count towards the reach, and a
    // subordinator ends it ("left their homes when the fighters arrived").
    size_t reach = t.last + 2;
    for (size_t at = t.first; !object_is_fled && at < s.words.size() && at <= reach; ++at) {
        if (at > t.last && lex.subordinators.match(s.words, at)) break;
        if (at > t.last && determiner_at(s, at, lex)) ++reach;
        if (lex.civilian_nouns.match(s.words, at)) return EventType::Evacuation;
        if (lex.armed_nouns.match(s.words, at)) return EventType::Withdrawal;
    }
    return std::nullopt;
}

// "soldiers and their families were allowed to leave", "residents fled": who leaves says whether it
// is a withdrawal or an evacuation; the nearest mover named before the deed decides.
// Nullopt when what moves is a ship, a plane or a train: "several vessels have left Odesa".
std::optional<EventType> mover_type(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    // Who is moved, named in the deed or right after it, comes first.
    if (const auto moved = moved_object(s, t, lex)) return moved;
    for (size_t back = 1; back <= lex.windows.mover && in_clause_window(s, t.first, back); ++back) {
        const size_t at = t.first - back;
        // "the military ordered the evacuation of Kherson": who orders it does not leave.
        if (lex.order_verbs.match(s.words, at)) return t.rule.type;
        if (lex.armed_nouns.match(s.words, at)) return EventType::Withdrawal;
        if (lex.civilian_nouns.match(s.words, at)) return armed_before_and(s, at, lex) ? EventType::Withdrawal : EventType::Evacuation;
        if (lex.prisoner_nouns.match(s.words, at)) return EventType::Other;
        if (lex.vehicle_nouns.match(s.words, at)) return std::nullopt;
        // "Assad had left": one person leaving is neither an evacuation nor a withdrawal.
        if (subject_names_one_person(s, t.first, at, lex)) return std::nullopt;
    }
    return t.rule.type;
}

// "retaking it would be a major prize"
bool followed_by_modal(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    for (size_t at = t.last + 1; at < s.words.size() && at <= t.last + 3; ++at) {
        if (lex.irrealis_after.match(s.words, at)) return true;
        if (s.words[at].comma_after || s.words[at].stop_after) break;
    }
    return false;
}

// "have stepped up attacks", "attacks have also risen", "the strikes, which intensified in January":
// a trend in deeds of a kind, not a deed.
bool tells_trend(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    if (preceded_by(s, t.first, lex.windows.trend, lex.trend_before)) return true;
    for (size_t at = t.last + 1; at < s.words.size() && at <= t.last + lex.windows.trend; ++at) {
        if (lex.trend_after.match(s.words, at)) return true;
        if (s.words[at].stop_after) break;
    }
    return false;
}

// "the capture of Russian arms": a capture whose object is not a place. Not "was captured by Russian
// troops" or "retaken from Russian troops", whose troops took or lost it.
bool takes_no_place(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    if (t.rule.type != EventType::Capture && t.rule.type != EventType::Recapture) return false;
    // "taking it from government troops": those who lost the place, named by the deed itself.
    if (lex.from_words.match(s.words, t.last)) return false;
    for (size_t at = t.last + 1; at < s.words.size() && at <= t.last + 4; ++at) {
        if (s.words[at].inside >= 0 || s.words[at].lower == "by" || lex.from_words.match(s.words, at)) return false;
        if (lex.non_territorial_objects.match(s.words, at) || lex.one_person_nouns.match(s.words, at)) return true;
        if (s.words[at].stop_after || s.words[at].comma_after) return false;
    }
    // "about 20 men it said had been captured": people taken, told before a passive.
    if (t.first > 0 && lex.passive_markers.match(s.words, t.first - 1))
        for (size_t back = 2; back <= lex.windows.mover && in_clause_window(s, t.first, back); ++back) {
            const size_t at = t.first - back;
            if (lex.non_territorial_objects.match(s.words, at)) return true;
            // "and that seven had since been recaptured": a bare number is people, not ground.
            if (lex.number_words.match(s.words, at) && at + 1 < t.first && !lex.non_territorial_objects.match(s.words, at + 1) &&
                (lex.tally_verbs.match(s.words, at + 1) || lex.passive_markers.match(s.words, at + 1)))
                return true;
        }
    return false;
}

// "gunmen overran its clinic", "overrunning army positions": storming a post or a building is an
// assault on it, not ground taken.
bool assaults_site(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    if (!lex.assault_verbs.match(s.words, t.first)) return false;
    for (size_t at = t.last + 1; at < s.words.size() && at <= t.last + 3; ++at) {
        if (s.words[at].inside >= 0) return false;
        if (lex.assault_objects.match(s.words, at)) return true;
        if (s.words[at].stop_after || s.words[at].comma_after) return false;
    }
    return false;
}

// A weapon fired from afar ("jets", "shells") named before a deed or just after it.
bool names_fired_weapon(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    for (size_t i = 0; i < s.words.size() && i <= t.last + lex.windows.weapon; ++i)
        if (const auto m = lex.weapons.match(s.words, i); m && (*m.value == EventType::Strike || *m.value == EventType::Shelling)) return true;
    return false;
}

// "a wall of water tore through its centre", "the river had already swept through Utiel": water
// that takes, hits or attacks a place floods it.
bool done_by_water(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    const auto type = t.rule.type;
    if (type != EventType::Capture && type != EventType::Advance && type != EventType::Attack && type != EventType::Strike) return false;
    return preceded_by(s, t.first, lex.windows.water, lex.water_nouns);
}

// "aid flights have landed in Benghazi": a plane or ship that lands or hits with no weapon named
// is arriving, not striking.
bool moved_by_vehicle(const Sentence& s, const Trigger& t, const Lexicon& lex) { return preceded_by(s, t.first, lex.windows.mover, lex.vehicle_nouns); }

// A word that can be the subject of the verb after it: a name, armed men, an office.
bool names_subject(const Sentence& s, size_t at, const Lexicon& lex) {
    const Word& w = s.words[at];
    if (w.comma_after) return false;
    return w.capitalised || lex.armed_nouns.match(s.words, at) || lex.office_nouns.match(s.words, at);
}

// "in occupied Crimea", "the besieged city", "displaced people": a one-word participle after a
// determiner or a preposition, or before the people it describes, qualifies a noun; it tells no deed.
bool adjectival(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    const std::string& w = s.words[t.first].lower;
    // "the Houthi-controlled north", "the Russian-occupied south": a participle joined to its doer by
    // a hyphen describes a place, whatever follows.
    if (s.words[t.first].hyphen_before && w.ends_with("ed")) return true;
    // "ordered residents to leave" is a deed: only a one-word trigger can be a participle.
    if (t.first != t.last || t.matched != 1 || w.size() < 5 || w.compare(w.size() - 2, 2, "ed") != 0) return false;
    // "displaced people", but "Police evacuated residents": after its subject it is the verb.
    if (t.last + 1 < s.words.size() && !s.words[t.last].comma_after && lex.civilian_nouns.match(s.words, t.last + 1))
        return !(t.first > 0 && names_subject(s, t.first - 1, lex));
    return t.first > 0 && !s.words[t.first - 1].comma_after &&
           (lex.definite_markers.match(s.words, t.first - 1) || lex.where_words.match(s.words, t.first - 1) ||
            lex.articles.match(s.words, t.first - 1));
}

// "the Ta'ang National Liberation Army", "the Islamic Resistance in Iraq": a deed word capitalised
// beside another capitalised word, in running text (not a headline in title case), is part of a name.
bool in_proper_name(const Sentence& s, const Trigger& t) {
    const auto& w = s.words;
    // "El Fasher fell": a phrase that opens with the place is no name of a group.
    if (!w[t.first].capitalised || w[t.first].clause_start || w[t.first].mention >= 0) return false;
    const bool beside_capital = (t.first > 0 && w[t.first - 1].capitalised && !w[t.first - 1].clause_start) ||
                                (t.last + 1 < w.size() && w[t.last + 1].capitalised);
    if (!beside_capital) return false;
    // A headline capitalises nearly every word but "of", "the", "in"; running text with many names,
    // not three in four of its longer words.
    constexpr size_t kShortWord = 3;
    size_t long_words = 0;
    size_t capitals = 0;
    for (const auto& word : w) {
        if (word.end - word.start <= kShortWord) continue;
        ++long_words;
        capitals += word.capitalised ? 1 : 0;
    }
    return 4 * capitals < 3 * long_words;
}

// The words of "tried to enter", "were trying to storm": an attempt verb, "to" and a deed of taking
// or entering ground; 0 when none starts at `i`.
size_t attempted_deed(const Sentence& s, size_t i, const Lexicon& lex) {
    const size_t attempt = lex.attempt_verbs.match(s.words, i).length;
    if ((attempt == 0U) || i + attempt + 1 >= s.words.size() || !lex.infinitive_markers.match(s.words, i + attempt)) return 0;
    const size_t deed = lex.attempted_deeds.match(s.words, i + attempt + 1).length;
    if ((deed == 0U) || irrealis_before(s, i, lex) || preceded_by(s, i, lex.windows.negator, lex.negators)) return 0;
    return attempt + 1 + deed;
}

// The deed phrase at word `i`, with its rule; nullopt when none starts there.
std::optional<Trigger> trigger_at(const Sentence& s, size_t i, const Lexicon& lex) {
    const auto m = lex.triggers.match(s.words, i);
    if (!m) return std::nullopt;
    Trigger t{i, i + std::max<size_t>(m.head, 1) - 1, *m.value, m.length};
    // "Hama fell on Thursday", "landed on Monday": what a hit lands on is a place, never a day.
    const size_t object = i + m.length;
    if (t.rule.impact && object < s.words.size() && s.words[object].capitalised && parse::lexicon::is_calendar_word(s.words[object].lower))
        return std::nullopt;
    return t;
}

// Types a trigger by the weapon, the water or the mover its sentence names; false when what it
// tells is no deed (a plane landing, a ship leaving).
bool settle_type(const Sentence& s, Trigger& t, const Lexicon& lex) {
    if (t.rule.impact) {
        const auto weapon = named_weapon(s, t, lex);
        t.unarmed = !weapon && t.rule.type == EventType::Strike && !names_fired_weapon(s, t, lex);
        t.rule.type = weapon.value_or(t.rule.type);
        // "drones struck a hospital": a hit by a named weapon is a deed even where the story is.
        if (weapon) t.rule.weak = false;
    }
    if (t.rule.impact && t.unarmed && moved_by_vehicle(s, t, lex)) return false;
    if (done_by_water(s, t, lex)) t.rule.type = EventType::Flooding;
    if (t.rule.type == EventType::Evacuation || t.rule.type == EventType::Withdrawal) {
        const auto moved = mover_type(s, t, lex);
        if (!moved) return false;
        t.rule.type = *moved;
        t.leaving = true;
    }
    return true;
}

// A deed word in a clause that tells no deed of the news: one that may happen or did not, a kind
// of deed, the story's background, a description, a purpose, a trend.
bool tells_no_deed(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    if (irrealis_before(s, t.first, lex) || preceded_by(s, t.first, lex.windows.negator, lex.negators)) return true;
    // "Kyiv rarely comments on such raids": a kind of deed, not one.
    if (preceded_by(s, t.first, lex.windows.generic, lex.generic_markers)) return true;
    // "since peacekeepers began pulling out": the start of a story's background.
    if (preceded_by(s, t.first, lex.windows.irrealis, lex.background_markers)) return true;
    // "a refuge for families who fled Kharkiv" still tells of people leaving Kharkiv.
    if (t.rule.type != EventType::Evacuation && in_copular_complement(s, t.first, lex)) return true;
    if (done_elsewhere(s, t, lex) || done_before(s, t, lex)) return true;
    if (followed_by_modal(s, t, lex) || tells_trend(s, t, lex)) return true;
    // "an offensive to retake Kherson": a purpose, not a deed.
    if (t.first > 0 && lex.infinitive_markers.match(s.words, t.first - 1)) return true;
    return takes_no_place(s, t, lex);
}

// "two ballistic missiles exploded", "shells exploded": the blast is the strike's, not a deed of its own.
// "Shells struck camps", "missiles hit": a weapon named as the subject of a hit is that hit's.
void drop_blasts_of_hits(std::vector<Trigger>& out, const Sentence& s, const Lexicon& lex) {
    std::vector<bool> blast_of_hit(out.size());
    for (size_t k = 1; k < out.size(); ++k) {
        const Trigger& a = out[k - 1];
        const Trigger& b = out[k];
        const bool hit = a.rule.type == EventType::Strike || a.rule.type == EventType::Shelling;
        const bool same_clause = s.clause_of[a.last] == s.clause_of[b.first];
        blast_of_hit[k] = hit && b.rule.type == EventType::Explosion && b.first <= a.last + 2 && same_clause;
        if (b.rule.impact && b.first == a.last + 1 && same_clause && lex.weapons.match(s.words, a.first)) blast_of_hit[k - 1] = true;
    }
    size_t k = 0;
    std::erase_if(out, [&](const Trigger&) { return blast_of_hit[k++]; });
}

std::vector<Trigger> find_triggers(const Sentence& s, const Lexicon& lex) {
    std::vector<Trigger> out;
    for (size_t i = 0; i < s.words.size(); ++i) {
        // "told about the operation in advance", "firefighters were battling the blaze": a deed
        // word in a set phrase that tells no deed.
        if (const auto idiom = lex.not_events.match(s.words, i); idiom.length) {
            i += idiom.length - 1;
            continue;
        }
        // "assault groups trying to enter the village", "commandos had tried to land near the station":
        // an attempt on ground is an attack, made whether or not it took the ground.
        if (const auto tried = attempted_deed(s, i, lex)) {
            out.push_back(Trigger{i, i + tried - 1, TriggerRule{EventType::Attack}, tried});
            i += tried - 1;
            continue;
        }
        auto t = trigger_at(s, i, lex);
        if (!t) continue;
        i = t->last;
        if (!settle_type(s, *t, lex) || tells_no_deed(s, *t, lex)) continue;
        if (t->rule.type == EventType::Capture && assaults_site(s, *t, lex)) t->rule.type = EventType::Attack;
        if (adjectival(s, *t, lex) || in_proper_name(s, *t)) continue;
        out.push_back(*t);
    }
    drop_blasts_of_hits(out, s, lex);
    // "killed 13 people": a deed of its own only when nothing else in the sentence names one.
    if (std::any_of(out.begin(), out.end(), [](const Trigger& t) { return !t.rule.fallback; }))
        std::erase_if(out, [](const Trigger& t) { return t.rule.fallback; });
    return out;
}

// "Ukraine's southern command", "Israel's military": a possessive place that owns an actor.
bool owns_actor(const Sentence& s, size_t mention_end_word, const Lexicon& lex) {
    for (size_t at = mention_end_word + 1; at < s.words.size() && at <= mention_end_word + 2 && !s.words[at - 1].comma_after; ++at)
        if (lex.actor_nouns.match(s.words, at)) return true;
    return false;
}

bool is_office(const Sentence& s, size_t word, size_t mention_end_word, const Lexicon& lex) {
    // "Kharkiv governor", "Kherson's Moscow-installed authorities", "the mayor of Mykolaiv"; not
    // "In Kryvyi Rih, President Zelensky's home town", where a comma ends the name's phrase.
    for (size_t at = mention_end_word + 1; at < s.words.size() && at <= mention_end_word + 2 && !s.words[at - 1].comma_after; ++at)
        if (lex.office_nouns.match(s.words, at)) return true;
    // "the mayor of Mykolaiv", "the defence ministry in Damascus", "al-Qaeda's branch in the Sahel"
    const size_t preposition = word >= 1 && lex.definite_markers.match(s.words, word - 1) ? word - 1 : word;
    return preposition >= 2 && lex.office_prepositions.match(s.words, preposition - 1) && lex.office_nouns.match(s.words, preposition - 2);
}

// "Moscow's fastest gains": a deed named within three words after a possessive.
bool deed_follows(const Sentence& s, size_t possessive_word, const Lexicon& lex) {
    for (size_t at = possessive_word + 1; at < s.words.size() && at <= possessive_word + 3; ++at)
        if (lex.triggers.match(s.words, at)) return true;
    return false;
}

// The preposition before a place name: the relation it gives and the word it is.
struct Preposition {
    Relation relation = Relation::Where;
    size_t word = 0;
};

// "set out from the rebel enclave in Idlib province": a place "in" a noun phrase that follows
// "from" is where the movement left.
bool left_from(const Sentence& s, size_t where_word, const Lexicon& lex) {
    for (size_t back = 1; back <= lex.windows.preposition && back <= where_word; ++back) {
        const size_t at = where_word - back;
        if (s.words[at].comma_after || s.words[at].stop_after || s.words[at].inside >= 0 || lex.triggers.match(s.words, at)) return false;
        if (lex.origin_words.match(s.words, at)) return true;
        if (lex.where_words.match(s.words, at) || lex.toward_words.match(s.words, at)) return false;
    }
    return false;
}

// The relation the preposition at `at` gives the place at `word`; nullopt when the word is none.
std::optional<Preposition> preposition_at(const Sentence& s, size_t at, size_t word, const Lexicon& lex) {
    if (const auto n = lex.neighbour_words.match(s.words, at); n && at + n.length == word) return Preposition{Relation::Beside, at};
    if (lex.along_words.match(s.words, at)) return Preposition{Relation::Along, at};
    if (lex.from_words.match(s.words, at)) return Preposition{Relation::From, at};
    if (lex.near_words.match(s.words, at)) return Preposition{Relation::Near, at};
    if (lex.direction_words.match(s.words, at) && at + 1 < word && (s.words[at + 1].lower == "of" || s.words[at + 1].lower == "from"))
        return Preposition{Relation::Beside, at};
    if (lex.toward_words.match(s.words, at)) return Preposition{Relation::Toward, at};
    if (lex.where_words.match(s.words, at)) return Preposition{left_from(s, at, lex) ? Relation::From : Relation::Where, at};
    return std::nullopt;
}

// nullopt when the place has no preposition of its own.
std::optional<Preposition> preposition_before(const Sentence& s, size_t word, const Lexicon& lex) {
    size_t window = lex.windows.preposition;
    bool apposition = false;  // "towards the region's main city, also called Kherson"
    for (size_t back = 1; back <= window && back <= word; ++back) {
        const size_t at = word - back;
        if (s.words[at].inside >= 0 || s.words[at].stop_after) break;
        // A preposition belongs to the place only between it and the deed: "to retake Kherson" has none.
        if (lex.triggers.match(s.words, at)) break;
        if (back <= 2 && lex.apposition_words.match(s.words, at)) {
            apposition = true;
            window += lex.windows.preposition;
        }
        if (const auto p = preposition_at(s, at, word, lex)) return p;
        if (s.words[at].comma_after && back > 1 && !apposition) break;
    }
    return std::nullopt;
}

struct Referent {
    size_t mention = 0;
    std::optional<gazetteer::Place> area;
};

std::optional<Referent> refer_back(const std::vector<PlaceType>& types, size_t before, const SentenceContext& c);
std::optional<Referent> refer_to_capital(size_t before, const SentenceContext& c);
bool of_party(const Sentence& s, size_t i, const Lexicon& lex);

// "the city of Kherson", "the town Djibo", "the region's main city", "the refinery in Syzran": a
// place noun that names its own place points back at none. `after` is the word after the noun.
// Not "the town in Donetsk region", which names only where the town is.
bool names_its_own(const Sentence& s, size_t after, const SentenceContext& c) {
    if (after < s.words.size() && (s.words[after].lower == "of" || s.words[after].inside >= 0)) return true;
    if (after + 1 < s.words.size() && c.lex.where_words.match(s.words, after) && s.words[after + 1].located &&
        point_type(c.mentions[static_cast<size_t>(s.words[after + 1].mention)].place->type))
        return true;
    return s.words[after - 1].possessive;
}

// "88 towns and villages in the region", "fighting in the city": places named by pointing back
// are tied to deeds like names are. Not "the city of Kherson", which names its own place.
void add_references(const Sentence& s, const SentenceContext& c, std::vector<Link>& links) {
    for (size_t i = 0; i < s.words.size(); ++i) {
        const auto m = c.lex.coreference.match(s.words, i);
        if (!m || of_party(s, i, c.lex)) continue;
        if (names_its_own(s, i + m.length, c)) continue;
        const size_t after = i + m.length;
        const auto referent = c.lex.capital_references.match(s.words, i) ? refer_to_capital(s.words[i].start, c) : refer_back(*m.value, s.words[i].start, c);
        if (!referent) continue;
        const auto prep = preposition_before(s, i, c.lex);
        Link link{referent->mention, i, prep ? prep->relation : Relation::Where, prep.has_value(), false, referent->area};
        const auto at = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.word > i; });
        links.insert(at, link);
        i = after - 1;
    }
}

bool contains(const gazetteer::Place& area, const gazetteer::Place& p) {
    if (area.type == PlaceType::Country) return area.country == p.country && p.type != PlaceType::Country;
    // Pakistan's point lies inside Balochistan's box, but no region holds a country.
    return p.type != PlaceType::Country && gazetteer::extent_holds(area.bbox, p);
}

// "Vygonichi in the Bryansk region", "Kantharalak, in Si Sa Ket province": an area right after a
// town it holds only says where the town is; the deed is at the town. The area starts at `first`.
bool qualifies_town_before(const Sentence& s, size_t first, const std::vector<Link>& before, const SentenceContext& c) {
    if (before.empty()) return false;
    const Link& town = before.back();
    const size_t end = name_end(s, town.word);
    if (first <= end || first - end - 1 > c.lex.windows.qualifier) return false;
    bool in = s.words[end].comma_after;
    for (size_t w = end + 1; w < first; ++w) {
        if (!c.lex.qualifier_words.match(s.words, w)) return false;
        in = in || s.words[w].lower == "in";
    }
    const auto& area = *c.mentions[static_cast<size_t>(s.words[first].mention)].place;
    const auto& point = *c.mentions[town.mention].place;
    return in && !point_type(area.type) && point_type(point.type) && contains(area, point);
}

// "the Red Sea port of Hodeidah", "the Kharkiv region town of Kupiansk": an area that describes the
// town named after it is not a place of its own. The place at words [first, last].
bool describes_town_after(const Sentence& s, size_t first, size_t last, const SentenceContext& c) {
    const size_t of = last + 2;
    if (of + 1 >= s.words.size() || s.words[of].lower != "of" || !c.lex.place_nouns.match(s.words, last + 1)) return false;
    const int town = s.words[of + 1].mention;
    if (town < 0 || !s.words[of + 1].located) return false;
    const auto& area = *c.mentions[static_cast<size_t>(s.words[first].mention)].place;
    return !point_type(area.type) && point_type(c.mentions[static_cast<size_t>(town)].place->type);
}

// "captured the last big town in South Kivu" when the sentence names Uvira, in South Kivu: the
// area only locates a town named elsewhere in the sentence, which is the deed's place.
std::optional<size_t> located_named_town(const Sentence& s, size_t area_word, const SentenceContext& c) {
    const size_t in = area_word >= 1 && s.words[area_word - 1].lower == "the" ? area_word - 2 : area_word - 1;
    if (area_word < 2 || in < 1 || in >= area_word || s.words[in].lower != "in" || !c.lex.unnamed_town_nouns.match(s.words, in - 1))
        return std::nullopt;
    // "the last big town in": a town already known; "a village in the Donbas" is another one.
    bool definite = false;
    for (size_t back = 2; back <= 4 && back <= in; ++back) definite = definite || s.words[in - back].lower == "the";
    if (!definite) return std::nullopt;
    const auto& area = *c.mentions[static_cast<size_t>(s.words[area_word].mention)].place;
    if (point_type(area.type)) return std::nullopt;
    for (const Word& w : s.words) {
        if (w.mention < 0 || !w.located || w.mention == s.words[area_word].mention) continue;
        const auto& town = *c.mentions[static_cast<size_t>(w.mention)].place;
        if (point_type(town.type) && contains(area, town)) return static_cast<size_t>(w.mention);
    }
    return std::nullopt;
}

// "the owner of the truck lived in the Krasnodar region": where someone lives or comes from.
bool names_residence(const Sentence& s, size_t word, const Lexicon& lex) {
    const size_t before = word >= 1 && s.words[word - 1].lower == "the" ? word - 1 : word;
    for (size_t back = 2; back <= 3 && back <= before; ++back)
        if (const auto m = lex.residence_words.match(s.words, before - back); m && before - back + m.length == before) return true;
    return false;
}

// The last word of the clause the word `from` is in.
size_t clause_end_from(const Sentence& s, size_t from) {
    size_t clause_end = from;
    while (clause_end + 1 < s.words.size() && !s.words[clause_end].comma_after && !s.words[clause_end].stop_after) ++clause_end;
    return clause_end;
}

// How the place named at words [i, end] is tied to what the sentence tells, given the places
// before it (`out`).
Link link_of(const Sentence& s, size_t i, size_t end, const std::vector<Link>& out, const SentenceContext& c) {
    const auto& lex = c.lex;
    const auto prep = preposition_before(s, i, lex);
    Link link{static_cast<size_t>(s.words[i].mention), i, prep ? prep->relation : Relation::Where, prep.has_value(), false};
    link.bare_to = link.relation == Relation::Toward && s.words[prep->word].lower == "to";
    link.heading = link.relation == Relation::Toward && lex.heading_words.match(s.words, prep->word);
    // A list ("Kyiv, Lviv and Dnipro") shares the relation of its first name.
    if (!out.empty() && (s.words[i - 1].lower == "and" || s.words[i - 1].lower == "or" || s.words[i - 1].inside >= 0) &&
        link.relation == Relation::Where) {
        // "in Russia's Kursk region": the owner's preposition is the owned place's.
        const auto owner = out.back().relation == Relation::Office && s.words[i - 1].possessive ? preposition_before(s, out.back().word, lex) : std::nullopt;
        link.relation = owner ? owner->relation : out.back().relation;
        link.preposition = owner ? true : out.back().preposition;
    }
    // "Kharkiv governor", "Ukraine's southern command": the place owns a speaker or a unit.
    if (is_office(s, i, end, lex) || (s.words[end].possessive && owns_actor(s, end, lex))) link.relation = Relation::Office;
    // "Myanmar's eastern border", "Israel's main airport": a country that owns a thing locates
    // the thing, which is where the deed is; "Moscow's fastest gains": a capital owns its state's deeds.
    const auto& owner = *c.mentions[link.mention].place;
    if (s.words[end].possessive && (owner.type == PlaceType::Country || (owner.feature_code == "PPLC" && deed_follows(s, end, lex))))
        link.relation = Relation::Office;
    return link;
}

std::vector<Link> find_links(const Sentence& s, const SentenceContext& c) {
    std::vector<Link> out;
    for (size_t i = 0; i < s.words.size(); ++i) {
        if (s.words[i].mention < 0 || !s.words[i].located) continue;
        const size_t end = name_end(s, i);
        // "lived in the Krasnodar region in southern Russia": the residence and what locates it.
        if (names_residence(s, i, c.lex)) {
            i = clause_end_from(s, end);
            continue;
        }
        if (describes_town_after(s, i, end, c) || qualifies_town_before(s, i, out, c)) {
            i = end;
            continue;
        }
        if (const auto town = located_named_town(s, i, c)) {
            out.push_back(Link{*town, i, Relation::Where, true, false});
            i = end;
            continue;
        }
        out.push_back(link_of(s, i, end, out, c));
        i = end;
    }
    add_references(s, c, out);
    return out;
}

size_t commas_between(const Sentence& s, size_t from, size_t to) { return s.commas_before[to] - s.commas_before[from]; }

// How far a place is from a deed, in words: a place before the deed counts thrice ("retook
// Kupiansk" over "Kupiansk's mayor said troops retook…"), and each comma crossed after the deed
// as a clause ("captured overnight, cutting Damascus off from Latakia").
// The relative pronoun after a comma that stands for the place at `word` ("Homs, the country's third
// city, which…"): the first one before `before` with no other place between.
std::optional<size_t> relative_pronoun_after(const Sentence& s, size_t word, size_t before, const Lexicon& lex) {
    const int mention = s.words[word].mention;
    for (size_t w = word + 1; w < before; ++w) {
        if (s.words[w].mention >= 0 && s.words[w].mention != mention) return std::nullopt;
        if (s.words[w - 1].comma_after && lex.relative_pronouns.match(s.words, w)) return w;
    }
    return std::nullopt;
}

// "Sudzha, a small town that hosts a gas station on the pipeline through Ukraine, was fully under
// Ukrainian control": a deed in the clause right after an aside is its head's. The first word of
// that clause, when the place at `word` heads such an aside.
std::optional<size_t> after_aside_of(const Sentence& s, size_t word, size_t deed, const Lexicon& lex) {
    const size_t end = name_end(s, word);
    if (!s.words[end].comma_after || end + 1 >= deed || !lex.aside_openers.match(s.words, end + 1)) return std::nullopt;
    if (commas_between(s, end + 1, deed) != 1) return std::nullopt;
    size_t close = end + 1;
    while (!s.words[close].comma_after) ++close;
    return s.clause_of[close + 1] == s.clause_of[deed] ? std::optional(close + 1) : std::nullopt;
}

// A comma then one of `joiners` between two words: a new clause begins between them (", and",
// ", but"; ", while (Eldorado) do Sul was under water").
bool joined_clause_between(const Sentence& s, size_t from, size_t to, const PhraseSet& joiners) {
    for (size_t k = from; k + 1 < to; ++k)
        if (s.words[k].comma_after && joiners.match(s.words, k + 1)) return true;
    return false;
}

double word_cost(const Sentence& s, const Trigger& t, size_t word, const Lexicon& lex) {
    if (word > t.last)
        return static_cast<double>(word - t.last) + lex.comma_cost * static_cast<double>(commas_between(s, t.last, word)) +
               (joined_clause_between(s, t.last, word, lex.contrast_joiners) ? lex.contrast_cost : 0.0);
    // "Homs, the country's third city, which they said they had fully captured": the deed of a
    // relative clause is at the place its pronoun stands for, however long the aside between.
    if (const auto pronoun = relative_pronoun_after(s, word, t.first, lex)) return static_cast<double>(t.first - *pronoun);
    if (const auto clause = after_aside_of(s, word, t.first, lex)) return 3.0 * static_cast<double>(t.first - *clause);
    return 3.0 * static_cast<double>(t.first - word);
}

bool territorial_gain(EventType t) { return t == EventType::Capture || t == EventType::Recapture; }

// Each place goes to the nearest trigger, preferring one before it ("retook Kupiansk").
std::vector<std::vector<Link>> assign_links(const std::vector<Trigger>& triggers, const std::vector<Link>& links, const Sentence& s, const Lexicon& lex) {
    std::vector<std::vector<Link>> out(triggers.size());
    for (const auto& link : links) {
        if (link.relation == Relation::Office) continue;
        size_t best = SIZE_MAX;
        double best_distance = 1e9;
        for (size_t t = 0; t < triggers.size(); ++t) {
            const double d = word_cost(s, triggers[t], link.word, lex);
            if (d < best_distance) {
                best_distance = d;
                best = t;
            }
        }
        if (best != SIZE_MAX) out[best].push_back(link);
        // "pushed into Homs, the country's third city, which they had fully captured": ground reached
        // and then taken is both an advance and a capture; the relative clause's deed is at the place
        // its pronoun stands for, though the advance is nearer.
        if (best == SIZE_MAX || triggers[best].rule.type != EventType::Advance) continue;
        for (size_t t = 0; t < triggers.size(); ++t)
            if (territorial_gain(triggers[t].rule.type) && triggers[t].first > link.word && relative_pronoun_after(s, link.word, triggers[t].first, lex))
                out[t].push_back(link);
    }
    return out;
}



bool has_type(const std::vector<PlaceType>& types, PlaceType t) { return std::find(types.begin(), types.end(), t) != types.end(); }

bool has_event_at(const State& state, const gazetteer::Place& p, const std::vector<parse::Mention>& mentions) {
    return std::any_of(state.events.begin(), state.events.end(), [&](const Event& e) { return !e.area && mentions[e.where].place->id == p.id; });
}

// The last event told at a place, by its index in state.events.
std::optional<size_t> last_event_at(const State& state, const gazetteer::Place& p, const std::vector<parse::Mention>& mentions) {
    for (size_t i = state.events.size(); i-- > 0;)
        if (!state.events[i].area && mentions[state.events[i].where].place->id == p.id) return i;
    return std::nullopt;
}

// "People in the town described…" after an aside about a peace deal in Washington: a place named
// in an earlier sentence is less likely meant than the one the story's deeds happen at.
size_t salient(size_t last_fit, const std::vector<PlaceType>& types, size_t before, const SentenceContext& c) {
    if (c.mentions[last_fit].start >= c.sentence.start || has_event_at(c.state, *c.mentions[last_fit].place, c.mentions)) return last_fit;
    for (size_t k = last_fit; k-- > 0;) {
        const auto& m = c.mentions[k];
        if (m.start >= before || !is_event_place(m) || !has_type(types, m.place->type)) continue;
        if (has_event_at(c.state, *m.place, c.mentions)) return k;
    }
    return last_fit;
}

// "KHARKIV, Ukraine - Russian glide bombs hit a shopping centre": a story that names no other
// place happens where it is filed from. Only a last resort: the dateline is never a deed's own place.
std::optional<size_t> dateline_city(const std::vector<parse::Mention>& mentions) {
    for (size_t k = 0; k < mentions.size() && mentions[k].dateline; ++k) {
        const auto& m = mentions[k];
        if (m.role == parse::Role::Location && m.place && m.confidence > 0.15 && point_type(m.place->type)) return k;
    }
    return std::nullopt;
}

// "the capital": the last national capital named, else the dateline's when it is one.
std::optional<Referent> refer_to_capital(size_t before, const SentenceContext& c) {
    const auto capital = [&](const parse::Mention& m) { return m.place && m.place->feature_code == "PPLC"; };
    for (size_t k = c.mentions.size(); k-- > 0;)
        if (c.mentions[k].start < before && is_event_place(c.mentions[k]) && capital(c.mentions[k])) return Referent{k, std::nullopt};
    if (const auto k = dateline_city(c.mentions); k && capital(c.mentions[*k])) return Referent{*k, std::nullopt};
    return std::nullopt;
}

// The last place of a fitting type before `before`; for "the region" after a city, the region
// that holds the city.
// Where the last town the gazetteer lacks is named before `before`, if (one) is.
std::optional<size_t> last_unknown_town(size_t before, const SentenceContext& c) {
    const auto it = std::find_if(c.unknown_towns.rbegin(), c.unknown_towns.rend(), [&](size_t at) { return at < before; });
    return it == c.unknown_towns.rend() ? std::nullopt : std::optional(*it);
}
std::optional<Referent> refer_back(const std::vector<PlaceType>& types, size_t before, const SentenceContext& c) {
    std::optional<size_t> fit;
    std::optional<size_t> point;
    for (size_t k = 0; k < c.mentions.size() && c.mentions[k].start < before; ++k) {
        if (!is_event_place(c.mentions[k])) continue;
        if (has_type(types, c.mentions[k].place->type)) fit = k;
        if (point_type(c.mentions[k].place->type)) point = k;
    }
    if (has_type(types, PlaceType::Region) && c.context.region_of && point && (!fit || *point > *fit))
        if (auto region = c.context.region_of(*c.mentions[*point].place)) return Referent{*point, std::move(region)};
    // "seized the town of Adan Yabaal… fighters overran bases around the town": the town last named
    // is one the gazetteer lacks, so no known place is the one meant.
    const bool towns = has_type(types, PlaceType::City) || has_type(types, PlaceType::Village);
    const auto unknown = last_unknown_town(before, c);
    if (towns && unknown && (!fit || c.mentions[*fit].start < *unknown)) return std::nullopt;
    if (fit) return Referent{salient(*fit, types, before, c), std::nullopt};
    // "KYIV, Ukraine — Missiles struck the capital overnight"
    if (const auto k = dateline_city(c.mentions); k && has_type(types, c.mentions[*k].place->type)) return Referent{*k, std::nullopt};
    return std::nullopt;
}

// "the governor of the region", "the authorities in the city"; not "the ministry said the town…".
bool of_party(const Sentence& s, size_t i, const Lexicon& lex) {
    return (i >= 1 && lex.office_nouns.match(s.words, i - 1)) ||
           (i >= 2 && lex.office_prepositions.match(s.words, i - 1) &&
            (lex.office_nouns.match(s.words, i - 2) || lex.actor_nouns.match(s.words, i - 2)));
}

// "the city", "there": a place named before. Not "the authorities in the region", which names
// who speaks rather than where something happened.
std::optional<Referent> coreference(const Sentence& s, const SentenceContext& c) {
    for (size_t i = 0; i < s.words.size(); ++i) {
        const auto m = c.lex.coreference.match(s.words, i);
        if (!m) continue;
        if (of_party(s, i, c.lex) || names_its_own(s, i + m.length, c)) continue;
        if (c.lex.capital_references.match(s.words, i)) return refer_to_capital(s.words[i].start, c);
        return refer_back(*m.value, s.words[i].start, c);
    }
    return std::nullopt;
}

size_t distance_words(const Trigger& a, const Trigger& b) { return a.first > b.first ? a.first - b.first : b.first - a.first; }

// A deed with no place in its sentence happens where the story just was: the last town or site
// named since `from`.
// "In Washington, Trump called the attack horrible. … troops had captured Basivka": a deed with
// no place of its own stays in the countries the story's deeds have been in.
bool in_story_country(const gazetteer::Place& p, const SentenceContext& c) {
    if (c.state.events.empty()) return true;
    return std::any_of(c.state.events.begin(), c.state.events.end(), [&](const Event& e) { return event_place(e, c.mentions).country == p.country; });
}

// "The fall of Bukavu came after the rebels captured Goma. … Residents described looting as
// soldiers withdrew": the story's town is the one it keeps naming, not the last one named in passing.
size_t most_named(size_t last, size_t from, size_t before, const SentenceContext& c) {
    struct Named {
        const std::string* id;
        int times;
        size_t at;  // its last mention
    };
    std::vector<Named> named;  // a story names a few dozen places: a scan beats a map
    for (size_t k = 0; k < c.mentions.size() && c.mentions[k].start < before; ++k) {
        const auto& m = c.mentions[k];
        if (m.start < from || !is_event_place(m) || !point_type(m.place->type) || !in_story_country(*m.place, c)) continue;
        auto it = std::find_if(named.begin(), named.end(), [&](const Named& n) { return *n.id == m.place->id; });
        if (it == named.end()) it = named.insert(named.end(), {&m.place->id, 0, k});
        ++it->times;
        it->at = k;
    }
    const auto times_of = [&](const std::string& id) {
        const auto it = std::find_if(named.begin(), named.end(), [&](const Named& n) { return *n.id == id; });
        return it == named.end() ? 0 : it->times;
    };
    const auto most = std::max_element(named.begin(), named.end(), [](const Named& a, const Named& b) { return a.times < b.times; });
    return most != named.end() && most->times > times_of(c.mentions[last].place->id) ? most->at : last;
}

std::optional<Referent> topic(const Sentence& s, size_t from, const SentenceContext& c) {
    // "Militants seized the town of Adan Yabaal… The attack began with an explosion": the town the
    // story is about, named since, is one the gazetteer lacks; no place it knows stands for it.
    const auto unknown = last_unknown_town(s.span.end, c);
    const size_t unknown_at = unknown && *unknown >= from ? *unknown : 0;
    for (size_t k = c.mentions.size(); k-- > 0;) {
        const auto& m = c.mentions[k];
        if (m.start >= s.span.start) continue;
        if (m.start < from || m.start < unknown_at) break;
        if (is_event_place(m) && point_type(m.place->type) && in_story_country(*m.place, c)) {
            return Referent{most_named(k, from, s.span.start, c), std::nullopt};
        }
    }
    // Only while (the) story has named no other place: past its lede the dateline says little.
    const bool named_before = unknown_at > 0 ||
                              std::any_of(c.mentions.begin(), c.mentions.end(), [&](const parse::Mention& m) { return m.start < s.span.end && is_event_place(m); });
    if (const auto k = dateline_city(c.mentions); k && !named_before) return Referent{*k, std::nullopt};
    return std::nullopt;
}

// The places an event happens at: more specific places push out the areas that hold them.
std::vector<Link> event_places(const std::vector<Link>& links, const std::vector<parse::Mention>& mentions) {
    std::vector<Link> out;
    for (const auto& l : links) {
        const auto& p = *mentions[l.mention].place;
        const bool held = std::any_of(links.begin(), links.end(), [&](const Link& o) {
            return o.mention != l.mention && contains(p, *mentions[o.mention].place) && !contains(*mentions[o.mention].place, p);
        });
        if (!held) out.push_back(l);
    }
    return out;
}

int geo_precision(const Link& l, const parse::Mention& m) {
    if (!point_type(m.place->type)) return 3;
    // A place put where the article describes it is only near where it is drawn.
    if (m.place->feature_code == gazetteer::kDescribedFeature) return 2;
    return l.relation == Relation::Near || l.relation == Relation::Beside ? 2 : 1;
}

Event make_event(const Trigger& t, const Link& where, const Sentence& s, const std::vector<parse::Mention>& mentions) {
    Event e;
    e.type = t.rule.type;
    e.where = where.mention;
    e.geo_precision = geo_precision(where, mentions[where.mention]);
    if (where.area) {
        e.area = where.area;
        e.geo_precision = 3;
    }
    e.evidence = s.span;
    e.confidence = t.rule.weak ? 0.5 : 0.7;
    if (where.relation == Relation::Where || where.relation == Relation::Toward) e.confidence += 0.1;
    return e;
}

// "Gaza City, the territory's largest urban area, as well as Jabalia": the first word after an
// aside set off by commas right after the name at `end`; `end + 1` when there is none.
size_t past_aside(const Sentence& s, size_t end, size_t before, const Lexicon& lex) {
    if (!s.words[end].comma_after) return end + 1;
    for (size_t w = end + 1; w < before && w <= end + lex.windows.count_aside; ++w) {
        if (s.words[w].mention >= 0 || lex.triggers.match(s.words, w) || s.words[w].stop_after) break;
        if (s.words[w].comma_after) return w + 1;
    }
    return end + 1;
}

// The first word after the joiners from `w` ("and", "as well as" is one joiner).
size_t after_joiners(const Sentence& s, size_t w, size_t before, const Lexicon& lex) {
    for (size_t joined = 0; w < before && (joined = lex.list_words.match(s.words, w).length) > 0;) w += joined;
    return w;
}

bool listed_together(const Link& a, const Link& b, const Sentence& s, const Lexicon& lex) {
    const Link& first = a.word < b.word ? a : b;
    const Link& second = a.word < b.word ? b : a;
    const size_t end = name_end(s, first.word);
    size_t w = after_joiners(s, end + 1, second.word, lex);
    if (w == second.word) return true;
    if (const size_t aside = past_aside(s, end, second.word, lex); aside > end + 1) {
        const size_t joined = after_joiners(s, aside, second.word, lex);
        if (joined > aside && joined == second.word) return true;
    }
    // "Izium and the rail hub of Kupiansk", "Khan Younis and parts of Rafah": after the joiner, a
    // few plain words that end in "of" describe the next name.
    if (w == end + 1 || w > second.word || second.word - w > lex.windows.list_descriptor || s.words[second.word - 1].lower != "of") return false;
    for (; w < second.word; ++w)
        if (s.words[w].capitalised || s.words[w].comma_after || s.words[w].mention >= 0 || lex.triggers.match(s.words, w)) return false;
    return true;
}

// "In Rishon LeZion, south of Tel Aviv, a missile struck": a place set off by a comma and then
// located from another ("south of", "60 km from") is where the deed is, not the landmark.
bool locates_place_before(const Link& beside, const std::vector<Link>& places, const Sentence& s, const Lexicon& lex) {
    if (beside.relation != Relation::Beside) return false;
    return std::any_of(places.begin(), places.end(), [&](const Link& p) {
        if (p.relation == Relation::Beside || p.word >= beside.word) return false;
        const size_t end = name_end(s, p.word);
        if (!s.words[end].comma_after || beside.word - end > lex.windows.preposition) return false;
        for (size_t w = end + 1; w < beside.word; ++w)
            if (s.words[w].comma_after || s.words[w].mention >= 0 || lex.triggers.match(s.words, w)) return false;
        return true;
    });
}

// The place nearest the trigger (its object first: "captured Lashio") and those listed with it
// ("Kyiv, Lviv and Kharkiv"), not the places of an aside ("Lashio, the largest town in Shan").
std::vector<Link> main_list(std::vector<Link> places, const Trigger& t, const Sentence& s, const Lexicon& lex) {
    const auto all = places;
    std::erase_if(places, [&](const Link& l) { return locates_place_before(l, all, s, lex); });
    if (places.empty()) return places;
    const auto cost = [&](const Link& l) {
        const double words = word_cost(s, t, l.word, lex);
        return l.relation == Relation::Beside ? words + 10.0 : words;
    };
    const auto best = *std::min_element(places.begin(), places.end(), [&](const Link& a, const Link& b) { return cost(a) < cost(b); });
    std::vector<Link> out{best};
    // "fled Beirut's suburbs and southern towns such as Tyre and Nabatieh": examples of the
    // deed's places are its places too.
    for (const auto& l : places) {
        const bool example = l.word >= 2 && l.mention != best.mention &&
                             (lex.example_markers.match(s.words, l.word - 1) || lex.example_markers.match(s.words, l.word - 2).length == 2);
        if (example) out.push_back(l);
    }
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& l : places) {
            const bool in = std::any_of(out.begin(), out.end(), [&](const Link& o) { return o.mention == l.mention; });
            if (in || !std::any_of(out.begin(), out.end(), [&](const Link& o) { return listed_together(o, l, s, lex); })) continue;
            out.push_back(l);
            grew = true;
        }
    }
    std::sort(out.begin(), out.end(), [](const Link& a, const Link& b) { return a.word < b.word; });
    return out;
}

// "Kyiv was struck", "Lebanon has been hit": the place before the deed suffers it.
bool passive_between(const Sentence& s, size_t from, size_t to, const Lexicon& lex) {
    for (size_t w = from + 1; w < to && w <= from + 4; ++w)
        if (lex.passive_markers.match(s.words, w)) return true;
    return false;
}

// "Iran struck inside Pakistan, hitting two bases in Balochistan province": a country the deed is
// in gives way to the places inside it that the deed's clause names.
std::vector<Link> inside_country(std::vector<Link> chosen, const std::vector<Link>& places, const std::vector<parse::Mention>& mentions) {
    const auto country = [&](const Link& l) { return mentions[l.mention].place->type == PlaceType::Country; };
    if (chosen.empty() || !std::all_of(chosen.begin(), chosen.end(), country)) return chosen;
    std::vector<Link> inner;
    for (const auto& l : places) {
        if (country(l) || l.relation == Relation::Beside) continue;
        const auto& p = *mentions[l.mention].place;
        if (std::any_of(chosen.begin(), chosen.end(), [&](const Link& c) { return contains(*mentions[c.mention].place, p); })) inner.push_back(l);
    }
    return inner.empty() ? chosen : inner;
}

// "in the Red Sea off the port of Hodeidah", "in Kherson region near Nova Kakhovka": an area
// followed at once by a town it is near says where in the area; the deed is near the town.
bool narrowed_by_town_after(const Link& area, const std::vector<Link>& places, const Sentence& s, const std::vector<parse::Mention>& mentions,
                            const Lexicon& lex) {
    if (point_type(mentions[area.mention].place->type)) return false;
    const size_t end = name_end(s, area.word);
    return std::any_of(places.begin(), places.end(), [&](const Link& town) {
        if (town.relation != Relation::Near || town.word <= end || !point_type(mentions[town.mention].place->type)) return false;
        const auto prep = preposition_before(s, town.word, lex);
        if (!prep || prep->word <= end || prep->word - end > lex.windows.area_then_town) return false;
        // "near the border and Nova Kakhovka": the preposition must govern the town ("off the
        // Yemeni port of Hodeidah"), not a noun joined to it.
        for (size_t w = prep->word; w < town.word; ++w)
            if (s.words[w].comma_after || lex.list_words.match(s.words, w)) return false;
        for (size_t w = end; w < prep->word; ++w)
            if (s.words[w].comma_after || (w > end && s.words[w].mention >= 0)) return false;
        return true;
    });
}

// "Kyiv's Okhmatdyt children's hospital": a town that owns the site named after it says where the
// site is; the deed is at the site.
bool owns_site_after(const Link& town, const std::vector<Link>& places, const Sentence& s, const std::vector<parse::Mention>& mentions) {
    const size_t end = name_end(s, town.word);
    if (!s.words[end].possessive) return false;
    return std::any_of(places.begin(), places.end(), [&](const Link& site) {
        return site.word == end + 1 && mentions[site.mention].place->type == PlaceType::Infrastructure;
    });
}

// The first link of each direction a movement can have: where it heads, where it leaves, what it runs along.
struct Directions {
    const Link* toward = nullptr;
    const Link* from = nullptr;
    const Link* along = nullptr;
};

Directions directions_of(const std::vector<Link>& links) {
    Directions d;
    for (const auto& l : links) {
        if (l.relation == Relation::Toward && !d.toward) d.toward = &l;
        if (l.relation == Relation::From && !d.from) d.from = &l;
        if (l.relation == Relation::Along && !d.along) d.along = &l;
    }
    return d;
}

// The links that can be the deed's own place: where it is, near or beside it, where it heads.
std::vector<Link> deed_places(const Trigger& t, const std::vector<Link>& links, const Sentence& s,
                              const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    std::vector<Link> places;
    for (const auto& l : links) {
        // "India fired missiles at…": a country before the deed with no preposition acts in it.
        // A state, or its capital, with no preposition is the deed's place only as its object
        // ("struck Lebanon", "fleeing southern Lebanon"), not in "the border with Mali", "vessels
        // linked to Britain" or "Moscow has paid a heavy price for a counter-offensive".
        const bool bare_country = !l.preposition && names_state(*mentions[l.mention].place) &&
                                  ((l.word < t.first && !passive_between(s, l.word, t.first, lex)) || l.word > t.last + 2);
        if (bare_country) continue;
        if (l.bare_to && t.rule.type != EventType::Advance && t.rule.type != EventType::Withdrawal) continue;
        if (l.relation == Relation::Where || l.relation == Relation::Near || l.relation == Relation::Beside || l.relation == Relation::Toward)
            places.push_back(l);
    }
    return places;
}

std::vector<Event> evacuations(const Trigger& t, const std::vector<Link>& links, const Directions& d, const Sentence& s,
                               const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    std::vector<Link> left;
    for (const auto& l : links)
        if (l.relation == Relation::From || l.relation == Relation::Where || l.relation == Relation::Near) left.push_back(l);
    if (left.empty() && d.toward) left.push_back(*d.toward);
    // "patients were moved to hospitals across the city"
    if (left.empty() && d.along) left.push_back(*d.along);
    std::vector<Event> out;
    for (const auto& l : event_places(main_list(left, t, s, lex), mentions)) {
        Event e = make_event(t, l, s, mentions);
        if (d.toward && d.toward->mention != l.mention) e.toward = d.toward->mention;
        out.push_back(e);
    }
    return out;
}

// An advance is mapped where it heads, a withdrawal where it leaves ("pulled out of Soledar").
// `here` is the nearest of the deed's places; null when no link will do.
const Link* movement_place(EventType type, const Directions& d, const Link* here) {
    if (type == EventType::Advance) return d.toward ? d.toward : here ? here : d.along;
    return d.from ? d.from : here ? here : d.toward ? d.toward : d.along;
}

std::vector<Event> movements(const Trigger& t, EventType type, const std::vector<Link>& places, const Directions& d, const Sentence& s,
                             const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    const auto nearest = main_list(places, t, s, lex);
    const Link* here = nearest.empty() ? nullptr : &nearest.front();
    const Link* at = movement_place(type, d, here);
    if (!at) return {};
    // "left its camps at Tessalit and Aguelhok": forces leave each place listed, as people do.
    const bool left_each = type == EventType::Withdrawal && at == here && nearest.size() > 1;
    std::vector<Event> out;
    for (const Link& l : left_each ? nearest : std::vector<Link>{*at}) {
        Event e = make_event(t, l, s, mentions);
        e.type = type;
        if (d.toward) e.toward = d.toward->mention;
        if (d.from) e.from = d.from->mention;
        if (d.along) e.along = d.along->mention;
        out.push_back(e);
    }
    return out;
}

// A deed that is no movement: one event at each of its places that no more specific one pushes out.
std::vector<Event> deeds_at_places(const Trigger& t, EventType type, const std::vector<Link>& links, std::vector<Link> places,
                                   const Link* from, const Sentence& s, const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    // "explosions rang out across Srinagar": off a movement, "across" and "along" name the place.
    for (const auto& l : links)
        if (l.relation == Relation::Along) places.push_back(l);
    // "drove Russian forces out of the Kharkiv region": ground taken from someone is where they left.
    const bool taking = type == EventType::Capture || type == EventType::Recapture;
    if (taking && places.empty() && from) places.push_back(*from);
    const auto all = places;
    std::erase_if(places, [&](const Link& l) { return narrowed_by_town_after(l, all, s, mentions, lex) || owns_site_after(l, all, s, mentions); });
    std::vector<Event> out;
    for (const auto& l : event_places(inside_country(main_list(places, t, s, lex), places, mentions), mentions)) out.push_back(make_event(t, l, s, mentions));
    return out;
}

// One event per place the trigger is tied to; an advance or withdrawal is one movement.
std::vector<Event> events_of(const Trigger& t, const std::vector<Link>& links, const Sentence& s, const std::vector<parse::Mention>& mentions,
                             const Lexicon& lex) {
    const Directions d = directions_of(links);
    // People flee each place named: one evacuation per place they leave ("fled Beirut, Tyre and
    // Nabatieh"); inmates break out of the prison in the place they leave.
    if (t.rule.type == EventType::Evacuation || (t.leaving && t.rule.type == EventType::Other))
        return evacuations(t, links, d, s, mentions, lex);
    auto places = deed_places(t, links, s, mentions, lex);
    // "a line of attack towards Vovchansk", "assaults into the town": a ground attack that only
    // heads somewhere is an advance.
    const bool heads_only = (d.toward != nullptr) && d.toward->heading &&
                            std::all_of(places.begin(), places.end(), [](const Link& l) { return l.relation == Relation::Toward; });
    const EventType type = t.rule.type == EventType::Attack && heads_only ? EventType::Advance : t.rule.type;
    if (type == EventType::Advance || type == EventType::Withdrawal) return movements(t, type, places, d, s, mentions, lex);
    return deeds_at_places(t, type, links, std::move(places), d.from, s, mentions, lex);
}


// An event of this sentence with the word its trigger starts at.
struct Found {
    Event event;
    size_t word = 0;
    // The event this one was typed after ("the attacks" after drone strikes): its actor is this
    // one's when the sentence names none. An index into the sentence's events or the story's.
    std::optional<size_t> after_found, after_told;
    bool tally = false;  // found only by a word of harm ("killed 13 people in Kanabi")
    bool unarmed = false;  // a hit whose weapon its sentence does not name
    bool by_unnamed_group = false;  // done by "rebels" whose group the story has not yet named
};

size_t distance(size_t a, size_t b) { return a > b ? a - b : b - a; }

template <typename T, typename Pos>
const T* nearest(const std::vector<T>& items, size_t word, Pos pos) {
    const T* best = nullptr;
    for (const auto& item : items)
        if (!best || distance(pos(item), word) < distance(pos(*best), word)) best = &item;
    return best;
}

// `placed`: the triggers that have places of their own (few, however long the sentence).
std::optional<Referent> sibling_place(const std::vector<Trigger>& triggers, const std::vector<std::vector<Link>>& links,
                                      const std::vector<size_t>& placed, size_t t, const Sentence& s, const Lexicon& lex) {
    std::optional<size_t> best;
    for (const size_t o : placed) {
        if (o == t) continue;
        if (!best || distance_words(triggers[o], triggers[t]) < distance_words(triggers[*best], triggers[t])) best = o;
    }
    if (!best) return std::nullopt;
    return Referent{main_list(links[*best], triggers[*best], s, lex).front().mention, std::nullopt};
}

// "attacked", "attacking": a weak trigger used as a verb reports a deed, not a topic.
bool verbal(const std::string& w) {
    const auto ends = [&](std::string_view e) { return w.size() > e.size() + 1 && w.compare(w.size() - e.size(), e.size(), e) == 0; };
    return ends("ed") || ends("ing");
}

// "The attack came days before…", "the strikes raised fears": a definite noun points back at a
// deed already told; it adds no new one.
bool points_back(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    // "Soussa and nearby Shahat were cut off by the flooding": the agent of a passive deed is told of
    // the places before it, not retold.
    if (t.first > 1 && lex.agent_markers.match(s.words, t.first - 2)) return false;
    // After a determiner even "fighting" is a noun ("an end to the fighting"); but "the water
    // rose" is a clause that tells the flood where it happens, not a name for one told before.
    return t.first > 0 && lex.definite_markers.match(s.words, t.first - 1) && !lex.water_nouns.match(s.words, t.first);
}

// A definite deed noun adds no event where the story already has one ("The attack on Lviv came
// days before…"), nor with no place of its own; at a new place it is news ("the attacks have
// also reached Reni").
// Gives the indices of the events told again in `retold`.
void drop_told_deeds(std::vector<Trigger>& triggers, std::vector<std::vector<Link>>& links, const Sentence& s, const SentenceContext& c,
                     std::vector<size_t>& retold) {
    std::vector<bool> told(triggers.size());
    for (size_t t = 0; t < triggers.size(); ++t) {
        if (!points_back(s, triggers[t], c.lex)) continue;
        const auto own = [&](const Link& l) {
            return l.word > triggers[t].last && l.word <= triggers[t].last + c.lex.windows.own_place && s.clause_of[l.word] == s.clause_of[triggers[t].last];
        };
        const auto told_of = [&](const Link& l) { return has_event_at(c.state, *c.mentions[l.mention].place, c.mentions); };
        told[t] = std::none_of(links[t].begin(), links[t].end(), own) || std::any_of(links[t].begin(), links[t].end(), told_of);
        if (!told[t]) continue;
        for (const Link& l : links[t])
            if (const auto i = last_event_at(c.state, *c.mentions[l.mention].place, c.mentions)) retold.push_back(*i);
    }
    size_t k = 0;
    std::erase_if(triggers, [&](const Trigger&) { return told[k++]; });
    k = 0;
    std::erase_if(links, [&](const std::vector<Link>&) { return told[k++]; });
}

// "Explosions were heard near Isfahan in what officials described as an Israeli strike": a strike
// with no place of its own explains the blasts placed in its sentence, which are that strike.
void explain_blasts(std::vector<Trigger>& triggers, const std::vector<std::vector<Link>>& links) {
    // A place of its own has a preposition or follows the deed ("struck Isfahan"); "Iran" in
    // "…strike, days after Iran launched its first attack" is not one.
    const auto placeless = [&](const Trigger& t) {
        const auto& own = links[static_cast<size_t>(&t - triggers.data())];
        return std::none_of(own.begin(), own.end(), [&](const Link& l) { return l.preposition || (l.word > t.last && l.word <= t.last + 2); });
    };
    const auto cause = std::find_if(triggers.begin(), triggers.end(), [&](const Trigger& t) {
        return (t.rule.type == EventType::Strike || t.rule.type == EventType::Shelling) && placeless(t);
    });
    if (cause == triggers.end()) return;
    for (size_t t = 0; t < triggers.size(); ++t)
        if (triggers[t].rule.type == EventType::Explosion && !links[t].empty()) triggers[t].rule.type = cause->rule.type;
}

// "reached Kryvyi Rih, about 130 km south-west of Dnipro, where a missile hit": a deed whose only
// place locates another place is at its sibling's place, not at the reference point. Not a
// movement: "advanced through the countryside west of Aleppo" is an advance near Aleppo.
void drop_reference_points(const std::vector<Trigger>& triggers, std::vector<std::vector<Link>>& links) {
    const auto only_beside = [](const std::vector<Link>& own) {
        return !own.empty() && std::all_of(own.begin(), own.end(), [](const Link& l) { return l.relation == Relation::Beside; });
    };
    const bool sibling_placed = std::any_of(links.begin(), links.end(), [&](const std::vector<Link>& own) { return !own.empty() && !only_beside(own); });
    if (!sibling_placed) return;
    for (size_t t = 0; t < links.size(); ++t) {
        const auto type = triggers[t].rule.type;
        if (only_beside(links[t]) && type != EventType::Advance && type != EventType::Withdrawal) links[t].clear();
    }
}

// "had fully retaken Robotyne", "heavy fighting near Verbove": the deed names its place, which
// the gazetteer lacks; mapped at the story's last town it would be drawn somewhere else.
// "captured the village of Qwertovka": the name after a town noun and "of" near the deed, when the
// gazetteer lacks it.
std::optional<size_t> unknown_town_after(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    for (size_t k = t.last + 1; k + 2 < s.words.size() && k <= t.last + lex.windows.unknown_place; ++k) {
        const size_t noun = lex.unnamed_town_nouns.match(s.words, k).length;
        if ((noun != 0U) && k + noun + 1 < s.words.size() && s.words[k + noun].lower == "of") {
            const Word& name = s.words[k + noun + 1];
            return name.capitalised && name.inside < 0 ? std::optional(k + noun + 1) : std::nullopt;
        }
        if (s.words[k].comma_after || s.words[k].stop_after || s.words[k].inside >= 0) break;
    }
    return std::nullopt;
}

std::optional<size_t> names_unknown_place(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    if (const auto town = unknown_town_after(s, t, lex)) return town;
    for (size_t k = t.last + 1; k < s.words.size() && k <= t.last + lex.windows.unknown_place; ++k) {
        const Word& w = s.words[k];
        // "attacked Mali's Boulkessi base": the country that owns the place is not the place.
        const bool owner_before = k > t.last + 1 && s.words[k - 1].possessive && s.words[k - 1].inside >= 0;
        if (w.mention >= 0 && s.words[name_end(s, k)].possessive) {
            k = name_end(s, k);
            continue;
        }
        if (w.inside >= 0) return std::nullopt;
        const bool object = k == t.last + 1 || lex.unknown_place_prepositions.match(s.words, k - 1) ||
                            (owner_before && (k - 1 == t.last + 1 || lex.unknown_place_prepositions.match(s.words, k - 2)));
        if (object && w.capitalised && !w.clause_start && !parse::lexicon::is_calendar_word(w.lower) && !lex.sides.match(s.words, k)) return k;
        if (w.comma_after || w.stop_after) return std::nullopt;
    }
    return std::nullopt;
}

// "Missiles also struck the capital" in a story that names no capital: the deed names a place the
// story has not, which is not the story's last town. (An unresolved "the area" may well be it.)
bool names_reference(const Sentence& s, const Trigger& t, const Lexicon& lex) {
    for (size_t k = t.last + 1; k < s.words.size() && k <= t.last + lex.windows.own_place; ++k) {
        if (lex.capital_references.match(s.words, k)) return true;
        if (s.words[k].comma_after || s.words[k].stop_after) break;
    }
    return false;
}

// The unknown name that starts at word `k`: its capitalised words, as written.
UnplacedEvent unplaced_at(const Sentence& s, size_t k, const Trigger& t, std::string_view text) {
    size_t last = k;
    const auto opens_with_letter = [&](const Word& w) { return std::ispunct(static_cast<unsigned char>(text[w.start])) == 0; };
    while (last + 1 < s.words.size() && !s.words[last].comma_after && !s.words[last].stop_after && s.words[last + 1].capitalised &&
           s.words[last + 1].inside < 0 && opens_with_letter(s.words[last + 1]))
        ++last;
    return {t.rule.type, std::string(text.substr(s.words[k].start, s.words[last].end - s.words[k].start)), s.span};
}

// What an unplaced trigger refers to is the same for every trigger of the sentence: found once.
struct SentenceReferents {
    std::optional<std::optional<Referent>> coreferent, topical;
};

// Where a deed the sentence gives no place of its own happens: the place a word points back at, a
// sibling deed's place, or the story's; tied to the trigger in `links`. A place the gazetteer lacks
// is kept in `unplaced`.
std::optional<Referent> refer_placeless(const std::vector<Trigger>& triggers, std::vector<std::vector<Link>>& links,
                                        const std::vector<size_t>& placed, size_t t, const Sentence& s, size_t topic_from,
                                        const SentenceContext& c, SentenceReferents& once, std::vector<UnplacedEvent>& unplaced) {
    if (!once.coreferent) once.coreferent = coreference(s, c);
    std::optional<Referent> referent = *once.coreferent;
    const auto unknown_name = referent ? std::nullopt : names_unknown_place(s, triggers[t], c.lex);
    const bool unknown = !referent && (unknown_name || names_reference(s, triggers[t], c.lex));
    // A capitalised deed word inside a sentence is part of a name ("the Ta'ang National
    // Liberation Army"), and the word after it no place.
    const bool in_name = s.words[triggers[t].first].capitalised && !s.words[triggers[t].first].clause_start;
    if (unknown_name && !in_name) unplaced.push_back(unplaced_at(s, *unknown_name, triggers[t], c.text));
    // "M23 took Bukavu after government troops pulled back": a sibling deed's place.
    if (!referent && !unknown) referent = sibling_place(triggers, links, placed, t, s, c.lex);
    Relation relation = Relation::Where;
    if (!referent && !unknown) {
        if (!once.topical) once.topical = topic(s, topic_from, c);
        referent = *once.topical;
        relation = Relation::Near;
        // "their most serious fighting in decades", filed from New Delhi: a word that may
        // name fighting in general is no deed at the place the story is filed from.
        if (referent && triggers[t].rule.weak && referent->mention == dateline_city(c.mentions)) referent.reset();
    }
    if (referent) links[t].push_back({referent->mention, triggers[t].first, relation});
    return referent;
}

// The trigger's events, in the area its referent names when it names one.
void add_events_of(const Trigger& t, const std::vector<Link>& links, const std::optional<Referent>& referent, const Sentence& s,
                   const SentenceContext& c, std::vector<Found>& out) {
    const bool another = preceded_by(s, t.first, c.lex.windows.another, c.lex.another_markers);
    for (auto& e : events_of(t, links, s, c.mentions, c.lex)) {
        e.another = another;
        if (referent && referent->area) {
            e.area = referent->area;
            e.geo_precision = 3;
        }
        out.push_back({std::move(e), t.first, std::nullopt, std::nullopt, t.rule.fallback, t.unarmed});
    }
}

std::vector<Found> place_events(const Sentence& s, size_t topic_from, const SentenceContext& c, bool story_has_events, std::vector<size_t>& retold,
                                std::vector<UnplacedEvent>& unplaced) {
    auto triggers = find_triggers(s, c.lex);
    if (triggers.empty()) return {};
    auto links = assign_links(triggers, find_links(s, c), s, c.lex);
    if (story_has_events) drop_told_deeds(triggers, links, s, c, retold);
    if (triggers.empty()) return {};
    explain_blasts(triggers, links);
    drop_reference_points(triggers, links);
    std::vector<size_t> placed;
    for (size_t t = 0; t < triggers.size(); ++t)
        if (!links[t].empty()) placed.push_back(t);
    std::vector<Found> out;
    SentenceReferents once;
    for (size_t t = 0; t < triggers.size(); ++t) {
        std::optional<Referent> referent;
        const auto& rule = triggers[t].rule;
        // "denied targeting civilians": the deed denied is one told before, not a new one.
        const bool denied_deed = preceded_by(s, triggers[t].first, 2, c.lex.denial_verbs);
        if (links[t].empty() && !rule.fallback && !denied_deed && (!rule.weak || verbal(s.words[triggers[t].last].lower)))
            referent = refer_placeless(triggers, links, placed, t, s, topic_from, c, once, unplaced);
        add_events_of(triggers[t], links[t], referent, s, c, out);
    }
    return out;
}

bool says_same_time(const Sentence& s, const Lexicon& lex) {
    for (size_t i = 0; i < s.words.size(); ++i)
        if (lex.same_time_phrases.match(s.words, i)) return true;
    return false;
}

// Drops background ("back in May") and dates the rest by the nearest date in the sentence, or by
// the last one given when the sentence says "at the time".
bool older_than_news(const DateMention& d, std::optional<Date> article_date, int history_days) {
    if (!article_date) return false;
    if (d.year_only) return d.date.year() < article_date->year();
    // "in late June": a month counts from its last day.
    const auto until = d.precision == 3 ? std::chrono::sys_days(std::chrono::year_month_day_last{d.date.year(), std::chrono::month_day_last{d.date.month()}})
                                        : std::chrono::sys_days(d.date);
    return (std::chrono::sys_days(*article_date) - until).count() > history_days;
}

// "has lived under a blockade since 2022", "displaced more than once since the war began": a state
// that has lasted since long before the news, not a deed the article reports.
// Each clause's first word that says so, or npos.
std::vector<size_t> ongoing_clauses(const Sentence& s, const std::vector<DateMention>& dates, const SentenceContext& c) {
    std::vector<size_t> out(s.clause_of.empty() ? 0 : s.clause_of.back() + 1, std::string::npos);
    const auto mark = [&](size_t word) { out[s.clause_of[word]] = std::min(out[s.clause_of[word]], word); };
    for (const auto& d : dates)
        if (d.since && older_than_news(d, c.context.article_date, c.lex.history_days)) mark(d.word);
    for (size_t i = 0; i < s.words.size(); ++i)
        if (c.lex.ongoing_since.match(s.words, i)) mark(i);
    return out;
}

// "sent forces into the buffer zone that has separated them since 1974": the deed lies before the
// relative clause that lasts, so it is news.
bool before_relative_clause(const Sentence& s, size_t deed, size_t since, const Lexicon& lex) {
    for (size_t k = deed + 1; k < since; ++k)
        if (lex.relative_pronouns.match(s.words, k) || lex.relative_openers.match(s.words, k)) return true;
    return false;
}

// Whether a word of a clause that tells a lasting state (`since`, its first word that says so, or
// npos) belongs to that state: a deed or a toll is, unless a relative clause opens after it.
bool in_lasting_part(const Sentence& s, size_t word, size_t since, const Lexicon& lex) {
    return since != std::string::npos && !(word < since && before_relative_clause(s, word, since, lex));
}

// Gives each clause's first word that makes it a lasting state (see ongoing_clauses).
std::vector<size_t> date_events(std::vector<Found>& found, const Sentence& s, State& state, const SentenceContext& c) {
    const auto article_date = c.context.article_date;
    const auto& lex = c.lex;
    std::vector<DateMention> dates = find_dates(s, article_date, lex);
    auto ongoing = ongoing_clauses(s, dates, c);
    std::erase_if(found, [&](const Found& f) {
        return in_lasting_part(s, f.word, ongoing[s.clause_of[f.word]], lex);
    });
    // The dateline's date dates the article, not the deeds of its lede.
    std::erase_if(dates, [&](const DateMention& d) { return d.since || s.words[d.word].start < c.dateline_end; });
    if (dates.empty() && state.last_date && says_same_time(s, lex)) dates.push_back({state.last_date->date, state.last_date->precision, 0, false});
    if (dates.empty()) return ongoing;
    state.last_date = dates.back();
    std::erase_if(found, [&](Found& f) {
        const auto* d = nearest(dates, f.word, [](const DateMention& x) { return x.word; });
        const bool old = older_than_news(*d, article_date, lex.history_days);
        // "has pushed into Maungdaw, after taking nearby Buthidaung in May": a past date in a later
        // clause is that clause's, not the news before it.
        if (old && d->word > f.word && s.clause_of[d->word] != s.clause_of[f.word]) return false;
        // "… after taking Buthidaung in May, and many residents of Sittwe have left": a clause
        // joined on with ", and" after the date is news of its own.
        if (old && d->word < f.word && joined_clause_between(s, d->word, f.word, lex.clause_joiners)) return false;
        f.event.date = d->date;
        f.event.time_precision = d->precision;
        return old;
    });
    return ongoing;
}

// "the army", "the rebels": an unnamed actor before the deed, in its clause, takes the side last
// named for its kind (a state's forces or an armed group).
// A place's country as an ISO 3166-1 code: Natural Earth gives Kashmir and other disputed land
// the code -1, which is no state's.
bool is_country_code(const std::string& country) {
    return country.size() == 2 && (std::isupper(static_cast<unsigned char>(country[0])) != 0) && (std::isupper(static_cast<unsigned char>(country[1])) != 0);
}

// "government forces had pulled back from the campus", "the army ordered residents to dig": a
// state's forces, in a story that names no state's side, are those of the state the deed is in.
std::string home_state(const Found& f, const Sentence& s, size_t at, const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    const bool of_state = lex.state_forces.match(s.words, at) || (at > 0 && lex.state_markers.match(s.words, at - 1));
    const std::string& country = event_place(f.event, mentions).country;
    return of_state && is_country_code(country) ? country : std::string();
}

void generic_actor(Found& f, const Sentence& s, std::string_view text, const State& state, const std::vector<parse::Mention>& mentions,
                   const Lexicon& lex) {
    for (size_t back = 1; back <= lex.windows.generic_actor && in_clause_window(s, f.word, back); ++back) {
        const size_t at = f.word - back;
        const bool group = lex.non_state_nouns.match(s.words, at).length > 0;
        if (!group && !lex.armed_nouns.match(s.words, at)) continue;
        const std::string side = group ? state.last_group_side : !state.last_state_side.empty() ? state.last_state_side : home_state(f, s, at, mentions, lex);
        if (side.empty()) {
            f.by_unnamed_group = group;
            return;
        }
        const size_t first = at > 0 && lex.definite_markers.match(s.words, at - 1) ? at - 1 : at;
        f.event.actor = slice(text, s.words, first, at);
        f.event.side = side;
        return;
    }
}

bool remote_fire(EventType t) { return t == EventType::Strike || t == EventType::Shelling; }

// A party that names a weapon ("Russian missiles", "Israeli jets") fires from afar.
bool fires(const Sentence& s, const Party& p, const Lexicon& lex) {
    for (size_t at = p.first; at <= p.last; ++at)
        if (const auto weapon = lex.weapons.match(s.words, at); weapon && remote_fire(*weapon.value)) return true;
    return false;
}

void count_group(const std::string& side, State& state) {
    auto& named = state.groups_named;
    const auto it = std::find_if(named.begin(), named.end(), [&](const auto& g) { return g.first == side; });
    if (it == named.end()) named.emplace_back(side, 1);
    else ++it->second;
}

void remember_sides(const std::vector<Party>& parties, const Sentence& s, State& state, const Lexicon& lex) {
    for (const auto& p : parties) {
        if (p.side.empty()) continue;
        if (is_state_side(p.side, lex)) {
            state.last_state_side = p.side;
        } else if (!lex.state_proxies.contains(p.side)) {
            state.last_group_side = p.side;
            count_group(p.side, state);
        }
        if (!fires(s, p, lex)) continue;
        state.last_fire_side = p.side;
        state.last_fire_actor = p.text;
    }
}

// "Monday's barrage of Russian missiles hit five cities. … Dnipro was also hit": a strike or
// shelling that names no side is the last named shooter's; one that does names the shooter.
void fire_side_by_context(std::vector<Found>& found, State& state) {
    for (auto& f : found) {
        if (!remote_fire(f.event.type)) continue;
        if (f.event.side.empty()) {
            f.event.side = state.last_fire_side;
            if (f.event.actor.empty()) f.event.actor = state.last_fire_actor;
        } else {
            state.last_fire_side = f.event.side;
            state.last_fire_actor = f.event.actor;
        }
    }
}

// "Burundian soldiers, sent to prop up Kinshasa's forces, pulled out": a party in a clause set
// off by commas right after another party, before the deed's own clause, is an aside.
bool in_aside(const Sentence& s, const Party& p, size_t deed, const std::vector<Party>& parties) {
    const size_t clause = s.clause_of[p.first];
    if (clause == s.clause_of[deed] || s.clause_of[p.last] != clause) return false;
    size_t start = p.first;
    while (start > 0 && s.clause_of[start - 1] == clause) --start;
    return std::any_of(parties.begin(), parties.end(), [&](const Party& o) { return o.last + 1 == start && s.words[o.last].comma_after; });
}

// "Sudzha was fully under Ukrainian control", "the town fell to Russian forces": who holds ground
// taken is named after the deed. Not "retaken from Russian troops", who lost it.
std::optional<Party> holder_after(const Sentence& s, std::string_view text, size_t deed, const std::vector<Party>& parties, const Lexicon& lex) {
    for (size_t at = deed + 1; at < s.words.size() && at <= deed + lex.windows.holder && s.clause_of[at] == s.clause_of[deed]; ++at) {
        // Only after "to", "under", "by", "of": the RSF in "drove the RSF out of Khartoum" lost it.
        const bool after_holder_word = lex.holder_prepositions.match(s.words, at - 1) ||
                                       (lex.articles.match(s.words, at - 1) && lex.holder_prepositions.match(s.words, at - 2));
        if (!after_holder_word) continue;
        for (const auto& p : parties)
            if (p.first == at) return p;
        // A demonym names a side by itself before "control" or "hands".
        const auto side = lex.sides.match(s.words, at);
        if (side && at + side.length < s.words.size() && lex.holder_nouns.match(s.words, at + side.length))
            return Party{at, at + side.length - 1, slice(text, s.words, at, at + side.length - 1), *side.value};
    }
    return std::nullopt;
}

// "Russia's defence ministry said six missiles had been fired at Bryansk", "the militia said drones
// had hit its headquarters": who says a passive deed was done, or a weapon did it, is not who did
// it; "the army said it was pulling back" tells its own.
bool speaks_of_passive_deed(const Sentence& s, const Party& p, size_t deed, const Lexicon& lex) {
    // "said drones had hit", not "said its drones had hit", where the speaker names its own.
    bool by_weapon = false;
    for (size_t back = 1; back <= 3 && in_clause_window(s, deed, back); ++back) {
        const size_t w = deed - back;
        if (lex.weapons.match(s.words, w) && w > 0 && !lex.possessive_pronouns.match(s.words, w - 1) &&
            !lex.sides.match(s.words, w - 1))
            by_weapon = true;
    }
    if (!preceded_by(s, deed, 2, lex.passive_markers) && !by_weapon) return false;
    bool other_subject = false;  // of the last verb of saying before the deed
    for (size_t at = p.last + 1; at < deed; ++at) {
        const size_t verb = lex.attribution_verbs.match(s.words, at).length;
        if (verb == 0U) continue;
        size_t subject = at + verb;
        if (subject < deed && lex.complementizers.match(s.words, subject)) ++subject;
        other_subject = subject < deed && !lex.speaker_pronouns.contains(s.words[subject].lower);
    }
    return other_subject;
}

// "in what the Ukrainian air force called the largest aerial assault": who names the deed is not
// who did it.
bool names_the_deed(const Sentence& s, const Party& p, size_t deed, const Lexicon& lex) {
    return p.last + 1 < deed && lex.naming_verbs.match(s.words, p.last + 1);
}

// The last party named before the deed at `word` that acts in it.
const Party* acting_party(const Sentence& s, size_t word, const std::vector<Party>& parties, const Lexicon& lex) {
    const Party* best = nullptr;
    for (const auto& p : parties) {
        const bool acts = p.first < word && !in_aside(s, p, word, parties) && !speaks_of_passive_deed(s, p, word, lex) &&
                          !names_the_deed(s, p, word, lex);
        if (acts && (!best || p.last > best->last)) best = &p;
    }
    return best;
}

// The agent of a passive deed: "was shelled by Russian forces"; not "Aleppo fell, followed by
// Hama", where nobody is said to act.
const Party* passive_agent(const Sentence& s, size_t word, const std::vector<Party>& parties, const Lexicon& lex) {
    if (!preceded_by(s, word, 2, lex.passive_markers)) return nullptr;
    for (const auto& p : parties)
        if (p.first > word + 1 && s.words[p.first - 1].lower == "by") return &p;
    return nullptr;
}

void acted_by(Found& f, const Party& doer, const Sentence& s, std::string_view text, const State& state) {
    // "Kyiv's forces advance": the actor is named up to the deed, not with it.
    f.event.actor = doer.last >= f.word && f.word > doer.first ? slice(text, s.words, doer.first, f.word - 1) : doer.text;
    f.event.side = doer.unnamed_group ? state.last_group_side : doer.side;
    f.by_unnamed_group = doer.unnamed_group && f.event.side.empty();
}

void assign_actors(std::vector<Found>& found, const std::vector<Party>& parties, const Sentence& s, std::string_view text, const State& state,
                   const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    for (auto& f : found) {
        const Party* best = acting_party(s, f.word, parties, lex);
        std::optional<Party> holder;
        // Else the agent of a passive deed.
        if (!best) best = passive_agent(s, f.word, parties, lex);
        if ((best == nullptr) && territorial_gain(f.event.type) && (holder = holder_after(s, text, f.word, parties, lex))) best = &*holder;
        if (best)
            acted_by(f, *best, s, text, state);
        else
            generic_actor(f, s, text, state, mentions, lex);
    }
}

bool territorial(EventType t);

// "struck Pakistan, hitting two bases in Balochistan": an area event gives way to an event of the
// same type in the same sentence at a place inside it. Ground taken is told both ways: "raised
// their flag over Izium after a counter-offensive drove Russian forces out of the Kharkiv region"
// hatches the region and marks the town.
void drop_held_areas(std::vector<Found>& found, const std::vector<parse::Mention>& mentions) {
    std::vector<bool> drop(found.size());
    for (size_t i = 0; i < found.size(); ++i) {
        if (point_type(event_place(found[i].event, mentions).type)) continue;  // only areas hold places
        if (territorial(found[i].event.type)) continue;
        for (size_t j = 0; j < found.size(); ++j) {
            if (i == j || found[i].event.type != found[j].event.type) continue;
            const auto& area = event_place(found[i].event, mentions);
            const auto& inner = event_place(found[j].event, mentions);
            if (contains(area, inner) && !contains(inner, area)) drop[i] = true;
        }
    }
    size_t k = 0;
    std::erase_if(found, [&](const Found&) { return drop[k++]; });
}

// A state that takes a place in its own territory takes it back (ACLED: "government regains
// territory"): "Ukrainian troops raised their flag over Izium" is a recapture.
// "its troops had liberated Kurakhove", "drove Ukrainian forces out of Vuhledar": a state that frees
// or clears a town in another state's land takes it; only "retook" or "regained" say it held it before.
void taken_abroad(Found& f, const Sentence& s, const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    if (f.event.type != EventType::Recapture || !is_state_side(f.event.side, lex) || !lex.liberation_words.match(s.words, f.word)) return;
    const std::string& country = event_place(f.event, mentions).country;
    if (is_country_code(country) && country != f.event.side) f.event.type = EventType::Capture;
}

void retaken_by_its_state(Event& e, const std::vector<parse::Mention>& mentions) {
    if (e.type != EventType::Capture || !is_state_side(e.side)) return;
    if (e.side == event_place(e, mentions).country) e.type = EventType::Recapture;
}

bool territorial(EventType t) {
    return t == EventType::Capture || t == EventType::Recapture || t == EventType::Advance || t == EventType::Withdrawal || t == EventType::Evacuation;
}

// People who leave are not a toll's dead or wounded: "30 people had died and 400,000 had been
// forced from their homes" tells the flood's toll.
bool bears_casualties(EventType t) { return t != EventType::Evacuation; }

// A tally told after its deed ("Militia officials said three men died") may also be the whole of
// one told with it as a single victim ("killed a senior commander"): with `retold`, a larger
// number replaces a lone victim.
// The event nearest the count (the first when `words` is empty) of those it can count; null when none.
Event* counted_event(const std::vector<Event*>& targets, const std::vector<size_t>& words, const Count& c) {
    const auto fits = [&](const Event* t) { return c.kind == CountKind::Places || bears_casualties(t->type); };
    Event* e = nullptr;
    size_t best = SIZE_MAX;
    for (size_t i = 0; i < targets.size(); ++i) {
        if (!fits(targets[i])) continue;
        const size_t d = words.empty() ? 0 : distance(words[i], c.word);
        if (!e || d < best) {
            best = d;
            e = targets[i];
        }
    }
    return e;
}

void apply_counts(std::vector<Event*>& targets, const std::vector<size_t>& words, std::vector<Count> counts, bool retold = false) {
    std::stable_sort(counts.begin(), counts.end(), [](const Count& a, const Count& b) { return static_cast<int>(a.strong) > static_cast<int>(b.strong); });
    for (const auto& c : counts) {
        Event* e = counted_event(targets, words, c);
        if (!e) continue;
        auto& slot = c.kind == CountKind::Killed ? e->killed : c.kind == CountKind::Wounded ? e->wounded : e->places;
        // "air raids hit four places", "flights over several cities were suspended": only ground
        // taken, lost or left is counted in places.
        const bool supersedes = retold && slot == 1 && c.value > 1 && c.kind != CountKind::Places;
        if ((slot && !supersedes) || (c.kind == CountKind::Places && !territorial(e->type))) continue;
        slot = c.value;
        e->approximate_count = e->approximate_count || c.approximate;
    }
}



std::string ascii_lower(std::string text) {
    for (char& ch : text) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return text;
}

// "The group said the army had abandoned positions, but the ministry dismissed such reports": the
// claim a denial answers is told in its own sentence, by somebody else, before it or as its object.
bool answers_claim_here(const Attribution& denial, const std::vector<Attribution>& attributions) {
    // A claim told before the denial, or the claim it denies ("rejected a claim by the RSF that…").
    return std::any_of(attributions.begin(), attributions.end(), [&](const Attribution& a) {
        // "Ukraine's General Staff denied the claim, saying fighting went on": the denier's own side
        // tells no claim for it to answer.
        const bool same_side = !a.who.side.empty() && a.who.side == denial.who.side;
        return !a.denial && (a.verb < denial.verb || a.verb <= denial.verb + 3) && a.who.text != denial.who.text && !same_side;
    });
}

// Who an attribution names and their side: "it" or "they" stands for the last claimant named;
// nullopt when there is none yet.
struct Claimant {
    std::string who, side;
    bool pronoun = false;
};
std::optional<Claimant> claimant_of(const Attribution& a, const State& state, const Lexicon& lex) {
    if (!lex.speaker_pronouns.contains(ascii_lower(a.who.text))) return Claimant{a.who.text, a.who.side, false};
    if (state.last_claimant.empty()) return std::nullopt;
    return Claimant{state.last_claimant, state.last_claimant_side, true};
}

// What the attribution `a`, by `who` of `side`, says of one event: that it denies it, or, for the
// sentence's own events, claims it.
void attribute_event(Event& e, const Attribution& a, const std::string& who, const std::string& side, bool own_events) {
    if (a.denial) {
        // Nobody denies what they themselves are telling.
        if (e.denied_by.empty() && e.claimed_by != who) {
            e.denied_by = who;
            e.denied_side = side;
        }
    } else if (own_events && e.claimed_by.empty()) {
        e.claimed_by = who;
        e.claimed_side = side;
        // "Kyiv said it had retaken…": a side that reports its own gains is their actor.
        if (e.side.empty() && !a.who.side.empty() &&
            (e.type == EventType::Advance || e.type == EventType::Capture || e.type == EventType::Recapture)) {
            e.side = a.who.side;
            e.actor = who;
        }
    }
}

void attribute(std::vector<Event*>& targets, const std::vector<Attribution>& attributions, State& state, bool own_events, const Lexicon& lex) {
    for (const auto& a : attributions) {
        const auto named = claimant_of(a, state, lex);
        if (!named) continue;
        const std::string who = named->who;
        const std::string side = named->side;
        if (!named->pronoun && !a.denial) {
            state.last_claimant = who;
            state.last_claimant_side = side;
        }
        // "rejected the charge" answers an earlier claim, carried separately.
        if (own_events && a.of_claim && !answers_claim_here(a, attributions)) continue;
        for (Event* e : targets) attribute_event(*e, a, who, side, own_events);
    }
}

bool is_violent(EventType t) {
    return t == EventType::Strike || t == EventType::Shelling || t == EventType::Attack || t == EventType::Explosion ||
           t == EventType::Flooding || t == EventType::Other;
}

// Tallies and denials in a sentence with no event of its own belong to an event told shortly
// before: a tally to the last violent one, a denial to the last one the denier's side is said to
// have done, else to the last one somebody claimed.
Event* carried_target(State& state, size_t sentence, size_t reach, const std::function<bool(const Event&)>& fits) {
    Event* best = nullptr;
    size_t best_told = 0;
    for (size_t i = 0; i < state.events.size(); ++i) {
        if (state.sentence_of[i] == sentence) continue;  // this sentence's own events are not carried to
        const size_t told = state.last_told_in[i];
        if (told > sentence || sentence - told > reach || !fits(state.events[i])) continue;
        if (!best || told >= best_told) {
            best = &state.events[i];
            best_told = told;
        }
    }
    return best;
}

// A denial answers the last deed of the denier's side, else the last claim; every event that
// claim reported ("missiles struck Jammu and Pathankot") is denied with it.
void carry_denial(const Attribution& a, size_t index, State& state, const Lexicon& lex) {
    {
        // "rejected the RSF's account": the last deed that side did or claimed.
        Event* e = a.claim_of.empty() ? nullptr : carried_target(state, index, lex.carry_sentences_denials, [&](const Event& x) {
            return x.side == a.claim_of || x.claimed_side == a.claim_of;
        });
        if (!e) e = carried_target(state, index, lex.carry_sentences_denials, [&](const Event& x) { return !a.who.side.empty() && x.side == a.who.side; });
        if (!e) e = carried_target(state, index, lex.carry_sentences_denials, [](const Event& x) { return !x.claimed_by.empty(); });
        if (!e) return;
        const size_t sentence = state.sentence_of[static_cast<size_t>(e - state.events.data())];
        std::vector<Event*> targets;
        for (size_t i = 0; i < state.events.size(); ++i)
            if (state.sentence_of[i] == sentence && state.events[i].claimed_by == e->claimed_by) targets.push_back(&state.events[i]);
        attribute(targets, {a}, state, false, lex);
    }
}

// "… a wall of water tore through its centre. The Red Crescent said 11,300 people had died": who
// gives the toll of a deed the article tells as fact claims it.
// A blame ("and blamed the RSF") is left to carry_blame, which names the doer too.
void claim_toll(Event& e, const std::vector<Count>& counts, const std::vector<Attribution>& attributions, const Sentence& s, const State& state,
                const Lexicon& lex) {
    if (counts.empty() || !e.claimed_by.empty()) return;
    for (const auto& a : attributions) {
        if (a.denial || lex.blame_verbs.match(s.words, a.verb)) continue;
        const auto named = claimant_of(a, state, lex);
        if (!named) continue;
        e.claimed_by = named->who;
        e.claimed_side = named->side;
        if (e.status == Status::Reported) e.status = Status::Claimed;
        return;
    }
}

// Gives the index of the event that took the tally, if (one) did.
// A toll with no deed of its own to take it goes to the last deadly deed told just before.
std::optional<size_t> carry_toll(const std::vector<Count>& counts, size_t index, State& state, const Lexicon& lex) {
    // "A third woman then blew herself up… Police gave a toll of eight dead": after a series of
    // deeds a tally is the series' whole toll, not its last one's; no one deed takes it.
    Event* e = carried_target(state, index, lex.carry_sentences_counts, [](const Event& x) { return is_violent(x.type); });
    if (!e || e->another) return std::nullopt;
    std::vector<Event*> targets{e};
    apply_counts(targets, {}, counts, true);
    return static_cast<size_t>(e - state.events.data());
}

std::optional<size_t> carry(const std::vector<Count>& counts, const std::vector<Attribution>& attributions, size_t index, State& state,
                            const Lexicon& lex) {
    const auto took = carry_toll(counts, index, state, lex);
    for (const auto& a : attributions) {
        if (!a.denial) continue;
        carry_denial(a, index, state, lex);
    }
    return took;
}

// "A drone struck a funeral tent in al-Luweib, killing at least 40 … State officials blamed the
// RSF": a blame told right after a deadly deed, in a sentence with none of its own, is that deed's
// claim and names its doer.
void carry_blame(const std::vector<Attribution>& attributions, const std::vector<Party>& parties, const Sentence& s, size_t index, State& state,
                 const Lexicon& lex) {
    for (const auto& a : attributions) {
        if (a.denial || !lex.blame_verbs.match(s.words, a.verb)) continue;
        // Blame follows a toll ("killing at least 40 mourners"); after a deed with none it may
        // well be about an earlier one, and a denial that follows answers that.
        Event* e = carried_target(state, index, 1, [](const Event& x) { return is_violent(x.type) && x.claimed_by.empty() && (x.killed || x.wounded); });
        if (!e) return;
        e->claimed_by = a.who.text;
        e->claimed_side = a.who.side;
        if (e->status == Status::Reported) e->status = Status::Claimed;
        const auto blamed = std::find_if(parties.begin(), parties.end(), [&](const Party& p) { return p.first > a.verb && p.first <= a.verb + 3 && !p.side.empty(); });
        if (blamed != parties.end() && e->side.empty()) {
            e->side = blamed->side;
            e->actor = blamed->text;
        }
        return;
    }
}

// "Cambodian rockets landed inside Thailand. The deadliest of them hit a petrol station": a hit
// whose sentence names no weapon is made by the weapon of the strike or shelling just told, or by
// the flood ("about 70 villages had been hit").
bool hit_by_last_weapon(const Found& f, std::optional<EventType> last, bool last_just_told) {
    return f.unarmed && last_just_told && (last == EventType::Strike || last == EventType::Shelling || last == EventType::Flooding);
}

// A story whose every deadly deed so far is a flood: "the roads into Derna are badly damaged" there
// tells of the water, however far back it was last told.
bool flood_story(const State& state) {
    const auto deadly = [](const Event& e) { return is_violent(e.type); };
    return std::any_of(state.events.begin(), state.events.end(), deadly) &&
           std::all_of(state.events.begin(), state.events.end(), [&](const Event& e) { return !deadly(e) || e.type == EventType::Flooding; });
}

// "Explosions were also reported in Lviv" after missiles struck Kyiv: the same wave's strikes.
void type_by_context(std::vector<Found>& found, const Sentence& s, size_t index, const State& state, const Lexicon& lex) {
    const bool floods = flood_story(state);
    std::optional<EventType> last;
    if (!state.events.empty()) last = state.events.back().type;
    bool last_just_told = !state.events.empty() && state.sentence_of.back() + 1 >= index;
    for (size_t k = 0; k < found.size(); ++k) {
        auto& f = found[k];
        const auto m = lex.context_typed.match(s.words, f.word);
        // "11,300 people had died in the city", after the dams gave way: a toll with no doer is
        // the last event's, whatever its kind and however long ago it was told.
        // Nobody dies of an evacuation: "at least 20 people had died" after "the air force began
        // evacuating people" is the toll of the flood before it.
        const auto harmful = std::find_if(state.events.rbegin(), state.events.rend(), [](const Event& e) { return bears_casualties(e.type); });
        const bool agentless_toll = f.tally && harmful != state.events.rend() && lex.agentless_deaths.match(s.words, f.word);
        if (agentless_toll && last && !bears_casualties(*last)) {
            f.event.type = harmful->type;
            f.after_told = static_cast<size_t>(state.events.rend() - harmful) - 1;
        } else if (f.unarmed && floods && !hit_by_last_weapon(f, last, last_just_told)) {
            f.event.type = EventType::Flooding;
        } else if (hit_by_last_weapon(f, last, last_just_told) || agentless_toll || (m && last == *m.value)) {
            f.event.type = *last;
            if (k > 0) f.after_found = k - 1;
            else f.after_told = state.events.size() - 1;
        }
        last = f.event.type;
        last_just_told = true;
    }
}

void actor_by_context(std::vector<Found>& found, const State& state) {
    for (auto& f : found) {
        if (!f.event.side.empty()) continue;
        const Event* before = f.after_found ? &found[*f.after_found].event : f.after_told ? &state.events[*f.after_told] : nullptr;
        if (!before) continue;
        f.event.actor = before->actor;
        f.event.side = before->side;
    }
}

// "One person was killed at the port and three at the cement plant": a tally at a place whose
// deed was told before is that deed's, not a new attack. Gives the indices of those deeds in
// state.events (the vector grows later: no pointers kept) and the words of the folded triggers.
void fold_tallies_into_told(std::vector<Found>& found, size_t sentence, State& state, const SentenceContext& c,
                            std::vector<size_t>& told, std::vector<size_t>& words) {
    const auto& mentions = c.mentions;
    std::erase_if(found, [&](const Found& f) {
        if (!f.tally || f.event.area) return false;
        const auto& place = *mentions[f.event.where].place;
        const Event* e = carried_target(state, sentence, c.lex.carry_sentences_counts, [&](const Event& x) {
            return !x.area && is_violent(x.type) && mentions[x.where].place->id == place.id;
        });
        if (!e) return false;
        told.push_back(static_cast<size_t>(e - state.events.data()));
        words.push_back(f.word);
        return true;
    });
}

// Pointers taken only now: state.events may have grown since the indices were.
void apply_counts_at(State& state, const std::vector<size_t>& indices, const std::vector<size_t>& words, const std::vector<Count>& counts) {
    std::vector<Event*> targets;
    targets.reserve(indices.size());
    for (size_t i : indices) targets.push_back(&state.events[i]);
    apply_counts(targets, words, counts);
}

// The side a speaker names: its own, or the story's armed group for "the group" or "the rebels".
std::string speaker_side(const Party& who, const Sentence& s, const State& state, const Lexicon& lex) {
    if (!who.side.empty()) return who.side;
    for (size_t w = who.first; w <= who.last && w < s.words.size(); ++w)
        if (lex.non_state_nouns.match(s.words, w) || lex.group_nouns.match(s.words, w)) return state.last_group_side;
    return {};
}

// "The group said it had taken full control of Laukkai", "Ukraine said its forces had struck the
// ship": a pronoun right after the saying stands for the speaker, who did the deed.
void speaker_acts(std::vector<Found>& found, const std::vector<Attribution>& attributions, const Sentence& s, const State& state, const Lexicon& lex) {
    for (auto& f : found) {
        if (!f.event.side.empty()) continue;
        for (const auto& a : attributions) {
            if (a.denial || a.verb >= f.word) continue;
            // "said on Friday that it had captured": a few words of time may come between.
            size_t p = a.verb + 1;
            while (p < f.word && p <= a.verb + lex.windows.said_pronoun && !lex.deed_pronouns.match(s.words, p)) ++p;
            if (p >= f.word || !lex.deed_pronouns.match(s.words, p) || f.word - p > lex.windows.party_words) continue;
            if (commas_between(s, p, f.word) > 0) continue;
            if (const auto side = speaker_side(a.who, s, state, lex); !side.empty()) {
                f.event.side = side;
                f.event.actor = a.who.text;
            }
            break;
        }
    }
}

// A deed the gazetteer cannot place is kept once per kind and name.
void keep_unplaced(std::vector<UnplacedEvent>& unplaced, State& state) {
    for (auto& u : unplaced)
        if (std::none_of(state.unplaced.begin(), state.unplaced.end(), [&](const UnplacedEvent& o) { return o.type == u.type && o.place == u.place; }))
            state.unplaced.push_back(std::move(u));
}

// A sentence that tells no new deed: its toll and its claims are those of the deeds it tells
// again, or carry over to the story's last one.
void read_without_deeds(std::vector<size_t>& told, const std::vector<size_t>& told_words, const std::vector<Count>& counts,
                        const std::vector<Attribution>& attributions, const std::vector<Party>& parties, const Sentence& s, size_t index,
                        State& state, const SentenceContext& c) {
    if (told.empty()) {
        if (const auto took = carry(counts, attributions, index, state, c.lex)) told.push_back(*took);
        carry_blame(attributions, parties, s, index, state, c.lex);
    } else {
        apply_counts_at(state, told, told_words, counts);
    }
    // After the blame, which names the doer as well as the claimant.
    for (size_t i : told) claim_toll(state.events[i], counts, attributions, s, state, c.lex);
    remember_sides(parties, s, state, c.lex);
}

// Who did each deed of the sentence, and whose ground it was.
void settle_doers(std::vector<Found>& found, const std::vector<Party>& parties, const std::vector<Attribution>& attributions,
                  const Sentence& s, State& state, const SentenceContext& c) {
    assign_actors(found, parties, s, c.text, state, c.mentions, c.lex);
    actor_by_context(found, state);
    speaker_acts(found, attributions, s, state, c.lex);
    remember_sides(parties, s, state, c.lex);
    fire_side_by_context(found, state);
    for (auto& f : found) {
        retaken_by_its_state(f.event, c.mentions);
        taken_abroad(f, s, c.mentions, c.lex);
    }
    drop_held_areas(found, c.mentions);
}

// Adds the sentence's events to the story; gives the words their triggers start at.
std::vector<size_t> record_events(std::vector<Found>& found, size_t index, State& state) {
    std::vector<size_t> words;
    for (auto& f : found) {
        words.push_back(f.word);
        if (f.by_unnamed_group && f.event.side.empty()) state.by_unnamed_group.push_back(state.events.size());
        state.events.push_back(std::move(f.event));
        state.sentence_of.push_back(index);
        state.last_told_in.push_back(index);
    }
    return words;
}

// The sentence's tolls, claims, denials and confirmations, given to its new events (`targets`,
// whose triggers are at `words`) and to those it tells again (`told`).
void tally_and_attribute(std::vector<Event*>& targets, const std::vector<size_t>& words, const std::vector<size_t>& told,
                         const std::vector<size_t>& told_words, const std::vector<Count>& counts,
                         const std::vector<Attribution>& attributions, const Sentence& s, size_t index, State& state,
                         const SentenceContext& c) {
    apply_counts(targets, words, counts);
    if (!told.empty()) apply_counts_at(state, told, told_words, counts);
    const bool toll_taken = !told.empty() || std::any_of(targets.begin(), targets.end(), [](const Event* e) { return bears_casualties(e->type); });
    if (!toll_taken) carry_toll(counts, index, state, c.lex);
    attribute(targets, attributions, state, true, c.lex);
    for (const auto& a : attributions)
        if (a.denial && a.of_claim && !answers_claim_here(a, attributions)) carry_denial(a, index, state, c.lex);
    for (size_t i = 0; i < s.words.size(); ++i)
        if (c.lex.confirmation_phrases.match(s.words, i))
            for (Event* e : targets) e->status = Status::Confirmed;
}

void read_sentence(const SentenceContext& c, const Sentence& s, size_t index, size_t topic_from, State& state) {
    // "The war, which began in Khartoum…, has killed more than 9,000 people and driven six million
    // from their homes": what the whole war has done is no deed of the news.
    if (c.lex.war_subjects.match(s.words, 0)) {
        remember_sides(find_sides(c.text, s, c.mentions, c.lex), s, state, c.lex);
        return;
    }
    std::vector<size_t> retold;
    std::vector<UnplacedEvent> unplaced;
    auto found = place_events(s, topic_from, c, !state.events.empty(), retold, unplaced);
    keep_unplaced(unplaced, state);
    for (size_t i : retold) state.last_told_in[i] = index;
    // Folded before anything indexes `found` (type_by_context keeps indices into it).
    std::vector<size_t> told;
    std::vector<size_t> told_words;
    fold_tallies_into_told(found, index, state, c, told, told_words);
    type_by_context(found, s, index, state, c.lex);
    const auto ongoing = date_events(found, s, state, c);
    const auto attributions = find_attributions(c.text, s, c.mentions, c.lex);
    auto counts = find_counts(c.text, s, c.lex);
    // "More than 6,600 civilians have been killed since the coup": a toll of the whole war is no deed's.
    std::erase_if(counts, [&](const Count& n) { return in_lasting_part(s, n.word, ongoing[s.clause_of[n.word]], c.lex); });
    const auto parties = find_sides(c.text, s, c.mentions, c.lex);
    if (found.empty()) {
        read_without_deeds(told, told_words, counts, attributions, parties, s, index, state, c);
        return;
    }
    settle_doers(found, parties, attributions, s, state, c);
    const size_t begin = state.events.size();
    const auto words = record_events(found, index, state);
    std::vector<Event*> targets;
    for (size_t i = begin; i < state.events.size(); ++i) targets.push_back(&state.events[i]);
    tally_and_attribute(targets, words, told, told_words, counts, attributions, s, index, state, c);
}

// One place under two gazetteer entries ("Zaporizhzhia" twice, resolved apart) is one place; two
// towns of different names are two however close ("Chiva" and "Paiporta", 20 km apart).
bool same_place(const gazetteer::Place& a, const gazetteer::Place& b, double within_km) {
    if (a.id == b.id) return true;
    return proj::geodesic_km(a.lon, a.lat, b.lon, b.lat) < within_km && a.type == b.type && a.name == b.name;
}

template <typename T>
void fill(T& into, const T& from) {
    if (!into) into = from;
}

void absorb(Event& into, const Event& from) {
    fill(into.toward, from.toward);
    fill(into.from, from.from);
    fill(into.along, from.along);
    fill(into.killed, from.killed);
    fill(into.wounded, from.wounded);
    fill(into.places, from.places);
    fill(into.date, from.date);
    if (into.time_precision == 0) into.time_precision = from.time_precision;
    if (into.side.empty()) {
        into.side = from.side;
        into.actor = from.actor;
    }
    if (into.claimed_by.empty()) into.claimed_by = from.claimed_by;
    if (into.denied_by.empty()) into.denied_by = from.denied_by;
    if (into.claimed_side.empty()) into.claimed_side = from.claimed_side;
    if (into.denied_side.empty()) into.denied_side = from.denied_side;
    if (from.status == Status::Confirmed) into.status = Status::Confirmed;
    into.confidence = std::max(into.confidence, from.confidence);
}

// "air strikes in eastern Afghanistan killed 46" and "the raids hit four places in Paktika": a deed
// told across a whole country or region, where the story also places one of its kind inside it,
// is that deed told less precisely. Not ground taken or left: "drove Russian forces out of most of
// the Kharkiv region" hatches the region beside the towns retaken in it.
void fold_areas_into_points(std::vector<Event>& events, const std::vector<parse::Mention>& mentions) {
    std::vector<bool> folded(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        const auto& area = event_place(events[i], mentions);
        if (point_type(area.type) || events[i].places || territorial(events[i].type)) continue;
        for (size_t j = 0; j < events.size(); ++j) {
            if (i == j || folded[j] || events[j].type != events[i].type) continue;
            const bool same_day = !events[i].date || !events[j].date || *events[i].date == *events[j].date;
            const auto& inner = event_place(events[j], mentions);
            // Burundi's troops leaving South Kivu and Congo's leaving Uvira are two deeds.
            const bool same_side = events[i].side.empty() || events[i].side == events[j].side;
            if (!same_day || !same_side || !point_type(inner.type) || !contains(area, inner)) continue;
            folded[i] = true;
            break;
        }
    }
    size_t k = 0;
    std::erase_if(events, [&](const Event&) { return folded[k++]; });
}

// "Rebels said they had entered Homs. The defence ministry denied that the army had pulled out of
// Homs": ground taken and ground given up at one place are one fact told from two sides, so a
// denial of either denies the other, unless the denier itself is the one who told it.
void deny_counterparts(std::vector<Event>& events, const std::vector<parse::Mention>& mentions, double within_km) {
    for (const Event& denied : events) {
        const bool gained = territorial_gain(denied.type);
        if (denied.denied_by.empty() || !(gained || denied.type == EventType::Withdrawal)) continue;
        for (Event& other : events) {
            const bool counterpart = gained ? other.type == EventType::Withdrawal : territorial_gain(other.type);
            if (!counterpart || !other.denied_by.empty() || other.claimed_by == denied.denied_by) continue;
            if (!denied.denied_side.empty() && other.claimed_side == denied.denied_side) continue;
            if (!same_place(event_place(other, mentions), event_place(denied, mentions), within_km)) continue;
            other.denied_by = denied.denied_by;
            other.denied_side = denied.denied_side;
        }
    }
}

// The same event told twice (a lede, then its detail) is one event.
std::vector<Event> merge(State state, const std::vector<parse::Mention>& mentions, const Lexicon& lex) {
    std::vector<Event> out;
    std::vector<size_t> out_sentence;  // the sentence each kept event was first told in
    const auto retelling = [&](const Event& o, size_t told, const Event& e, size_t retold) {
        // Strikes on Kyiv on Monday and on Thursday are two events. A deed with no date of its
        // own is a dated one only when told a sentence or two after it (a lede, then its
        // detail); further on, it is as likely another day's.
        const bool close = (retold > told ? retold - told : told - retold) <= lex.retold_within_sentences;
        const bool same_day = (o.date && e.date) ? *o.date == *e.date : (!o.date && !e.date) || close;
        // "missiles hit Tel Aviv and Ramat Gan": two places one sentence names are two deeds.
        const bool listed_apart = told == retold && event_place(o, mentions).id != event_place(e, mentions).id;
        return o.type == e.type && same_day && !e.another && !listed_apart &&
               same_place(event_place(o, mentions), event_place(e, mentions), lex.same_place_km);
    };
    for (size_t k = 0; k < state.events.size(); ++k) {
        auto& e = state.events[k];
        const size_t sentence = state.sentence_of[k];
        size_t same = 0;
        while (same < out.size() && !retelling(out[same], out_sentence[same], e, sentence)) ++same;
        if (same == out.size()) {
            out.push_back(std::move(e));
            out_sentence.push_back(sentence);
        } else {
            absorb(out[same], e);
        }
    }
    fold_areas_into_points(out, mentions);
    deny_counterparts(out, mentions, lex.same_place_km);
    for (auto& e : out) {
        if (!e.denied_by.empty())
            e.status = Status::Denied;
        else if (e.status != Status::Confirmed && !e.claimed_by.empty())
            e.status = Status::Claimed;
    }
    return out;
}

}  // namespace

const char* to_string(EventType type) {
    static constexpr auto kNames = std::to_array<const char*>({"advance", "capture", "recapture", "withdrawal", "strike", "shelling",
                                                               "attack", "explosion", "evacuation", "flooding", "fortification", "other"});
    return kNames[static_cast<size_t>(type)];
}

std::optional<EventType> event_type_from_string(std::string_view text) {
    for (int i = 0; i < kEventTypeCount; ++i)
        if (text == to_string(static_cast<EventType>(i))) return static_cast<EventType>(i);
    return std::nullopt;
}

const char* to_string(Status status) {
    static constexpr auto kNames = std::to_array<const char*>({"reported", "claimed", "denied", "confirmed"});
    return kNames[static_cast<size_t>(status)];
}

// The dash that ends a dateline ("KYIV, Ukraine, Oct. 21 —"), or 0 when the article has none.
size_t dateline_end(std::string_view text, const std::vector<parse::Mention>& mentions) {
    const auto city = std::find_if(mentions.begin(), mentions.end(), [](const parse::Mention& m) { return m.dateline; });
    if (city == mentions.end()) return 0;
    const size_t dash = std::min({text.find("\u2014", city->end), text.find("\u2013", city->end), text.find(" - ", city->end)});
    constexpr size_t kLongestDatelineTail = 60;  // ", Democratic Republic of Congo, Oct. 21, 2022"
    return dash == std::string_view::npos || dash > city->end + kLongestDatelineTail ? 0 : dash;
}

// "PORT SUDAN, Sudan —": the names after a dateline's city, up to its dash, are the dateline too.
std::vector<parse::Mention> with_whole_dateline(std::string_view text, const std::vector<parse::Mention>& mentions) {
    std::vector<parse::Mention> out = mentions;
    // "BEIRUT — …": a capitalised name opening the article is a dateline even with no comma after it.
    if (!out.empty() && out.front().start == 0 && !out.front().text.empty() &&
        std::none_of(out.front().text.begin(), out.front().text.end(), [](unsigned char ch) { return std::islower(ch); }))
        out.front().dateline = true;
    const size_t dash = dateline_end(text, out);
    const auto city = std::find_if(out.begin(), out.end(), [](const parse::Mention& m) { return m.dateline; });
    for (auto it = city; it != out.end() && it->start < dash; ++it) it->dateline = true;
    return out;
}

// "Syrian rebels said their fighters had entered Homs. … the leader of Hayat Tahrir al-Sham said":
// rebels the story names no group for before are the group it names most.
// "the town of Adan Yabaal", "the village of Shasha": a settlement named by a capitalised word that
// is no located place.
std::vector<size_t> unknown_towns(const std::vector<Sentence>& sentences, const Lexicon& lex) {
    std::vector<size_t> out;
    for (const auto& s : sentences)
        for (size_t k = 0; k + 2 < s.words.size(); ++k) {
            const Word& name = s.words[k + 2];
            if (lex.unnamed_town_nouns.match(s.words, k) && s.words[k + 1].lower == "of" && name.capitalised && !name.located)
                out.push_back(name.start);
        }
    return out;
}

void give_rebels_the_story_group(State& state) {
    if (state.groups_named.empty()) return;
    const auto main = std::max_element(state.groups_named.begin(), state.groups_named.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    for (size_t i : state.by_unnamed_group)
        if (state.events[i].side.empty()) state.events[i].side = main->first;
    // "a suicide bomber blew himself up at the hotel entrance": a bombing nobody is named for is
    // the work of the armed group the story is about, when it names that group more than once.
    for (auto& e : state.events)
        if (e.type == EventType::Explosion && e.side.empty() && main->second >= 2) e.side = main->first;
}

std::vector<Event> extract(std::string_view text, const std::vector<parse::Mention>& parsed, const Context& context, const Lexicon& lex) {
    return extract(text, parse::tokenize(text), parsed, context, lex);
}

std::vector<Event> extract(std::string_view text, const std::vector<parse::Token>& tokens, const std::vector<parse::Mention>& parsed,
                           const Context& context, const Lexicon& lex) {
    return extract_all(text, tokens, parsed, context, lex).events;
}

Extraction extract_all(std::string_view text, const std::vector<parse::Token>& tokens, const std::vector<parse::Mention>& parsed,
                       const Context& context, const Lexicon& lex) {
    const auto mentions = with_whole_dateline(text, parsed);
    State state;
    const auto sentences = split_sentences(text, tokens, mentions, lex.vocabulary, lex.openers);
    const size_t dateline = dateline_end(text, mentions);
    const auto unknown = unknown_towns(sentences, lex);
    for (size_t i = 0; i < sentences.size(); ++i) {
        const SentenceContext c{text, mentions, context, lex, state, sentences[i].span, dateline, unknown};
        const size_t reach = lex.carry_sentences_counts;
        const size_t topic_from = sentences[i >= reach ? i - reach : 0].span.start;
        read_sentence(c, sentences[i], i, topic_from, state);
    }
    give_rebels_the_story_group(state);
    auto unplaced = std::move(state.unplaced);
    return {merge(std::move(state), mentions, lex), std::move(unplaced)};
}

bool is_state_side(std::string_view side, const Lexicon& lex) {
    return side.size() == 2 && !lex.two_letter_groups.contains(std::string(side));
}

const gazetteer::Place& event_place(const Event& event, const std::vector<parse::Mention>& mentions) {
    return event.area ? *event.area : *mentions[event.where].place;
}

}  // namespace frontmap::events
