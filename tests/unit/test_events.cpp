// The event stage on hand-made mentions: no gazetteer needed, so each rule is seen alone.
#include "event_fixture.hpp"
#include "events/extract.hpp"
#include "events/geojson.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>

#include <string>
#include <vector>

using frontmap::events::Event;
using frontmap::events::EventType;
using frontmap::parse::Mention;

namespace {

using frontmap::test::mentions_of;

const frontmap::events::Date kFriday = frontmap::test::kArticleFriday;

std::vector<Event> events_of(const std::string& text, const std::vector<Mention>& mentions) {
    return frontmap::events::extract(text, mentions, {kFriday, {}});
}

// The events of `text` over the fixture's mentions of it.
std::vector<Event> events_in(const std::string& text) { return events_of(text, mentions_of(text)); }

// The one event of `text`; fails the test when there are none or more.
Event only_event(const std::string& text) {
    const auto events = events_in(text);
    REQUIRE(events.size() == 1);
    return events[0];
}

std::string where(const Event& e, const std::vector<Mention>& mentions) { return mentions[e.where].text; }

// How many events of `type` are at the place named `place`.
long count_at(const std::vector<Event>& events, const std::vector<Mention>& mentions, EventType type, const std::string& place) {
    return std::count_if(events.begin(), events.end(), [&](const Event& e) { return e.type == type && where(e, mentions) == place; });
}

// The first event of `type`; fails the test when there is none.
const Event& of_type(const std::vector<Event>& events, EventType type) {
    const auto it = std::find_if(events.begin(), events.end(), [type](const Event& e) { return e.type == type; });
    INFO("an event of type " << frontmap::events::to_string(type));
    REQUIRE(it != events.end());
    return *it;
}

}  // namespace

// ---- one event's fields, sentence by sentence ------------------------------------------------

