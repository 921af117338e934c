#pragma once
// Closed word lists that decide what a place name is doing. The lists are data, parse/words.json,
// read once; lower case, looked up after folding.
#include <cstddef>
#include <string_view>

namespace frontmap::parse::lexicon {

// Capitalised words that are never places on their own: months, weekdays.
bool is_calendar_word(std::string_view w);
// Titles that make the next name a person's: "Secretary Austin", "Gen. Jordan".
bool is_title(std::string_view w);
// Verbs of saying and acting whose subject is an actor: "Moscow said", "Kyiv denied".
bool is_actor_verb(std::string_view w);
// Auxiliaries that may stand between an actor and its verb: "Moscow has said".
bool is_auxiliary(std::string_view w);
// A function word: after "U.S." it leaves the abbreviation a noun ("the U.S. and Canada").
bool leaves_noun(std::string_view w);
// A noun for a country's land after its possessive: "Ukraine's south", "Russia's border".
bool is_land_noun(std::string_view w);
// An adjective of rank or kind between a possessive and its noun: "second-largest", "coastal".
bool is_rank_adjective(std::string_view w);
// Nouns that make a possessive place an actor: "Kyiv's forces", "Russia's defence ministry".
bool is_actor_noun(std::string_view w);
// Second halves of hyphenated modifiers that make a place an actor: "Moscow-installed".
bool is_actor_modifier(std::string_view w);
// Prefixes that make a place an actor: "pro-Kremlin", "anti-Moscow".
bool is_actor_prefix(std::string_view w);
// Words after a name that mean an area: "Kherson region", "Shan State".
bool is_region_word(std::string_view w);
// Words after or before a name that mean a river.
bool is_river_word(std::string_view w);
bool is_route_word(std::string_view w);  // "road", "highway": two places before it name a route
// Nouns after a name that make it a geographic feature's name: "Bolan Pass", "Kodori Valley".
bool is_feature_word(std::string_view w);
// Words that mean a settlement: "the city of Kherson", "the village of Kyselivka".
bool is_settlement_word(std::string_view w);
// Lower-case words allowed inside a multi-word name: "Sea of Azov", "Deir ez-Zor".
bool is_name_connector(std::string_view w);
// "do", "da", "del": a connector found only inside a name, never before a place of its own.
bool is_inner_connector(std::string_view w);

// Names of seats of power that stand for their government unless context says otherwise; a
// name key, with or without "the " ("the kremlin").
bool is_seat_of_power(std::string_view key);
// Words before a river name: "the banks of the Dnieper", "across the Dnipro".
bool is_river_context(std::string_view w);

// Prepositions that make the next name a place: "officials in Kherson said".
bool is_locative_preposition(std::string_view w);
bool is_place_preposition(std::string_view w);  // "in", "around", "from": a place follows, never an office
bool is_name_prefix(std::string_view w);    // "ras", "deir", "kafr": opens an Arabic place name
// Verbs whose object is an actor: "urged Moscow to", "accused Kyiv of".
bool is_address_verb(std::string_view w);
// "answers to Madrid", "loyal to Kyiv": the one answered to is a government.
bool is_answerable_word(std::string_view w);
// "followed by", "surrounded by": the name after "by" is no agent.
bool is_non_agent_by_verb(std::string_view w);
// Nouns right after a name that make it an actor without a possessive: "a Kremlin spokesman".
bool is_actor_role(std::string_view w);
// Head words of organisations' names: "Israel Defense Forces", "Sudan Liberation Army",
// "Washington Post", "Kyiv Independent".
bool is_organisation_head(std::string_view w);
// Words that make the next name a vessel's: "the cruiser Moskva", "the ship Minsk".
bool is_vessel_word(std::string_view w);
// Words that make the next names a storm's: "Hurricane Milton", "hurricanes Helene and Milton".
bool is_storm_word(std::string_view w);
// Words after a name that make it a document's or process's: "the Algiers accord".
bool is_document_word(std::string_view w);
// Capitalised words that begin place names and are never given names here: "North Kivu".
bool is_directional(std::string_view w);
// Words a sentence's subject may be followed by before its verb: "Israel on Friday ordered".
bool is_adverbial(std::string_view w);
// Past participles after which a place is acted upon, not acting: "Kyiv was hit".
bool is_passive_place_verb(std::string_view w);
// Words after a place that show it is described, not acting: "Kyiv is the capital", "Gaza remains".
bool is_not_verb(std::string_view w);
// Nouns before "with"/"between" that make the places after them actors: "ties with Kigali".
bool is_relation_noun(std::string_view w);
// Words before a name that make it a state dealt with, when it names one: "accuse Rwanda",
// "against the UAE"; "pressure from China"; "aid for Kyiv", "turned to Moscow"; "the junta in Bamako".
bool is_dealing_verb(std::string_view w);
bool is_source_noun(std::string_view w);      // before "from"
bool is_recipient_word(std::string_view w);   // before "for" or "to"
bool is_official_noun(std::string_view w);    // before "in"
// "the junta in Bamako", "the government of Somalia": a body whose seat stands for it.
bool is_seat_noun(std::string_view w);

// Words after which a clause's subject comes: "after Moscow walked away", "fears Moscow intends".
bool is_subordinator(std::string_view w);
// Verbs in the past without -ed, and modals: "Azerbaijan won back", "Washington could not".
bool is_irregular_verb(std::string_view w);
// Nouns of attack: "a drone attack against Kyiv" aims at the place, not the state.
bool is_attack_noun(std::string_view w);

}  // namespace frontmap::parse::lexicon
