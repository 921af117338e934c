// Places the gazetteer lacks, put where the article's own words put them. Front-line villages
// are often too small for any gazetteer, but wire copy nearly always says where they are:
// "Robotyne, a farming village ...", "the village of Plauru, opposite Izmail", "Zamzam lies about
// 15 km south of El Fasher". The rules' words are in described.json.
#include "parse/described.hpp"

#include "common/rules.hpp"
#include "parse/rules_data.hpp"
#include "common/bbox.hpp"
#include "common/proj.hpp"
#include "common/text.hpp"
#include "parse/lexicon.hpp"
#include "parse/tokens.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>

namespace frontmap::parse {

extern const std::string_view kDescribedJson;

namespace {

// A distance's number: a run of digits short enough to be one ("15 km"); a longer run is no
// distance and would overflow.
std::optional<double> whole_number(std::string_view text) {
    if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
    double value = 0;
    for (const char c : text) value = value * 10 + (c - '0');
    return value;
}

struct Rules {
    std::unordered_set<std::string> site_nouns, plural_settlement_nouns, list_words, district_nouns, site_infrastructure, site_modifiers, speaker_nouns, determiners, never_names, relations, definition_verbs, own_references, largest_references, region_prepositions,
        edge_openers, edge_nouns, side_adjectives;
    // First words of the two-word entries ("air base", "close to"): only these are joined to the next word.
    std::unordered_set<std::string> two_word_openers;
    std::unordered_map<std::string, double> bearings, units_km;
    size_t max_words_before_site_noun = 4, max_name_words = 3, max_scan_words = 24, max_words_into_phrase = 2, max_words_to_site_noun = 2, towns_looked_back = 3, mentions_looked_back = 60, max_words_to_anchor = 6;
    double max_region_diagonal_km = 300, max_namesake_km = 150, confidence = 0.4;
};

Rules rules_of(const nlohmann::json& doc) {
    Rules r;
    const auto words = [&](const char* key) { return word_set(doc, key); };
    r.site_infrastructure = words("site_infrastructure");
    r.site_nouns = words("settlement_nouns");
    r.site_nouns.insert(r.site_infrastructure.begin(), r.site_infrastructure.end());
    r.plural_settlement_nouns = words("plural_settlement_nouns");
    r.list_words = words("list_words");
    r.district_nouns = words("district_nouns");
    r.site_modifiers = words("site_modifiers");
    r.speaker_nouns = words("speaker_nouns");
    r.determiners = words("determiners");
    r.never_names = words("never_names");
    r.relations = words("relations");
    r.definition_verbs = words("definition_verbs");
    r.own_references = words("own_references");
    r.largest_references = words("largest_references");
    r.towns_looked_back = doc.at("towns_looked_back").get<size_t>();
    r.mentions_looked_back = doc.at("mentions_looked_back").get<size_t>();
    r.region_prepositions = words("region_prepositions");
    r.edge_openers = words("edge_openers");
    r.edge_nouns = words("edge_nouns");
    r.side_adjectives = words("side_adjectives");
    for (const auto& [w, b] : doc.at("direction_bearings").items()) r.bearings[w] = b.get<double>();
    for (const auto& [w, k] : doc.at("distance_units_km").items()) r.units_km[w] = k.get<double>();
    for (const auto* list : {&r.site_nouns, &r.relations})
        for (const auto& phrase : *list)
            if (const auto space = phrase.find(' '); space != std::string::npos) r.two_word_openers.insert(phrase.substr(0, space));
    r.max_words_before_site_noun = doc.at("max_words_before_site_noun").get<size_t>();
    r.max_name_words = doc.at("max_name_words").get<size_t>();
    r.max_scan_words = doc.at("max_scan_words").get<size_t>();
    r.max_words_into_phrase = doc.at("max_words_into_phrase").get<size_t>();
    r.max_words_to_site_noun = doc.at("max_words_to_site_noun").get<size_t>();
    r.max_words_to_anchor = doc.at("max_words_to_anchor").get<size_t>();
    r.max_region_diagonal_km = doc.at("max_region_diagonal_km").get<double>();
    r.max_namesake_km = doc.at("max_namesake_km").get<double>();
    r.confidence = doc.at("confidence").get<double>();
    return r;
}

const Rules& rules() { return rules::once<kDescribedJson>("described places", "a key is missing or has the wrong type", rules_of); }

// How far a description may leave a place from its anchor: anywhere it says, or only near it (a
// near relation or a stated distance).
enum class Reach { Any, Near };

class Describer {
public:
    Describer(std::string_view article, std::vector<Mention>& mentions, const Words& words, const gazetteer::Gazetteer& gazetteer)
        : article_(article), mentions_(mentions), tokens_(words.tokens), lower_(words.keys), gazetteer_(gazetteer), covering_(tokens_.size(), -1) {
        size_t m = 0;
        for (size_t i = 0; i < tokens_.size(); ++i) {
            while (m < mentions_.size() && mentions_[m].end <= tokens_[i].start) ++m;
            if (m < mentions_.size() && mentions_[m].start <= tokens_[i].start) covering_[i] = static_cast<int>(m);
        }
    }