namespace {

// A text and what its events must be: its only event or, with `of`, its first event of that type,
// or with `every`, each of its events (of which there must be some). Each field left out is not checked.
struct EventRow {
    std::string rule;  // the rule the row pins: the name of its section
    std::string text;
    bool every = false;
    std::optional<EventType> of;
    std::optional<EventType> type;
    std::optional<std::string> side;
    std::optional<std::string> not_side;
    std::optional<std::string> actor;
    std::optional<std::string> where;
    std::optional<std::string> claimed_by;
    std::optional<std::string> denied_by;
    std::optional<int> geo_precision;
};

// clang-format off
const std::vector<EventRow> kEventRows{
    {.rule = "who says drones hit its base did not send them",
     .text = "The Popular Mobilisation Forces said drones had hit a headquarters of its brigade in Kherson.", .not_side = "Popular Mobilisation Forces"},
    {.rule = "who says its drones hit a base did", .text = "Ukraine's army said its drones had hit a depot in Kherson.", .side = "UA"},
    {.rule = "'the city' points at the last city named", .text = "Fighting raged in Bakhmut for weeks. On Friday Russian troops captured the city.",
     .of = EventType::Capture, .where = "Bakhmut"},
    {.rule = "an unnamed army takes the side last named for a state", .text = "Russian forces shelled Kharkiv on Monday. On Friday the troops captured Bakhmut.",
     .of = EventType::Capture, .side = "RU", .actor = "the troops"},
    {.rule = "who holds ground taken may be named after the deed", .text = "Officials said on Friday that Bakhmut was fully under Russian control.", .side = "RU"},
    {.rule = "but not who lost it", .text = "On Friday Kherson was recaptured from Russian troops by the army.", .type = EventType::Recapture, .not_side = "RU"},
    {.rule = "who retook ground may be named after the deed", .text = "Kherson was recaptured by Ukrainian troops on Friday.", .side = "UA"},
    {.rule = "a weapon's side is named through its adjectives", .text = "A Russian ballistic missile slammed into Kharkiv on Friday.", .side = "RU"},
    {.rule = "'who said' speaks for the party before it",
     .text = "Ukrainian troops held out in Bakhmut against Russian forces, who said they had captured Bakhmut on Friday.", .of = EventType::Capture,
     .claimed_by = "Russian forces"},
    {.rule = "a state's forces in a story that names no state are the forces of the state the deed is in",
     .text = "Government forces pulled back from Kherson on Friday.", .type = EventType::Withdrawal, .side = "UA"},
    // Fighters of no state take no state's side.
    {.rule = "fighters of no state", .text = "Rebel fighters pulled back from Kherson on Friday.", .not_side = "UA"},
    {.rule = "an armed group named by its acronym takes its side", .text = "The army turned to air strikes to slow an AA push towards Kherson on Friday.",
     .of = EventType::Advance, .side = "AA"},
    {.rule = "a word in scare quotes opens no clause between a deed and its doer",
     .text = "Ukrainian forces shelled Bakhmut on Monday. Units of the army had \"retaken\" Kherson on Friday.", .of = EventType::Recapture, .side = "UA"},
    {.rule = "denying a withdrawal from a place denies its capture",
     .text = "Russian officials said their troops had captured Bakhmut on Monday. Ukraine's army denied that its forces had pulled out of Bakhmut.",
     .of = EventType::Capture, .denied_by = "Ukraine's army"},
    {.rule = "unless the denier told it",
     .text = "Ukraine's army said Russian troops had captured Bakhmut on Monday. Ukraine's army denied that its forces had pulled out of Bakhmut.",
     .of = EventType::Capture, .denied_by = ""},
    {.rule = "'which they said' in a sentence that opens with armed men names them as the claimant",
     .text = "Rebels then pushed past Kyiv into Kherson, which they said they had fully captured overnight.", .of = EventType::Capture,
     .claimed_by = "Rebels"},
    // Water that sweeps, tears or swamps a place floods it.
    {.rule = "water that tears through a place floods it", .text = "A wall of water tore through Kherson on Friday.", .every = true,
     .type = EventType::Flooding},
    {.rule = "water that sweeps through a place floods it", .text = "On Friday the river swept through the lower part of Kherson.", .every = true,
     .type = EventType::Flooding},
    {.rule = "places that were swamped are flooded", .text = "On Friday Kherson and Bakhmut were also swamped.", .every = true, .type = EventType::Flooding},
    {.rule = "water that tore through a place days ago floods it",
     .text = "Rescuers were pulling bodies from the sea off Kherson on Friday, days after a wall of water tore through its centre.", .every = true,
     .type = EventType::Flooding},
    {.rule = "an aerial assault is a strike, by who fired it, not by who named it",
     .text = "Russian forces fired 122 missiles overnight in what the Ukrainian air force called the largest aerial assault of the war, hitting Kherson.",
     .every = true, .type = EventType::Strike, .side = "RU"},
    {.rule = "attackers driven back attacked, 'the town centre' is the last town's",
     .text = "Gangs attacked Kherson last week. On Monday the gangs tried to push toward the town centre but were driven back by police.", .every = true,
     .type = EventType::Attack, .where = "Kherson"},
    {.rule = "troops driven back attacked", .text = "Russian troops were driven back near Bakhmut on Monday.", .type = EventType::Attack, .side = "RU"},
    {.rule = "the deed of a relative clause is at the place its pronoun stands for",
     .text = "Russian troops are now in Bakhmut, a mining town in the east, which they said they had fully captured overnight, "
             "cutting the road that links Kharkiv and Lviv.",
     .every = true, .where = "Bakhmut"},
    {.rule = "in a story of floods, a hit with no weapon is the water's however long ago the flood was told",
     .text = "Floodwater swept through Kherson on Sunday. The region has been split between two governments since 2014. "
             "Officials said on Monday that about 70 villages near Chornobaivka had been hit.",
     .every = true, .type = EventType::Flooding},
    {.rule = "an unnamed town in an area is the town the sentence names there",
     .text = "Russian troops were in control of Bakhmut on Friday, residents said, a day after Moscow announced it had captured the "
             "last big city in the Donbas still in Ukrainian hands, a week after talks in Lviv.",
     .type = EventType::Capture, .where = "Bakhmut"},
    // An area followed at once by a town it is near: the deed is near the town. As "in the Red Sea
    // off the port of Hodeidah": a water body named first, then the town.
    {.rule = "an area followed at once by a town it is near (near)", .text = "Russian drones hit a ferry on the Dnieper near Nova Kakhovka on Friday.",
     .where = "Nova Kakhovka", .geo_precision = 2},
    {.rule = "an area followed at once by a town it is near (off)", .text = "Russian drones hit a ferry on the Dnieper off Nova Kakhovka on Friday.",
     .where = "Nova Kakhovka", .geo_precision = 2},
    {.rule = "an area followed at once by a town it is near (the river port of)",
     .text = "Russian drones hit a ferry on the Dnieper off the river port of Nova Kakhovka on Friday.", .where = "Nova Kakhovka", .geo_precision = 2},
    // A comma sets the town apart: the deed stays where the sentence put it.
    {.rule = "a comma sets the town apart", .text = "Russian drones hit a ferry on the Dnieper, far from Nova Kakhovka, on Friday.", .where = "Dnieper"},
};
// clang-format on

// The event a row speaks of; fails the test when there is none, or with no `of`, more than one.
const Event& row_event(const std::vector<Event>& events, const EventRow& row) {
    if (row.of) return of_type(events, *row.of);
    REQUIRE(events.size() == 1);
    return events[0];
}

void check_event(const EventRow& row, const Event& e, const std::vector<Mention>& mentions) {
    INFO(frontmap::events::to_string(e.type) << " at " << where(e, mentions) << " by " << e.actor);
    if (row.type) CHECK(e.type == *row.type);
    if (row.side) CHECK(e.side == *row.side);
    if (row.not_side) CHECK(e.side != *row.not_side);
    if (row.actor) CHECK(e.actor == *row.actor);
    if (row.where) CHECK(where(e, mentions) == *row.where);
    if (row.claimed_by) CHECK(e.claimed_by == *row.claimed_by);
    if (row.denied_by) CHECK(e.denied_by == *row.denied_by);
    if (row.geo_precision) CHECK(e.geo_precision == *row.geo_precision);
}

void check_event_row(const EventRow& row) {
    const auto mentions = mentions_of(row.text);
    const auto events = events_of(row.text, mentions);
    if (!row.every) return check_event(row, row_event(events, row), mentions);
    REQUIRE_FALSE(events.empty());
    for (const auto& e : events) check_event(row, e, mentions);
}

}  // namespace

