#include "parse/lexicon.hpp"

#include "common/error.hpp"
#include "common/names.hpp"
#include "common/rules.hpp"

#include <algorithm>
#include <array>
#include <bitset>
#include <string>
#include <utility>
#include <vector>

namespace frontmap::parse {

extern const std::string_view kWordsJson;

namespace lexicon {

namespace {

// The lists of words.json, in its order.
enum class List : size_t {
    calendar,
    titles,
    actor_verbs,
    auxiliaries,
    actor_nouns,
    actor_modifiers,
    actor_prefixes,
    region_words,
    river_words,
    route_words,
    feature_words,
    settlement_words,
    connectors,
    inner_connectors,
    seats,
    river_context,
    locative,
    land_nouns,
    rank_adjectives,
    noun_followers,
    place_prepositions,
    name_prefixes,
    actor_roles,
    address_verbs,
    non_agent_by_verbs,
    answerable_words,
    organisation_heads,
    vessel_words,
    storm_words,
    document_words,
    directional,
    adverbials,
    passive_place_verbs,
    not_verbs,
    relation_nouns,
    dealing_verbs,
    source_nouns,
    recipient_words,
    seat_nouns,
    official_nouns,
    subordinators,
    irregular_verbs,
    attack_nouns,
    count
};
// Each list's name in words.json, in the enumeration's order (checked below), so a list added to
// one and not the other fails to build.
constexpr std::array<std::pair<List, std::string_view>, static_cast<size_t>(List::count)> kListNames{{
    {List::calendar, "calendar"},
    {List::titles, "titles"},
    {List::actor_verbs, "actor_verbs"},
    {List::auxiliaries, "auxiliaries"},
    {List::actor_nouns, "actor_nouns"},
    {List::actor_modifiers, "actor_modifiers"},
    {List::actor_prefixes, "actor_prefixes"},
    {List::region_words, "region_words"},
    {List::river_words, "river_words"},
    {List::route_words, "route_words"},
    {List::feature_words, "feature_words"},
    {List::settlement_words, "settlement_words"},
    {List::connectors, "connectors"},
    {List::inner_connectors, "inner_connectors"},
    {List::seats, "seats"},
    {List::river_context, "river_context"},
    {List::locative, "locative"},
    {List::land_nouns, "land_nouns"},
    {List::rank_adjectives, "rank_adjectives"},
    {List::noun_followers, "noun_followers"},
    {List::place_prepositions, "place_prepositions"},
    {List::name_prefixes, "name_prefixes"},
    {List::actor_roles, "actor_roles"},
    {List::address_verbs, "address_verbs"},
    {List::non_agent_by_verbs, "non_agent_by_verbs"},
    {List::answerable_words, "answerable_words"},
    {List::organisation_heads, "organisation_heads"},
    {List::vessel_words, "vessel_words"},
    {List::storm_words, "storm_words"},
    {List::document_words, "document_words"},
    {List::directional, "directional"},
    {List::adverbials, "adverbials"},
    {List::passive_place_verbs, "passive_place_verbs"},
    {List::not_verbs, "not_verbs"},
    {List::relation_nouns, "relation_nouns"},
    {List::dealing_verbs, "dealing_verbs"},
    {List::source_nouns, "source_nouns"},
    {List::recipient_words, "recipient_words"},
    {List::seat_nouns, "seat_nouns"},
    {List::official_nouns, "official_nouns"},
    {List::subordinators, "subordinators"},
    {List::irregular_verbs, "irregular_verbs"},
    {List::attack_nouns, "attack_nouns"},
}};
constexpr bool in_enum_order() {
    for (size_t i = 0; i < kListNames.size(); ++i)
        if (static_cast<size_t>(kListNames[i].first) != i) return false;
    return true;
}
static_assert(in_enum_order(), "kListNames must hold every List once, in the enumeration's order");

size_t length_and_initial(std::string_view w) { return std::min<size_t>(w.size(), 31) << 5 | (w.empty() ? 0 : static_cast<unsigned char>(w[0]) & 31); }

// Most words of an article are in none of these lists: a bit per length and first letter turns
// them away before any comparison (a linear scan compared strings for every word; hashing cost more).
class WordList {
public:
    WordList() = default;
    explicit WordList(std::vector<std::string> words) : words_(std::move(words)) {
        for (const auto& word : words_) filter_.set(length_and_initial(word));
    }
    [[nodiscard]] bool contains(std::string_view w) const { return filter_.test(length_and_initial(w)) && std::find(words_.begin(), words_.end(), w) != words_.end(); }

private:
    std::bitset<1024> filter_;
    std::vector<std::string> words_;
};

using Lists = std::array<WordList, static_cast<size_t>(List::count)>;

// Every list named in kListNames must be in the file, and the file may hold no other: a list
// misspelt in the file would otherwise match nothing, silently.
Lists load_lists() {
    const auto doc = rules::document(kWordsJson, "parse word lists (parse/words.json)");
    Lists lists;
    for (const auto& [key, value] : doc.items()) {
        if (key == "about" || key.starts_with('_')) continue;
        const auto list = names::value_of(kListNames, key);
        if (!list) throw DataError("parse word lists (parse/words.json)", "no list is called \"" + key + "\"");
        if (!value.is_array() || !std::all_of(value.begin(), value.end(), [](const auto& w) { return w.is_string(); }))
            throw DataError("parse word lists (parse/words.json)", "\"" + key + "\" is not a list of words");
        lists[static_cast<size_t>(*list)] = WordList(value.template get<std::vector<std::string>>());
    }
    for (const auto& [list, name] : kListNames)
        if (!doc.contains(std::string(name))) throw DataError("parse word lists (parse/words.json)", "the list \"" + std::string(name) + "\" is missing");
    return lists;
}

bool has(List list, std::string_view w) {
    static const Lists lists = load_lists();
    return lists[static_cast<size_t>(list)].contains(w);
}

}  // namespace

bool is_calendar_word(std::string_view w) { return has(List::calendar, w); }
bool is_title(std::string_view w) { return has(List::titles, w); }
bool is_actor_verb(std::string_view w) { return has(List::actor_verbs, w); }
bool is_auxiliary(std::string_view w) { return has(List::auxiliaries, w); }
bool leaves_noun(std::string_view w) { return has(List::noun_followers, w); }
bool is_land_noun(std::string_view w) { return has(List::land_nouns, w); }
bool is_rank_adjective(std::string_view w) { return has(List::rank_adjectives, w); }
bool is_actor_noun(std::string_view w) { return has(List::actor_nouns, w); }
bool is_actor_modifier(std::string_view w) { return has(List::actor_modifiers, w); }
bool is_actor_prefix(std::string_view w) { return has(List::actor_prefixes, w); }
bool is_region_word(std::string_view w) { return has(List::region_words, w); }
bool is_river_word(std::string_view w) { return has(List::river_words, w); }
bool is_route_word(std::string_view w) { return has(List::route_words, w); }
bool is_feature_word(std::string_view w) { return has(List::feature_words, w); }
bool is_settlement_word(std::string_view w) { return has(List::settlement_words, w); }
bool is_inner_connector(std::string_view w) { return has(List::inner_connectors, w); }
bool is_name_connector(std::string_view w) { return has(List::connectors, w) || is_inner_connector(w); }
bool is_seat_of_power(std::string_view key) {
    if (key.starts_with("the ")) key.remove_prefix(4);
    return has(List::seats, key);
}
bool is_river_context(std::string_view w) { return has(List::river_context, w); }
bool is_address_verb(std::string_view w) { return has(List::address_verbs, w); }
bool is_answerable_word(std::string_view w) { return has(List::answerable_words, w); }
bool is_non_agent_by_verb(std::string_view w) { return has(List::non_agent_by_verbs, w); }
bool is_locative_preposition(std::string_view w) { return has(List::locative, w); }
bool is_place_preposition(std::string_view w) { return has(List::place_prepositions, w); }
bool is_name_prefix(std::string_view w) { return has(List::name_prefixes, w); }
bool is_actor_role(std::string_view w) { return has(List::actor_roles, w); }
bool is_organisation_head(std::string_view w) { return has(List::organisation_heads, w); }
bool is_vessel_word(std::string_view w) { return has(List::vessel_words, w); }
bool is_storm_word(std::string_view w) { return has(List::storm_words, w); }
bool is_document_word(std::string_view w) { return has(List::document_words, w); }
bool is_directional(std::string_view w) { return has(List::directional, w); }
bool is_adverbial(std::string_view w) { return has(List::adverbials, w); }
bool is_passive_place_verb(std::string_view w) { return has(List::passive_place_verbs, w); }
bool is_not_verb(std::string_view w) { return has(List::not_verbs, w); }
bool is_relation_noun(std::string_view w) { return has(List::relation_nouns, w); }
bool is_dealing_verb(std::string_view w) { return has(List::dealing_verbs, w); }
bool is_source_noun(std::string_view w) { return has(List::source_nouns, w); }
bool is_recipient_word(std::string_view w) { return has(List::recipient_words, w); }
bool is_seat_noun(std::string_view w) { return has(List::seat_nouns, w); }
bool is_official_noun(std::string_view w) { return has(List::official_nouns, w); }
bool is_subordinator(std::string_view w) { return has(List::subordinators, w); }
bool is_irregular_verb(std::string_view w) { return has(List::irregular_verbs, w); }
bool is_attack_noun(std::string_view w) { return has(List::attack_nouns, w); }


}  // namespace lexicon
}  // namespace frontmap::parse
