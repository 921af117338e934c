#pragma once
// What a map shows, decided before any drawing: extent, projection, the places and their labels
// (already placed), scale bar, legend, inset, title and credits. Serialised as GeoJSON so a user
// can parse an article, edit the scene, then render it.
#include "common/bbox.hpp"
#include "scene/projection.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
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

// What a feature is on the map: a place the article names, a region or country it names (an
// area), a river, a sea or other water, a country named for orientation, another town.
enum class FeatureKind { Place, Area, River, Water, Country, Context };
const char* to_string(FeatureKind kind);

struct Feature {
    FeatureKind kind = FeatureKind::Place;
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

// A note beside an event ("4 killed, 13 wounded — Moscow-installed authorities; Ukraine
// denies"), joined by a leader line to the point it tells of.
struct Callout {
    std::string text;
    Box box;       // pixels: where the text is drawn
    Point anchor;  // pixels: where the leader line ends
};

// How an event is drawn: an arrow for an advance or a withdrawal (`line`, tail to tip), a hatched
// area for ground taken across a region (`rings`), a filled marker for a capture, an icon for any
// other incident. The words are the scene file's "symbol" values.
enum class EventSymbol { Arrow, Area, Marker, Icon };
const char* to_string(EventSymbol symbol);
std::optional<EventSymbol> event_symbol_from_string(std::string_view text);  // none for a word it is not

// Who says so: reported as fact, claimed by a party, denied by one, or confirmed. The words are
// the scene file's "status" values.
enum class EventStatus { Reported, Claimed, Denied, Confirmed };
const char* to_string(EventStatus status);
std::optional<EventStatus> event_status_from_string(std::string_view text);  // none for a word it is not

// An event drawn on the map. Its symbol follows its type.
struct EventMark {
    std::string type;    // the event type, as in the parse schema
    std::string side;    // side key ("UA", "RSF"); empty when unknown
    EventStatus status = EventStatus::Reported;
    EventSymbol symbol = EventSymbol::Icon;
    std::string place;   // the place's name as the article spells it
    std::string evidence;  // the words the event came from
    int geo_precision = 1;
    double lon = 0.0, lat = 0.0;  // where it happened
    std::vector<std::array<double, 2>> line;                // arrows, lon/lat
    std::vector<std::vector<std::array<double, 2>>> rings;  // areas, lon/lat
    std::optional<Box> icon;  // pixels: where a marker or icon is drawn (moved off a crowded point)
    std::optional<Callout> callout;
    bool in_view = true;
};

struct ScaleBar {
    double km = 0.0;      // the length the bar stands for
    double px = 0.0;      // its length on the canvas
    Point origin;         // left end, pixels
};

struct Inset {
    std::string crs;
    BBox view;                      // projected extent shown
    BBox bbox;                      // lon/lat extent to read from the basemap
    Box box;                        // where on the canvas
    std::vector<std::array<double, 2>> extent_outline;  // the main map's edge, lon/lat
};

struct LegendEntry {
    std::string kind;  // "place", "capital", "context", "river", "border", "admin1", "disputed", "event", "claimed", "denied"
    std::string text;
    std::optional<EventSymbol> symbol;  // events: the symbol drawn
    std::string event_type;  // events: the type whose icon is drawn
    std::string side;        // events: whose colour
};

// A legend row's height for text `text_height` high: an event's row is as tall as its icon.
inline double legend_row_height(const LegendEntry& e, double text_height, double icon_radius) {
    const double row = text_height * 1.35;
    const bool event = e.kind == "event" || e.kind == "claimed" || e.kind == "denied";
    return event ? std::max(row, 2 * icon_radius + 4) : row;
}

// The legend's rows in columns, filled top to bottom then left to right: a map a column wide
// carries its legend in a band below it, where one long column would take most of its height.
// The scene lays the box out by it and the renderer reads the columns back from the box's width.
struct LegendGrid {
    size_t columns = 1, rows = 0;  // rows in each column (the last may have fewer)
    std::vector<double> column_x;  // each column's left, from the first's: each is as wide as its own text
    double w = 0;                  // the columns side by side
    std::vector<double> row_h;     // each entry's row height
    double h = 0;                  // the tallest column, with the box's padding
};

// `width` is the room for the box; `text_size(i)` measures entry i's text (width, height). As many
// columns as fit side by side, each as wide as its widest text and its symbol.
template <typename Measure>
LegendGrid legend_grid(const std::vector<LegendEntry>& entries, double width, double icon_radius, Measure text_size) {
    constexpr double kSymbolAndGaps = 44;
    std::vector<double> text_w;
    LegendGrid g;
    for (size_t i = 0; i < entries.size(); ++i) {
        const auto [w, h] = text_size(i);
        text_w.push_back(w);
        g.row_h.push_back(legend_row_height(entries[i], h, icon_radius));
    }
    const auto lay_out = [&](size_t columns) {
        LegendGrid out = g;
        out.columns = columns;
        out.rows = (entries.size() + columns - 1) / columns;
        for (size_t c = 0; c < columns; ++c) {
            double widest = 0;
            double column = 0;
            for (size_t i = c * out.rows; i < entries.size() && i < (c + 1) * out.rows; ++i) {
                widest = std::max(widest, text_w[i]);
                column += out.row_h[i];
            }
            out.column_x.push_back(out.w);
            out.w += widest + kSymbolAndGaps;
            out.h = std::max(out.h, column);
        }
        out.h += 12;
        return out;
    };
    LegendGrid best = lay_out(1);
    for (size_t columns = 2; columns <= entries.size(); ++columns) {
        // Seven rows in six columns of two fill only four of them: no empty columns.
        const size_t rows = (entries.size() + columns - 1) / columns;
        if ((entries.size() + rows - 1) / rows < columns) continue;
        if (const LegendGrid more = lay_out(columns); more.w <= width + 1e-6) best = more;
    }
    return best;
}

struct Scene {
    int width = 1200;   // layout pixels: 1/96 inch, as CSS counts them
    int height = 800;
    double dpi = 96;            // PNG output pixels per inch: text and symbols keep their size in print
    bool millimetres = false;   // the size was asked in mm: SVG and PDF keep it as a physical size
    std::string title;
    std::string subtitle;
    std::string source;
    // The map in words for alt text and the SVG's description; written with the scene, so a user
    // who edits the scene can edit it too.
    std::string alt;
    std::string style = "default";
    std::string crs;
    BBox view;                     // projected extent shown
    BBox bbox;                     // lon/lat extent covering the map box
    Box map_box;
    std::string detail = "h";      // basemap level of detail: h, i or l
    std::string as_of;  // "21 October 2022": the date the map's news is as of; empty when unknown
    std::vector<Feature> features;
    std::vector<EventMark> events;
    ScaleBar scale_bar;
    std::vector<LegendEntry> legend;
    Box legend_box;
    std::optional<Inset> inset;
};

}  // namespace frontmap::scene