TEST_CASE("one event's fields, sentence by sentence", "[events]") {
    for (const auto& row : kEventRows) {
        DYNAMIC_SECTION(row.rule) { check_event_row(row); }
    }
}

TEST_CASE("people captured are not ground captured", "[events]") {
    for (const std::string text : {"Air defences in Kherson brought down two jets and captured a female pilot.",
                                   "State television in Kherson showed about 20 blindfolded men it said had been captured."}) {
        const auto mentions = mentions_of(text);
        for (const auto& e : events_of(text, mentions)) CHECK(e.type != EventType::Capture);
    }
}

TEST_CASE("a denial of one side's account answers that side's claim, not the last one told", "[events]") {
    const std::string text =
        "The RSF said its fighters had seized Kherson. By the evening the army said its troops had won the town back. "
        "A spokesman for the Joint Forces rejected the RSF's account outright.";
    const auto events = events_in(text);
    const auto seized = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.side == "RSF"; });
    REQUIRE(seized != events.end());
    CHECK(seized->denied_by == "A spokesman for the Joint Forces");
    for (const auto& e : events)
        if (e.side != "RSF") CHECK(e.denied_by.empty());
}

TEST_CASE("taking over a town captures it, taking over from a mission does not", "[events]") {
    const std::string took = "The most alarming incursion came at Kherson, where militants briefly took over parts of the town.";
    const auto events = events_in(took);
    CHECK(std::any_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; }));
    const std::string relieved = "A new African force took over from a larger mission in Kherson at the start of the year.";
    CHECK(events_in(relieved).empty());
}

TEST_CASE("prisoners recaptured after a jailbreak are no recapture of ground", "[events]") {
    const std::string text = "Officials said 281 inmates had escaped from the prison in Kherson on Friday, and that seven had since been recaptured.";
    for (const auto& e : events_in(text)) CHECK(e.type != EventType::Recapture);
}

