#include "parse/lexicon.hpp"

#include <algorithm>
#include <array>

namespace frontmap::parse::lexicon {

namespace {
template <size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view w) {
    return std::find(words.begin(), words.end(), w) != words.end();
}

constexpr auto kCalendar = std::to_array<std::string_view>({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});

constexpr auto kTitles = std::to_array<std::string_view>({
    "president", "secretary", "minister", "gen", "general", "mr", "mrs", "ms", "dr", "governor", "mayor",
    "senator", "sen", "rep", "chancellor", "king", "queen", "prince", "princess", "sheikh", "colonel", "col",
    "lt", "lieutenant", "commander", "admiral", "pope", "sergeant", "sgt", "capt", "captain", "judge", "justice",
    "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson", "premier", "emir", "gov", "officer",
    "chief", "director"});

constexpr auto kOrganisationSuffixes = std::to_array<std::string_view>({
    "post", "times", "journal", "herald", "independent", "institute", "university", "fc", "united", "airlines",
    "tribune", "gazette", "regiment", "fleet", "battalion", "brigade"});

constexpr auto kActorVerbs = std::to_array<std::string_view>({
    "said", "says", "say", "told", "tells", "claimed", "claims", "claim", "denied", "denies", "deny",
    "accused", "accuses", "announced", "announces", "warned", "warns", "urged", "urges", "insisted",
    "insists", "confirmed", "confirms", "rejected", "rejects", "responded", "demanded", "demands",
    "condemned", "condemns", "welcomed", "welcomes", "invaded", "invades", "vowed", "vows", "threatened",
    "threatens", "signed", "agreed", "agrees", "wants", "sent", "sends", "supplied", "sanctioned",
    "retaliated", "considers", "believes", "blamed", "blames", "ordered", "orders", "pledged", "pledges",
    "stated", "reported", "regards", "hopes", "expects"});

constexpr auto kAuxiliaries = std::to_array<std::string_view>({"has", "had", "have", "will", "would", "is", "was", "also", "again", "then"});

constexpr auto kActorNouns = std::to_array<std::string_view>({
    "forces", "troops", "army", "military", "government", "officials", "official", "leadership", "defense",
    "defence", "ministry", "foreign", "president", "envoy", "ambassador", "allies", "invasion", "offensive",
    "counteroffensive", "counter", "war", "navy", "air", "regime", "authorities", "administration", "leaders",
    "leader", "prime", "spokesman", "spokeswoman", "diplomats", "intelligence", "soldiers", "commanders",
    "general", "generals", "security", "decision", "demands", "position", "stance", "support", "response",
    "backing", "sanctions", "claims", "aggression"});

constexpr auto kActorModifiers = std::to_array<std::string_view>({
    "installed", "backed", "appointed", "aligned", "allied", "led", "friendly", "imposed", "sponsored", "funded"});

constexpr auto kActorPrefixes = std::to_array<std::string_view>({"pro", "anti"});

constexpr auto kRegionWords = std::to_array<std::string_view>({
    "region", "oblast", "province", "governorate", "state", "district", "raion", "county", "regions",
    "provinces", "territory", "prefecture"});

constexpr auto kRiverWords = std::to_array<std::string_view>({"river", "rivers", "estuary"});

constexpr auto kSettlementWords = std::to_array<std::string_view>({"city", "town", "village", "capital", "port", "settlement", "hamlet", "suburb"});

constexpr auto kConnectors = std::to_array<std::string_view>({"of", "al", "el", "ez", "az", "as", "ad", "ash", "ar", "de", "la", "on"});

constexpr auto kSeats = std::to_array<std::string_view>({"kremlin", "white house", "pentagon", "downing street", "elysee", "bankova", "quai dorsay", "zhongnanhai"});

constexpr auto kRiverContext = std::to_array<std::string_view>({"bank", "banks", "across", "crossing", "cross", "crossed", "along", "upstream"});
}  // namespace

bool is_calendar_word(std::string_view w) { return in(kCalendar, w); }
bool is_title(std::string_view w) { return in(kTitles, w); }
bool is_organisation_suffix(std::string_view w) { return in(kOrganisationSuffixes, w); }
bool is_actor_verb(std::string_view w) { return in(kActorVerbs, w); }
bool is_auxiliary(std::string_view w) { return in(kAuxiliaries, w); }
bool is_actor_noun(std::string_view w) { return in(kActorNouns, w); }
bool is_actor_modifier(std::string_view w) { return in(kActorModifiers, w); }
bool is_actor_prefix(std::string_view w) { return in(kActorPrefixes, w); }
bool is_region_word(std::string_view w) { return in(kRegionWords, w); }
bool is_river_word(std::string_view w) { return in(kRiverWords, w); }
bool is_settlement_word(std::string_view w) { return in(kSettlementWords, w); }
bool is_name_connector(std::string_view w) { return in(kConnectors, w); }
bool is_seat_of_power(std::string_view key) { return in(kSeats, key); }
bool is_river_context(std::string_view w) { return in(kRiverContext, w); }

}  // namespace frontmap::parse::lexicon

namespace frontmap::parse::lexicon {
namespace {
constexpr auto kLocative = std::to_array<std::string_view>({
    "in", "at", "from", "near", "outside", "inside", "into", "to", "across", "around", "toward", "towards",
    "through", "within", "over", "on", "off", "of", "between", "and", "via", "south", "north", "east", "west"});
constexpr auto kActorRoles = std::to_array<std::string_view>({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "government", "authorities",
    "regime", "administration", "leadership", "envoy", "negotiators", "diplomats"});
constexpr auto kAddressVerbs = std::to_array<std::string_view>({
    "urged", "urges", "told", "tells", "warned", "warns", "asked", "asks", "accused", "accuses", "pressed",
    "presses", "blamed", "blames", "criticised", "criticized", "thanked", "sanctioned", "condemned",
    "persuade", "persuaded", "convince", "convinced", "lobbied"});
}  // namespace
bool is_address_verb(std::string_view w) { return in(kAddressVerbs, w); }
bool is_locative_preposition(std::string_view w) { return in(kLocative, w); }
bool is_actor_role(std::string_view w) { return in(kActorRoles, w); }
}  // namespace frontmap::parse::lexicon
