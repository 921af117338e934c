// The event stage on hand-made mentions: no gazetteer needed, so each rule is seen alone.
#include "events/extract.hpp"
#include "events/geojson.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

#include <string>
#include <vector>

using frontmap::events::Event;
using frontmap::events::EventType;
using frontmap::events::Status;
using frontmap::gazetteer::PlaceType;
using frontmap::parse::Mention;
using frontmap::parse::Role;

namespace {

struct PlaceFact {
    std::string name;
    PlaceType type;
    std::string country;
    double lat, lon;
    Role role = Role::Location;
    std::string feature_code = "PPL";
    std::vector<double> bbox = {};
};

const std::vector<PlaceFact> kPlaces = {
    {"Kherson", PlaceType::City, "UA", 46.64, 32.61},     {"Kharkiv", PlaceType::City, "UA", 49.99, 36.23},
    {"Kyiv", PlaceType::City, "UA", 50.45, 30.52, Role::Location, "PPLC"},        {"Dnieper", PlaceType::River, "UA", 47.0, 33.2},
    {"Bakhmut", PlaceType::City, "UA", 48.59, 38.0},      {"Lviv", PlaceType::City, "UA", 49.84, 24.03},
    {"Belarus", PlaceType::Country, "BY", 53.7, 27.9},   {"Moscow", PlaceType::City, "RU", 55.75, 37.62, Role::Metonym}, {"Ukraine", PlaceType::Country, "UA", 49.0, 31.0, Role::Metonym},
    {"Nova Kakhovka", PlaceType::City, "UA", 46.75, 33.37}, {"Chornobaivka", PlaceType::City, "UA", 46.70, 32.55},
    {"Andriivka", PlaceType::Village, "UA", 48.5, 37.97, Role::Location, "described"},  // placed by the article's words
    {"Donbas", PlaceType::Region, "UA", 48.3, 38.3, Role::Location, "ADM1", {36.5, 46.8, 40.3, 50.1}},
    {"Qwerty", PlaceType::Infrastructure, "UA", 46.64, 32.61, Role::Location, "described"},  // a site placed at its town
};

// Every occurrence of a known place name becomes a resolved mention, as the parser would give.
std::vector<Mention> mentions_of(const std::string& text) {
    std::vector<Mention> out;
    for (size_t at = 0; at < text.size(); ++at)
        for (const auto& p : kPlaces)
            if (text.compare(at, p.name.size(), p.name) == 0) {
                Mention m;
                m.start = at;
                m.end = at + p.name.size();
                m.text = p.name;
                // As the parser does: "Kyiv's forces" and "Moscow-installed" name actors.
                const bool acts = text.compare(m.end, 2, "'s") == 0 || text.compare(m.end, 1, "-") == 0;
                m.role = acts && p.type != PlaceType::River ? Role::Metonym : p.role;
                m.confidence = 0.9;
                frontmap::gazetteer::Place place;
                place.id = p.name;
                place.name = p.name;
                place.type = p.type;
                place.country = p.country;
                place.feature_code = p.feature_code;
                place.lat = p.lat;
                place.lon = p.lon;
                place.bbox = p.bbox;
                m.place = place;
                out.push_back(m);
            }
    return out;
}

const frontmap::events::Date kFriday{std::chrono::year{2022}, std::chrono::October, std::chrono::day{21}};

std::vector<Event> events_of(const std::string& text, const std::vector<Mention>& mentions) {
    return frontmap::events::extract(text, mentions, {kFriday, {}});
}

std::string where(const Event& e, const std::vector<Mention>& mentions) { return mentions[e.where].text; }

}  // namespace

TEST_CASE("a shelling with its place, side, tally and day", "[events]") {
    const std::string text = "Russian forces shelled Kharkiv on Monday, killing four people and wounding 13, the governor said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    const auto& e = events[0];
    CHECK(e.type == EventType::Shelling);
    CHECK(where(e, mentions) == "Kharkiv");
    CHECK(e.side == "RU");
    CHECK(e.actor == "Russian forces");
    CHECK(e.killed == 4);
    CHECK(e.wounded == 13);
    CHECK(e.claimed_by == "the governor");
    CHECK(e.status == Status::Claimed);
    REQUIRE(e.date);
    CHECK(frontmap::events::to_iso(*e.date) == "2022-10-17");
    CHECK(e.time_precision == 1);
    CHECK(text.substr(e.evidence.start, e.evidence.end - e.evidence.start) == text);
}

TEST_CASE("an advance toward a city along a river", "[events]") {
    const std::string text = "Kyiv's forces have been advancing along the west bank of the Dnieper towards Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Advance);
    CHECK(events[0].side == "UA");
    REQUIRE(events[0].toward);
    CHECK(mentions[*events[0].toward].text == "Kherson");
    REQUIRE(events[0].along);
    CHECK(mentions[*events[0].along].text == "Dnieper");
}

TEST_CASE("one event per place a strike names, and a list shares its preposition", "[events]") {
    const std::string text = "Missiles struck Kyiv, Lviv and Kharkiv overnight.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 3);
    for (const auto& e : events) CHECK(e.type == EventType::Strike);
}

TEST_CASE("a tally and a denial in later sentences belong to the event told before", "[events]") {
    const std::string text =
        "Moscow-installed officials accused Kyiv's forces of shelling a bridge near Kherson. "
        "Four people were killed, they said. Ukraine's military denied that its forces were responsible.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 4);
    CHECK(events[0].side == "UA");
    CHECK_FALSE(events[0].claimed_by.empty());
    CHECK(events[0].denied_by == "Ukraine's military");
    CHECK(events[0].status == Status::Denied);
}

TEST_CASE("saying that a side does not or would never do such a deed denies it", "[events]") {
    for (const std::string reply : {"A Russian commander said his troops do not shell civilians.",
                                    "A Russian commander replied that a professional army would never attack a bridge."}) {
        const std::string text = "Officials in Kherson said Russian forces shelled a bridge near the city on Friday. " + reply;
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].denied_by == "A Russian commander");
    }
}

TEST_CASE("an order to leave is an evacuation of each place it names", "[events]") {
    const auto places_of = [](const std::string& text) {
        const auto mentions = mentions_of(text);
        std::vector<std::string> out;
        for (const auto& e : events_of(text, mentions)) {
            CHECK(e.type == EventType::Evacuation);
            out.push_back(where(e, mentions));
        }
        return out;
    };
    using Places = std::vector<std::string>;
    CHECK(places_of("Officials ordered residents to leave Kherson on Friday.") == Places{"Kherson"});
    // Who gives the order does not leave: still an evacuation, not a withdrawal.
    CHECK(places_of("The military ordered the evacuation of Kherson on Friday.") == Places{"Kherson"});
    // The place left is where it happens, not a place headed for; "as well as" joins a list.
    CHECK(places_of("Officials ordered residents to leave Kherson, as well as Kharkiv and Lviv.") == Places{"Kherson", "Kharkiv", "Lviv"});
}

TEST_CASE("a list goes on past a description of its next name", "[events]") {
    const std::string text = "Ukrainian troops recaptured Kharkiv and the rail hub of Bakhmut on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[0], mentions) == "Kharkiv");
    CHECK(where(events[1], mentions) == "Bakhmut");
}

TEST_CASE("a place that names an office or a group's branch, after 'the', is no deed's place", "[events]") {
    for (const std::string text : {"Russian missiles struck a port on Friday, the governor of the Kherson region said.",
                                   "Fighters of the group's branch in the Donbas attacked a convoy on Friday."}) {
        const auto mentions = mentions_of(text);
        CHECK(events_of(text, mentions).empty());
    }
}

TEST_CASE("a hit whose sentence names no weapon is made by the shelling just told", "[events]") {
    const std::string text = "Russian shells landed across Kharkiv overnight. On Friday the deadliest of them hit a school in Bakhmut, killing six people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[1], mentions) == "Bakhmut");
    CHECK(events[1].type == EventType::Shelling);
    CHECK(events[1].side == "RU");

    // Where the sentence names its own weapon, that weapon decides.
    const std::string armed = "Russian shells landed across Kharkiv overnight. On Friday jets hit a school in Bakhmut.";
    const auto armed_mentions = mentions_of(armed);
    const auto armed_events = events_of(armed, armed_mentions);
    REQUIRE(armed_events.size() == 2);
    CHECK(armed_events[1].type == EventType::Strike);
}

TEST_CASE("soldiers who died at a place, with no other deed named, tell an attack there", "[events]") {
    const std::string text = "At least seven soldiers died on Friday near Bakhmut, officials said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Attack);
    CHECK(events[0].killed == 7);
}

TEST_CASE("a deed 'nearby' happens near the place last named", "[events]") {
    const std::string text = "Russian troops entered Bakhmut on Monday. The army said soldiers had killed about 20 fighters nearby.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[1].type == EventType::Attack);
    CHECK(where(events[1], mentions) == "Bakhmut");
    CHECK(events[1].killed == 20);
}

TEST_CASE("people captured are not ground captured", "[events]") {
    for (const std::string text : {"Air defences in Kherson brought down two jets and captured a female pilot.",
                                   "State television in Kherson showed about 20 blindfolded men it said had been captured."}) {
        const auto mentions = mentions_of(text);
        for (const auto& e : events_of(text, mentions)) CHECK(e.type != EventType::Capture);
    }
}

TEST_CASE("an advance 'with little resistance through' or 'west of' a place is an advance there", "[events]") {
    for (const std::string text : {"Russian troops advanced with little resistance through the fields east of Kharkiv on Friday.",
                                   "Russian troops advanced east of Kharkiv."}) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Advance);
        CHECK(where(events[0], mentions) == "Kharkiv");
    }
}

