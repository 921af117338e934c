// Runs one event case (tests/events/cases/*.case): a snippet, and the events the stage must find
// in it with what each must say. The mentions are the fixture's hand-made ones
// (tests/unit/event_fixture.hpp), so a case tests the event rules alone, without a gazetteer.
//   event_case CASE
// prints "ok: CASE" and exits 0 when the events agree, else each difference and exits 1.
#include "case_file.hpp"
#include "event_fixture.hpp"
#include "events/extract.hpp"
#include "events/geojson.hpp"

#include <fstream>
#include <filesystem>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using frontmap::events::Event;
using frontmap::parse::Mention;

namespace {

using frontmap::test::read_case_lines;
using frontmap::test::split_fields;
using frontmap::test::trimmed;

struct Expected {
    std::string type, place;
    std::map<std::string, std::string> fields;  // what else it must say; unstated fields are not checked
};

struct Case {
    std::string text;
    frontmap::events::Date today = frontmap::test::kArticleFriday;
    std::vector<Expected> events;
    bool none = false;
};

// "strike @ Kyiv | side=RU | killed=4"
Expected expected_of(const std::string& value) {
    const std::vector<std::string> parts = split_fields(value);
    const auto at = parts.at(0).find(" @ ");
    if (at == std::string::npos) throw std::runtime_error("an event is TYPE @ PLACE [| key=value]...: " + value);
    Expected e{trimmed(parts[0].substr(0, at)), trimmed(parts[0].substr(at + 3)), {}};
    for (size_t i = 1; i < parts.size(); ++i) {
        const auto eq = parts[i].find('=');
        if (eq == std::string::npos) throw std::runtime_error("not key=value: " + parts[i]);
        e.fields[trimmed(parts[i].substr(0, eq))] = trimmed(parts[i].substr(eq + 1));
    }
    return e;
}

frontmap::events::Date today_of(const std::string& value) {
    const auto date = frontmap::events::parse_iso_date(value);
    if (!date) throw std::runtime_error("today is YYYY-MM-DD, not " + value);
    return *date;
}

Case read_case(const fs::path& file) {
    Case c;
    read_case_lines(file, [&](const std::string& key, const std::string& value) {
        if (key == "text") c.text += (c.text.empty() ? "" : " ") + value;
        else if (key == "event") c.events.push_back(expected_of(value));
        else if (key == "no events") c.none = true;
        else if (key == "today") c.today = today_of(value);
        else throw std::runtime_error("unknown key '" + key + "'");
    });
    if (c.text.empty() || (c.events.empty() != c.none)) throw std::runtime_error("a case needs text: and either event: lines or 'no events:'");
    return c;
}

std::string count_text(const std::optional<long long>& n) { return n ? std::to_string(*n) : "none"; }
std::string mention_text(const std::optional<size_t>& i, const std::vector<Mention>& mentions) { return i ? mentions[*i].text : "none"; }

// Every field a case may state, as the event says it.
std::map<std::string, std::string> fields_of(const Event& e, const std::vector<Mention>& mentions, std::string_view text) {
    return {{"side", e.side},
            {"actor", e.actor},
            {"killed", count_text(e.killed)},
            {"wounded", count_text(e.wounded)},
            {"places", count_text(e.places)},
            {"approximate", e.approximate_count ? "yes" : "no"},
            {"claimed_by", e.claimed_by},
            {"denied_by", e.denied_by},
            {"claimed_side", e.claimed_side},
            {"denied_side", e.denied_side},
            {"status", frontmap::events::to_string(e.status)},
            {"date", e.date ? frontmap::events::to_iso(*e.date) : "none"},
            {"time_precision", std::to_string(e.time_precision)},
            {"geo_precision", std::to_string(e.geo_precision)},
            {"toward", mention_text(e.toward, mentions)},
            {"from", mention_text(e.from, mentions)},
            {"along", mention_text(e.along, mentions)},
            {"area", e.area ? e.area->name : "none"},
            {"another", e.another ? "yes" : "no"},
            {"evidence", std::string(text.substr(e.evidence.start, e.evidence.end - e.evidence.start))}};
}

std::vector<std::string> check(const Case& c) {
    const auto mentions = frontmap::test::mentions_of(c.text);
    const auto events = frontmap::events::extract(c.text, mentions, {c.today, {}});
    std::vector<std::string> problems;
    if (events.size() != c.events.size())
        problems.push_back(std::to_string(events.size()) + " events found, " + std::to_string(c.events.size()) + " expected");
    for (size_t i = 0; i < events.size() && i < c.events.size(); ++i) {
        const auto& got = events[i];
        const auto& want = c.events[i];
        const std::string name = "event " + std::to_string(i + 1);
        const std::string type = frontmap::events::to_string(got.type), place = mentions[got.where].text;
        if (type != want.type || place != want.place) {
            problems.push_back(name + ": " + type + " @ " + place + ", expected " + want.type + " @ " + want.place);
            continue;
        }
        const auto said = fields_of(got, mentions, c.text);
        for (const auto& [key, value] : want.fields) {
            const auto it = said.find(key);
            if (it == said.end()) throw std::runtime_error("unknown field '" + key + "'");
            // "*": said, whatever it says ("claimed_by=*": someone claims it).
            const bool agrees = value == "*" ? !it->second.empty() && it->second != "none" : it->second == value;
            if (!agrees) problems.push_back(name + ": " + key + " '" + it->second + "', expected '" + value + "'");
        }
    }
    return problems;
}

}  // namespace

int main(int argc, char** argv) {
    return frontmap::test::run_case(argc, argv, "event_case", [](const fs::path& file) { return check(read_case(file)); });
}
