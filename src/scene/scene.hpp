#pragma once
// What a map shows, decided before any drawing: extent, projection, the places and their labels
// (already placed), scale bar, legend, inset, title and credits. Serialised as GeoJSON so a user
// can parse an article, edit the scene, then render it.
#include "scene/projection.hpp"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace frontmap::scene {

// Which style font a label uses.
enum class LabelFont { Place, Context, Water, Region, Country };
const char* to_string(LabelFont font);
LabelFont label_font_from_string(const std::string& text);

struct Label {
    std::string text;
    Box box;  // pixels, top-left origin: where the text is drawn
    LabelFont font = LabelFont::Place;
};

struct Feature {
    std::string kind;        // "place" (named in the article), "area", "river", "water", "country", "context" (other towns)
    std::string name;
    std::string place_id;
    std::string place_type;  // parse schema type
    std::string role;        // "location" for places drawn
    int mentions = 0;
    bool capital = false;
    bool in_view = true;     // false: shown only in the inset
    double lon = 0.0, lat = 0.0;
    std::vector<std::array<double, 2>> line;  // rivers: the course, lon/lat
    std::optional<Label> label;
};

struct ScaleBar {
    double km = 0.0;      // the length the bar stands for
    double px = 0.0;      // its length on the canvas
    Point origin;         // left end, pixels
};

struct Inset {
    std::string crs;
    std::array<double, 4> view{};   // projected extent shown
    std::array<double, 4> bbox{};   // lon/lat extent to read from the basemap
    Box box;                        // where on the canvas
    std::vector<std::array<double, 2>> extent_outline;  // the main map's edge, lon/lat
};

struct LegendEntry {
    std::string kind;  // "place", "capital", "context", "river", "border", "admin1", "disputed"
    std::string text;
};

struct Scene {
    int width = 1200;
    int height = 800;
    std::string title;
    std::string subtitle;
    std::string source;
    std::string style = "default";
    std::string crs;
    std::array<double, 4> view{};  // projected xmin, ymin, xmax, ymax
    std::array<double, 4> bbox{};  // lon/lat W, S, E, N covering the map box
    Box map_box;
    std::string detail = "h";      // basemap level of detail: h, i or l
    std::vector<Feature> features;
    ScaleBar scale_bar;
    std::vector<LegendEntry> legend;
    Box legend_box;
    std::optional<Inset> inset;
};

}  // namespace frontmap::scene