    // "the town of Mubi, near Walikale": a town the gazetteer knows only as a namesake far from where
    // the article itself puts it is the article's town, put there.
    void relocate_far_namesakes() {
        std::map<std::string, std::pair<std::string, gazetteer::Place>> moved;  // name key: (namesake's id, place)
        for (size_t first = 0, end = 0; first < tokens_.size(); first = end) {
            // The tokens [first, end) one mention covers, or a single token no mention covers.
            end = first + 1;
            if (covering_[first] < 0) continue;
            while (end < tokens_.size() && covering_[end] == covering_[first]) ++end;
            const Mention& mention = mentions_[static_cast<size_t>(covering_[first])];
            if (mention.role != Role::Location || !mention.place || moved.contains(mention.key)) continue;
            const auto type = mention.place->type;
            if (type != gazetteer::PlaceType::City && type != gazetteer::PlaceType::Village && type != gazetteer::PlaceType::Region) continue;
            if (const auto anchor = far_anchor(first, end, *mention.place))
                moved.emplace(mention.key, std::pair{mention.place->id, described_place(first, end, *anchor)});
        }
        for (auto& mention : mentions_)
            if (const auto it = moved.find(mention.key); it != moved.end() && mention.place && mention.place->id == it->second.first) {
                mention.place = it->second.second;
                mention.confidence = rules().confidence;
            }
    }

    void run() {
        relocate_far_namesakes();
        std::map<std::string, gazetteer::Place> located;  // by name key: the first description found
        std::vector<std::pair<size_t, size_t>> runs;      // token ranges of unknown capitalised names
        for (size_t i = 0; i < tokens_.size();) {
            const size_t end = name_end(i);
            if (end == i) {
                ++i;
                continue;
            }
            // "Vladimir Putin": a word right after a name the parser found belongs to that name.
            if (i > 0 && covering_[i - 1] >= 0 && !tokens_[i - 1].comma_after && !tokens_[i - 1].stop_after && !tokens_[i - 1].possessive) {
                i = end;
                continue;
            }
            runs.emplace_back(i, end);
            const std::string key = name_key(i, end);
            if (gazetteer_.is_not_place_name(key)) {
                i = end;
                continue;
            }
            if (!located.contains(key)) {
                if (const auto place = describe(i, end))
                    located.emplace(key, *place);
                else if (const auto head = list_head(runs); head && located.contains(name_key(head->first, head->second)))
                    located.emplace(key, located.at(name_key(head->first, head->second)));
            }
            i = end;
        }
        std::vector<Mention> added;
        for (const auto& [first, end] : runs)
            if (const auto it = located.find(name_key(first, end)); it != located.end()) added.push_back(mention_of(first, end, it->second));
        if (added.empty()) return;
        mentions_.insert(mentions_.end(), added.begin(), added.end());
        std::stable_sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.start < b.start; });
    }

private:
    // Where the article's own words put the name at [first, end), when that is far from the
    // gazetteer's namesake.
    [[nodiscard]] std::optional<gazetteer::Place> far_anchor(size_t first, size_t end, const gazetteer::Place& namesake) const {
        // Only a near relation or a stated distance outweighs the gazetteer: "south-east of
        // Moscow" or "in the Kursk region" leaves the place anywhere over hundreds of km.
        auto anchor = describe(first, end, Reach::Near);
        // "pulled out of the Kanal district": a part of a town is in the town the story is at,
        // when the gazetteer's namesake is abroad (a district in the country's own land, "the
        // Stryi district" of a region, may be a district of its own).
        if (!anchor && district_noun_after(end))
            if (auto town = town_before(first, "town"); town && town->country != namesake.country) anchor = std::move(town);
        if (!anchor || anchor->id == namesake.id) return std::nullopt;
        if (proj::geodesic_km(anchor->lon, anchor->lat, namesake.lon, namesake.lat) <= rules().max_namesake_km) return std::nullopt;
        return anchor;
    }