TEST_CASE("a place 'in' a noun phrase after 'from' is where a movement left", "[events]") {
    const std::string text = "Russian troops advanced toward Bakhmut from their base in Kherson on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Bakhmut");
    REQUIRE(events[0].from.has_value());
    CHECK(mentions[*events[0].from].text == "Kherson");
}

TEST_CASE("water that sweeps, tears or swamps a place floods it", "[events]") {
    for (const std::string text : {"A wall of water tore through Kherson on Friday.", "On Friday the river swept through the lower part of Kherson.",
                                   "On Friday Kherson and Bakhmut were also swamped.",
                                   "Rescuers were pulling bodies from the sea off Kherson on Friday, days after a wall of water tore through its centre."}) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE_FALSE(events.empty());
        for (const auto& e : events) CHECK(e.type == EventType::Flooding);
    }
}

TEST_CASE("rain that hits a place floods it, and rivers that rose or water that reached a town flood that town", "[events]") {
    for (const std::string text : {"Heavy rain hit Kherson on Tuesday.", "On Tuesday rivers rose in Kherson.", "In Kherson the water reached the first floor of homes.",
                                   "The water level in Kherson rose two metres in an hour."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Flooding);
        CHECK(where(events[0], mentions) == "Kherson");
    }
}

TEST_CASE("people pulled from rooftops are evacuated from where they were, not where the next clause is flooded", "[events]") {
    const std::string text = "In Kherson, volunteers in boats pulled residents from rooftops, while Bakhmut was almost entirely under water.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Evacuation);
    CHECK(where(events[0], mentions) == "Kherson");
    CHECK(events[1].type == EventType::Flooding);
    CHECK(where(events[1], mentions) == "Bakhmut");
}

TEST_CASE("an aerial assault is a strike, by who fired it, not by who named it", "[events]") {
    const std::string text =
        "Russian forces fired 122 missiles overnight in what the Ukrainian air force called the largest aerial assault of the war, "
        "hitting Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE_FALSE(events.empty());
    for (const auto& e : events) {
        CHECK(e.type == EventType::Strike);
        CAPTURE(e.actor);
        CHECK(e.side == "RU");
    }
}

TEST_CASE("an armed group no list names is keyed by its own name, titles and listed groups are not", "[events]") {
    const auto side_of = [](const std::string& text) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        return events[0].side;
    };
    CHECK(side_of("The White Army said it had taken the barracks in Kherson.") == "White Army");
    CHECK(side_of("Fighters of the Karen Peace Front shelled Kherson on Monday.") == "Karen Peace Front");
    // A listed group keeps its key, with or without an article before it.
    CHECK(side_of("The Arakan Army said it had taken Kherson.") == "AA");
    // Words that are only a title name no group.
    CHECK(side_of("The Armed Forces shelled Kherson on Monday.").empty());
}

TEST_CASE("winning a town back retakes it, and falling back withdraws", "[events]") {
    const auto type_of = [](const std::string& text) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        return events[0].type;
    };
    CHECK(type_of("Ukrainian troops won Bakhmut back on Friday.") == EventType::Recapture);
    CHECK(type_of("Ukraine's army said its troops had since won them back in Bakhmut.") == EventType::Recapture);
    CHECK(type_of("Ukrainian soldiers fell back from Bakhmut on Friday.") == EventType::Withdrawal);
}

TEST_CASE("people told to get out, ordered out, rescued or lifted to safety are evacuated", "[events]") {
    for (const std::string text : {"In Kherson, the mayor urged all of its 44,000 residents on Monday to get out.",
                                   "In Kherson, the mayor ordered everyone out of low-lying districts on Sunday.",
                                   "In Kherson 109 people had been rescued and taken to hospitals.",
                                   "In Kherson helicopters lifted 193 stranded people to safety.",
                                   "In Kherson firefighters in boats brought out hundreds of people."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Evacuation);
    }
}

TEST_CASE("a landslide, a mudslide or a capsized boat is an incident of its own kind", "[events]") {
    for (const std::string text : {"Landslides buried three houses in Kherson on Monday.", "A mudslide buried several vehicles near Kherson.",
                                   "A crowded boat capsized near Kherson on Saturday."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Other);
    }
}

TEST_CASE("a denial of one side's account answers that side's claim, not the last one told", "[events]") {
    const std::string text =
        "The RSF said its fighters had seized Kherson. By the evening the army said its troops had won the town back. "
        "A spokesman for the Joint Forces rejected the RSF's account outright.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto seized = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.side == "RSF"; });
    REQUIRE(seized != events.end());
    CHECK(seized->denied_by == "A spokesman for the Joint Forces");
    for (const auto& e : events)
        if (e.side != "RSF") CHECK(e.denied_by.empty());
}

TEST_CASE("police who pull out a man evacuate him, bodies pulled out are no evacuation", "[events]") {
    for (const std::string text : {"In Kherson, armed police pulled out a man who had been trapped in the river.", "In Kherson, police pulled out the residents."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Evacuation);
    }
    const std::string bodies = "Police said 45 bodies had been pulled out in Kherson by the afternoon.";
    CHECK(events_of(bodies, mentions_of(bodies)).empty());
}

TEST_CASE("taking over a town captures it, taking over from a mission does not", "[events]") {
    const std::string took = "The most alarming incursion came at Kherson, where militants briefly took over parts of the town.";
    const auto events = events_of(took, mentions_of(took));
    CHECK(std::any_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; }));
    const std::string relieved = "A new African force took over from a larger mission in Kherson at the start of the year.";
    CHECK(events_of(relieved, mentions_of(relieved)).empty());
}

TEST_CASE("attackers driven back attacked, 'the town centre' is the last town's", "[events]") {
    const std::string text = "Gangs attacked Kherson last week. On Monday the gangs tried to push toward the town centre but were driven back by police.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() >= 1);
    for (const auto& e : events) {
        CHECK(e.type == EventType::Attack);
        CHECK(where(e, mentions) == "Kherson");
    }
    const std::string passive = "Russian troops were driven back near Bakhmut on Monday.";
    const auto repelled = events_of(passive, mentions_of(passive));
    REQUIRE(repelled.size() == 1);
    CHECK(repelled[0].type == EventType::Attack);
    CHECK(repelled[0].side == "RU");
}

TEST_CASE("families who left their homes when fighters arrived were evacuated, not withdrawn", "[events]") {
    const std::string text = "Residents of Kherson said many families left their homes when the fighters arrived.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Evacuation);
}

TEST_CASE("who says drones hit its base did not send them, who says its drones hit a base did", "[events]") {
    const std::string hit = "The Popular Mobilisation Forces said drones had hit a headquarters of its brigade in Kherson.";
    const auto hit_events = events_of(hit, mentions_of(hit));
    REQUIRE(hit_events.size() == 1);
    CHECK(hit_events[0].side != "Popular Mobilisation Forces");
    const std::string own = "Ukraine's army said its drones had hit a depot in Kherson.";
    const auto own_events = events_of(own, mentions_of(own));
    REQUIRE(own_events.size() == 1);
    CHECK(own_events[0].side == "UA");
}

TEST_CASE("a toll with no doer is the story's flood, and aid flights landing strike nothing", "[events]") {
    const std::string text = "Floodwaters tore through Kherson on Friday. Rescue teams searched the rubble. "
                             "Officials said 40 people had died in Kherson. Aid flights have landed in Kharkiv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Flooding);
    CHECK(events[0].killed == 40);
}

TEST_CASE("a toll with no doer at a place of its own is of the kind of event told before", "[events]") {
    const std::string text = "Floodwaters tore through Kherson on Friday. Officials said 40 people had died in Bakhmut.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[1], mentions) == "Bakhmut");
    CHECK(events[1].type == EventType::Flooding);
}

TEST_CASE("'the water rose' at a new town is a flood there, not the one told before", "[events]") {
    const std::string text = "Around midday the river burst its banks near Kherson. Officials said 62 people had died in Bakhmut as the water rose.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[1], mentions) == "Bakhmut");
    CHECK(events[1].type == EventType::Flooding);
    CHECK(events[1].killed == 62);
}

TEST_CASE("strikes on two named towns close together are two events", "[events]") {
    const std::string text = "Russian missiles struck Kherson on Friday. Later that day missiles struck Chornobaivka.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[0], mentions) == "Kherson");
    CHECK(where(events[1], mentions) == "Chornobaivka");
}

TEST_CASE("prisoners recaptured after a jailbreak are no recapture of ground", "[events]") {
    const std::string text = "Officials said 281 inmates had escaped from the prison in Kherson on Friday, and that seven had since been recaptured.";
    const auto mentions = mentions_of(text);
    for (const auto& e : events_of(text, mentions)) CHECK(e.type != EventType::Recapture);
}

TEST_CASE("who gives the toll of a deed told as fact claims it", "[events]") {
    const std::string text = "Russian missiles struck Kherson on Friday. The regional governor said four people were killed.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 4);
    CHECK(events[0].claimed_by == "The regional governor");
}

TEST_CASE("'no one was killed' is no tally and denies nothing", "[events]") {
    const std::string text = "Officials said Russian missiles struck Kherson on Friday. The mayor said no one was killed.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].killed.has_value());
    CHECK(events[0].denied_by.empty());
}

TEST_CASE("fighting that 'broke out in' a town is there, and soldiers 'told to leave' withdraw", "[events]") {
    const std::string fighting = "Fighting broke out in Kherson on Friday.";
    const auto fighting_mentions = mentions_of(fighting);
    const auto fighting_events = events_of(fighting, fighting_mentions);
    REQUIRE(fighting_events.size() == 1);
    CHECK(fighting_events[0].type == EventType::Attack);

    for (const std::string told : {"Russian soldiers were told to leave Kherson on Friday."}) {
        const auto told_mentions = mentions_of(told);
        const auto told_events = events_of(told, told_mentions);
        REQUIRE(told_events.size() == 1);
        CHECK(told_events[0].type == EventType::Withdrawal);
    }
}

