#pragma once
// How a map looks: colours, line widths, fonts. Loaded from a JSON file in styles/; every key is
// optional and falls back to the built-in default, so a style file states only what it changes.
#include <array>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace frontmap::style {

struct Colour {
    double r = 0, g = 0, b = 0, a = 1;
};
Colour parse_colour(const std::string& text);  // "#rrggbb", "#rrggbbaa" or a CSS name ("steelblue"); throws InputError

struct Stroke {
    Colour colour;
    double width = 1.0;
    std::vector<double> dash;
};

struct Marker {
    Colour fill;
    Colour stroke;
    double radius = 4.0;
    double stroke_width = 1.2;  // 0: a dot with no rim
};

struct Font {
    std::string family = "Noto Sans";
    double size = 12.0;
    bool bold = false;
    bool italic = false;
    Colour colour;
};

struct Style {
    std::string name = "default";
    Colour sea{0.851, 0.906, 0.945, 1};
    Colour land{0.969, 0.961, 0.941, 1};
    Colour lake{0.851, 0.906, 0.945, 1};
    Colour paper{1, 1, 1, 1};
    Stroke coast{{0.45, 0.60, 0.72, 1}, 0.7, {}};
    Stroke river{{0.55, 0.71, 0.84, 1}, 1.0, {}};
    Stroke named_river{{0.42, 0.62, 0.80, 1}, 2.0, {}};
    Stroke border{{0.35, 0.35, 0.35, 1}, 1.3, {}};
    Stroke disputed{{0.35, 0.35, 0.35, 1}, 1.1, {4, 3}};
    Stroke admin1{{0.62, 0.60, 0.56, 1}, 0.6, {3, 2}};
    Marker place{{0.78, 0.06, 0.18, 1}, {1, 1, 1, 1}, 5.0};
    Marker context{{0.35, 0.35, 0.35, 1}, {1, 1, 1, 1}, 2.6};
    Marker capital{{0.25, 0.25, 0.25, 1}, {1, 1, 1, 1}, 3.6};
    Font label{"Noto Sans", 14.0, true, false, {0.1, 0.1, 0.1, 1}};
    Font context_label{"Noto Sans", 10.5, false, false, {0.3, 0.3, 0.3, 1}};
    Font water_label{"Noto Serif", 11.0, false, true, {0.30, 0.48, 0.65, 1}};
    Font region_label{"Noto Sans", 10.0, false, false, {0.55, 0.52, 0.48, 1}};
    Font country_label{"Noto Sans", 15.0, true, false, {0.62, 0.60, 0.56, 1}};
    Font title{"Noto Sans", 22.0, true, false, {0.1, 0.1, 0.1, 1}};
    Font subtitle{"Noto Sans", 13.0, false, false, {0.35, 0.35, 0.35, 1}};
    Font small{"Noto Sans", 9.5, false, false, {0.35, 0.35, 0.35, 1}};
    // The page's margins, which the scene measures text within and the renderer draws it at: the
    // headline and subtitle from the left and right edges and the top; the credits from the left
    // and right edges and below the map (or the legend under it).
    double title_margin = 14, title_top = 8, credits_margin = 12, credits_gap = 5;
    Colour halo{1, 1, 1, 0.9};
    double halo_width = 3.0;
    Stroke inset_frame{{0.3, 0.3, 0.3, 1}, 1.0, {}};
    Stroke inset_extent{{0.78, 0.06, 0.18, 1}, 1.5, {}};