    [[nodiscard]] bool free_capitalised(size_t i) const {
        const Token& t = tokens_[i];
        return covering_[i] < 0 && t.capitalised && !t.all_caps && !lexicon::is_calendar_word(lower_[i]) && !lexicon::is_title(lower_[i]) &&
               !rules().never_names.contains(lower_[i]);
    }

    // The end of a name of capitalised words no mention covers starting at i ("Ta Muen Thom",
    // "al-Luweib"), or i when none starts there.
    [[nodiscard]] size_t name_end(size_t i) const {
        size_t k = i;
        // "al-Luweib": a lower-case article joined by a hyphen opens the name.
        if (k + 1 < tokens_.size() && tokens_[k].hyphen_after && lexicon::is_name_connector(lower_[k]) && covering_[k] < 0 && free_capitalised(k + 1)) ++k;
        if (!free_capitalised(k)) return i;
        ++k;
        while (k < tokens_.size() && k - i < rules().max_name_words && free_capitalised(k) && !tokens_[k].sentence_start &&
               !tokens_[k - 1].comma_after && !tokens_[k - 1].stop_after && !tokens_[k - 1].possessive)
            ++k;
        return tokens_[k - 1].possessive ? i : k;
    }

    // "the villages of Kalasib, Mahnib and Tabut": the first name of the list the last run ends,
    // when a plural settlement noun opens that list; the names after it are places of that kind.
    [[nodiscard]] std::optional<std::pair<size_t, size_t>> list_head(const std::vector<std::pair<size_t, size_t>>& runs) const {
        for (size_t r = runs.size(); r-- > 1;) {
            const auto [prev_first, prev_end] = runs[r - 1];
            const auto [first, end] = runs[r];
            const bool after_comma = first == prev_end && tokens_[prev_end - 1].comma_after && lists_on(end);
            const bool after_list_word = first == prev_end + 1 && rules().list_words.contains(lower_[prev_end]) && !tokens_[prev_end].comma_after;
            if (!after_comma && !after_list_word) return std::nullopt;
            if (opens_list(prev_first)) return runs[r - 1];
        }
        return std::nullopt;
    }

    // A name followed by a comma, "and" or "or" may be one of a list; one followed by anything
    // else ("Romanian officials said") is not.
    [[nodiscard]] bool lists_on(size_t end) const {
        return tokens_[end - 1].comma_after || (end < tokens_.size() && rules().list_words.contains(lower_[end]));
    }

    [[nodiscard]] bool opens_list(size_t first) const {
        return first >= 2 && !tokens_[first].sentence_start && lower_[first - 1] == "of" && rules().plural_settlement_nouns.contains(lower_[first - 2]);
    }

    [[nodiscard]] std::string name_key(size_t first, size_t end) const { return text::name_key(article_.substr(tokens_[first].start, tokens_[end - 1].end - tokens_[first].start)); }

    [[nodiscard]] bool two_words_in(const std::unordered_set<std::string>& list, size_t k) const {
        return k + 1 < tokens_.size() && rules().two_word_openers.contains(lower_[k]) && list.contains(lower_[k] + " " + lower_[k + 1]);
    }