TEST_CASE("a larger toll told after a deed with a lone victim is the deed's whole toll", "[events]") {
    const std::string text = "A drone strike in Kherson on Friday killed a senior commander of the militia. Militia officials said three men died.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 3);
}

TEST_CASE("threats, plans, negations and background are not events", "[events]") {
    for (const std::string text : {"Russia could soon attack Kharkiv.", "Ukraine plans to retake Kherson.",
                                   "Russian troops did not capture Bakhmut.", "Back in May, Russian troops shelled Kharkiv."}) {
        INFO(text);
        CHECK(events_of(text, mentions_of(text)).empty());
    }
}

TEST_CASE("an event told twice is one event", "[events]") {
    const std::string text = "Russian missiles struck Lviv on Friday. The strike on Lviv hit a power plant.";
    const auto mentions = mentions_of(text);
    CHECK(events_of(text, mentions).size() == 1);
}

TEST_CASE("'the city' points at the last city named", "[events]") {
    const std::string text = "Fighting raged in Bakhmut for weeks. On Friday Russian troops captured the city.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto capture = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; });
    REQUIRE(capture != events.end());
    CHECK(where(*capture, mentions) == "Bakhmut");
}

TEST_CASE("strikes on one city on two days are two events", "[events]") {
    const std::string text = "Russian missiles struck Kyiv on Monday, killing four people. On Thursday drones struck Kyiv again, killing two.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].killed == 4);
    CHECK(events[1].killed == 2);
}

TEST_CASE("a withdrawal is where troops leave, an advance where they head", "[events]") {
    const std::string text = "Ukrainian troops pulled out of Bakhmut towards Kyiv. Russian forces advanced from Bakhmut towards Kharkiv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Withdrawal);
    CHECK(where(events[0], mentions) == "Bakhmut");
    CHECK(events[1].type == EventType::Advance);
    CHECK(where(events[1], mentions) == "Kharkiv");
}

TEST_CASE("who leaves tells an evacuation from a withdrawal", "[events]") {
    const std::string soldiers = "The soldiers were allowed to leave Bakhmut.";
    const std::string residents = "The residents were allowed to leave Bakhmut.";
    const auto a = events_of(soldiers, mentions_of(soldiers));
    const auto b = events_of(residents, mentions_of(residents));
    REQUIRE(a.size() == 1);
    REQUIRE(b.size() == 1);
    CHECK(a[0].type == EventType::Withdrawal);
    CHECK(b[0].type == EventType::Evacuation);
}

TEST_CASE("a state that has lasted since long before the news is no event", "[events]") {
    for (const std::string text : {"Families in Kharkiv have been displaced more than once since the war began.",
                                   "Russian forces have besieged Bakhmut since 2019."}) {
        INFO(text);
        CHECK(events_of(text, mentions_of(text)).empty());
    }
}

TEST_CASE("a deed before a relative clause that has lasted since long ago is news", "[events]") {
    const std::string text = "Russian forces pushed into the buffer zone that has separated Kherson from Nova Kakhovka since 1994.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Advance);
    CHECK(events_of("Russian forces that pushed into Kherson have besieged Bakhmut since 2019.",
                    mentions_of("Russian forces that pushed into Kherson have besieged Bakhmut since 2019."))
              .empty());
    // A toll before the relative clause is the deed's; "that town" opens no clause.
    const std::string toll = "Russian shells killed 12 people in the zone that has separated Kherson from Nova Kakhovka since 1994.";
    const auto shelled = events_of(toll, mentions_of(toll));
    REQUIRE(shelled.size() == 1);
    CHECK(shelled[0].killed == 12);
    const std::string demonstrative = "Russian forces have shelled that part of Bakhmut since 2019.";
    CHECK(events_of(demonstrative, mentions_of(demonstrative)).empty());
}

TEST_CASE("a place noun followed by 'in' and a town names that town, not the last place told", "[events]") {
    const std::string text = "Russian missiles hit Lviv on Friday. On Saturday drones struck the port in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[0], mentions) == "Lviv");
    CHECK(where(events[1], mentions) == "Kherson");
}

TEST_CASE("a toll of the whole war, since long before the news, is no deed's toll", "[events]") {
    const std::string text = "Russian missiles hit Kharkiv on Monday. "
                             "More than 10,000 civilians have been killed since the invasion, the UN says.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].killed);
}

TEST_CASE("'the same town' points back at the town told before", "[events]") {
    const std::string text = "Russian shells hit Bakhmut in July. On Friday drones struck the same town, killing 21 people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Bakhmut");
    CHECK(events[0].geo_precision == 1);  // in the town itself, not somewhere near the story's place
    CHECK(events[0].type == EventType::Strike);
    CHECK(events[0].killed == 21);
}

TEST_CASE("a deed said to have happened before is the place's past, 'before dawn' is not", "[events]") {
    const std::string before = "Kherson has been shelled before, the governor said.";
    CHECK(events_of(before, mentions_of(before)).empty());
    const std::string dawn = "Russian forces shelled Kherson before dawn on Friday.";
    CHECK(events_of(dawn, mentions_of(dawn)).size() == 1);
}

TEST_CASE("missiles that exploded are one strike, and a tally with thousands separators is whole", "[events]") {
    const std::string text = "Two missiles exploded in Kharkiv on Friday, killing 34 people and wounding 1,645.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Strike);
    CHECK(events[0].killed == 34);
    CHECK(events[0].wounded == 1645);
}

TEST_CASE("a speaker is named without the clause around it", "[events]") {
    const std::string text = "Russian forces shelled Kharkiv, which the governor said was hit twice.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 1);
    CHECK(events[0].claimed_by == "the governor");
}

TEST_CASE("a title after a comma does not make the place before it a speaker's", "[events]") {
    const std::string text = "In Kharkiv, President Zelensky's home town, ten people were killed when missiles struck offices.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Kharkiv");
    CHECK(events[0].killed == 10);
}

TEST_CASE("a participle that describes a noun is no deed", "[events]") {
    for (const std::string text : {"Aid reached displaced people in Kharkiv.", "Grain left the occupied port of Kherson."}) {
        INFO(text);
        CHECK(events_of(text, mentions_of(text)).empty());
    }
    const std::string deed = "Russian troops occupied Kherson on Friday.";
    CHECK(events_of(deed, mentions_of(deed)).size() == 1);
}

TEST_CASE("a tally of two kinds of victims is summed, a tally of the wounded kept apart", "[events]") {
    const std::string text = "A gunfight near Bakhmut killed three police officers and two soldiers and wounded four teenagers.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 5);
    CHECK(events[0].wounded == 4);
    // The same with the kind said once, after both numbers.
    const std::string after = "Shelling hit Bakhmut. Officials said six soldiers and two civilians were wounded.";
    const auto shelled = events_of(after, mentions_of(after));
    REQUIRE(shelled.size() == 1);
    CHECK(shelled[0].wounded == 8);
}

TEST_CASE("blasts explained by a strike with no place of its own are that strike", "[events]") {
    const std::string text = "Explosions were heard near Kharkiv in what officials called a Russian strike, days after Kyiv launched its attack.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].type == EventType::Strike);
    CHECK(where(events[0], mentions) == "Kharkiv");
}

