#include "event_fixture.hpp"

namespace frontmap::test {

using gazetteer::PlaceType;
using parse::Mention;
using parse::Role;

namespace {

struct PlaceFact {
    std::string name;
    PlaceType type;
    std::string country;
    double lat, lon;
    Role role = Role::Location;
    std::string feature_code = "PPL";
    std::optional<frontmap::BBox> bbox;
};

const std::vector<PlaceFact> kPlaces = {
    {"Kherson", PlaceType::City, "UA", 46.64, 32.61},     {"Kharkiv", PlaceType::City, "UA", 49.99, 36.23},
    {"Kyiv", PlaceType::City, "UA", 50.45, 30.52, Role::Location, "PPLC"},        {"Dnieper", PlaceType::River, "UA", 47.0, 33.2},
    {"Bakhmut", PlaceType::City, "UA", 48.59, 38.0},      {"Lviv", PlaceType::City, "UA", 49.84, 24.03},
    {"Belarus", PlaceType::Country, "BY", 53.7, 27.9},   {"Moscow", PlaceType::City, "RU", 55.75, 37.62, Role::Metonym}, {"Ukraine", PlaceType::Country, "UA", 49.0, 31.0, Role::Metonym},
    {"Nova Kakhovka", PlaceType::City, "UA", 46.75, 33.37}, {"Chornobaivka", PlaceType::City, "UA", 46.70, 32.55},
    {"Andriivka", PlaceType::Village, "UA", 48.5, 37.97, Role::Location, "described"},  // placed by the article's words
    {"Donbas", PlaceType::Region, "UA", 48.3, 38.3, Role::Location, "ADM1", frontmap::BBox{36.5, 46.8, 40.3, 50.1}},
    {"Qwerty", PlaceType::Infrastructure, "UA", 46.64, 32.61, Role::Location, "described"},  // a site placed at its town
};

}  // namespace

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

const events::Date kArticleFriday{std::chrono::year{2022}, std::chrono::October, std::chrono::day{21}};

}  // namespace frontmap::test
