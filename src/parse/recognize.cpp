#include "common/text.hpp"
#include "parse/lexicon.hpp"
#include "parse/parser.hpp"
#include "parse/tokens.hpp"
#include "parse/scoring.hpp"

#include <algorithm>
#include <optional>
#include <set>

namespace frontmap::parse {

const char* to_string(Role role) {
    switch (role) {
        case Role::Location: return "location";
        case Role::Metonym: return "metonym";
        case Role::NotPlace: return "not_place";
    }
    return "location";
}

namespace {


using gazetteer::Gazetteer;
using gazetteer::PlaceType;

class Recognizer {
public:
    Recognizer(std::string_view text, Gazetteer& gazetteer) : text_(text), gaz_(gazetteer), tokens_(tokenize(text)) {
        lower_.reserve(tokens_.size());
        for (const auto& t : tokens_) lower_.push_back(text::name_key(t.text));
        mark_bylines();
    }

    // The tokens and their keys, for the steps after recognition; the recognizer is spent after.
    Words take_words() { return {std::move(tokens_), std::move(lower_)}; }

    std::vector<Mention> run() {
        std::vector<Mention> out = find_mentions();
        spread_region_cues(out);
        mark_unknown_compounds(out);
        // A surname seen in a full name ("Lloyd Austin") marks its later bare uses too, unless a
        // preposition makes the later use a place ("King Abdullah of Jordan").
        for (size_t k = 0; k < out.size(); ++k)
            if (persons_.contains(out[k].key) && !after_preposition_[k] && !names_state(out[k].key)) out[k].role = Role::NotPlace;
        return out;
    }

private:
    [[nodiscard]] const std::string& low(size_t i) const { return lower_[i]; }

    // The names the gazetteer knows, left to right, each the longest that starts at its word.
    std::vector<Mention> find_mentions() {
        std::vector<Mention> out;
        for (size_t i = 0; i < tokens_.size();) {
            if (const size_t group = not_place_run(i); group > 1) {
                i += group;
                continue;
            }
            const bool after_place = !out.empty() && out_ends_.back() + 1 == i && tokens_[i - 1].comma_after && out.back().role != Role::NotPlace;
            size_t len = longest_match(i);
            if (len == 0 || !plausible(i, len)) {
                // "Springfield, Ill.": an abbreviation that names a state only after a place.
                if (!after_place || !tokens_[i].capitalised || gaz_.lookup_qualifier(low(i)).empty()) {
                    ++i;
                    continue;
                }
                len = 1;
            }
            out.push_back(make_mention(i, len));
            // "in Bakhmut, Ukraine's army said": a possessive starts another phrase.
            out.back().after_place_comma = after_place && !tokens_[i + len - 1].possessive;
            out_ends_.push_back(i + len - 1);
            out_roles_.push_back(out.back().role);
            after_preposition_.push_back(i > 0 && lexicon::is_locative_preposition(low(i - 1)) && !tokens_[i - 1].stop_after);
            i += len;
        }
        return out;
    }

    void spread_region_cues(std::vector<Mention>& out) const {
        // "the Kyiv, Odesa and Kharkiv regions": a cue after a list holds for the whole list.
        for (size_t k = out.size(); k-- > 1;) {
            Mention& before = out[k - 1];
            const Mention& after = out[k];
            if (after.cue == TypeCue::Region && before.cue == TypeCue::None && listed_after(before, after)) before.cue = TypeCue::Region;
        }
        // "over five western regions, including Bryansk, Kursk, Oryol and Smolensk": a region word
        // before a list holds for the whole list too.
        for (size_t k = 0; k < out.size(); ++k) {
            if (out[k].cue != TypeCue::None) continue;
            const bool opened = regions_listed_before(out[k].start);
            const bool listed = k > 0 && out[k - 1].cue == TypeCue::Region && listed_after(out[k - 1], out[k]);
            if (opened || listed) out[k].cue = TypeCue::Region;
        }
    }

    // "Ali Karaki", "Lac Vert": two names side by side that the gazetteer does not know together
    // are one name it lacks (a person, a camp), not two places; the second is that name later too.
    void mark_unknown_compounds(std::vector<Mention>& out) {
        for (size_t k = 0; k + 1 < out.size(); ++k) {
            Mention& a = out[k];
            Mention& b = out[k + 1];
            if (b.start != a.end + 1 || text_[a.end] != ' ' || a.role == Role::NotPlace || b.role == Role::NotPlace) continue;
            // "the Kyiv Kherson road": two places that name a route are both places.
            if (route_after(b.end)) continue;
            a.role = b.role = Role::NotPlace;
            // Only a person's surname ("Ali Karaki") stands for the same name later.
            if (gaz_.is_given_name(a.key)) persons_.insert(b.key);
        }
    }

    [[nodiscard]] bool route_after(size_t end) const {
        const auto next = std::find_if(tokens_.begin(), tokens_.end(), [&](const Token& t) { return t.start > end; });
        return next != tokens_.end() && lexicon::is_route_word(text::name_key(next->text));
    }