    bool site_noun_at(size_t k, size_t* after = nullptr) const {
        if (k >= tokens_.size()) return false;
        if (two_words_in(rules().site_nouns, k)) {
            if (after) *after = k + 2;
            return true;
        }
        if (!rules().site_nouns.contains(lower_[k])) return false;
        if (after) *after = k + 1;
        return true;
    }

    // "Porto Alegre's Salgado Filho airport": a site owned by the town named just before it.
    [[nodiscard]] std::optional<gazetteer::Place> owner_town(size_t first) const {
        if (first == 0 || !tokens_[first - 1].possessive || covering_[first - 1] < 0) return std::nullopt;
        const Mention& owner = mentions_[static_cast<size_t>(covering_[first - 1])];
        if (!owner.place || (owner.place->type != gazetteer::PlaceType::City && owner.place->type != gazetteer::PlaceType::Village)) return std::nullopt;
        return owner.place;
    }

    // "X township", "the Okhmatdyt children's hospital": the site noun right after a name, past a
    // few lower-case words.
    [[nodiscard]] std::optional<size_t> site_noun_after(size_t end) const {
        for (size_t k = end; k < tokens_.size() && k <= end + rules().max_words_to_site_noun; ++k) {
            if (tokens_[k - 1].comma_after || tokens_[k - 1].stop_after || tokens_[k].capitalised || covering_[k] >= 0) return std::nullopt;
            if (site_noun_at(k)) return k;
            if (!rules().site_modifiers.contains(lower_[k]) && !rules().site_modifiers.contains(lower_[k] + "'s")) return std::nullopt;
        }
        return std::nullopt;
    }

    // "the Kanal district", "its al-Manshiya quarter": the name is a part of a town. The district
    // noun's index.
    [[nodiscard]] std::optional<size_t> district_noun_after(size_t end) const {
        const auto noun = site_noun_after(end);
        return noun && rules().district_nouns.contains(lower_[*noun]) ? noun : std::nullopt;
    }

    // A plant, port or base the words name is a site; anything else a settlement.
    [[nodiscard]] gazetteer::PlaceType type_named(size_t first, size_t end) const {
        const auto is_site = [&](size_t k) {
            if (two_words_in(rules().site_infrastructure, k)) return true;
            return rules().site_infrastructure.contains(lower_[k]);
        };
        if (const auto noun = site_noun_after(end); noun && is_site(*noun)) return gazetteer::PlaceType::Infrastructure;
        if (first >= 2 && lower_[first - 1] == "of" && is_site(first - 2)) return gazetteer::PlaceType::Infrastructure;
        return gazetteer::PlaceType::Village;
    }

    // Where the words that say what the name is end, or nullopt when none do: "the village of X",
    // "X township", "X, a farming village", "X lies".
    [[nodiscard]] std::optional<size_t> cue_end(size_t first, size_t end) const {
        const bool opens_sentence = tokens_[first].sentence_start;
        if (!opens_sentence && first >= 2 && lower_[first - 1] == "of" && site_noun_at(first - 2)) return end;
        size_t after = 0;
        if (const auto noun = site_noun_after(end)) {
            site_noun_at(*noun, &after);
            return after;
        }
        if (tokens_[end - 1].comma_after && end < tokens_.size() && rules().determiners.contains(lower_[end])) {
            for (size_t k = end + 1; k < tokens_.size() && k <= end + 1 + rules().max_words_before_site_noun; ++k) {
                if (site_noun_at(k, &after)) return after;
                if (tokens_[k].comma_after || tokens_[k].stop_after) break;
            }
        }
        if (opens_sentence && end < tokens_.size() && rules().definition_verbs.contains(lower_[end])) return end + 1;
        // "Olenya, outside Olenegorsk", "Sange, about 30 km north of Uvira": the location itself is the cue.
        if (tokens_[end - 1].comma_after)
            for (size_t k = end; k < tokens_.size() && k < end + 2; ++k)
                if (located_at(k, first, true)) return k;
        return std::nullopt;
    }

