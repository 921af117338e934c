#include "parse/lexicon.hpp"

#include <algorithm>
#include <array>
#include <bitset>

namespace frontmap::parse::lexicon {

namespace {
size_t length_and_initial(std::string_view w) { return std::min<size_t>(w.size(), 31) << 5 | (w.empty() ? 0 : static_cast<unsigned char>(w[0]) & 31); }

// Most words of an article are in none of these lists: a bit per length and first letter turns
// them away before any comparison (a linear scan compared strings for every word; hashing cost more).
template <const auto& Words>
bool in(std::string_view w) {
    static const auto filter = [] {
        std::bitset<1024> bits;
        for (const auto word : Words) bits.set(length_and_initial(word));
        return bits;
    }();
    return filter.test(length_and_initial(w)) && std::find(Words.begin(), Words.end(), w) != Words.end();
}

constexpr auto kCalendar = std::to_array<std::string_view>({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // Abbreviations, as in datelines and "on Nov. 21".
    "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "tues", "thurs"});

constexpr auto kTitles = std::to_array<std::string_view>({
    "president", "secretary", "minister", "gen", "general", "mr", "mrs", "ms", "dr", "governor", "mayor",
    "senator", "sen", "rep", "chancellor", "king", "queen", "prince", "princess", "sheikh", "colonel", "col",
    "lt", "lieutenant", "commander", "admiral", "pope", "sergeant", "sgt", "capt", "captain", "judge", "justice",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "premier", "emir", "gov", "officer",
    "chief", "director"});

constexpr auto kActorVerbs = std::to_array<std::string_view>({
    "said", "says", "say", "told", "tells", "claimed", "claims", "claim", "denied", "denies", "deny",
    "accused", "accuses", "announced", "announces", "warned", "warns", "urged", "urges", "insisted",
    "insists", "confirmed", "confirms", "rejected", "rejects", "responded", "demanded", "demands",
    "condemned", "condemns", "welcomed", "welcomes", "invaded", "invades", "vowed", "vows", "threatened",
    "threatens", "signed", "agreed", "agrees", "wants", "sent", "sends", "supplied", "sanctioned",
    "retaliated", "considers", "believes", "blamed", "blames", "ordered", "orders", "pledged", "pledges",
    "stated", "reported", "regards", "hopes", "expects", "fired", "fires", "launched", "launches"});

constexpr auto kAuxiliaries = std::to_array<std::string_view>({"has", "had", "have", "will", "would", "is", "was", "also", "again", "then"});

constexpr auto kActorNouns = std::to_array<std::string_view>({
    "forces", "troops", "army", "military", "government", "officials", "official", "leadership", "defense",
    "defence", "ministry", "foreign", "president", "envoy", "ambassador", "allies", "invasion", "offensive",
    "counteroffensive", "counter", "war", "navy", "air", "regime", "authorities", "administration", "leaders",
    "leader", "prime", "spokesman", "spokeswoman", "diplomats", "intelligence", "soldiers", "commanders",
    "general", "generals", "security", "decision", "demands", "position", "stance", "support", "response",
    "backing", "sanctions", "claims", "aggression", "force", "drive", "parliament", "sovereignty", "embassy",
    "cabinet", "delegation", "negotiators", "experts", "analysts", "senate", "congress", "interior", "case", "proxies", "campaign"});

constexpr auto kActorModifiers = std::to_array<std::string_view>({
    "installed", "backed", "appointed", "aligned", "allied", "led", "friendly", "imposed", "sponsored", "funded",
    "linked", "supported", "armed", "controlled"});

constexpr auto kActorPrefixes = std::to_array<std::string_view>({"pro", "anti"});

constexpr auto kRegionWords = std::to_array<std::string_view>({
    "region", "oblast", "province", "governorate", "state", "district", "raion", "county", "regions",
    "provinces", "territory", "prefecture"});

constexpr auto kRiverWords = std::to_array<std::string_view>({"river", "rivers", "estuary"});

constexpr auto kRouteWords = std::to_array<std::string_view>({"road", "highway", "motorway", "railway", "line", "front", "axis", "corridor", "route", "border"});

// Nouns after a name that make the name a geographic feature's: "Bolan Pass", "Kodori Valley".
constexpr auto kFeatureWords = std::to_array<std::string_view>({"pass", "valley", "gorge", "mountains", "mountain", "hills", "hill", "heights",
                                                                  "plateau", "desert", "lake", "bay", "gulf", "strait", "island", "islands",
                                                                  "peninsula", "dam", "bridge", "airport", "airbase", "base", "crossing"});

constexpr auto kSettlementWords = std::to_array<std::string_view>({"city", "town", "village", "capital", "port", "settlement", "hamlet", "suburb"});

// Lower-case words inside a name ("Rostov-on-Don", "Deir ez-Zor"); with the inner connectors below.
constexpr auto kConnectors = std::to_array<std::string_view>({"of", "al", "el", "ez", "az", "as", "ad", "ash", "ar", "de", "la", "on"});

// Connectors found only inside a name ("Eldorado do Sul", "Santa Maria da Feira"), unlike "of"
// ("the Republic of Congo"): the word after one names no place of its own.
constexpr auto kInnerConnectors = std::to_array<std::string_view>({"do", "da", "dos", "das", "del", "di", "du", "des", "y"});

constexpr auto kSeats = std::to_array<std::string_view>({"kremlin", "white house", "pentagon", "downing street", "elysee", "bankova", "quai dorsay", "zhongnanhai",
                                                         "whitehall", "wall street", "capitol hill", "stormont", "holyrood", "threadneedle street"});

constexpr auto kRiverContext = std::to_array<std::string_view>({"bank", "banks", "across", "crossing", "cross", "crossed", "along", "upstream"});

constexpr auto kLocative = std::to_array<std::string_view>({
    "in", "at", "from", "near", "outside", "inside", "into", "to", "across", "around", "toward", "towards",
    "through", "within", "over", "on", "off", "of", "via", "south", "north", "east", "west"});

// Nouns after a state's possessive that name its land, not its affairs: "Ukraine's south",
// "Russia's border regions", "Ukraine's second-largest city".
constexpr auto kLandNouns = std::to_array<std::string_view>({
    "capital", "coast", "coastline", "border", "borders", "frontier", "territory", "territories", "soil", "airspace",
    "city", "cities", "town", "towns", "village", "villages", "port", "ports", "heartland", "interior", "countryside",
    "mountains", "hills", "plains", "desert", "islands", "island", "side", "part", "parts", "waters", "shores",
    "suburbs", "outskirts", "docklands", "reservoirs", "rivers", "lakes", "forests", "fields", "farmland", "valleys",
    "hospital", "hospitals", "terminal", "terminals", "site", "sites", "plant", "plants", "refinery", "refineries", "grid",
    "facility", "facilities", "infrastructure"});

// Adjectives between a state's possessive and its noun, which say nothing of land or affairs:
// "Ukraine's second-largest city", "Moscow's biggest gain", "Syria's coastal region".
constexpr auto kRankAdjectives = std::to_array<std::string_view>({
    "second", "third", "fourth", "largest", "biggest", "main", "oldest", "first", "northernmost", "southernmost",
    "easternmost", "westernmost", "coastal", "neighbouring", "neighboring", "most", "important", "key", "vast", "entire", "whole"});

// Words after a country's abbreviation that leave it a noun ("the U.S. and Canada", "in the UK
// on Monday"), where any other word makes it a modifier ("U.S. officials").
constexpr auto kNounFollowers = std::to_array<std::string_view>({
    "and", "or", "but", "nor", "in", "on", "at", "to", "for", "with", "by", "from", "as", "of", "into", "than",
    "after", "before", "since", "until", "over", "under", "is", "was", "were", "are", "be", "been", "the", "a",
    "an", "that", "which", "who", "where", "while", "when", "if", "because", "it", "its", "this", "these"});

// Prepositions that put a place after them, narrower than kLocative: not "of", "to" or "on", which
// also take offices and bodies ("Secretary of State", "to Congress").
constexpr auto kPlacePrepositions = std::to_array<std::string_view>({
    "in", "at", "from", "near", "outside", "inside", "into", "across", "around", "toward", "towards", "through", "within"});

// Arabic words of landform and building that open a place's name ("Ras Isa", "Deir Sharaf", "Kafr
// Aqab"), and their kin in Sudanese, Somali and Hebrew names ("Hilat Hamid", "Ceel Baraf", "Kiryat
// Shmona"): before a name the gazetteer does not know whole, they say the name is of another place.
// Not "wadi" or "nahr": a valley or river is named for the town it runs by ("Wadi Gaza").
constexpr auto kNamePrefixes = std::to_array<std::string_view>({
    "ras", "tell", "tal", "beit", "bayt", "deir", "dayr", "kafr", "kfar", "ain", "ein", "bir", "jabal", "jebel", "khirbet",
    "umm", "qasr", "marj", "hilat", "hillat", "ceel", "sidi", "bab", "kiryat", "qiryat", "tel"});

constexpr auto kActorRoles = std::to_array<std::string_view>({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "government", "authorities",
    "regime", "administration", "leadership", "envoy", "negotiators", "diplomats"});

constexpr auto kAddressVerbs = std::to_array<std::string_view>({
    "urged", "urges", "told", "tells", "warned", "warns", "asked", "asks", "accused", "accuses", "pressed",
    "presses", "blamed", "blames", "criticised", "criticized", "thanked", "sanctioned", "condemned",
    "persuade", "persuaded", "convince", "convinced", "lobbied", "accusing", "urging", "warning", "telling",
    "pressing", "asking", "blaming", "providing", "supplying", "arming", "sanctioning", "strip", "stripping"});

// "Aleppo fell, followed on Thursday by Hama", "a town surrounded by Kherson's suburbs": what
// follows "by" after these verbs is a place in a sequence or a layout, not an agent.
constexpr auto kNonAgentByVerbs = std::to_array<std::string_view>({"followed", "preceded", "surrounded", "bordered", "flanked", "separated",
                                                                   "divided", "overlooked", "dominated", "replaced"});

// "the basin authority, which answers to Madrid": the one answered to governs.
constexpr auto kAnswerableWords = std::to_array<std::string_view>({"answers", "answer", "answered", "answerable", "accountable", "loyal",
                                                                   "subordinate", "beholden"});

constexpr auto kOrganisationHeads = std::to_array<std::string_view>({
    "army", "forces", "force", "society", "alliance", "front", "movement", "party", "council", "group", "brigade",
    "brigades", "regiment", "fleet", "committee", "union", "liberation", "defense", "defence", "crescent", "cross",
    "agency", "bank", "company", "corporation", "airways", "airlines", "league", "federation", "guard", "corps",
    "battalion", "division", "navy", "states", "network", "foundation", "commission", "ministry", "news", "times",
    "post", "institute", "university", "club", "organisation", "organization", "coalition", "command", "service",
    "journal", "herald", "independent", "fc", "united", "tribune", "gazette"});

constexpr auto kVesselWords = std::to_array<std::string_view>({
    "ship", "vessel", "cruiser", "frigate", "submarine", "boat", "tanker", "flagship", "carrier", "destroyer",
    "warship", "freighter", "ferry", "corvette", "trawler", "codenamed", "dubbed", "operation"});

// Storms are named like people and often after places' names ("Hurricane Milton", "Storm Ciarán").
constexpr auto kStormWords = std::to_array<std::string_view>({
    "hurricane", "hurricanes", "typhoon", "typhoons", "cyclone", "cyclones", "storm", "storms"});

constexpr auto kDocumentWords = std::to_array<std::string_view>({
    "accord", "accords", "agreement", "agreements", "protocol", "protocols", "format", "declaration",
    "convention", "process", "memorandum", "communique", "summit", "talks"});

constexpr auto kDirectional = std::to_array<std::string_view>({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "upper", "lower", "greater",
    "new", "old", "central", "abu", "al", "el", "port", "saint", "st", "san", "santa", "nova", "novo", "velyka",
    "mala", "nizhny", "stary", "ras", "bir", "ain", "tel", "kfar", "beit", "khan", "deir", "umm", "wadi", "lake", "mount"});

constexpr auto kAdverbials = std::to_array<std::string_view>({
    "on", "in", "last", "this", "since", "also", "then", "again", "now", "still", "already", "later", "earlier",
    "previously", "repeatedly", "reportedly", "swiftly", "quickly", "itself", "too", "meanwhile", "however",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "week", "month",
    "year", "night", "overnight", "today", "yesterday", "never", "not", "has", "had", "have", "will", "would",
    "is", "was", "did", "does", "can", "could", "must", "should", "might", "been", "which", "who"});

constexpr auto kPassivePlaceVerbs = std::to_array<std::string_view>({
    "hit", "struck", "shelled", "bombed", "attacked", "captured", "taken", "liberated", "seized", "retaken",
    "occupied", "surrounded", "flooded", "encircled", "evacuated", "destroyed", "damaged", "located", "known",
    "left", "cut", "besieged", "recaptured", "freed", "lost", "overrun", "targeted", "plunged", "rocked", "shaken"});

constexpr auto kNotVerbs = std::to_array<std::string_view>({
    "the", "a", "an", "home", "part", "in", "at", "near", "still", "largely", "now", "once", "one", "among",
    "under", "of", "to", "for", "from", "and", "or", "is", "was", "city", "region", "remains", "lies", "sits",
    "stands", "borders", "has", "had", "residents", "officials", "says"});

constexpr auto kRelationNouns = std::to_array<std::string_view>({
    "ties", "relations", "cooperation", "talks", "deal", "agreement", "war", "dispute", "tensions", "negotiations",
    "treaty", "alliance", "partnership", "rift", "conflict", "contacts", "dialogue", "blow"});

// "handing Moscow control", "gives Moscow a land corridor", "against the UAE": words whose object is a state dealt with (the verbs
// of addressing, "accused Kyiv of", are kAddressVerbs).
constexpr auto kDealingVerbs = std::to_array<std::string_view>({
    "accuse", "urge", "reward", "rewards", "rewarded", "rewarding", "hand", "hands", "handed", "handing", "blame",
    "lobbying", "thanking", "criticising", "criticizing", "condemning", "invited", "inviting", "joined", "joining",
    "punish", "punished", "punishing", "courted", "courting", "deter", "deterred", "allowed", "allowing", "against",
    "give", "gives", "gave", "giving", "granted", "granting", "offered", "offering"});

// "pressure from China", "no comment from Ankara": what comes from a state.
constexpr auto kSourceNouns = std::to_array<std::string_view>({
    "pressure", "complaint", "complaints", "help", "support", "request", "requests", "protest", "protests", "objection",
    "objections", "demand", "demands", "backing", "recognition", "approval", "comment", "response", "reaction", "word",
    "assurances", "guarantees", "permission", "consent"});

// "aid for Kyiv", "weapons to Ukraine", "turned to Moscow": what goes to a state.
constexpr auto kRecipientWords = std::to_array<std::string_view>({
    "aid", "assistance", "weapons", "arms", "loans", "funding", "package", "turned", "turning", "turn", "appealed",
    "appeal", "apologised", "apologized", "allegiance"});

// "the junta in Bamako", "the General Staff in Kyiv", "the government of Somalia": bodies whose
// seat (a capital or a region's) stands for them.
constexpr auto kSeatNouns = std::to_array<std::string_view>({"government", "junta", "leadership", "regime", "cabinet", "presidency"});

// "officials in Washington", "the General Staff in Kyiv": people and offices that stand for a
// state from its capital, but not for any other town ("officials in Kherson", "the health
// ministry in Gaza").
constexpr auto kOfficialNouns = std::to_array<std::string_view>({
    "officials", "ministers", "policymakers", "lawmakers", "regulators", "negotiators", "administration", "staff",
    "ministry", "spokesman", "spokeswoman", "spokesperson"});

// "after Moscow walked away", "unless Israel invited": words that open a clause whose subject follows.
constexpr auto kSubordinators = std::to_array<std::string_view>({
    "after", "since", "when", "unless", "until", "before", "because", "if", "once", "yet", "though", "although",
    "whereas", "whether", "fears", "feared", "believes", "believed", "hopes", "insisted", "argued", "argues", "warned",
    "saying", "thinks", "thought", "suggests", "suggested", "say", "fear", "believe", "think", "argue", "suggest"});

// Past tenses without -ed of verbs that act, and modals of intent: "Azerbaijan won back", "Israel
// made no comment", "Washington would not". Not verbs a place undergoes ("Kyiv saw its heaviest
// bombardment", "went dark", "could face blackouts").
constexpr auto kIrregularVerbs = std::to_array<std::string_view>({
    "made", "won", "took", "struck", "gave", "began", "brought", "sought", "kept", "led", "shot", "put", "let",
    "spoke", "chose", "fought", "knew", "met", "paid", "sold", "threw", "understood", "wrote", "withdrew", "overran",
    "stole", "bought", "forgave", "would", "should", "shall", "did", "does"});

// "a drone attack against Kyiv": nouns of attack, whose target after "against" is a place.
constexpr auto kAttackNouns = std::to_array<std::string_view>({
    "attack", "attacks", "strike", "strikes", "offensive", "assault", "assaults", "raid", "raids", "barrage", "bombardment",
    "missiles", "drones", "rockets", "operation", "operations", "campaign", "counteroffensive"});
}  // namespace

bool is_calendar_word(std::string_view w) { return in<kCalendar>(w); }
bool is_title(std::string_view w) { return in<kTitles>(w); }
bool is_actor_verb(std::string_view w) { return in<kActorVerbs>(w); }
bool is_auxiliary(std::string_view w) { return in<kAuxiliaries>(w); }
bool leaves_noun(std::string_view w) { return in<kNounFollowers>(w); }
bool is_land_noun(std::string_view w) { return in<kLandNouns>(w); }
bool is_rank_adjective(std::string_view w) { return in<kRankAdjectives>(w); }
bool is_actor_noun(std::string_view w) { return in<kActorNouns>(w); }
bool is_actor_modifier(std::string_view w) { return in<kActorModifiers>(w); }
bool is_actor_prefix(std::string_view w) { return in<kActorPrefixes>(w); }
bool is_region_word(std::string_view w) { return in<kRegionWords>(w); }
bool is_river_word(std::string_view w) { return in<kRiverWords>(w); }
bool is_route_word(std::string_view w) { return in<kRouteWords>(w); }
bool is_feature_word(std::string_view w) { return in<kFeatureWords>(w); }
bool is_settlement_word(std::string_view w) { return in<kSettlementWords>(w); }
bool is_inner_connector(std::string_view w) { return in<kInnerConnectors>(w); }
bool is_name_connector(std::string_view w) { return in<kConnectors>(w) || is_inner_connector(w); }
bool is_seat_of_power(std::string_view key) {
    if (key.starts_with("the ")) key.remove_prefix(4);
    return in<kSeats>(key);
}
bool is_river_context(std::string_view w) { return in<kRiverContext>(w); }
bool is_address_verb(std::string_view w) { return in<kAddressVerbs>(w); }
bool is_answerable_word(std::string_view w) { return in<kAnswerableWords>(w); }
bool is_non_agent_by_verb(std::string_view w) { return in<kNonAgentByVerbs>(w); }
bool is_locative_preposition(std::string_view w) { return in<kLocative>(w); }
bool is_place_preposition(std::string_view w) { return in<kPlacePrepositions>(w); }
bool is_name_prefix(std::string_view w) { return in<kNamePrefixes>(w); }
bool is_actor_role(std::string_view w) { return in<kActorRoles>(w); }
bool is_organisation_head(std::string_view w) { return in<kOrganisationHeads>(w); }
bool is_vessel_word(std::string_view w) { return in<kVesselWords>(w); }
bool is_storm_word(std::string_view w) { return in<kStormWords>(w); }
bool is_document_word(std::string_view w) { return in<kDocumentWords>(w); }
bool is_directional(std::string_view w) { return in<kDirectional>(w); }
bool is_adverbial(std::string_view w) { return in<kAdverbials>(w); }
bool is_passive_place_verb(std::string_view w) { return in<kPassivePlaceVerbs>(w); }
bool is_not_verb(std::string_view w) { return in<kNotVerbs>(w); }
bool is_relation_noun(std::string_view w) { return in<kRelationNouns>(w); }
bool is_dealing_verb(std::string_view w) { return in<kDealingVerbs>(w); }
bool is_source_noun(std::string_view w) { return in<kSourceNouns>(w); }
bool is_recipient_word(std::string_view w) { return in<kRecipientWords>(w); }
bool is_seat_noun(std::string_view w) { return in<kSeatNouns>(w); }
bool is_official_noun(std::string_view w) { return in<kOfficialNouns>(w); }
bool is_subordinator(std::string_view w) { return in<kSubordinators>(w); }
bool is_irregular_verb(std::string_view w) { return in<kIrregularVerbs>(w); }
bool is_attack_noun(std::string_view w) { return in<kAttackNouns>(w); }

}  // namespace frontmap::parse::lexicon