TEST_CASE("blasts explained by a strike with no place of its own are that strike", "[events]") {
    const std::string text = "Explosions were heard near Kharkiv in what officials called a Russian strike, days after Kyiv launched its attack.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].type == EventType::Strike);
    CHECK(where(events[0], mentions) == "Kharkiv");
}

TEST_CASE("a lede that names no other place happens at its dateline, and 'the capital' is a capital", "[events]") {
    const std::string text = "KYIV, Ukraine — Russian missiles struck the capital overnight. Glide bombs hit a shopping centre, killing 12 people.";
    auto mentions = mentions_of("Kyiv" + text.substr(4));
    for (auto& m : mentions) m.dateline = m.start == 0;
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Kyiv");
    CHECK(events[0].killed == 12);
    // Past the lede, "the capital" is not the last town named.
    const std::string later = "Russian troops advanced near Kharkiv. Missiles also struck the capital.";
    const auto later_mentions = mentions_of(later);
    for (const auto& e : events_of(later, later_mentions)) CHECK_FALSE((e.type == EventType::Strike && where(e, later_mentions) == "Kharkiv"));
}

TEST_CASE("bad input gives events or none, never a crash or a wrong huge number", "[events][bad-input]") {
    SECTION("a number too large to be a tally is no tally") {
        const std::string text = "Drones struck Kharkiv, and 9999999999999999999999 people were killed.";
        const auto events = events_in(text);
        REQUIRE(events.size() == 1);
        CHECK_FALSE(events[0].killed);
    }
    SECTION("a negative tally is no tally") {
        const std::string text = "Drones struck Kharkiv; -5 people were wounded.";
        const auto events = events_in(text);
        REQUIRE(events.size() == 1);
        CHECK_FALSE(events[0].wounded);
    }
    SECTION("a sentence of 100,000 words") {
        std::string text = "Russian forces shelled Kharkiv";
        for (int i = 0; i < 100000; ++i) text += " and shelled";
        text += ".";
        const auto events = events_in(text);
        CHECK(events.size() == 1);
    }
    SECTION("nested and unterminated quotes") {
        const std::string text = "'He said \"Russian forces shelled Kharkiv 'again' and then Kyiv. And \"'";
        CHECK_NOTHROW(events_in(text));
    }
    SECTION("no mentions, no events") { CHECK(events_of("Forces advanced and struck and shelled.", {}).empty()); }
}

TEST_CASE("each event is a GeoJSON Feature at its place", "[events][geojson]") {
    const std::string text = "Russian forces shelled Kharkiv on Monday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    const auto f = frontmap::events::to_feature(events[0], mentions);
    CHECK(f["geometry"]["coordinates"][0] == 36.23);
    CHECK(f["properties"]["kind"] == "event");
    CHECK(f["properties"]["type"] == "shelling");
    CHECK(f["properties"]["where"]["text"] == "Kharkiv");
    CHECK(f["properties"]["status"] == "reported");
    CHECK(f["properties"]["date"] == "2022-10-17");
}

TEST_CASE("article dates", "[events][dates]") {
    CHECK(frontmap::events::find_article_date("KYIV, Ukraine, October 21, 2022 - Troops advanced.") == kFriday);
    CHECK(frontmap::events::find_article_date("2022-10-21\nTroops advanced.") == kFriday);
    CHECK_FALSE(frontmap::events::find_article_date("Troops advanced on Friday."));
    CHECK_FALSE(frontmap::events::parse_iso_date("2022-02-30"));
    CHECK_FALSE(frontmap::events::parse_iso_date("22-10-21"));
}

TEST_CASE("'the town of Bakhmut' names its own town and points back at none", "[events]") {
    const std::string text = "Russian drones struck Kharkiv on Monday. On Friday fighters stormed the town of Bakhmut, overrunning army positions.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() >= 2);
    for (size_t k = 1; k < events.size(); ++k) {
        INFO(frontmap::events::to_string(events[k].type));
        CHECK(where(events[k], mentions) == "Bakhmut");
    }
}