    [[nodiscard]] std::optional<gazetteer::Place> describe(size_t first, size_t end, Reach reach = Reach::Any) const {
        const auto from = cue_end(first, end);
        if (!from) return std::nullopt;
        const bool site = type_named(first, end) == gazetteer::PlaceType::Infrastructure;
        const auto district = district_noun_after(end);
        // "Kyiv's Shevchenko district", "Porto Alegre's Salgado Filho airport": in the town that owns it.
        if (auto town = site || district ? owner_town(first) : std::nullopt) return town;
        // "the Kanal district of Chasiv Yar": in that town.
        if (district && *district + 2 < tokens_.size() && lower_[*district + 1] == "of")
            if (auto town = anchor_at(*district + 2, first, false)) return town;
        // Past a comma, a description opens the new phrase ("the village of Plauru, opposite
        // Izmail"); deeper in it the words are about something else ("Qwertovo on Friday, the
        // defence ministry in Moscow said").
        std::optional<size_t> phrase;
        for (size_t k = *from; k < tokens_.size() && k < *from + rules().max_scan_words && !tokens_[k - 1].stop_after; ++k) {
            if (k > *from && tokens_[k - 1].comma_after) phrase = k;
            if (phrase && k - *phrase > rules().max_words_into_phrase) break;
            if (k > 0 && rules().speaker_nouns.contains(lower_[k - 1])) continue;
            if (auto place = located_at(k, first, false, reach)) return place;
        }
        return std::nullopt;
    }

    // A place the gazetteer knows, or "the city" for the last town named, starting at word k.
    [[nodiscard]] std::optional<gazetteer::Place> anchor_at(size_t k, size_t name_first, bool region_allowed) const {
        if (k >= tokens_.size()) return std::nullopt;
        if (const int m = covering_[k]; m >= 0 && mentions_[static_cast<size_t>(m)].start == tokens_[k].start) {
            const Mention& mention = mentions_[static_cast<size_t>(m)];
            if (mention.role != Role::Location || !mention.place) return std::nullopt;
            const auto& p = *mention.place;
            if (p.type == gazetteer::PlaceType::City || p.type == gazetteer::PlaceType::Village || p.type == gazetteer::PlaceType::Infrastructure) return p;
            if (region_allowed && p.type == gazetteer::PlaceType::Region && small_area(p)) return p;
            return std::nullopt;
        }
        if (lower_[k] == "the" && k + 1 < tokens_.size() && rules().own_references.contains(lower_[k + 1])) {
            // "the city of El Obeid" names it; "the city" alone is the last town named.
            if (k + 3 < tokens_.size() && lower_[k + 2] == "of" && covering_[k + 3] >= 0) return anchor_at(k + 3, name_first, false);
            return town_before(name_first, lower_[k + 1]);
        }
        return std::nullopt;
    }

    [[nodiscard]] static bool small_area(const gazetteer::Place& p) {
        if (!p.bbox) return false;
        return proj::geodesic_km(p.bbox->west(), p.bbox->south(), p.bbox->east(), p.bbox->north()) <= rules().max_region_diagonal_km;
    }

    // "the city" is the story's city: of the last few towns named, the largest ("the paramilitaries
    // captured Bara, near El Obeid ... 15 km east of the city" means El Obeid). "the town" is the last.
    [[nodiscard]] std::optional<gazetteer::Place> town_before(size_t name_first, const std::string& noun) const {
        std::vector<const gazetteer::Place*> recent;
        // From the last mention before the name, and only so far back, so that a long article of
        // such references stays linear.
        const auto before = std::lower_bound(mentions_.begin(), mentions_.end(), tokens_[name_first].start,
                                             [](const Mention& m, size_t start) { return m.start < start; });
        size_t looked = 0;
        for (auto m = static_cast<size_t>(before - mentions_.begin()); m-- > 0 && recent.size() < rules().towns_looked_back && looked++ < rules().mentions_looked_back;) {
            const Mention& mention = mentions_[m];
            if (mention.role != Role::Location || !mention.place || mention.dateline) continue;
            const auto type = mention.place->type;
            if (type != gazetteer::PlaceType::City && type != gazetteer::PlaceType::Village) continue;
            if (std::none_of(recent.begin(), recent.end(), [&](const gazetteer::Place* p) { return p->id == mention.place->id; })) recent.push_back(&*mention.place);
        }
        if (recent.empty()) return std::nullopt;
        if (!rules().largest_references.contains(noun)) return *recent.front();
        return **std::max_element(recent.begin(), recent.end(), [](const auto* a, const auto* b) { return a->population < b->population; });
    }

