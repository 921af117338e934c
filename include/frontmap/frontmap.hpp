#pragma once
// frontmap as a library: an article's text in, its annotated map out, as the bytes of a PNG, SVG
// or PDF file, or as the scene (GeoJSON) to edit and draw later. The command line is a thin layer
// over this. Every failure throws frontmap::Error (frontmap/error.hpp), whose subject() says what
// failed and reason() why.
#include "frontmap/error.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace frontmap {

// The library's version, "MAJOR.MINOR.PATCH".
const char* version() noexcept;

enum class Format { Png, Svg, Pdf };

// The format a file name's extension asks for (.png, .svg, .pdf); throws UsageError otherwise.
Format format_of(const std::filesystem::path& file);
// The format a name asks for ("png", "svg", "pdf", any case); throws UsageError otherwise.
Format format_named(std::string_view name);

// What a map looks like and what it credits: the options of `frontmap map`.
struct MapOptions {
    int width = 1200;  // layout pixels, 1/96 inch each (an 85 mm column is 321)
    int height = 800;
    bool millimetres = false;       // an SVG's and PDF's size is written in millimetres, for print
    double dpi = 96;                // PNG pixels per inch; 300 for print keeps text its size
    std::string style = "default";  // a style's name in the styles folder, or a style file
    std::string title;              // empty: the main place's name
    std::string date;               // YYYY-MM-DD, printed "As of"; empty: a date line in the text
    std::string source;             // who published the article, named in the credits
};

// One article's map in several formats, all drawn from one scene: what a batch writes.
struct MapSet {
    std::string scene;               // GeoJSON text, as scene() gives it
    std::string title;               // the map's headline
    std::string credits;             // the source line under the map
    std::string caption;             // title and subtitle, as caption() gives them
    std::string alt_text;            // the map in words, as alt_text() gives it
    size_t events = 0;               // events drawn, in the map or its inset
    size_t places = 0;               // places the article names, drawn
    std::vector<std::string> files;  // the bytes of each format asked, in order
};

// Makes maps with the data opened once: the gazetteer, the basemap and a cache of its layers.
// Opening takes tens of milliseconds, each map after that far less. Not thread-safe: give each
// thread its own MapMaker.
class MapMaker {
public:
    // `data_dir` holds gazetteer.sqlite and basemap.gpkg (built by tools/setup.sh); empty:
    // $FRONTMAP_DATA, else the folder the build was set up with. `places_file`: a newsroom's own
    // places (CSV or GeoJSON), or empty. `styles_dir`: where named styles are; empty:
    // $FRONTMAP_STYLES, else the build's styles folder. A moved-from MapMaker may only be
    // assigned to or destroyed.
    explicit MapMaker(const std::filesystem::path& data_dir = {}, const std::string& places_file = {},
                      const std::filesystem::path& styles_dir = {});
    ~MapMaker();
    MapMaker(MapMaker&&) noexcept;
    MapMaker& operator=(MapMaker&&) noexcept;
    MapMaker(const MapMaker&) = delete;
    MapMaker& operator=(const MapMaker&) = delete;

    // The scene of an article's map, as GeoJSON text (RFC 7946): what render() draws.
    std::string scene(std::string_view article, const MapOptions& options = {});
    // Draws a scene (GeoJSON text from scene(), possibly edited) as the bytes of a file.
    std::string render(std::string_view scene_geojson, Format format);
    // A scene's caption for a report: its title and subtitle (what is shown, and as of when).
    std::string caption(std::string_view scene_geojson);
    // A scene's map in words, for alt text: each event drawn, where, whose, its toll, and who
    // claims or denies it ("Map: Ukrainian forces advance toward Kherson; an attack by Ukraine
    // near Kherson killed 4 and wounded 13, according to Moscow-installed authorities, which
    // Ukraine denies."). The SVG's <desc> and the PDF's subject carry the same text.
    std::string alt_text(std::string_view scene_geojson);
    // An article's map as the bytes of a PNG, SVG or PDF file.
    std::string map(std::string_view article, const MapOptions& options = {}, Format format = Format::Png);
    // An article's map in each of `formats`, with its scene, caption and alt text, made once.
    MapSet maps(std::string_view article, const MapOptions& options, const std::vector<Format>& formats);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace frontmap