    // "By Jane Doe and Victoria Kim": a line that opens with "By" and a capitalised name holds
    // reporters' names, never places. The byline is known by its shape and masks only itself: it
    // ends at the line's end, a full stop, a dateline ("KYIV, Ukraine —") or the first word that
    // is no part of a name, so a story pasted on the byline's line keeps its places.
    void mark_bylines() {
        in_byline_.assign(tokens_.size(), false);
        for (size_t i = 0; i + 1 < tokens_.size(); ++i) {
            const bool line_start = tokens_[i].start == 0 || text_[tokens_[i].start - 1] == '\n';
            if (!line_start || tokens_[i].text != "By" || !tokens_[i + 1].capitalised) continue;
            const size_t line_end = text_.find('\n', tokens_[i].start);
            for (size_t k = i; k < tokens_.size() && k <= i + scoring().windows.byline_words; ++k) {
                if (line_end != std::string_view::npos && tokens_[k].start >= line_end) break;
                const bool name_word = k == i || is_byline_name_word(k) || lexicon::is_name_connector(tokens_[k].text) || tokens_[k].text == "and" || files_from(k);
                // A dateline starts a run of capitals: in "By JOHN JORDAN PORT SUDAN, Sudan —" the
                // reporter's name and the city cannot be told apart, and both stay masked.
                const bool dateline = k > i + 1 && !tokens_[k - 1].all_caps && opens_dateline(k);
                if (dateline || !name_word) {
                    // What follows a byline on its line starts afresh, as on a line of its own.
                    tokens_[k].sentence_start = true;
                    break;
                }
                in_byline_[k] = true;
                // "Sarah A. Jordan": an initial's full stop ends no byline.
                const bool initial = tokens_[k].text.size() == 1;
                if (tokens_[k].stop_after && !initial) break;
            }
        }
    }

    // A reporter's name or agency, not the story's first word: "Protesters" in "By Amina Yusuf,
    // Reuters Protesters marched" is a dictionary word no one is named, and starts the story.
    bool is_byline_name_word(size_t k) {
        const Token& t = tokens_[k];
        if (!t.capitalised) return false;
        if (t.all_caps) return true;
        const std::string& word = low(k);
        return !gaz_.is_common_word(word) || gaz_.is_given_name(word);
    }

    // "By Jane Doe in Kyiv and John Smith in Moscow": where each reporter files from is one name
    // ended by the line, a comma or "and"; "in Tunis and Sfax marched" is the story.
    bool files_from(size_t k) {
        if (tokens_[k].text != "in" || k + 1 >= tokens_.size() || !tokens_[k + 1].capitalised) return false;
        const Token& place = tokens_[k + 1];
        if (place.comma_after || place.stop_after || k + 2 >= tokens_.size()) return true;
        const size_t gap = text_.find_first_not_of(' ', place.end);
        return (gap != std::string_view::npos && text_[gap] == '\n') ||
               (tokens_[k + 2].text == "and" && k + 3 < tokens_.size() && is_byline_name_word(k + 3) &&
                k + 4 < tokens_.size() && tokens_[k + 4].capitalised);
    }

    // "KYIV, Ukraine (AP) —", "PORT SUDAN —", "TUNIS (Reuters) -": words in capitals, then within a
    // few words on the same line the dash or bracket that sets a dateline off from its story. Not
    // "By JOHN JORDAN, Associated Press", whose capitals are a name.
    [[nodiscard]] bool opens_dateline(size_t k) const {
        size_t run = k;  // the last word in capitals: "PORT SUDAN"
        // The city's words are adjacent, as a name's are: "(AP)" after it is the agency, not more of the city.
        while (run + 1 < tokens_.size() && run + 1 < k + scoring().windows.dateline_words && tokens_[run + 1].all_caps && !tokens_[run].comma_after && adjacent(run)) ++run;
        if (!tokens_[k].all_caps) return false;
        if (dash_or_bracket_after(run)) return true;
        // "KYIV, Ukraine (AP) —": after the comma, a country or state before the dash.
        if (!tokens_[run].comma_after) return false;
        for (size_t j = run + 1; j < tokens_.size() && j <= run + 2; ++j) {
            if (!tokens_[j].capitalised || tokens_[j].stop_after) return false;
            if (dash_or_bracket_after(j)) return true;
        }
        return false;
    }

    [[nodiscard]] bool dash_or_bracket_after(size_t j) const {
        if (dash_after(j)) return true;
        const size_t next = text_.find_first_not_of(' ', tokens_[j].end);
        return next != std::string_view::npos && text_[next] == '(';
    }

    // Whether only spaces, or a single hyphen, separate token i from token i+1.
    [[nodiscard]] bool adjacent(size_t i) const {
        if (i + 1 >= tokens_.size()) return false;
        const auto& a = tokens_[i];
        const auto& b = tokens_[i + 1];
        if (a.possessive || a.comma_after || a.stop_after) return false;
        const std::string_view gap = text_.substr(a.end, b.start - a.end);
        if (gap == "-") return true;
        return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos && gap.size() <= 2;
    }

    // Scripts without case (Arabic, Burmese) cannot mark a name with a capital: any word may start one.
    [[nodiscard]] static bool starts_name(const Token& t) { return t.capitalised || t.all_caps || text::caseless_script(t.text); }

    // "Boko Haram": a name of several words that is no place hides the places its words name alone
    // (Boko in Kazakhstan, Haram in Norway).
    size_t not_place_run(size_t i) {
        if (!starts_name(tokens_[i]) || !gaz_.opens_not_place_name(low(i))) return 0;
        size_t best = 0;
        for (size_t len = 2; len <= scoring().windows.group_words && i + len <= tokens_.size() && adjacent(i + len - 2); ++len) {
            const std::string key = text::name_key(text_.substr(tokens_[i].start, tokens_[i + len - 1].end - tokens_[i].start));
            if (gaz_.is_not_place_name(key)) best = len;
        }
        return best;
    }