    // The bearing a direction word (or a hyphenated pair, "north-east") at k gives, and the word after it.
    [[nodiscard]] std::optional<std::pair<double, size_t>> bearing_at(size_t k) const {
        if (k >= tokens_.size()) return std::nullopt;  // "15 km" may end the article
        if (k + 1 < tokens_.size() && tokens_[k].hyphen_after)
            if (const auto it = rules().bearings.find(lower_[k] + "-" + lower_[k + 1]); it != rules().bearings.end()) return std::pair{it->second, k + 2};
        if (const auto it = rules().bearings.find(lower_[k]); it != rules().bearings.end()) return std::pair{it->second, k + 1};
        return std::nullopt;
    }

    // "15 km east of X", "north of the town", "near X", "opposite X", "in X province" at word k.
    // Strict: "in" must name an area ("Ta Muen Thom, in Phanom Dong Rak district"), not a town
    // ("Vladimir Putin, speaking in Harbin").
    [[nodiscard]] std::optional<gazetteer::Place> located_at(size_t k, size_t name_first, bool strict = false, Reach reach = Reach::Any) const {
        const auto [km, at] = distance_at(k);
        if (const auto bearing = bearing_at(at); bearing && bearing->second < tokens_.size() && lower_[bearing->second] == "of") {
            const auto anchor = anchor_at(bearing->second + 1, name_first, false);
            if (!anchor || (reach == Reach::Near && km == 0)) return std::nullopt;
            return offset(*anchor, km, bearing->first);
        }
        if (km > 0) return away_from(at, km, name_first);
        if (const auto anchor_word = past_edge(k)) return anchor_at(*anchor_word, name_first, false);
        const bool two_word = two_words_in(rules().relations, k);
        if (two_word || rules().relations.contains(lower_[k])) return anchor_at(k + (two_word ? 2 : 1), name_first, false);
        if (reach == Reach::Any && rules().region_prepositions.contains(lower_[k])) {
            auto area = region_after(k + 1, name_first);
            if (strict && area && area->type != gazetteer::PlaceType::Region) return std::nullopt;
            return area;
        }
        return std::nullopt;
    }

    // "15 km" at word k: the distance in km and the word after its unit; with no distance there, 0
    // and k.
    [[nodiscard]] std::pair<double, size_t> distance_at(size_t k) const {
        if (const auto number = whole_number(tokens_[k].text); number && k + 1 < tokens_.size())
            if (const auto unit = rules().units_km.find(lower_[k + 1]); unit != rules().units_km.end()) return {*number * unit->second, k + 2};
        return {0.0, k};
    }

    // A place a distance with no "of" after it puts away from somewhere. `at` is the word after
    // the distance's unit.
    [[nodiscard]] std::optional<gazetteer::Place> away_from(size_t at, double km, size_t name_first) const {
        // "Nawnghkio, about 35 kilometres to the south-west": from the town the story was just at.
        if (at + 2 < tokens_.size() && lower_[at] == "to" && lower_[at + 1] == "the")
            if (const auto bearing = bearing_at(at + 2); bearing && (bearing->second >= tokens_.size() || lower_[bearing->second] != "of"))
                if (const auto town = town_before(name_first, "town")) return offset(*town, km, bearing->first);
        return from_anchor(at, name_first);
    }

    // "about 15 kilometers (9 miles) from the northern coastal town of Batroun": with no bearing, the
    // place is put at the town it is measured from, within the distance given. `at` is the word
    // after the distance's unit.
    [[nodiscard]] std::optional<gazetteer::Place> from_anchor(size_t at, size_t name_first) const {
        // The same distance in other units, in brackets: "(9 miles)".
        if (at + 1 < tokens_.size() && tokens_[at].text.find_first_not_of("0123456789.") == std::string::npos && rules().units_km.contains(lower_[at + 1]))
            at += 2;
        if (at >= tokens_.size() || lower_[at] != "from") return std::nullopt;
        for (size_t k = at + 1; k < tokens_.size() && k <= at + rules().max_words_to_anchor; ++k) {
            if (const int m = covering_[k]; m >= 0) return anchor_at(k, name_first, false);
            if (tokens_[k].comma_after || tokens_[k].stop_after) break;
        }
        return std::nullopt;
    }