TEST_CASE("demonyms that share a noun are one party, led by the first, 'resistance' alone names no group", "[events]") {
    const std::string text = "Syrian and Russian warplanes struck Kherson on Friday.";
    const Event event = only_event(text);
    CHECK(event.side == "SY");
    CHECK(event.actor.rfind("Syrian and Russian", 0) == 0);
    const std::string weak = "Russian troops advanced toward Kherson, meeting little resistance. The rebels took Kharkiv on Friday.";
    const auto weak_events = events_in(weak);
    REQUIRE(weak_events.size() == 2);
    CHECK(weak_events[1].side.empty());
}

TEST_CASE("a group whose short name has two letters is a group, not a country", "[events]") {
    const std::string text = "In the west, the Arakan Army has pushed into Kherson.";
    const auto events = events_in(text);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "AA");
    CHECK_FALSE(frontmap::events::is_state_side("AA"));
    CHECK_FALSE(frontmap::events::is_state_side("IS"));
    CHECK(frontmap::events::is_state_side("UA"));
}

TEST_CASE("a group's name that the parser found to be no place still names the group", "[events]") {
    const std::string text = "The Islamist group Hayat Tahrir al-Sham took Kharkiv on Monday.";
    auto mentions = mentions_of(text);
    Mention name;
    name.start = text.find("Hayat");
    name.end = text.find(" took");
    name.text = text.substr(name.start, name.end - name.start);
    name.role = frontmap::parse::Role::NotPlace;
    mentions.insert(mentions.begin(), name);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "HTS");
}

TEST_CASE("a bombing nobody is named for is the work of the group the story keeps naming", "[events]") {
    const std::string text = "A car bomb exploded in Kherson on Friday. The Islamic State said its men had planted it, "
                             "and the Islamic State has struck the city before.";
    const auto events = events_in(text);
    REQUIRE(!events.empty());
    CHECK(events[0].type == EventType::Explosion);
    CHECK(events[0].side == "IS");
    const std::string once = "A car bomb exploded in Kherson on Friday. Analysts compared it with Islamic State attacks.";
    const auto single = events_in(once);
    REQUIRE(!single.empty());
    CHECK(single[0].side.empty());
}

TEST_CASE("the month May before a deed is a date, not a doubt", "[events]") {
    for (const std::string text : {"On May 30 a drone struck a funeral tent in Kherson.", "May 30 a drone struck a funeral tent in Kherson."}) {
        const auto mentions = mentions_of(text);
        const auto events = frontmap::events::extract(text, mentions, {frontmap::events::Date{std::chrono::year{2022}, std::chrono::June, std::chrono::day{2}}, {}});
        INFO(text);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Strike);
    }
    const std::string doubt = "Russian forces may have struck Kherson.";
    const auto mentions = mentions_of(doubt);
    CHECK(events_of(doubt, mentions).empty());
}

TEST_CASE("a denial's own reason told by the denier's side is no claim that it answers instead", "[events]") {
    const std::string text =
        "Russia's defence ministry said its forces had captured Bakhmut. Ukraine's General Staff denied the claim, saying fighting "
        "continued in the city.";
    const auto events = events_in(text);
    const Event& capture = of_type(events, EventType::Capture);
    CHECK(capture.denied_by == "Ukraine's General Staff");
    for (const auto& e : events)
        if (e.type != EventType::Capture) CHECK(e.denied_by.empty());
}

TEST_CASE("a town that fell on a day was taken, not hit", "[events]") {
    const std::string text = "Kherson fell on Thursday after the army left the city.";
    const auto events = events_in(text);
    CHECK(std::none_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Strike; }));
    CHECK(std::any_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; }));

    const std::string bombs = "Bombs fell on Kherson on Thursday.";
    const Event hit = only_event(bombs);
    CHECK(hit.type == EventType::Strike);
}

TEST_CASE("ground taken in a town and across its region is told both ways", "[events]") {
    const std::string text =
        "Ukrainian troops raised their flag over Bakhmut on Friday after a counter-offensive drove Russian forces out of most of the Donbas.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Recapture);
    CHECK_FALSE(events[0].area);
    CHECK(events[1].type == EventType::Recapture);
    CHECK(mentions[events[1].where].place->type == frontmap::gazetteer::PlaceType::Region);
}