TEST_CASE("an unnamed army takes the side last named for a state", "[events]") {
    const std::string text = "Russian forces shelled Kharkiv on Monday. On Friday the troops captured Bakhmut.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto capture = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; });
    REQUIRE(capture != events.end());
    CHECK(capture->side == "RU");
    CHECK(capture->actor == "the troops");
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

TEST_CASE("a side named in an aside does not act", "[events]") {
    const std::string text = "Burundian soldiers, sent to prop up Russian forces, pulled out of Kharkiv on Friday.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Withdrawal);
    CHECK(events[0].side == "BI");
}

TEST_CASE("vague tallies are coded as ACLED codes them", "[events]") {
    const std::string text = "Drones struck Kharkiv, killing dozens of people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 12);
    CHECK(events[0].approximate_count);
}

TEST_CASE("bad input gives events or none, never a crash or a wrong huge number", "[events][bad-input]") {
    SECTION("a number too large to be a tally is no tally") {
        const std::string text = "Drones struck Kharkiv, and 9999999999999999999999 people were killed.";
        const auto events = events_of(text, mentions_of(text));
        REQUIRE(events.size() == 1);
        CHECK_FALSE(events[0].killed);
    }
    SECTION("a negative tally is no tally") {
        const std::string text = "Drones struck Kharkiv; -5 people were wounded.";
        const auto events = events_of(text, mentions_of(text));
        REQUIRE(events.size() == 1);
        CHECK_FALSE(events[0].wounded);
    }
    SECTION("a sentence of 100,000 words") {
        std::string text = "Russian forces shelled Kharkiv";
        for (int i = 0; i < 100000; ++i) text += " and shelled";
        text += ".";
        const auto events = events_of(text, mentions_of(text));
        CHECK(events.size() == 1);
    }
    SECTION("nested and unterminated quotes") {
        const std::string text = "'He said \"Russian forces shelled Kharkiv 'again' and then Kyiv. And \"'";
        CHECK_NOTHROW(events_of(text, mentions_of(text)));
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

TEST_CASE("a deed word inside a group's name is no deed, but a headline's deed is", "[events]") {
    const std::string name = "Fighters of the National Liberation Army gathered near Kherson on Friday for talks with local elders.";
    CHECK(events_of(name, mentions_of(name)).empty());
    const std::string headline = "Russian Forces Shell Kharkiv Overnight";
    const auto events = events_of(headline, mentions_of(headline));
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Shelling);
}

TEST_CASE("a town described as under a side's control is not taken in that sentence", "[events]") {
    const std::string held = "Russian aircraft bombed Kharkiv and a second town under its control on Friday.";
    const auto events = events_of(held, mentions_of(held));
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Strike);
    const std::string taken = "Russia's defence ministry said Bakhmut was now fully under its control.";
    const auto taken_events = events_of(taken, mentions_of(taken));
    REQUIRE(taken_events.size() == 1);
    CHECK(taken_events[0].type == EventType::Capture);
}

TEST_CASE("'the attacks' in a story of strikes are strikes", "[events]") {
    const std::string text = "Russian drones struck Kharkiv on Friday. The attacks also reached Lviv, officials said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[1], mentions) == "Lviv");
    CHECK(events[1].type == EventType::Strike);
}

TEST_CASE("the deed of a relative clause is at the place its pronoun stands for", "[events]") {
    const std::string text = "Russian troops are now in Bakhmut, a mining town in the east, which they said they had fully captured overnight, "
                             "cutting the road that links Kharkiv and Lviv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE_FALSE(events.empty());
    for (const auto& e : events) {
        INFO(frontmap::events::to_string(e.type));
        CHECK(where(e, mentions) == "Bakhmut");
    }
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

TEST_CASE("an area that describes a town is not a place of its own, nor a neighbour across a border", "[events]") {
    const std::string port = "Russian missiles hit the Dnieper port of Kherson on Friday.";
    const auto port_mentions = mentions_of(port);
    const auto port_events = events_of(port, port_mentions);
    REQUIRE(port_events.size() == 1);
    CHECK(where(port_events[0], port_mentions) == "Kherson");
    const std::string border = "At the Kharkiv crossing Russian troops took control of the terminal on the border with Belarus.";
    const auto border_mentions = mentions_of(border);
    const auto border_events = events_of(border, border_mentions);
    REQUIRE(border_events.size() == 1);
    CHECK(where(border_events[0], border_mentions) == "Kharkiv");
}

TEST_CASE("an area right after a town it holds only says where the town is", "[events]") {
    const std::string text = "Near Bakhmut in the Donbas, a drone was shot down on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Bakhmut");
    // An area the town is not in is a place of its own.
    const std::string apart = "Near Lviv in the Donbas, a drone was shot down on Friday.";
    const auto apart_mentions = mentions_of(apart);
    const auto apart_events = events_of(apart, apart_mentions);
    REQUIRE(apart_events.size() == 1);
    CHECK(where(apart_events[0], apart_mentions) == "Donbas");
}

TEST_CASE("demonyms that share a noun are one party, led by the first, 'resistance' alone names no group", "[events]") {
    const std::string text = "Syrian and Russian warplanes struck Kherson on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "SY");
    CHECK(events[0].actor.rfind("Syrian and Russian", 0) == 0);
    const std::string weak = "Russian troops advanced toward Kherson, meeting little resistance. The rebels took Kharkiv on Friday.";
    const auto weak_mentions = mentions_of(weak);
    const auto weak_events = events_of(weak, weak_mentions);
    REQUIRE(weak_events.size() == 2);
    CHECK(weak_events[1].side.empty());
}

TEST_CASE("a strike that names no shooter is the last named shooter's", "[events]") {
    const std::string text = "A barrage of Russian missiles hit five cities on Monday. Kharkiv was also hit, the governor said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "RU");
    CHECK(events[0].actor == "Russian missiles");
    // Troops named since do not fire the missiles.
    const std::string ground = "Russian troops took Bakhmut on Monday. Kharkiv was also hit, the governor said.";
    const auto ground_mentions = mentions_of(ground);
    const auto ground_events = events_of(ground, ground_mentions);
    REQUIRE(ground_events.size() == 2);
    CHECK(ground_events[1].side.empty());
}

TEST_CASE("a group whose short name has two letters is a group, not a country", "[events]") {
    const std::string text = "In the west, the Arakan Army has pushed into Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "AA");
    CHECK_FALSE(frontmap::events::is_state_side("AA"));
    CHECK_FALSE(frontmap::events::is_state_side("IS"));
    CHECK(frontmap::events::is_state_side("UA"));
}

TEST_CASE("a side whose name is written with hyphens, full stops or an apostrophe is found", "[events]") {
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"Hayat Tahrir al-Sham fighters stormed Bakhmut on Sunday.", "HTS"},
        {"A U.S. drone strike hit Kherson on Tuesday.", "US"},
        {"Fighters of the People's Defence Force captured Bakhmut.", "PDF"},
    };
    for (const auto& [text, side] : cases) {
        INFO(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].side == side);
    }
}

TEST_CASE("a group's name that the parser found to be no place still names the group", "[events]") {
    const std::string text = "The Islamist group Hayat Tahrir al-Sham took Kharkiv on Monday.";
    auto mentions = mentions_of(text);
    Mention name;
    name.start = text.find("Hayat");
    name.end = text.find(" took");
    name.text = text.substr(name.start, name.end - name.start);
    name.role = Role::NotPlace;
    mentions.insert(mentions.begin(), name);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "HTS");
}

TEST_CASE("a demonym right before a deed noun names who did the deed", "[events]") {
    const std::string text = "Ukraine's military said Russian mortar fire killed three civilians in Kherson.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "RU");
}

TEST_CASE("a bombing nobody is named for is the work of the group the story keeps naming", "[events]") {
    const std::string text = "A car bomb exploded in Kherson on Friday. The Islamic State said its men had planted it, "
                             "and the Islamic State has struck the city before.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(!events.empty());
    CHECK(events[0].type == EventType::Explosion);
    CHECK(events[0].side == "IS");
    const std::string once = "A car bomb exploded in Kherson on Friday. Analysts compared it with Islamic State attacks.";
    const auto single = events_of(once, mentions_of(once));
    REQUIRE(!single.empty());
    CHECK(single[0].side.empty());
}

TEST_CASE("a group that fights for a state is never the story's rebels", "[events]") {
    const std::string text = "Jihadists captured Kherson on Monday. Wagner fighters shelled Bakhmut, and Wagner said Wagner would stay.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 2);
    CHECK(events[0].side.empty());
    CHECK(events[1].side == "Wagner");
}

TEST_CASE("separatists backed by a state are that state's side", "[events]") {
    const std::string text = "Russian-backed separatists captured Bakhmut on Monday.";
    const auto events = events_of(text, mentions_of(text));
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "RU");
}

TEST_CASE("rebels whose group is named only later in the story are that group", "[events]") {
    const std::string text = "Syrian rebels captured Bakhmut on Monday. The leader of HTS said the city was calm.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].actor == "Syrian rebels");
    CHECK(events[0].side == "HTS");
}

TEST_CASE("who says a passive deed was done is not who did it, unless it says it did", "[events]") {
    const std::string passive = "Russia's defence ministry said six missiles had been fired at Bakhmut on Tuesday.";
    const auto a = events_of(passive, mentions_of(passive));
    REQUIRE(a.size() == 1);
    CHECK(a[0].side.empty());
    CHECK(a[0].claimed_by == "Russia's defence ministry");
    const std::string own = "The Ukrainian army acknowledged that soldiers had been killed and said it was pulling back from Bakhmut.";
    const auto b = events_of(own, mentions_of(own));
    REQUIRE(b.size() == 1);
    CHECK(b[0].side == "UA");
}

TEST_CASE("a toll put 'at more than' a number counts the dead", "[events]") {
    const std::string text = "Russian shells hit Kherson on Sunday. Local sources put the death toll at more than 100, most of them soldiers.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 100);
}

TEST_CASE("a tally at a place whose deed was just told is that deed's, not a new attack", "[events]") {
    const std::string text = "Russian missiles struck Kherson on Friday. Officials said four people were killed in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Strike);
    CHECK(events[0].killed == 4);

    const std::string elsewhere = "Russian missiles struck Kherson on Friday. Officials said four people were killed in Kyiv.";
    const auto elsewhere_mentions = mentions_of(elsewhere);
    CHECK(events_of(elsewhere, elsewhere_mentions).size() == 2);

    // One place folded, one new: the new event must not move the folded one's deed (ASan).
    const std::string both = "Russian missiles struck Kherson on Friday. Four people were killed in Kherson and Kharkiv.";
    const auto both_mentions = mentions_of(both);
    const auto both_events = events_of(both, both_mentions);
    REQUIRE(both_events.size() == 2);
    CHECK(both_events[0].type == EventType::Strike);
    CHECK(both_events[0].killed == 4);
    CHECK(where(both_events[1], both_mentions) == "Kharkiv");
}

TEST_CASE("an order for people to move is an evacuation, however their number is written", "[events]") {
    for (const std::string number : {"1,100", "1.1 million", "about a thousand"}) {
        const std::string text = "Russia on Friday ordered " + number + " people in Kherson to move south of the river.";
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        INFO(number);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Evacuation);
        CHECK(where(events[0], mentions) == "Kherson");
    }
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

TEST_CASE("saying a claim was false denies it, and 'a claim Kyiv rejected' is denied by Kyiv", "[events]") {
    const auto denier_of = [](const std::string& text) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Capture);
        return events[0].denied_by;
    };
    CHECK(denier_of("Russia said its forces had captured Bakhmut. Kyiv said the report was untrue.") == "Kyiv");
    CHECK(denier_of("Russia said its forces had captured Bakhmut. Ukraine's army said the claims were a lie.") == "Ukraine's army");
    CHECK(denier_of("Russia said its forces had captured Bakhmut, a claim Kyiv rejected.") == "Kyiv");
    // What a claim is said to be must be a falsehood.
    CHECK(denier_of("Russia said its forces had captured Bakhmut. Kyiv said the report was accurate.").empty());
}