    // "around al-Qaim", "in el-Fasher": an article hyphened onto a name opens it in lower case.
    [[nodiscard]] bool article_opens_name(size_t i) const {
        return i + 1 < tokens_.size() && lexicon::is_name_connector(low(i)) && tokens_[i + 1].hyphen_before && tokens_[i + 1].capitalised;
    }

    // "regions, including ", "provinces such as ", "the regions of ": the text right before `start`.
    [[nodiscard]] bool regions_listed_before(size_t start) const {
        const std::string_view before = text_.substr(0, start);
        for (const std::string_view opener : {", including ", " including ", " such as ", " of "}) {
            if (!before.ends_with(opener)) continue;
            const std::string_view head = before.substr(0, before.size() - opener.size());
            const size_t space = head.find_last_of(' ');
            const std::string word = text::name_key(head.substr(space == std::string_view::npos ? 0 : space + 1));
            return lexicon::is_region_word(word) && word.ends_with('s');
        }
        return false;
    }

    // "Bryansk, Kursk, Oryol and Smolensk": the next name of a list.
    [[nodiscard]] bool listed_after(const Mention& a, const Mention& b) const {
        if (b.start < a.end) return false;
        const std::string_view gap = text_.substr(a.end, b.start - a.end);
        return gap == ", " || gap == " and " || gap == ", and " || gap == " or ";
    }

    // "KYIV — Russia fired…": a dash after the name, as a dateline sets its city off.
    [[nodiscard]] bool dash_after(size_t i) const {
        std::string_view rest = text_.substr(tokens_[i].end, 24);
        // "HOUSTON (AP) —": the agency's credit stands between the city and the dash.
        const size_t open = rest.find_first_not_of(' ');
        if (open != std::string_view::npos && rest[open] == '(') {
            const size_t close = rest.find(')', open);
            if (close == std::string_view::npos || close - open > scoring().windows.credit_bytes) return false;
            rest.remove_prefix(close + 1);
        }
        const size_t at = rest.find_first_not_of(' ');
        if (at == std::string_view::npos) return false;
        const std::string_view mark = rest.substr(at);
        return mark.starts_with("\u2014") || mark.starts_with("\u2013") || mark.starts_with("- ") || mark.starts_with("--");
    }

    // "the Amhara region", "Kachin state": a people's name before a region word names their land,
    // when the gazetteer has a region by that name.
    bool names_land(const std::string& key, size_t last) {
        if (tokens_[last].possessive || last + 1 >= tokens_.size() || !lexicon::is_region_word(low(last + 1))) return false;
        const auto& candidates = gaz_.lookup(key);
        return std::any_of(candidates.begin(), candidates.end(), [](const auto& p) { return p.type == PlaceType::Region; });
    }

    size_t longest_match(size_t i) {
        if (!may_open_name(i)) return 0;
        const size_t best = longest_known_name(i);
        // "Eldorado do Sul" unknown whole: "Eldorado" is not the name of the town meant.
        const size_t after = i + best;
        if ((best != 0U) && after + 1 < tokens_.size() && lexicon::is_inner_connector(low(after)) && tokens_[after + 1].capitalised && adjacent(after - 1) && adjacent(after))
            return 0;
        return best;
    }

    // Whether a place's name may start at word i.
    bool may_open_name(size_t i) {
        const Token& first = tokens_[i];
        if (!starts_name(first) && !article_opens_name(i)) return false;
        // Short capitalised acronyms (NATO, RSF, IDF) are organisations, except a dateline's
        // city at the start of a line ("KYIV, Ukraine (AP) -", "MAE SOT, Thailand -", "KYIV —").
        const bool dateline_start = first.sentence_start && (first.comma_after || dash_after(i) || (i + 1 < tokens_.size() && tokens_[i + 1].all_caps));
        if (first.all_caps && first.text.size() <= 4 && !dateline_start && !names_country(low(i))) return false;
        if (in_byline_[i]) return false;
        // "Eldorado do Sul", a town the gazetteer lacks: "Sul" is the end of its name, not Suhl.
        if (i >= 2 && lexicon::is_inner_connector(low(i - 1)) && tokens_[i - 2].capitalised && adjacent(i - 2) && adjacent(i - 1)) return false;
        // "the Ras Isa fuel terminal": a name the gazetteer does not know whole is not its last word's.
        if (i > 0 && tokens_[i - 1].capitalised && lexicon::is_name_prefix(low(i - 1)) && adjacent(i - 1)) return false;
        return true;
    }

    // The number of words of the longest name starting at word i that the gazetteer knows as a
    // place, or 0.
    size_t longest_known_name(size_t i) {
        const Token& first = tokens_[i];
        size_t best = 0;
        size_t last = i;
        const size_t max_words = static_cast<size_t>(std::max(1, gaz_.max_name_words()));
        for (size_t len = 1; len <= max_words && i + len <= tokens_.size(); ++len) {
            last = i + len - 1;
            if (len > 1 && !adjacent(last - 1)) break;
            const Token& t = tokens_[last];
            // "Slavyansk-na-Kubani", "Rostov-on-Don": a lower-case word hyphened into a name joins it.
            const bool connector = lexicon::is_name_connector(low(last)) || (len > 1 && t.hyphen_before);
            if (!starts_name(t) && !connector) break;
            if (!starts_name(t)) continue;  // a name never ends on a connector
            const std::string key = text::name_key(text_.substr(first.start, t.end - first.start));
            if (!gaz_.lookup(key).empty() && (!gaz_.is_not_place_name(key) || names_land(key, last))) best = len;
        }
        return best;
    }