TEST_CASE("'a village in the Donbas' is another place than the town named", "[events]") {
    const std::string another = "Russian artillery shelled Bakhmut on Friday and troops captured a village in the Donbas.";
    const auto another_mentions = mentions_of(another);
    const auto another_events = events_of(another, another_mentions);
    CHECK(std::none_of(another_events.begin(), another_events.end(),
                       [&](const Event& e) { return e.type == EventType::Capture && where(e, another_mentions) == "Bakhmut"; }));
}

TEST_CASE("the fall of a town is no autumn", "[events]") {
    // Told in June, "the fall" as a season would date the sentence to last October: background.
    const std::string text = "The fall of Kherson came after Russian troops captured Bakhmut.";
    const auto mentions = mentions_of(text);
    const frontmap::events::Date june{std::chrono::year{2022}, std::chrono::June, std::chrono::day{2}};
    CHECK(frontmap::events::extract(text, mentions, {june, {}}).size() == 2);
}

TEST_CASE("a deed with no place of its own is at the town the story keeps naming", "[events]") {
    const std::string text =
        "Russian troops entered Bakhmut on Friday. The fall of Bakhmut came after weeks of fighting for Bakhmut, as Ukraine moved "
        "reserves through Kharkiv. Residents described looting of shops as soldiers withdrew.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE_FALSE(events.empty());
    CHECK(events.back().type == EventType::Withdrawal);
    CHECK(where(events.back(), mentions) == "Bakhmut");
}

TEST_CASE("the day of a date before a verb of harm is no tally", "[events]") {
    const std::string text = "A strike on the fuel terminal in Kherson on October 17 killed at least 74 people.";
    const Event event = only_event(text);
    CHECK(event.killed == 74);

    const std::string weekday = "Russian shells hit Kherson on Friday. On Thursday 14 people were killed in Kherson.";
    const auto weekday_events = events_in(weekday);
    REQUIRE_FALSE(weekday_events.empty());
    CHECK(weekday_events[0].killed == 14);
}

TEST_CASE("looting is an incident of its own beside a deed", "[events]") {
    const std::string text = "Russian troops withdrew from Kherson on Friday, looting shops as they left.";
    const auto events = events_in(text);
    const auto looted = std::count_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Other; });
    CHECK(looted == 1);
    CHECK(events.size() == 2);
}

TEST_CASE("a relative clause's deed takes its place even when another deed is nearer", "[events]") {
    const std::string text = "Russian troops pushed into Bakhmut, a town in the east, which they said they had fully captured overnight, cutting Lviv off from Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(count_at(events, mentions, EventType::Capture, "Bakhmut") == 1);
}

TEST_CASE("ground taken from troops is taken, though troops follow the deed", "[events]") {
    const std::string text = "The rebels pulled out of Kherson on Friday, two days after taking it from government troops.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(count_at(events, mentions, EventType::Capture, "Kherson") == 1);
}

TEST_CASE("deaths with no doer after an evacuation are the toll of the harm before it", "[events]") {
    const std::string text = "Floods swept through Kherson on Friday. The army began evacuating people from Bakhmut. In Lviv at "
                             "least 20 people had died.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto in_lviv = std::find_if(events.begin(), events.end(), [&](const Event& e) { return where(e, mentions) == "Lviv"; });
    REQUIRE(in_lviv != events.end());
    CHECK(in_lviv->type == EventType::Flooding);
    CHECK(in_lviv->killed == 20);
}

TEST_CASE("places cut off by the flooding are flooded, after the flood is told", "[events]") {
    const std::string text = "Floods swept through Kherson on Monday. Bakhmut and nearby Lviv were cut off for a day by the flooding. "
                             "Cars were swept away in Kyiv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    std::vector<std::string> places;
    for (const auto& e : events)
        if (e.type == EventType::Flooding) places.push_back(where(e, mentions));
    std::sort(places.begin(), places.end());
    CHECK(places == std::vector<std::string>{"Bakhmut", "Kherson", "Kyiv", "Lviv"});
}