TEST_CASE("a denial's own reason told by the denier's side is no claim that it answers instead", "[events]") {
    const std::string text =
        "Russia's defence ministry said its forces had captured Bakhmut. Ukraine's General Staff denied the claim, saying fighting "
        "continued in the city.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto capture = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; });
    REQUIRE(capture != events.end());
    CHECK(capture->denied_by == "Ukraine's General Staff");
    for (const auto& e : events)
        if (e.type != EventType::Capture) CHECK(e.denied_by.empty());
}

TEST_CASE("a denial of the claim its own sentence tells is not carried to an earlier one", "[events]") {
    const std::string text =
        "Rebels said on Friday that they had taken control of Kherson. The monitoring group said on Friday that the army had "
        "abandoned positions in Kyiv, but the defence ministry dismissed such reports.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[0], mentions) == "Kherson");
    CHECK(events[0].denied_by.empty());
    CHECK(where(events[1], mentions) == "Kyiv");
    CHECK_FALSE(events[1].denied_by.empty());
}

TEST_CASE("a town that fell on a day was taken, not hit", "[events]") {
    const std::string text = "Kherson fell on Thursday after the army left the city.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::none_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Strike; }));
    CHECK(std::any_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; }));

    const std::string bombs = "Bombs fell on Kherson on Thursday.";
    const auto bomb_mentions = mentions_of(bombs);
    const auto hit = events_of(bombs, bomb_mentions);
    REQUIRE(hit.size() == 1);
    CHECK(hit[0].type == EventType::Strike);
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
    CHECK(mentions[events[1].where].place->type == PlaceType::Region);
}

TEST_CASE("an unnamed town in an area is the town the sentence names there", "[events]") {
    const std::string text =
        "Russian troops were in control of Bakhmut on Friday, residents said, a day after Moscow announced it had captured the "
        "last big city in the Donbas still in Ukrainian hands, a week after talks in Lviv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Capture);
    CHECK(where(events[0], mentions) == "Bakhmut");

    // "a village in the Donbas" is another place than the town named.
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

TEST_CASE("a deed in 'late' or 'early' of an earlier year is background", "[events]") {
    for (const std::string when : {"in late 2021", "in early 2021", "in mid 2021"}) {
        const std::string text = "Russian forces captured Kherson " + when + ".";
        const auto mentions = mentions_of(text);
        INFO(when);
        CHECK(events_of(text, mentions).empty());
    }
}

TEST_CASE("ships leaving a port are no evacuation, people leaving it are", "[events]") {
    const std::string ships = "Several vessels have left Kherson since Monday.";
    const auto ship_mentions = mentions_of(ships);
    CHECK(events_of(ships, ship_mentions).empty());

    const std::string people = "Thousands of people have left Kherson since Monday.";
    const auto people_mentions = mentions_of(people);
    const auto events = events_of(people, people_mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Evacuation);
}

TEST_CASE("a situation or a fire brought under control is no place taken", "[events]") {
    for (const std::string text : {"The general staff said the situation in Kherson had been brought under control by midday.",
                                   "Firefighters brought the blaze in Kherson under control on Friday.",
                                   "Officials said the blaze at the depot in Kherson was under control."}) {
        const auto mentions = mentions_of(text);
        INFO(text);
        CHECK(events_of(text, mentions).empty());
    }
    const std::string under_fire = "Troops under heavy fire brought Kherson under control on Friday.";
    const auto fire_mentions = mentions_of(under_fire);
    CHECK(events_of(under_fire, fire_mentions).size() == 1);
    const std::string taken = "Russian troops brought Kherson under their control on Friday.";
    const auto mentions = mentions_of(taken);
    const auto events = events_of(taken, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Capture);
}

TEST_CASE("where someone lives is not where the deed happened", "[events]") {
    const std::string text = "Investigators said three people were killed and that the owner of the truck lived in Bakhmut in eastern Ukraine.";
    const auto mentions = mentions_of(text);
    CHECK(events_of(text, mentions).empty());

    const std::string deed = "Investigators said three people were killed in Bakhmut.";
    const auto deed_mentions = mentions_of(deed);
    CHECK(events_of(deed, deed_mentions).size() == 1);
}

TEST_CASE("a crew that fought a blaze fought no battle", "[events]") {
    const std::string text = "Crew members fought the blaze off Kherson with help from naval vessels.";
    const auto mentions = mentions_of(text);
    CHECK(events_of(text, mentions).empty());
}

TEST_CASE("a hit by a named weapon with no place of its own is where the story is", "[events]") {
    const std::string text = "Russian shells hit Kherson on Friday. On Thursday drones struck a hospital.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[1].type == EventType::Strike);
    CHECK(where(events[1], mentions) == "Kherson");

    const std::string unarmed = "Russian shells hit Kherson on Friday. On Thursday something struck a hospital.";
    const auto unarmed_mentions = mentions_of(unarmed);
    CHECK(events_of(unarmed, unarmed_mentions).size() == 1);
}

TEST_CASE("the day of a date before a verb of harm is no tally", "[events]") {
    const std::string text = "A strike on the fuel terminal in Kherson on October 17 killed at least 74 people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 74);

    const std::string weekday = "Russian shells hit Kherson on Friday. On Thursday 14 people were killed in Kherson.";
    const auto weekday_mentions = mentions_of(weekday);
    const auto weekday_events = events_of(weekday, weekday_mentions);
    REQUIRE_FALSE(weekday_events.empty());
    CHECK(weekday_events[0].killed == 14);
}

TEST_CASE("a phrase that opens with a place takes a name of several words", "[events]") {
    const std::string text = "Officials said Nova Kakhovka fell on Sunday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Capture);
    CHECK(where(events[0], mentions) == "Nova Kakhovka");
}

TEST_CASE("a deed word in a set phrase tells no deed", "[events]") {
    for (const std::string text : {"Residents of Kherson were told in advance on Friday.", "In Kharkiv, firefighters were battling the blaze on Friday."}) {
        INFO(text);
        CHECK(events_of(text, mentions_of(text)).empty());
    }
}

TEST_CASE("looting is an incident of its own beside a deed", "[events]") {
    const std::string text = "Russian troops withdrew from Kherson on Friday, looting shops as they left.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto looted = std::count_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Other; });
    CHECK(looted == 1);
    CHECK(events.size() == 2);
}

TEST_CASE("a gap in a phrase may end at a word it never crosses", "[events]") {
    const std::string text = "Russian troops advanced quickly toward Kherson on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Advance);
    // "to" is never crossed: a diplomat told to leave is no evacuation of the place after it.
    const std::string told = "Lviv told the Russian envoy to leave Kyiv on Friday.";
    const auto told_mentions = mentions_of(told);
    CHECK(events_of(told, told_mentions).empty());
}

TEST_CASE("a relative clause's deed takes its place even when another deed is nearer", "[events]") {
    const std::string text = "Russian troops pushed into Bakhmut, a town in the east, which they said they had fully captured overnight, cutting Lviv off from Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto captured = std::count_if(events.begin(), events.end(), [&](const Event& e) { return e.type == EventType::Capture && where(e, mentions) == "Bakhmut"; });
    CHECK(captured == 1);
}

TEST_CASE("a deed right after an aside is the aside's head's", "[events]") {
    const std::string text = "Officials said that Kherson, a port the size of Lviv, was captured by Russian forces on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Kherson");
}

TEST_CASE("a deed told across a region is the one the story places inside it", "[events]") {
    const std::string text = "Russian drones struck the Donbas overnight. A Russian drone hit Bakhmut, officials said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Bakhmut");
    // Another side's deed across the region is a deed of its own.
    const std::string two = "Ukrainian drones struck the Donbas overnight. Russian drones hit Bakhmut, officials said.";
    const auto two_mentions = mentions_of(two);
    CHECK(events_of(two, two_mentions).size() == 2);
}

TEST_CASE("ground taken from troops is taken, though troops follow the deed", "[events]") {
    const std::string text = "The rebels pulled out of Kherson on Friday, two days after taking it from government troops.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto taken = std::count_if(events.begin(), events.end(), [&](const Event& e) { return e.type == EventType::Capture && where(e, mentions) == "Kherson"; });
    CHECK(taken == 1);
}

TEST_CASE("who holds ground taken may be named after the deed, but not who lost it", "[events]") {
    const std::string held = "Officials said on Friday that Bakhmut was fully under Russian control.";
    const auto held_events = events_of(held, mentions_of(held));
    REQUIRE(held_events.size() == 1);
    CHECK(held_events[0].side == "RU");
    const std::string lost = "On Friday Kherson was recaptured from Russian troops by the army.";
    const auto lost_events = events_of(lost, mentions_of(lost));
    REQUIRE(lost_events.size() == 1);
    CHECK(lost_events[0].type == EventType::Recapture);
    CHECK(lost_events[0].side != "RU");
    const std::string agent = "Kherson was recaptured by Ukrainian troops on Friday.";
    const auto agent_events = events_of(agent, mentions_of(agent));
    REQUIRE(agent_events.size() == 1);
    CHECK(agent_events[0].side == "UA");
}

TEST_CASE("a weapon's side is named through its adjectives, and 'who said' speaks for the party before it", "[events]") {
    const std::string missile = "A Russian ballistic missile slammed into Kharkiv on Friday.";
    const auto strike = events_of(missile, mentions_of(missile));
    REQUIRE(strike.size() == 1);
    CHECK(strike[0].side == "RU");
    const std::string claim = "Ukrainian troops held out in Bakhmut against Russian forces, who said they had captured Bakhmut on Friday.";
    const auto events = events_of(claim, mentions_of(claim));
    const auto capture = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Capture; });
    REQUIRE(capture != events.end());
    CHECK(capture->claimed_by == "Russian forces");
}