    // The countries the article names, each by a one-word name ("Congo", "Myanmar"): found once,
    // when a dictionary word first needs them.
    const std::set<std::string>& named_countries() {
        if (!named_countries_) {
            named_countries_.emplace();
            for (size_t k = 0; k < tokens_.size(); ++k)
                if (tokens_[k].capitalised || tokens_[k].all_caps)
                    for (const auto& p : gaz_.lookup(low(k)))
                        if (p.type == PlaceType::Country) named_countries_->insert(p.country);
        }
        return *named_countries_;
    }

    bool plausible(size_t i, size_t len) {
        if (len > 1) return true;
        const Token& t = tokens_[i];
        const std::string& w = low(i);
        if (lexicon::is_calendar_word(w)) return false;
        // Two letters are a place only as a country's code in capitals: "US", "UK", "U.S.".
        if (w.size() < 3 && !(t.all_caps && names_country(w))) return false;
        const auto& candidates = gaz_.lookup(w);
        double best = 0.0;
        bool country = false;
        bool curated = false;
        for (const auto& p : candidates) {
            best = std::max(best, p.importance);
            country = country || p.type == PlaceType::Country;
            curated = curated || p.id.rfind("fm-", 0) == 0;
        }
        // A capitalised dictionary word ("Western", "Secretary", "Back") is a place only when it
        // names a country or a major city, and not merely because it opens a sentence.
        if (gaz_.is_common_word(w)) {
            // Countries and our curated entries ("the Pentagon") are named on purpose.
            if (country || curated) return true;
            if (best >= scoring().importance.state_like && !t.sentence_start) return true;
            // "fled Sake", "fighting around Sake" in a story from Congo: after a preposition of place,
            // a dictionary word the gazetteer has in a country the article names is that place.
            const bool after_place_preposition = i > 0 && lexicon::is_place_preposition(low(i - 1)) && !tokens_[i - 1].stop_after;
            return after_place_preposition && !t.sentence_start &&
                   std::any_of(candidates.begin(), candidates.end(), [&](const auto& p) { return named_countries().contains(p.country); });
        }
        return true;
    }

    // A country or a major city: "Israel" after "Israel Katz" is still the country.
    bool names_state(const std::string& key) {
        return std::ranges::any_of(gaz_.lookup(key), [](const auto& p) {
            return p.type == PlaceType::Country || p.importance >= scoring().importance.state_like;
        });
    }

    bool names_country(const std::string& key) {
        return std::ranges::any_of(gaz_.lookup(key), [](const auto& p) { return p.type == PlaceType::Country; });
    }

    double max_importance(const std::string& key) {
        double best = 0.0;
        for (const auto& p : gaz_.lookup(key)) best = std::max(best, p.importance);
        return best;
    }

    // Index of the previous token when nothing but a space separates it from token i.
    // Whether the capitalised run ending at `last` (at most three words, none a place) starts with a
    // title or a given name that is not a sentence's first common word.
    [[nodiscard]] bool opens_with_person(size_t last) const {
        for (size_t k = last, n = 0; n < scoring().windows.name_run && tokens_[k].capitalised; --k, ++n) {
            const std::string& w = low(k);
            if (lexicon::is_title(w)) return true;
            if (k < last && gaz_.is_given_name(w) && !gaz_.is_common_word(w) && !lexicon::is_calendar_word(w) && !lexicon::is_directional(w))
                return true;
            // "Its spokeswoman, Lway Yay Oo, said": a name set off after a title is the titled person's.
            if (k > 0 && tokens_[k - 1].comma_after && lexicon::is_title(low(k - 1))) return true;
            if (k == 0 || !adjacent(k - 1)) break;
        }
        return false;
    }

    // "Barkindo Saidu, director general of the agency, said": a name set off by a title after it is
    // the titled person's. A place in that slot follows a preposition ("In Kharkiv, governor ...").
    [[nodiscard]] bool titled_after(size_t i, size_t j) const {
        if (!tokens_[j].comma_after || tokens_[j].all_caps || j + 1 >= tokens_.size()) return false;
        if (i > 0 && lexicon::is_locative_preposition(low(i - 1))) return false;
        size_t k = j + 1;
        if (k + 1 < tokens_.size() && (low(k) == "a" || low(k) == "the")) ++k;
        // "struck Kyiv and Kherson, the president said": the title opens a new clause, no aside.
        const bool speaks = k + 1 < tokens_.size() && lexicon::is_actor_verb(low(k + 1));
        return !tokens_[k].capitalised && lexicon::is_title(low(k)) && !speaks;
    }

    // "Hurricane Milton", "hurricanes Helene and Milton", "storms Ciarán, Debi and Henk": a storm
    // word names the capitalised words listed after it.
    [[nodiscard]] bool names_a_storm(size_t i) const {
        for (size_t k = i, steps = 0; k > 0 && steps < scoring().windows.storm_list_words; --k, ++steps) {
            const size_t p = k - 1;
            const std::string w = low(p);
            // "Hurricane Milton", "hurricanes Helene and Milton"; not "forces storm Jenin" (a verb)
            // nor "before the hurricane, Tampa residents".
            if (lexicon::is_storm_word(w)) return adjacent(p) && (tokens_[p].capitalised || w.ends_with('s'));
            const bool listed = tokens_[p].capitalised || w == "and" || w == "or";
            if (!listed || tokens_[p].stop_after || tokens_[p].possessive) return false;
        }
        return false;
    }