    // Events. A side's colour comes from `sides` by its key ("UA", "RSF"); sides the table lacks
    // take the palette's colours in the order the map first shows them, and events with no side
    // the neutral colour.
    std::map<std::string, Colour> sides{{"UA", {0.12, 0.37, 0.66, 1}}, {"RU", {0.78, 0.06, 0.18, 1}}};
    std::vector<Colour> side_palette{{0.12, 0.37, 0.66, 1}, {0.78, 0.06, 0.18, 1}, {0.18, 0.55, 0.34, 1}, {0.56, 0.27, 0.68, 1}};
    Colour neutral{0.33, 0.33, 0.33, 1};
    double event_icon_radius = 9.0;  // icons are this far from centre to edge, in pixels
    double arrow_width = 12.0;       // an advance arrow's body at its widest
    Font callout{"Noto Sans", 10.5, false, false, {0.1, 0.1, 0.1, 1}};
    Colour callout_fill{1, 1, 1, 0.92};
    // The rim of a reported event's disc, arrow and flag, its glyph, and the face of a claimed one.
    Colour symbol_rim{1, 1, 1, 1};
    // The stroke through a denied event's symbol (it is drawn over a rim of symbol_rim).
    Stroke denied_strike{{0.1, 0.1, 0.1, 1}, 1.6, {}};
    // From a symbol moved aside back to where it happened, and from a callout to its symbol.
    Stroke leader{{0.25, 0.25, 0.25, 1}, 1.0, {}};
    Stroke callout_leader{{0.25, 0.25, 0.25, 1}, 0.9, {}};
    // How strongly a side's colour is laid down, as a fraction of its opacity.
    struct EventOpacity {
        double claimed_fill = 0.35;      // an arrow or flag one side claims: pale, so a reader sees it is not confirmed
        double area_fill = 0.08;         // the wash under a hatched region, enough to read the region as one
        double area_hatch = 0.75;        // the hatching of a reported region
        double claimed_hatch = 0.45;     // the hatching of a claimed region, paler and dashed
        double area_edge = 0.9;          // a region's outline
        double approximate_zone = 0.16;  // the soft disc around an event placed only roughly
    } event_opacity;
    Colour scale_bar_fill{1, 1, 1, 0.75};  // under the scale bar, so it reads over any basemap
    Stroke scale_bar{{0.15, 0.15, 0.15, 1}, 1.5, {}};
    Colour legend_fill{1, 1, 1, 0.85};
    Stroke legend_frame{{0.7, 0.7, 0.7, 1}, 0.8, {}};
    Stroke map_frame{{0.6, 0.6, 0.6, 1}, 1.0, {}};

    bool fast_basemap_antialias = true;

    // A plain map, for a designer to frame or to compare renderers like for like: no headline,
    // credits, legend, scale bar, inset or frame.
    bool furniture = true;
    bool rivers = true;
    bool water_labels = true;
    bool country_labels = true;
    // Where land comes from: "shore" (GSHHG shorelines, with coast and border lines) or
    // "countries" (the countries layer, each filled with `land` and outlined with `border`).
    std::string land_from = "shore";
    // Towns shown for context. 0: the most important, as many as the map's size carries. A
    // population: every town of at least that many people, each dot drawn, biggest first, and
    // each labelled where its label fits.
    long long towns_min_population = 0;
    double town_label_gap = 3.0;  // pixels between a town's dot and its label  // the basemap's lines and areas drawn with Cairo's fast antialiasing

    // A map narrower than this (layout pixels, 1/96 inch: 85 mm is 321) is a column graphic,
    // whose type a desk sets smaller than a web map's; its symbols keep their size.
    double compact_below_px = 480;
    double compact_type_scale = 0.7;
    double compact_min_type_px = 7.5;  // 5.6 pt, the smallest type a newspaper prints credits in
};

// The style as a map `width` layout pixels wide draws it: a column graphic's type scaled down.
// The scene and the renderer both take it, so text is measured as it is drawn.
Style for_width(const Style& style, double width);

// The colour of each side a map shows, in the order it first shows them.
class SideColours {
public:
    SideColours(const Style& style, const std::vector<std::string>& sides_in_order);
    [[nodiscard]] const Colour& of(const std::string& side) const;

private:
    std::map<std::string, Colour> colours_;
    Colour neutral_;
};

// A style by name (a file <name>.json in `styles_dir`) or by path to a JSON file.
Style load(const std::string& name_or_path, const std::filesystem::path& styles_dir);

// Parses a style from JSON text; `origin` names it in errors.
Style parse(const std::string& json_text, const std::string& origin);

}  // namespace frontmap::style