    // "on the western edge of the city", "at the northern tip of X": the word after "of", if k
    // opens such a phrase. The place is put at what it is on the edge of.
    [[nodiscard]] std::optional<size_t> past_edge(size_t k) const {
        if (k + 3 >= tokens_.size() || !rules().edge_openers.contains(lower_[k]) || lower_[k + 1] != "the") return std::nullopt;
        size_t at = k + 2;
        if (tokens_[at].hyphen_after && at + 1 < tokens_.size() && rules().side_adjectives.contains(lower_[at] + "-" + lower_[at + 1]))
            at += 2;
        else if (rules().side_adjectives.contains(lower_[at]))
            ++at;
        if (at + 1 >= tokens_.size() || !rules().edge_nouns.contains(lower_[at]) || lower_[at + 1] != "of") return std::nullopt;
        return at + 2;
    }

    // "in the Ryazan region", "in Armenia's southern Syunik province": the first area named within
    // a few words, past a country's possessive.
    [[nodiscard]] std::optional<gazetteer::Place> region_after(size_t k, size_t name_first) const {
        for (size_t j = k; j < tokens_.size() && j < k + 4; ++j) {
            const int m = covering_[j];
            if (m < 0 || mentions_[static_cast<size_t>(m)].start != tokens_[j].start) {
                if (tokens_[j].comma_after || tokens_[j].stop_after) break;
                continue;
            }
            const Mention& mention = mentions_[static_cast<size_t>(m)];
            const bool country = mention.place && mention.place->type == gazetteer::PlaceType::Country;
            if (!(country && tokens_[j].possessive)) return anchor_at(j, name_first, true);
        }
        return std::nullopt;
    }

    static gazetteer::Place offset(gazetteer::Place anchor, double km, double bearing) {
        if (km > 0) {
            const auto moved = proj::geodesic_offset(anchor.lon, anchor.lat, km, bearing);
            anchor.lon = moved.lon;
            anchor.lat = moved.lat;
        }
        return anchor;
    }

    // The place the article's words describe: the name, at its anchor (or offset from it).
    [[nodiscard]] gazetteer::Place described_place(size_t first, size_t end, const gazetteer::Place& anchor) const {
        const std::string text(article_.substr(tokens_[first].start, tokens_[end - 1].end - tokens_[first].start));
        gazetteer::Place p;
        p.id = "described:" + text::name_key(text);
        p.name = text;
        p.type = type_named(first, end);
        p.feature_code = std::string(gazetteer::kDescribedFeature);
        p.country = anchor.country;
        p.admin1 = anchor.admin1;
        p.lat = anchor.lat;
        p.lon = anchor.lon;
        return p;
    }

    [[nodiscard]] Mention mention_of(size_t first, size_t end, const gazetteer::Place& anchor) const {
        Mention m;
        m.start = tokens_[first].start;
        m.end = tokens_[end - 1].end;
        m.text = std::string(article_.substr(m.start, m.end - m.start));
        m.key = text::name_key(m.text);
        m.cue = TypeCue::Settlement;
        m.place = described_place(first, end, anchor);
        m.confidence = rules().confidence;
        return m;
    }

    std::string_view article_;
    std::vector<Mention>& mentions_;
    const std::vector<Token>& tokens_;
    const std::vector<std::string>& lower_;
    const gazetteer::Gazetteer& gazetteer_;
    std::vector<int> covering_;  // the mention covering each token, or -1
};

}  // namespace

void place_described(std::string_view article, std::vector<Mention>& mentions, const Words& words, const gazetteer::Gazetteer& gazetteer) {
    Describer(article, mentions, words, gazetteer).run();
}

}  // namespace frontmap::parse