TEST_CASE("fighting in general is no deed at the city a story is filed from", "[events]") {
    const std::string text = "Kyiv - Both armies traded accusations on Saturday after four days of their most serious fighting in "
                             "decades. Drones struck the capital overnight.";
    auto mentions = mentions_of(text);
    REQUIRE(mentions[0].text == "Kyiv");
    mentions[0].dateline = true;
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Strike);
}

TEST_CASE("a deed that began the story's background is no news", "[events]") {
    const std::string text = "Shelling has surged in Kherson since Russian troops began pulling out of Nova Kakhovka.";
    const auto events = events_in(text);
    CHECK(std::none_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Withdrawal; }));
}

TEST_CASE("events from the parser's tokens are the events from the text alone", "[events]") {
    const std::string text = "Russian forces shelled Kharkiv on Monday, killing four people. Ukraine's army retook Chornobaivka, "
                             "officials said. Moscow denied it.";
    const auto mentions = mentions_of(text);
    const auto from_text = frontmap::events::extract(text, mentions, {kFriday, {}});
    const auto from_tokens = frontmap::events::extract(text, frontmap::parse::tokenize(text), mentions, {kFriday, {}});
    REQUIRE(from_text.size() == from_tokens.size());
    REQUIRE_FALSE(from_text.empty());
    for (size_t i = 0; i < from_text.size(); ++i) {
        CHECK(from_text[i].type == from_tokens[i].type);
        CHECK(from_text[i].where == from_tokens[i].where);
        CHECK(from_text[i].killed == from_tokens[i].killed);
        CHECK(from_text[i].denied_by == from_tokens[i].denied_by);
    }
}

TEST_CASE("what a place has become describes it: no deed, but people who fled it still left", "[events]") {
    const std::string text = "Kharkiv has become a supply hub for Ukrainian forces fighting near Bakhmut. "
                             "Lviv has become a refuge for families who fled Kherson, and missiles struck Kyiv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Attack; }));
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Evacuation && where(e, mentions) == "Kherson"; }));
    // The comma and "and" open a clause that is news again.
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Strike && where(e, mentions) == "Kyiv"; }));
}

TEST_CASE("what people fled is not who fled: villagers fleeing troops is an evacuation", "[events]") {
    const std::string text = "Thousands of villagers fled Russian troops advancing on Kharkiv, officials said.";
    const auto events = events_in(text);
    CHECK(std::any_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Evacuation; }));
    CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Withdrawal; }));
}

TEST_CASE("a fire that breaks out during a wave of strikes is a strike", "[events]") {
    const std::string text = "Russian drones struck Kherson overnight. A fire broke out at a fuel depot in Chornobaivka.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Other; }));
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Strike && where(e, mentions) == "Chornobaivka"; }));
}

TEST_CASE("a denial after a comma shares the subject before it and never denies that subject's own report", "[events]") {
    const std::string text = "Russian officials said their troops had captured Bakhmut on Monday. Ukraine's army said its troops had repelled "
                             "another assault on Bakhmut, dismissed the footage as fake and accused Russia of shelling the town.";
    const auto events = events_in(text);
    REQUIRE_FALSE(events.empty());
    for (const auto& e : events) {
        CAPTURE(frontmap::events::to_string(e.type), e.denied_by);
        CHECK(e.denied_by != "the footage");
        if (e.claimed_by == "Ukraine's army") CHECK(e.denied_by.empty());
    }
}

TEST_CASE("a place that has come under fire or bombardment is attacked or shelled", "[events]") {
    const std::string text = "Ukrainian officials said Kharkiv had come under Russian fire again. Lviv was under heavy bombardment on Monday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Attack && where(e, mentions) == "Kharkiv"; }));
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Shelling && where(e, mentions) == "Lviv"; }));
}

TEST_CASE("people forced from their homes are evacuated, and a toll told with them is the deadly deed's", "[events]") {
    const std::string text = "Floodwater swept through Kherson on Tuesday. Officials said on Thursday that at least 30 people had died "
                             "and that more than 4,000 had been forced from their homes.";
    const auto events = events_in(text);
    const Event& flood = of_type(events, EventType::Flooding);
    const Event& evacuation = of_type(events, EventType::Evacuation);
    CHECK(flood.killed == 30);
    CHECK_FALSE(evacuation.killed);
}