    [[nodiscard]] std::optional<size_t> previous_adjacent(size_t i) const {
        // "By Jane Doe KYIV, Ukraine —": the reporter's name ends where the byline does.
        if (i == 0 || !adjacent(i - 1) || (in_byline_[i - 1] && !in_byline_[i])) return std::nullopt;
        return i - 1;
    }

    Mention make_mention(size_t i, size_t len) {
        const size_t j = i + len - 1;
        Mention m;
        m.start = tokens_[i].start;
        m.end = tokens_[j].end;
        m.text = std::string(text_.substr(m.start, m.end - m.start));
        m.key = text::name_key(m.text);
        m.role = role_of(i, j, m.key);
        m.cue = cue_of(i, j);
        m.definite = i > 0 && low(i - 1) == "the";
        // "By Tom Ortiz HOUSTON (AP) —": a dateline also opens right after a byline.
        const bool opens = tokens_[i].sentence_start || (i > 0 && in_byline_[i - 1]);
        m.dateline = opens && tokens_[j].all_caps && (tokens_[j].comma_after || dash_after(j));
        if (m.role == Role::Location && !m.dateline) m.actor = actor_cue_of(i, j);
        m.possessive_of_affairs = possessive_of_affairs(j);
        // "U.S. officials", "the UK government", "U.S.-made": a country's abbreviation before a
        // noun is its state's, as a demonym would be; "in the U.S." is the country.
        if (m.role == Role::Location && i == j && abbreviates_country(i) && modifies_next(i)) m.role = Role::Metonym;
        return m;
    }

    [[nodiscard]] bool possessive_of_affairs(size_t j) const {
        if (!tokens_[j].possessive || j + 1 >= tokens_.size()) return false;
        size_t n = j + 1;
        for (int skipped = 0; skipped < 2 && n + 1 < tokens_.size() && lexicon::is_rank_adjective(low(n)); ++skipped) ++n;
        const auto of_land = [](const std::string& w) {
            return lexicon::is_land_noun(w) || lexicon::is_region_word(w) || lexicon::is_settlement_word(w) || lexicon::is_feature_word(w) ||
                   lexicon::is_river_word(w);
        };
        if (lexicon::is_directional(low(n))) return false;
        // "Israel's main airport", "Yemen's first oil export terminal": the noun a few small words on.
        for (size_t k = n; k < tokens_.size() && k <= n + 3 && !tokens_[k].capitalised; ++k) {
            if (of_land(low(k))) return false;
            if (tokens_[k].stop_after || tokens_[k].comma_after) break;
        }
        // "Pakistan's Punjab province", "Kenya's Rift Valley", "Yemen's Ras Isa fuel port": a named part of the land.
        for (size_t k = n + 1; k < tokens_.size() && k <= n + 3 && tokens_[n].capitalised; ++k)
            if (of_land(low(k))) return false;
        return true;
    }

    bool abbreviates_country(size_t i) {
        const Token& t = tokens_[i];
        return t.all_caps && t.text.size() <= 5 && names_country(low(i));
    }

    // Whether the next word follows on the same line, after a space, the abbreviation's stop or a
    // hyphen, and is not a function word or verb that leaves the abbreviation a noun.
    [[nodiscard]] bool modifies_next(size_t i) const {
        if (i + 1 >= tokens_.size()) return false;
        const std::string_view gap = text_.substr(tokens_[i].end, tokens_[i + 1].start - tokens_[i].end);
        if (gap != " " && gap != ". " && gap != "-" && gap != ".-") return false;
        const std::string& next = low(i + 1);
        return !lexicon::leaves_noun(next) && !lexicon::is_actor_verb(next) && !lexicon::is_auxiliary(next) &&
               !lexicon::is_calendar_word(next) && !lexicon::is_locative_preposition(next);
    }

    // "Kinshasa and UN experts say": a place joined to a speaking body shares its verb. The
    // partner must name a body (an actor noun) before the verb, so "Kherson and Mykolaiv said"
    // is left alone.
    [[nodiscard]] bool speaks_after_conjoined_actor(size_t k) const {
        bool body = false;
        for (size_t end = std::min(tokens_.size(), k + scoring().windows.conjoined_subject_words); k < end; ++k) {
            const std::string w = low(k);
            if (body && lexicon::is_actor_verb(w) && !tokens_[k].capitalised) return true;
            if (lexicon::is_auxiliary(w) && body) continue;
            if (tokens_[k].comma_after || tokens_[k].stop_after || lexicon::is_locative_preposition(w)) return false;
            body = lexicon::is_actor_noun(w);
        }
        return false;
    }

    Role role_of(size_t i, size_t j, const std::string& key) {
        if (names_no_place(i, j, key)) return Role::NotPlace;
        return acts(i, j, key) ? Role::Metonym : Role::Location;
    }

    // What the word just before a name makes of it: part of a person's name, a thing's (a vessel),
    // or neither.
    enum class Before { Nothing, Person, Thing };
    Before named_before(size_t p, const std::string& key) {
        if (lexicon::is_title(low(p))) return Before::Person;
        const bool prev_mention = !out_ends_.empty() && out_ends_.back() == p;
        // "Lloyd Austin" where "Lloyd" was itself taken as part of a person's name.
        if (prev_mention && out_roles_.back() == Role::NotPlace) return Before::Person;
        if (!prev_mention && given_name_before(p, key)) return Before::Person;
        if (lexicon::is_vessel_word(low(p))) return Before::Thing;
        // "Guillaume Ndjike Kaiko": a run of capitalised words that opens with a title or a given
        // name is one person's name to its end.
        if (!prev_mention && opens_with_person(p)) return Before::Person;
        // "governor Vitaliy Kim": a title, then a first name our list lacks, then the surname.
        if (!prev_mention && p > 0 && adjacent(p - 1) && lexicon::is_title(low(p - 1)) && tokens_[p].capitalised && !gaz_.is_common_word(low(p)))
            return Before::Person;
        return Before::Nothing;
    }