TEST_CASE("places given as examples are the deed's places too", "[events]") {
    const std::string text = "Thousands of families fled the suburbs of Kherson and eastern towns such as Kharkiv and Bakhmut on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    std::vector<std::string> places;
    for (const auto& e : events) places.push_back(where(e, mentions));
    std::sort(places.begin(), places.end());
    CHECK(places == std::vector<std::string>{"Bakhmut", "Kharkiv", "Kherson"});
}

TEST_CASE("a place that only locates another is no deed's place when a sibling deed has one", "[events]") {
    const std::string text = "Russian drones struck Kharkiv on Monday. Thursday's attack also reached Kherson, about 100 kilometres south of "
                             "Bakhmut, where a missile hit an administrative building, injuring 31 people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[1], mentions) == "Kherson");
    CHECK(events[1].wounded == 31);
}

TEST_CASE("a town set off by a comma and located from a landmark is the deed's place", "[events]") {
    const std::string text = "In Nova Kakhovka, west of Kherson, a missile struck a row of homes on Friday, killing two people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Nova Kakhovka");
    CHECK(events[0].killed == 2);
}

TEST_CASE("a participle of saying after a comma speaks for the sentence's subject", "[events]") {
    const std::string text = "Russian forces fired missiles at Kherson and Nova Kakhovka early on Friday, saying they were hitting "
                             "Ukrainian positions.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    for (const auto& e : events) CHECK(e.claimed_by == "Russian forces");
}

TEST_CASE("the targets a strike is said to have included are struck places", "[events]") {
    const std::string text = "Russian missiles hit Kharkiv on Friday. The targets included a power plant in Lviv, the army said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[1], mentions) == "Lviv");
    CHECK(events[1].type == EventType::Strike);
}

TEST_CASE("a toll told after a deed counted over several sites is no one place's", "[events]") {
    const std::string text = "Russian missiles hit Kharkiv on Friday. The governor said 24 missiles had hit six sites, killing 26 people.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].killed);
}

TEST_CASE("deeds at a town the gazetteer lacks are not drawn at the last town it knows", "[events]") {
    const std::string text = "Russian shells hit Kherson on Monday. On Friday Russian troops seized the village of Hostomel after a "
                             "pre-dawn assault. The fighting went on for hours. Drones struck the village on Saturday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Shelling);
}

TEST_CASE("a toll across the whole country is no one place's", "[events]") {
    const std::string text = "Russian drones struck Kherson on Friday. Such attacks have killed at least 70 people across the country.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].killed);
}

TEST_CASE("a state's forces in a story that names no state are the forces of the state the deed is in", "[events]") {
    const std::string text = "Government forces pulled back from Kherson on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Withdrawal);
    CHECK(events[0].side == "UA");
    // Fighters of no state take no state's side.
    const std::string rebels = "Rebel fighters pulled back from Kherson on Friday.";
    const auto by_rebels = events_of(rebels, mentions_of(rebels));
    REQUIRE(by_rebels.size() == 1);
    CHECK(by_rebels[0].side != "UA");
}

TEST_CASE("an armed group named by its acronym takes its side", "[events]") {
    const std::string text = "The army turned to air strikes to slow an AA push towards Kherson on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto advance = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Advance; });
    REQUIRE(advance != events.end());
    CHECK(advance->side == "AA");
}

TEST_CASE("a month pointed back at is in the year the sentence named", "[events]") {
    // The fixture's article is dated October 2022: "that September" after 2014 is history.
    const std::string text = "Russian forces seized Kherson in the 2014 campaign, and Ukrainian troops retook it that September.";
    const auto mentions = mentions_of(text);
    CHECK(events_of(text, mentions).empty());
}

TEST_CASE("a mortar bomb is shelling, fortified food no fortification", "[events]") {
    const std::string text = "Two soldiers were killed when a mortar bomb landed inside a base near Kherson. Aid agencies handed out "
                             "fortified biscuits in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Shelling);
}

TEST_CASE("a word in scare quotes opens no clause between a deed and its doer", "[events]") {
    const std::string text = "Ukrainian forces shelled Bakhmut on Monday. Units of the army had \"retaken\" Kherson on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto retaken = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Recapture; });
    REQUIRE(retaken != events.end());
    CHECK(retaken->side == "UA");
}

TEST_CASE("a state that liberates a town in another state's land captures it", "[events]") {
    const std::string text = "Russian troops liberated Kherson on Friday. Ukrainian troops liberated Bakhmut on Thursday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Capture);
    CHECK(events[1].type == EventType::Recapture);
}

TEST_CASE("an attempt to take or enter ground is an attack", "[events]") {
    const std::string text = "Russian assault groups tried to enter Bakhmut on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Attack);
    CHECK(events[0].side == "RU");
    // A plan is no attempt.
    const std::string plan = "Russian forces plan to try to enter Bakhmut.";
    CHECK(events_of(plan, mentions_of(plan)).empty());
}

TEST_CASE("a claim to control part of a town is an advance, a town controlled by a side is none", "[events]") {
    const std::string text = "Gerasimov said Russian forces controlled more than 80% of Bakhmut.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Advance);
    const std::string held = "Civilians were driven to the Ukrainian-controlled city of Kherson.";
    CHECK(events_of(held, mentions_of(held)).empty());
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

TEST_CASE("what a whole war has done is no event", "[events]") {
    const std::string text = "Russian drones struck Kherson on Friday. The war, which began in Kyiv, has killed more than 9,000 people "
                             "and driven six million from their homes in Bakhmut.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].killed);
}

TEST_CASE("people uprooted, water surging: words of flight and flood", "[events]") {
    const std::string text = "Officials counted 36,625 people uprooted from Bakhmut. Water also surged through parts of Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Evacuation);
    CHECK(events[1].type == EventType::Flooding);
}

TEST_CASE("a pronoun right after the saying stands for the speaker who did the deed", "[events]") {
    const std::string text = "Ukraine said its forces had struck Nova Kakhovka with two missiles.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].side == "UA");
    // "The group" is the armed group the story names.
    const std::string group = "The RSF shelled Kherson on Monday. The group said on Friday it had captured Bakhmut.";
    const auto by_group = events_of(group, mentions_of(group));
    REQUIRE(by_group.size() == 2);
    CHECK(by_group[1].side == "RSF");
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

TEST_CASE("a place the gazetteer lacks after its country's name is not the story's last town", "[events]") {
    const std::string text = "Russian shells hit Kherson on Monday. On Friday militants attacked Ukraine's Boulkessi base.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Shelling);
}

TEST_CASE("a deed that began the story's background is no news", "[events]") {
    const std::string text = "Shelling has surged in Kherson since Russian troops began pulling out of Nova Kakhovka.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::none_of(events.begin(), events.end(), [](const Event& e) { return e.type == EventType::Withdrawal; }));
}

TEST_CASE("an aside after a listed name does not end the list", "[events]") {
    const std::string text = "The army ordered residents to leave Kherson, the region's largest city, as well as Chornobaivka and "
                             "Nova Kakhovka.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    std::vector<std::string> places;
    for (const auto& e : events) places.push_back(where(e, mentions));
    std::sort(places.begin(), places.end());
    CHECK(places == std::vector<std::string>{"Chornobaivka", "Kherson", "Nova Kakhovka"});
}

TEST_CASE("one victim named by a noun or a pronoun is a tally of one", "[events]") {
    const std::string text = "Russian shells hit Kherson, killing a man and injuring the driver of a bus.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 1);
    CHECK(events[0].wounded == 1);

    const std::string pronoun = "A drone hit a house in Kharkiv, killing him, the governor said.";
    const auto pronoun_mentions = mentions_of(pronoun);
    const auto pronoun_events = events_of(pronoun, pronoun_mentions);
    REQUIRE(pronoun_events.size() == 1);
    CHECK(pronoun_events[0].killed == 1);
}

TEST_CASE("'several' dead is no figure, and the mayor speaking is no victim", "[events]") {
    const std::string text = "Russian shells hit Kherson, killing several people. The mayor said the city was calm.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK_FALSE(events[0].killed.has_value());
}

TEST_CASE("a tally goes on after an aside between commas, but a verb before the number comes first", "[events]") {
    const std::string text = "At least 13 soldiers, from South Africa, Malawi and Uruguay, were killed in clashes near Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 13);

    const std::string verb_first = "Russian missiles struck Kharkiv, killing at least 31 people, four of them children, and wounding 117.";
    const auto verb_mentions = mentions_of(verb_first);
    const auto verb_events = events_of(verb_first, verb_mentions);
    REQUIRE(verb_events.size() == 1);
    CHECK(verb_events[0].killed == 31);
    CHECK(verb_events[0].wounded == 117);
}

TEST_CASE("a number after a comma is not the tally of the verb before the comma", "[events]") {
    for (const std::string text : {"Russian missiles hit Kyiv. Two adults died, one a doctor.",
                                   "Russian missiles hit Kyiv on Monday. Five people died, two of whom were children."}) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].killed == (text.find("Five") != std::string::npos ? 5 : 2));
    }
}

TEST_CASE("a named victim and others are counted together", "[events]") {
    const std::string text = "Near Bakhmut, Russian troops killed commander Ivan Petrenko and two other fighters on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 3);
}

TEST_CASE("'shot dead' is a tally of the dead", "[events]") {
    const std::string text = "Gunmen attacked Kherson overnight. More than 40 patients had been shot dead.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 40);
}

TEST_CASE("who describes a deed in a 'what' clause is its speaker, not the victims before it", "[events]") {
    const std::string text = "Near Bakhmut, Russian troops killed commander Ivan Petrenko and two other fighters in what the Ukrainian army described as an ambush.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].claimed_by == "the Ukrainian army");
}

