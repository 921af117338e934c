#pragma once
// From an article's text to the scene of its map: the stages in order (parse, events, what to draw,
// layout), used by the CLI, the public MapMaker and the benchmark alike.
#include "events/extract.hpp"
#include "gazetteer/gazetteer.hpp"
#include "io/basemap.hpp"
#include "render/text.hpp"
#include "scene/build.hpp"
#include "style/style.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace frontmap::pipeline {

// What every map reads, opened once: the gazetteer, with a newsroom's own places for the run
// when `places_file` names them (CSV or GeoJSON), and the basemap. One per thread.
struct Data {
    explicit Data(const std::filesystem::path& dir, const std::string& places_file = {});
    gazetteer::Gazetteer gazetteer;
    io::Basemap basemap;
};

// The folder holding gazetteer.sqlite and basemap.gpkg: `dir`, else the set-up's folder; throws
// DataError saying how to build one when it is missing or incomplete.
std::filesystem::path data_folder(const std::string& dir);

// Adds a newsroom's own places (CSV or GeoJSON) to the gazetteer for this run.
void add_user_places(gazetteer::Gazetteer& gazetteer, const std::string& places_file);

// The article's date: `option` (YYYY-MM-DD) when given, else a date line in the text, else none.
// Throws UsageError for an option that is no date.
std::optional<events::Date> article_date(const std::string& option, std::string_view text);

// The admin-1 area a city lies in, for events told of a city's region.
events::RegionOf region_lookup(gazetteer::Gazetteer& gazetteer);

// What the article reported, for a desk's report: how many events it found, and those told at
// places that could not be located.
struct Reported {
    size_t events = 0;
    std::vector<events::UnplacedEvent> unplaced;
};

// The scene of an article's map. `layout` gives the canvas and the credits; its as_of is filled
// from `date` (or the text's date line).
scene::Scene scene_of_article(Data& data, std::string_view text, const std::string& date, scene::Options layout,
                              const style::Style& style, const render::PangoMeasure& measure, Reported* reported = nullptr);

}  // namespace frontmap::pipeline