    // "Lloyd Austin": a given name before, unless that word was itself taken as a place. A
    // capitalised common word opening the sentence ("The", "Will") is not a given name.
    // "Tom Fletcher" opening a sentence: a given name that is also a word is still a name.
    // But "Below Kherson": only when the surname is no major place.
    bool given_name_before(size_t p, const std::string& key) {
        const std::string& w = low(p);
        const bool word_first = tokens_[p].sentence_start && gaz_.is_common_word(w);
        const bool opener = (word_first && (!gaz_.is_given_name(w) || lexicon::is_locative_preposition(w) ||
                                            max_importance(key) >= scoring().importance.major_place)) ||
                            lexicon::is_calendar_word(w);
        return tokens_[p].capitalised && !opener && !lexicon::is_directional(w) && gaz_.is_given_name(w) && !lexicon::is_name_connector(w) &&
               w != "the";
    }

    // Persons, organisations, vessels, documents, storms: a name that is no place here. A person's
    // name is remembered, so that its later mentions are no place either.
    bool names_no_place(size_t i, size_t j, const std::string& key) {
        if (auto p = previous_adjacent(i)) {
            const Before before = named_before(*p, key);
            if (before == Before::Person) persons_.insert(key);
            if (before != Before::Nothing) return true;
        }
        if (titled_after(i, j)) {
            persons_.insert(key);
            return true;
        }
        if (i >= 2 && low(i - 1) == "the" && lexicon::is_vessel_word(low(i - 2))) return true;
        if (names_a_storm(i)) {
            persons_.insert(key);  // "the damage Milton left": a storm's name stays a storm's
            return true;
        }
        const std::string next = j + 1 < tokens_.size() ? low(j + 1) : std::string();
        const bool next_adjacent = adjacent(j);
        if (next_adjacent && lexicon::is_document_word(next) && !tokens_[j + 1].capitalised) return true;
        if (in_organisation_name(i, j)) return true;
        return next_adjacent && tokens_[j + 1].capitalised && first_name_of_next(i, j, key, next);
    }

    // "Jordan Bardella": a given name followed by a capitalised non-place word; "Michael Jordan": a
    // given name that is only a minor place, followed by any name. "Donald Trump": a surname that
    // is also a word ("trump") still makes a person of a given name that is only a minor place.
    bool first_name_of_next(size_t i, size_t j, const std::string& key, const std::string& next) {
        const bool minor = max_importance(key) < scoring().importance.major_place;
        if (i == j && gaz_.is_given_name(key) && (!gaz_.is_common_word(next) || minor) && !lexicon::is_region_word(next) &&
            !lexicon::is_river_word(next) && !lexicon::is_feature_word(next) && (gaz_.lookup(next).empty() || minor)) {
            persons_.insert(next);
            return true;
        }
        return false;
    }

    // Whether the name stands for those who act there: a state, its government, its forces.
    bool acts(size_t i, size_t j, const std::string& key) {
        const Token& last = tokens_[j];
        const std::string prev = i > 0 ? low(i - 1) : std::string();
        const std::string next = j + 1 < tokens_.size() ? low(j + 1) : std::string();
        if (tokens_[i].hyphen_before && i > 0 && lexicon::is_actor_prefix(prev)) return true;
        if (last.hyphen_after && lexicon::is_actor_modifier(next)) return true;
        if (last.possessive && j + 1 < tokens_.size() && possessive_of_actor(j, next)) return true;
        const bool after_preposition = i > 0 && lexicon::is_locative_preposition(prev) && !tokens_[i - 1].stop_after;
        if (!last.possessive && !last.comma_after && !last.stop_after && !after_preposition && subject_that_acts(j, next)) return true;
        if (lexicon::is_seat_of_power(key) && (!after_preposition || dealt_with(i) || seat_of_body(i))) return true;
        // "urged Moscow to", "accused Kyiv of": the one addressed is an actor.
        if (i > 0 && lexicon::is_address_verb(prev) && !tokens_[i - 1].stop_after && !tokens_[i - 1].comma_after) return true;
        return i >= 2 && prev == "to" && lexicon::is_answerable_word(low(i - 2)) && adjacent(i - 2) && adjacent(i - 1);
    }

    // "Russia's defense ministry", "Kyiv's forces" (skipping one adjective), "Russia's Sergei
    // Shoigu": a possessive before a person's name is a state's.
    bool possessive_of_actor(size_t j, const std::string& next) {
        if (lexicon::is_actor_noun(next)) return true;
        if (tokens_[j + 1].capitalised && gaz_.is_given_name(next) && gaz_.lookup(next).empty()) return true;
        return j + 2 < tokens_.size() && lexicon::is_actor_noun(low(j + 2)) && !tokens_[j + 1].capitalised;
    }

    // The name is the subject of a verb only actors do ("Moscow has said"), of an actor's role
    // ("Kyiv officials"), or speaks with a partner ("Kinshasa and UN experts say").
    bool subject_that_acts(size_t j, const std::string& next) {
        size_t k = j + 1;
        for (int skipped = 0; k < tokens_.size() && skipped < 2 && lexicon::is_auxiliary(low(k)); ++skipped) ++k;
        if (k < tokens_.size() && lexicon::is_actor_verb(low(k)) && !tokens_[k].capitalised) return true;
        if (adjacent(j) && lexicon::is_actor_role(next)) return true;
        return next == "and" && speaks_after_conjoined_actor(j + 2);
    }