TEST_CASE("'one worker was injured' and 'six Armenians were wounded' are tallies", "[events]") {
    const std::string one = "Drones attacked the refinery at Kherson on Friday, where officials said one worker was injured.";
    const auto one_mentions = mentions_of(one);
    const auto one_events = events_of(one, one_mentions);
    REQUIRE(one_events.size() == 1);
    CHECK(one_events[0].wounded == 1);

    const std::string people = "Troops opened fire on soldiers near Kherson on Friday, and six Armenians were wounded.";
    const auto people_mentions = mentions_of(people);
    const auto people_events = events_of(people, people_mentions);
    REQUIRE(people_events.size() == 1);
    CHECK(people_events[0].wounded == 6);
}

TEST_CASE("a trend in deeds of a kind is no deed", "[events]") {
    for (const std::string text : {"Separatists near Kherson have stepped up attacks on soldiers.", "Around Kharkiv, drone strikes have also risen since May.",
                                   "The strikes on Kherson, which intensified in January, come as talks stall."})
        CHECK(events_of(text, mentions_of(text)).empty());
    const std::string deed = "Separatists attacked soldiers near Kherson on Monday.";
    CHECK(events_of(deed, mentions_of(deed)).size() == 1);
}

TEST_CASE("a rocket attack is shelling, as rockets hitting are", "[events]") {
    const std::string text = "A rocket attack on Sunday killed four soldiers near Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Shelling);
}

TEST_CASE("a hit by a roadside bomb or a suicide bomber is an explosion, not a strike", "[events]") {
    for (const std::string text : {"Seven people were killed when a bus struck a roadside bomb outside Kherson.", "A suicide bomber struck a market in Kherson."}) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Explosion);
    }
}

TEST_CASE("a deed dated 'last year' or by a year before a noun is background", "[events]") {
    for (const std::string text : {"An attack in Kherson last year killed nine people.", "A militia founded by men who fled Kherson after the 1994 war is active.",
                                   "Russia won back swathes of territory around Kherson in the six-week war of 2020."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        CHECK(events_of(text, mentions).empty());
    }
    // "of" a number that is no year ending its clause dates nothing.
    const std::string soldiers = "Gunmen killed a group of 2000 soldiers in Kherson.";
    CHECK(events_of(soldiers, mentions_of(soldiers)).size() == 1);
}

TEST_CASE("a deed at a place the gazetteer lacks is not drawn at the story's last town", "[events]") {
    const std::string text = "Fighting went on in Kherson. On Monday Ukraine said its troops had retaken Robotyne, a farming village.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Attack);

    const std::string named_before = "Fighting went on in Kherson. On Monday Ukraine said its troops had retaken the town.";
    const auto before_mentions = mentions_of(named_before);
    const auto before_events = events_of(named_before, before_mentions);
    REQUIRE(before_events.size() == 2);
    CHECK(before_events[1].type == EventType::Recapture);
}

TEST_CASE("a deed told as one more of its kind is not merged with the one before", "[events]") {
    const std::string text = "A suicide bomber blew herself up at a wedding in Kherson on Saturday. Minutes later a second device exploded near the hospital in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Explosion);
    CHECK(events[1].type == EventType::Explosion);

    const std::string retold = "A suicide bomber blew herself up at a wedding in Kherson on Saturday. The explosion in Kherson killed 18 people.";
    const auto retold_mentions = mentions_of(retold);
    CHECK(events_of(retold, retold_mentions).size() == 1);
}

TEST_CASE("a tally after a series of deeds is not the last deed's", "[events]") {
    const std::string series =
        "A suicide bomber blew herself up at a wedding in Kherson on Saturday. Minutes later a second device exploded near the hospital in Kherson. "
        "Police gave a toll of eight dead.";
    const auto series_mentions = mentions_of(series);
    const auto events = events_of(series, series_mentions);
    REQUIRE(events.size() == 2);
    CHECK_FALSE(events[1].killed);

    const std::string single = "A suicide bomber blew herself up at a wedding in Kherson on Saturday. Police gave a toll of eight dead.";
    const auto single_mentions = mentions_of(single);
    const auto one = events_of(single, single_mentions);
    REQUIRE(one.size() == 1);
    CHECK(one[0].killed == 8);
}

TEST_CASE("two nearby places one sentence names are two deeds, not one told twice", "[events]") {
    const std::string text = "Russian missiles hit Kherson and Chornobaivka on Friday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(where(events[0], mentions) == "Kherson");
    CHECK(where(events[1], mentions) == "Chornobaivka");
}

TEST_CASE("an undated deed is the dated one only when told right after it", "[events]") {
    const std::string next = "Russian missiles hit Kherson on Monday. A missile hit a school in Kherson, killing two.";
    const auto next_mentions = mentions_of(next);
    const auto next_events = events_of(next, next_mentions);
    REQUIRE(next_events.size() == 1);
    CHECK(next_events[0].killed == 2);

    const std::string later = "Russian missiles hit Kherson on Monday. Officials in Kyiv spoke of aid. Talks went on in Lviv. A missile hit a school in Kherson, killing two.";
    const auto later_mentions = mentions_of(later);
    CHECK(events_of(later, later_mentions).size() == 2);
}

TEST_CASE("a bomber who blows herself up sets off an explosion, bombers that strike are aircraft", "[events]") {
    const std::string text = "A bomber blew herself up at a market in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Explosion);
    const std::string aircraft = "Russian bombers struck Kherson.";
    const auto aircraft_mentions = mentions_of(aircraft);
    const auto aircraft_events = events_of(aircraft, aircraft_mentions);
    REQUIRE(aircraft_events.size() == 1);
    CHECK(aircraft_events[0].type == EventType::Strike);
}

TEST_CASE("an event at a place the article itself locates is only near where it is drawn", "[events]") {
    const std::string described = "Ukrainian troops retook Andriivka on Monday.";
    const auto at_described = events_of(described, mentions_of(described));
    REQUIRE(at_described.size() == 1);
    CHECK(at_described[0].geo_precision == 2);
    const std::string known = "Ukrainian troops retook Chornobaivka on Monday.";
    const auto at_known = events_of(known, mentions_of(known));
    REQUIRE(at_known.size() == 1);
    CHECK(at_known[0].geo_precision == 1);
}

TEST_CASE("a deed word after 'such' names a kind of deed, not one", "[events]") {
    const std::string text = "Kyiv rarely comments on such raids in Kherson.";
    CHECK(events_of(text, mentions_of(text)).empty());
    const std::string one = "Kyiv rarely comments on raids in Kherson.";
    CHECK(events_of(one, mentions_of(one)).size() == 1);
}

TEST_CASE("a tally after a deed told again is that deed's, not the last one told", "[events]") {
    const std::string text =
        "Russian missiles struck Kherson on Monday, a day after shells hit Kharkiv. "
        "The strike on Kherson was the deadliest in weeks. Officials said four people were killed.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    for (const auto& e : events) {
        INFO(where(e, mentions));
        CHECK(e.killed == (where(e, mentions) == "Kherson" ? std::optional<long long>(4) : std::nullopt));
    }
}

TEST_CASE("'rejected a claim by X that …': X claims the deed and the subject denies it", "[events]") {
    const std::string text = "Ukraine's military on Friday rejected a claim by the Wagner group that its fighters had captured Bakhmut.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Capture);
    CHECK(events[0].claimed_by == "the Wagner group");
    CHECK(events[0].denied_by == "Ukraine's military");
    CHECK(events[0].status == frontmap::events::Status::Denied);
}

TEST_CASE("'landing' in a ship's or craft's name is no impact", "[events]") {
    const std::string text = "The landing ship Tsezar Kunikov went down off Kherson on Monday.";
    CHECK(events_of(text, mentions_of(text)).empty());
    const std::string hit = "Shells were landing in Kherson on Monday.";
    CHECK(events_of(hit, mentions_of(hit)).size() == 1);
}

TEST_CASE("a blame told right after a deed is its claim and names its doer", "[events]") {
    const std::string text = "On Monday a drone struck a market in Kherson, killing four people. Local officials blamed the Russian army.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].claimed_by == "Local officials");
    CHECK(events[0].side == "RU");
    CHECK(events[0].status == frontmap::events::Status::Claimed);
    // With no toll to blame anyone for, the blame may be about an earlier deed: none is taken.
    const std::string no_toll = "On Monday a drone struck a market in Kherson. Local officials blamed the Russian army.";
    const auto untolled = events_of(no_toll, mentions_of(no_toll));
    REQUIRE(untolled.size() == 1);
    CHECK(untolled[0].claimed_by.empty());
}

TEST_CASE("a claimant's name leaves out the time words that open its clause", "[events]") {
    const std::string text = "Last week Kyiv's defence minister said missiles had struck Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].claimed_by == "Kyiv's defence minister");
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

TEST_CASE("one named person leaving a place is no evacuation, people leaving it are", "[events]") {
    const std::string person = "Officials in Moscow said Yanukovych had left Kyiv on Monday.";
    CHECK(events_of(person, mentions_of(person)).empty());
    const std::string people = "Officials in Moscow said thousands had left Kyiv on Monday.";
    const auto mentions = mentions_of(people);
    const auto events = events_of(people, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Evacuation);
    CHECK(where(events[0], mentions) == "Kyiv");
}

TEST_CASE("'both raids' points back at raids already told and adds none", "[events]") {
    const std::string text = "Russian jets bombed Kherson on Monday, a day after striking Kharkiv. Both raids answered a missile that exploded on Sunday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Kherson");
}

TEST_CASE("what people fled is not who fled: villagers fleeing troops is an evacuation", "[events]") {
    const std::string text = "Thousands of villagers fled Russian troops advancing on Kharkiv, officials said.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::any_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Evacuation; }));
    CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Withdrawal; }));
}