TEST_CASE("a deed put 'elsewhere' with no place after it is at no place the sentence names", "[events]") {
    const std::string text = "Aid agencies warned of shortages in Kherson, a city already crowded with people who have fled fighting elsewhere.";
    CHECK(events_in(text).empty());
    const std::string placed = "Aid agencies warned of shortages in Kherson, a city crowded with families who have fled the fighting elsewhere in Kharkiv.";
    const auto mentions = mentions_of(placed);
    const auto events = events_of(placed, mentions);
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return where(e, mentions) == "Kharkiv"; }));
}

TEST_CASE("a hoped-for deed or a step towards one is not a deed", "[events]") {
    for (const std::string text : {"Ukrainian commanders hope their troops advance toward Kherson soon.",
                                   "The Kremlin presented the fighting as a step towards taking all of Kherson."}) {
        CAPTURE(text);
        const auto events = events_in(text);
        CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Advance || e.type == EventType::Capture; }));
    }
}

TEST_CASE("a speaker's aside opened by a participle is not the speaker", "[events]") {
    const std::string text = "Sergei Shoigu, speaking in Moscow at the end of a visit on Thursday, said missiles had struck Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto strike = std::find_if(events.begin(), events.end(), [&](const auto& e) { return where(e, mentions) == "Kherson"; });
    REQUIRE(strike != events.end());
    CHECK(strike->claimed_by == "Sergei Shoigu");
}

TEST_CASE("an old date before ', and' does not reach the news of the clause after it", "[events]") {
    const std::string text = "Russian troops have pushed into Andriivka after taking Chornobaivka in May, and many residents of Kherson "
                             "have left for fear of an assault on the city.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Evacuation && where(e, mentions) == "Kherson"; }));
}

TEST_CASE("'near' that governs something else leaves the deed where it was", "[events]") {
    const std::string other = "Russian drones hit a ferry on the Dnieper near the border and Nova Kakhovka on Friday.";
    const auto other_mentions = mentions_of(other);
    const auto other_events = events_of(other, other_mentions);
    CHECK(std::any_of(other_events.begin(), other_events.end(), [&](const auto& e) { return where(e, other_mentions) == "Dnieper"; }));
}

TEST_CASE("a town that owns the site named after it: the deed is at the site alone", "[events]") {
    const std::string text = "Russian missiles struck Kherson's Qwerty hospital on Friday.";
    auto mentions = mentions_of(text);
    mentions[0].role = frontmap::parse::Role::Location;  // as the parser reads a town before its site
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Qwerty");
}

TEST_CASE("a deed at a town the gazetteer lacks is listed as unplaced, not drawn at another place", "[events]") {
    const std::string text = "Shelling hit Kherson on Monday. Russian forces captured the village of Qwertovka Zelena on Tuesday, the defence ministry said.";
    const auto mentions = mentions_of(text);
    const auto found = frontmap::events::extract_all(text, frontmap::parse::tokenize(text), mentions, {kFriday, {}});
    REQUIRE(found.unplaced.size() == 1);
    CHECK(found.unplaced[0].type == EventType::Capture);
    CHECK(found.unplaced[0].place == "Qwertovka Zelena");
    CHECK(text.substr(found.unplaced[0].evidence.start, 16) == "Russian forces c");
    // Not the story's last town: no capture at Kherson.
    CHECK(std::none_of(found.events.begin(), found.events.end(), [](const Event& e) { return e.type == EventType::Capture; }));
    const auto feature = frontmap::events::to_feature(found.unplaced[0]);
    CHECK(feature["geometry"].is_null());
    CHECK(feature["properties"]["where"]["text"] == "Qwertovka Zelena");
}

TEST_CASE("a deed word inside an organisation's name leaves no unplaced event", "[events]") {
    const std::string text = "Kherson was quiet. The alliance includes the Ta'ang National Liberation Army and the Arakan Army.";
    const auto mentions = mentions_of(text);
    const auto found = frontmap::events::extract_all(text, frontmap::parse::tokenize(text), mentions, {kFriday, {}});
    CHECK(found.unplaced.empty());
}