    // "Israel Defense Forces", "Alliance of Sahel States", "Democratic Forces for the Liberation
    // of Rwanda": the name sits in a run of capitalised words headed by an organisation word.
    [[nodiscard]] bool in_organisation_name(size_t i, size_t j) const {
        for (size_t k = j + 1, seen = 0; k < tokens_.size() && seen < 5 && adjacent(k - 1); ++k, ++seen) {
            if (!tokens_[k].capitalised) break;
            if (lexicon::is_organisation_head(low(k))) return true;
        }
        if (i >= 2 && (low(i - 1) == "of" || low(i - 1) == "for") && adjacent(i - 2) && adjacent(i - 1)) {
            for (size_t k = i - 2, seen = 0; seen < 6; --k, ++seen) {
                if (tokens_[k].capitalised && lexicon::is_organisation_head(low(k))) return true;
                const bool chain = tokens_[k].capitalised || low(k) == "of" || low(k) == "for" || low(k) == "the";
                if (!chain || k == 0 || !adjacent(k - 1)) break;
            }
        }
        return false;
    }

    // "Later Israel struck", "Late on Tuesday Iran fired": only time words stand between the
    // sentence's start and the name.
    [[nodiscard]] bool after_opening_adverbial(size_t i) const {
        for (size_t k = i, seen = 0; k-- > 0 && seen < 4; ++seen) {
            const std::string& w = low(k);
            if (!(lexicon::is_adverbial(w) || lexicon::is_calendar_word(w) || w == "late" || w == "early") || tokens_[k].stop_after ||
                tokens_[k].comma_after)
                return false;
            if (tokens_[k].sentence_start) return true;
        }
        return false;
    }

    // "followed on Thursday by Hama": the verb before "by", past a time phrase of up to three words.
    [[nodiscard]] bool follows_non_agent_verb(size_t by) const {
        for (size_t back = 1; back <= 4 && back <= by; ++back) {
            const size_t k = by - back;
            if (tokens_[k].stop_after || tokens_[k].comma_after) return false;
            if (lexicon::is_non_agent_by_verb(low(k))) return true;
        }
        return false;
    }

    // Whether an attack noun ("strike", "offensive") stands within a few words before `against`.
    [[nodiscard]] bool aimed_at_place(size_t against) const {
        for (size_t k = against, n = 0; k > 0 && n < scoring().windows.attack_noun_words; --k, ++n) {
            if (tokens_[k - 1].stop_after) return false;
            if (lexicon::is_attack_noun(low(k - 1))) return true;
        }
        return false;
    }

    // "accuse (the) Rwanda", "no comment from Ankara", "aid for Kyiv", "the junta in Bamako".
    [[nodiscard]] bool dealt_with(size_t i) const {
        size_t k = i;
        if (k > 0 && low(k - 1) == "the") --k;
        if (k == 0 || tokens_[k - 1].stop_after || tokens_[k - 1].comma_after) return false;
        const std::string& before = low(k - 1);
        // "a drone attack against Kyiv" is aimed at the place, "a case against the UAE" at the state.
        if (before == "against" && aimed_at_place(k - 1)) return false;
        if (lexicon::is_dealing_verb(before)) return true;
        if (k < 2) return false;
        const std::string& noun = low(k - 2);
        if (before == "from") return lexicon::is_source_noun(noun);
        if (before == "for" || before == "to") return lexicon::is_recipient_word(noun);
        return before == "in" && lexicon::is_official_noun(noun);
    }

    // "the junta in Bamako", "the Welsh government in Cardiff", "the government of Somalia".
    [[nodiscard]] bool seat_of_body(size_t i) const {
        size_t k = i;
        if (k > 0 && low(k - 1) == "the") --k;
        if (k < 2 || tokens_[k - 1].stop_after || tokens_[k - 2].comma_after) return false;
        return (low(k - 1) == "in" || low(k - 1) == "of") && lexicon::is_seat_noun(low(k - 2));
    }

    // Where a clause's subject stands: first in a sentence, after "and", "which", "that (the)",
    // "said", or a subordinator ("after Moscow walked away", "fears Moscow intends").
    [[nodiscard]] bool opens_clause(size_t i) const {
        if (i == 0 || tokens_[i].sentence_start) return true;
        size_t p = i - 1;
        if (low(p) == "the" && p > 0) --p;
        if (tokens_[p].stop_after || tokens_[p].comma_after) return false;
        const std::string& w = low(p);
        if (p == i - 1 && (w == "and" || w == "but" || w == "while" || w == "as" || w == "which")) return true;
        return w == "that" || w == "said" || w == "says" || lexicon::is_subordinator(w);
    }

    // "Egypt, one of the ceasefire mediators, said": the token after an apposition that opens at
    // `k` with an article or "one", if it closes with a comma within a few words.
    [[nodiscard]] std::optional<size_t> past_apposition(size_t k) const {
        if (k >= tokens_.size()) return std::nullopt;
        const std::string& w = low(k);
        if (w != "the" && w != "a" && w != "an" && w != "one") return std::nullopt;
        for (size_t end = std::min(tokens_.size(), k + scoring().windows.apposition_words); k < end; ++k) {
            // "Victoria, the capital of the Seychelles,": an apposition that says what place it is.
            if (tokens_[k].stop_after || lexicon::is_settlement_word(low(k))) return std::nullopt;
            if (tokens_[k].comma_after) return k + 1;
        }
        return std::nullopt;
    }