TEST_CASE("a shortage of shells or missiles is no shelling or strike", "[events]") {
    const std::string text = "Soldiers in Bakhmut said they were short of artillery shells. Officials in Kharkiv spoke of a shortage of missiles.";
    CHECK(events_of(text, mentions_of(text)).empty());
}

TEST_CASE("denying a withdrawal from a place denies its capture, unless the denier told it", "[events]") {
    const std::string text = "Russian officials said their troops had captured Bakhmut on Monday. "
                             "Ukraine's army denied that its forces had pulled out of Bakhmut.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto capture = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Capture; });
    REQUIRE(capture != events.end());
    CHECK(capture->denied_by == "Ukraine's army");

    const std::string own = "Ukraine's army said Russian troops had captured Bakhmut on Monday. "
                            "Ukraine's army denied that its forces had pulled out of Bakhmut.";
    const auto own_mentions = mentions_of(own);
    const auto own_events = events_of(own, own_mentions);
    const auto told = std::find_if(own_events.begin(), own_events.end(), [](const auto& e) { return e.type == EventType::Capture; });
    REQUIRE(told != own_events.end());
    CHECK(told->denied_by.empty());
}

TEST_CASE("a fire that breaks out during a wave of strikes is a strike", "[events]") {
    const std::string text = "Russian drones struck Kherson overnight. A fire broke out at a fuel depot in Chornobaivka.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Other; }));
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return e.type == EventType::Strike && where(e, mentions) == "Chornobaivka"; }));
}

TEST_CASE("prisoners escaping a prison make a jailbreak, not an evacuation", "[events]") {
    const std::string text = "Officials said on Thursday that 281 inmates had escaped from the prison in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Other);
    CHECK(where(events[0], mentions) == "Kherson");
}

TEST_CASE("a denial after a comma shares the subject before it and never denies that subject's own report", "[events]") {
    const std::string text = "Russian officials said their troops had captured Bakhmut on Monday. Ukraine's army said its troops had repelled "
                             "another assault on Bakhmut, dismissed the footage as fake and accused Russia of shelling the town.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
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

TEST_CASE("a tally reaches its verb across a longer noun phrase of people", "[events]") {
    const std::string text = "Officials said more than 460 patients and their companions had been shot dead at a hospital in Kharkiv.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 460);
}

TEST_CASE("ground reclaimed, freed or back in a side's hands is recaptured", "[events]") {
    for (const std::string text : {"Ukrainian troops reclaimed Andriivka on Monday.", "By evening Kherson was back in Ukrainian hands.",
                                   "Officials said Chornobaivka had returned to Ukrainian control."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(events[0].type == EventType::Recapture);
    }
}

TEST_CASE("'Shells struck' is one deed: the weapon named before a hit is that hit's, with the hit's place", "[events]") {
    const std::string text = "In Kherson, shells struck camps at Chornobaivka on Thursday morning.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Chornobaivka");
    CHECK(events[0].type == EventType::Shelling);
}


TEST_CASE("rounds that land are shells", "[events]") {
    const std::string text = "More rounds landed in Chornobaivka on Thursday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Shelling);
}

TEST_CASE("people forced from their homes are evacuated, and a toll told with them is the deadly deed's", "[events]") {
    const std::string text = "Floodwater swept through Kherson on Tuesday. Officials said on Thursday that at least 30 people had died "
                             "and that more than 4,000 had been forced from their homes.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto flood = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Flooding; });
    const auto evacuation = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Evacuation; });
    REQUIRE(flood != events.end());
    REQUIRE(evacuation != events.end());
    CHECK(flood->killed == 30);
    CHECK_FALSE(evacuation->killed);
}

TEST_CASE("in a story of floods, a hit with no weapon is the water's however long ago the flood was told", "[events]") {
    const std::string text = "Floodwater swept through Kherson on Sunday. The region has been split between two governments since 2014. "
                             "Officials said on Monday that about 70 villages near Chornobaivka had been hit.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE_FALSE(events.empty());
    for (const auto& e : events) {
        CAPTURE(where(e, mentions));
        CHECK(e.type == EventType::Flooding);
    }
}

TEST_CASE("'which they said' in a sentence that opens with armed men names them as the claimant", "[events]") {
    const std::string text = "Rebels then pushed past Kyiv into Kherson, which they said they had fully captured overnight.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    const auto capture = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Capture; });
    REQUIRE(capture != events.end());
    CHECK(capture->claimed_by == "Rebels");
}

TEST_CASE("a deed put 'elsewhere' with no place after it is at no place the sentence names", "[events]") {
    const std::string text = "Aid agencies warned of shortages in Kherson, a city already crowded with people who have fled fighting elsewhere.";
    CHECK(events_of(text, mentions_of(text)).empty());
    const std::string placed = "Aid agencies warned of shortages in Kherson, a city crowded with families who have fled the fighting elsewhere in Kharkiv.";
    const auto mentions = mentions_of(placed);
    const auto events = events_of(placed, mentions);
    CHECK(std::any_of(events.begin(), events.end(), [&](const auto& e) { return where(e, mentions) == "Kharkiv"; }));
}

TEST_CASE("a hoped-for deed or a step towards one is not a deed", "[events]") {
    for (const std::string text : {"Ukrainian commanders hope their troops advance toward Kherson soon.",
                                   "The Kremlin presented the fighting as a step towards taking all of Kherson."}) {
        CAPTURE(text);
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        CHECK(std::none_of(events.begin(), events.end(), [](const auto& e) { return e.type == EventType::Advance || e.type == EventType::Capture; }));
    }
}

TEST_CASE("soldiers and their families leaving make a withdrawal: armed men head the pair", "[events]") {
    const std::string text = "Under the deal the soldiers and their families were allowed to leave Kherson on Thursday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Withdrawal);
}

TEST_CASE("storming or overrunning a post or a building is an assault, overrunning a town is a capture", "[events]") {
    const std::string clinic = "Relief workers said gunmen overran a clinic in Kherson on Thursday.";
    const auto mentions = mentions_of(clinic);
    const auto events = events_of(clinic, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Attack);
    const std::string town = "Officials said Russian troops overran Chornobaivka on Thursday.";
    const auto town_mentions = mentions_of(town);
    const auto taken = events_of(town, town_mentions);
    REQUIRE(taken.size() == 1);
    CHECK(taken[0].type == EventType::Capture);
}

TEST_CASE("'nine of its staff were killed' is a tally of nine", "[events]") {
    const std::string text = "A charity said nine of its staff were killed when gunmen overran its clinic in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].killed == 9);
}

TEST_CASE("a toll spread over ten states is no one place's", "[events]") {
    const std::string text = "The health ministry said floods had killed 132 people in ten states this week, with the heaviest damage in Kherson.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Flooding);
    CHECK_FALSE(events[0].killed);
}

TEST_CASE("forces that leave camps at two places withdraw from each", "[events]") {
    const std::string text = "Russian troops left their positions at Chornobaivka and Andriivka on Thursday.";
    const auto mentions = mentions_of(text);
    const auto events = events_of(text, mentions);
    REQUIRE(events.size() == 2);
    CHECK(events[0].type == EventType::Withdrawal);
    CHECK(where(events[0], mentions) == "Chornobaivka");
    CHECK(where(events[1], mentions) == "Andriivka");
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

TEST_CASE("'Police evacuated residents' is a deed, 'displaced people' is a description", "[events]") {
    const std::string deed = "Police evacuated residents from Kherson on Monday.";
    const auto mentions = mentions_of(deed);
    const auto events = events_of(deed, mentions);
    REQUIRE(events.size() == 1);
    CHECK(events[0].type == EventType::Evacuation);
    const std::string description = "Aid reached displaced people in Kherson on Monday.";
    CHECK(events_of(description, mentions_of(description)).empty());
}

TEST_CASE("an area followed at once by a town it is near: the deed is near the town", "[events]") {
    // As "in the Red Sea off the port of Hodeidah": a water body named first, then the town.
    for (const std::string text : {"Russian drones hit a ferry on the Dnieper near Nova Kakhovka on Friday.",
                                   "Russian drones hit a ferry on the Dnieper off Nova Kakhovka on Friday.",
                                   "Russian drones hit a ferry on the Dnieper off the river port of Nova Kakhovka on Friday."}) {
        const auto mentions = mentions_of(text);
        const auto events = events_of(text, mentions);
        REQUIRE(events.size() == 1);
        CHECK(where(events[0], mentions) == "Nova Kakhovka");
        CHECK(events[0].geo_precision == 2);
    }
    // "near" that governs something else leaves the deed where it was.
    const std::string other = "Russian drones hit a ferry on the Dnieper near the border and Nova Kakhovka on Friday.";
    const auto other_mentions = mentions_of(other);
    const auto other_events = events_of(other, other_mentions);
    CHECK(std::any_of(other_events.begin(), other_events.end(), [&](const auto& e) { return where(e, other_mentions) == "Dnieper"; }));
    // A comma sets the town apart: the deed stays where the sentence put it.
    const std::string apart = "Russian drones hit a ferry on the Dnieper, far from Nova Kakhovka, on Friday.";
    const auto mentions = mentions_of(apart);
    const auto events = events_of(apart, mentions);
    REQUIRE(events.size() == 1);
    CHECK(where(events[0], mentions) == "Dnieper");
}

TEST_CASE("a town that owns the site named after it: the deed is at the site alone", "[events]") {
    const std::string text = "Russian missiles struck Kherson's Qwerty hospital on Friday.";
    auto mentions = mentions_of(text);
    mentions[0].role = Role::Location;  // as the parser reads a town before its site
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
