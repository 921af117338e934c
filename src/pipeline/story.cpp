#include "pipeline/story.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "events/geojson.hpp"
#include "io/places.hpp"
#include "parse/parser.hpp"
#include "pipeline/subjects.hpp"

namespace frontmap::pipeline {

namespace fs = std::filesystem;

namespace {

// The parse schema's place types, for a message that names them.
constexpr const char* kPlaceTypes = "city, village, region, country, river, sea, island, infrastructure or other";

}  // namespace

fs::path data_folder(const std::string& dir_option) {
    fs::path dir = dir_option.empty() ? fs::path(FRONTMAP_DEFAULT_DATA_DIR) : fs::path(dir_option);
    const char* how = "build it with tools/setup.sh, or point --data or FRONTMAP_DATA at a built data folder";
    if (!fs::is_directory(dir)) throw DataError("no data folder " + dir.string(), how);
    for (const char* file : {"gazetteer.sqlite", "basemap.gpkg"})
        if (!fs::is_regular_file(dir / file)) throw DataError("data folder " + dir.string() + " has no " + file, how);
    return dir;
}

void add_user_places(gazetteer::Gazetteer& gazetteer, const std::string& places_file) {
    if (places_file.empty()) return;
    std::vector<std::pair<gazetteer::Place, std::vector<std::string>>> places;
    for (const auto& u : io::read_user_places(places_file)) {
        gazetteer::Place p;
        p.name = u.name;
        try {
            p.type = gazetteer::place_type_from_string(u.type);
        } catch (const DataError&) {
            throw InputError("bad place '" + u.name + "' in " + places_file, "unknown type '" + u.type + "' (" + kPlaceTypes + ")");
        }
        p.feature_code = "user";
        p.country = u.country;
        p.lat = u.lat;
        p.lon = u.lon;
        p.importance = u.importance;
        p.bbox = u.bbox;
        places.emplace_back(std::move(p), u.names);
    }
    gazetteer.add_places(places);
}

Data::Data(const fs::path& dir, const std::string& places_file) : gazetteer(dir / "gazetteer.sqlite"), basemap(dir / "basemap.gpkg") {
    add_user_places(gazetteer, places_file);
}

std::optional<events::Date> article_date(const std::string& option, std::string_view text) {
    if (option.empty()) return events::find_article_date(text);
    const auto date = events::parse_iso_date(option);
    if (!date) throw UsageError("bad --date '" + option + "'", "expected a date as YYYY-MM-DD, e.g. 2022-10-21");
    return date;
}

events::RegionOf region_lookup(gazetteer::Gazetteer& gazetteer) {
    return [&gazetteer](const gazetteer::Place& city) -> std::optional<gazetteer::Place> {
        for (const auto& p : gazetteer.lookup(text::name_key(city.name)))
            if (p.type == gazetteer::PlaceType::Region && p.country == city.country && gazetteer::extent_holds(p.bbox, city))
                return p;
        return std::nullopt;
    };
}

scene::Scene scene_of_article(Data& data, std::string_view text, const std::string& date_option, scene::Options layout,
                              const style::Style& style, const render::PangoMeasure& measure, Reported* reported) {
    parse::Parser parser(data.gazetteer);
    parse::Words words;
    const auto mentions = parser.parse(text, words);
    const auto date = article_date(date_option, text);
    auto found = events::extract_all(text, words.tokens, mentions, {date, region_lookup(data.gazetteer)});
    if (reported) *reported = {found.events.size(), std::move(found.unplaced)};
    const scene::Story story{subjects_of(mentions), event_subjects_of(found.events, mentions, text, data.gazetteer)};
    layout.as_of = date ? events::to_iso(*date) : "";
    return scene::build(story, data.basemap, style, measure, layout);
}

}  // namespace frontmap::pipeline