    [[nodiscard]] ActorCue actor_cue_of(size_t i, size_t j) const {
        if (const auto cue = cue_before(i)) return *cue;
        const Token& last = tokens_[j];
        if (last.possessive || last.stop_after) return ActorCue::None;
        if (!opens_clause(i) && !after_opening_adverbial(i)) return ActorCue::None;
        const auto next = clause_goes_on_at(j);
        if (!next) return ActorCue::None;
        return verb_acts(*next) ? ActorCue::Subject : ActorCue::None;
    }

    // What the words before a name make of it: an agent, an object, or nothing yet.
    [[nodiscard]] std::optional<ActorCue> cue_before(size_t i) const {
        // "backed by Tehran", "drawn up by the United States".
        const size_t by = i >= 2 && low(i - 1) == "the" ? i - 2 : i - 1;
        if (i > 0 && low(by) == "by" && !tokens_[by].stop_after && !follows_non_agent_verb(by)) return ActorCue::Agent;
        if (i >= 2 && (low(i - 1) == "with" || low(i - 1) == "between" || low(i - 1) == "to") && lexicon::is_relation_noun(low(i - 2)))
            return ActorCue::Agent;
        if (seat_of_body(i)) return ActorCue::Agent;
        if (dealt_with(i)) return ActorCue::Object;
        return std::nullopt;
    }

    // The word the clause of a name ending at j goes on with; none when a comma after the name
    // opens anything but a relative clause or an apposition.
    [[nodiscard]] std::optional<size_t> clause_goes_on_at(size_t j) const {
        const size_t k = j + 1;
        if (!tokens_[j].comma_after) return k;
        // "Kinshasa, which severed ties", "Tehran, whose advisers ...", "Egypt, one of the
        // mediators, said".
        if (k < tokens_.size() && (low(k) == "which" || low(k) == "who")) return k + 1;
        return past_apposition(k);
    }

    // Whether the verb at word k, past a few adverbs, is one a subject that acts does.
    [[nodiscard]] bool verb_acts(size_t k) const {
        bool auxiliary = false;
        bool being = false;
        for (int skipped = 0; k < tokens_.size() && skipped < 4; ++skipped, ++k) {
            const std::string& w = low(k);
            const bool adverb = lexicon::is_adverbial(w) || (w.size() > 4 && w.ends_with("ly"));
            if (!adverb || tokens_[k].stop_after) break;
            auxiliary = auxiliary || lexicon::is_auxiliary(w) || lexicon::is_irregular_verb(w) || w == "been";
            being = being || w == "is" || w == "was" || w == "were" || w == "are" || w == "been" || w == "be";
        }
        if (k >= tokens_.size() || tokens_[k].capitalised) return false;
        const std::string& verb = low(k);
        // "Kyiv was hit" is acted upon; "Israel has cut off" and "Moscow seized" act.
        if (lexicon::is_not_verb(verb) || (being && lexicon::is_passive_place_verb(verb))) return false;
        const bool third_person = verb.size() > 3 && verb.ends_with("s") && !verb.ends_with("ss") && !verb.ends_with("us") && !verb.ends_with("is");
        return verb.ends_with("ed") || lexicon::is_actor_verb(verb) || lexicon::is_irregular_verb(verb) || lexicon::is_passive_place_verb(verb) ||
               auxiliary || third_person;
    }

    [[nodiscard]] TypeCue cue_of(size_t i, size_t j) const {
        const std::string next = j + 1 < tokens_.size() ? low(j + 1) : std::string();
        if (!tokens_[j].possessive && lexicon::is_region_word(next)) return TypeCue::Region;
        if (!tokens_[j].possessive && lexicon::is_river_word(next)) return TypeCue::River;
        if (i >= 1 && lexicon::is_river_word(low(i - 1))) return TypeCue::River;
        // "the banks of the Dnieper", "across the Dnipro"
        if (i >= 2 && low(i - 1) == "the") {
            if (lexicon::is_river_context(low(i - 2))) return TypeCue::River;
            if (i >= 3 && low(i - 2) == "of" && lexicon::is_river_context(low(i - 3))) return TypeCue::River;
        }
        // "the city of Kherson", "the capital Kyiv", "the town of Izium"
        if (i >= 2 && low(i - 1) == "of" && lexicon::is_settlement_word(low(i - 2))) return TypeCue::Settlement;
        if (i >= 1 && lexicon::is_settlement_word(low(i - 1))) return TypeCue::Settlement;
        if (!tokens_[j].possessive && (next == "city" || next == "town")) return TypeCue::Settlement;
        return TypeCue::None;
    }

    std::string_view text_;
    Gazetteer& gaz_;
    std::vector<Token> tokens_;
    std::vector<std::string> lower_;
    std::set<std::string> persons_;
    std::vector<size_t> out_ends_;  // last token of each mention found so far
    std::vector<Role> out_roles_;
    std::vector<bool> after_preposition_;
    std::optional<std::set<std::string>> named_countries_;
    std::vector<bool> in_byline_;
};

}  // namespace

std::vector<Mention> recognize(std::string_view article, Gazetteer& gazetteer) {
    return Recognizer(article, gazetteer).run();
}

std::vector<Mention> recognize(std::string_view article, Gazetteer& gazetteer, Words& words) {
    Recognizer r(article, gazetteer);
    auto mentions = r.run();
    words = r.take_words();
    return mentions;
}

}  // namespace frontmap::parse
