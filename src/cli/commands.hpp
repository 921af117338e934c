#pragma once
// One function per subcommand; app.cpp parses the command line and calls them.
#include "events/extract.hpp"
#include "gazetteer/gazetteer.hpp"

#include <filesystem>
#include <iosfwd>
#include <string>
#include <vector>

namespace frontmap::cli {

struct Options {
    std::string data_dir;  // empty: $FRONTMAP_DATA, else the set-up's folder
    std::string places;    // a newsroom's own places for this run (CSV or GeoJSON), or empty
    size_t max_bytes = 1 << 20;  // the largest article read (--max-bytes)
};

struct ParseArgs {
    std::string article;
    bool compact = false;
    std::string date;  // the article's date, YYYY-MM-DD; empty: a date line in the text, else none
};

struct MapArgs {
    std::string article;
    std::vector<std::string> articles;  // `map`: one article, or several with -o FOLDER
    std::string output;
    std::string size;
    std::string title;
    std::string style;
    std::string scene_out;
    std::string format;  // --format: png, svg or pdf; needed for -o -, else the extension says
    double dpi = 96;     // --dpi: PNG pixels per inch
    bool verbose = false;  // --verbose: list each event and where the map puts it
    std::string date;    // --date: the article's date; default: a date line in the text
    std::string source;  // --source: who published the article, for the credits
    size_t max_bytes = 1 << 20;  // --max-bytes: the largest article read
};

struct RenderArgs {
    std::string scene;
    std::string bbox;
    std::string crs;
    std::string output;
    std::string format;  // --format: png, svg or pdf; needed for -o -, else the extension says
    std::string size;
    std::string title;
    std::string style;
    double dpi = 96;
    bool dpi_given = false;
};

struct GeocodeArgs {
    std::string name;
    int limit = 10;  // signed, so that -n -1 is refused rather than read as a huge count
    std::string country;  // ISO 3166-1 alpha-2
    std::string type;     // a parse schema type
    std::string near;     // "LAT,LON"
    std::string reverse;  // "LAT,LON": the nearest town instead of a name's places
};

struct EvalArgs {
    std::string corpus;
    bool json = false;
    bool misses = false;
    std::string floors;
    std::string split = "all";  // dev, heldout or all
    std::string topic = "all";  // conflict, general or all
};

// "1200x800" in pixels, or "85mmx60mm" for print: millimetres become layout pixels at 96 per inch.
struct CanvasSize {
    int width = 0, height = 0;
    bool millimetres = false;
};
// Throws UsageError for a size that is none or out of bounds.
CanvasSize parse_size(const std::string& text);

// The data folder to use, checked: throws DataError saying how to build it when it is missing.
std::filesystem::path data_folder(const Options& options);
// The folder of named styles: $FRONTMAP_STYLES, else the build's styles/.
std::filesystem::path styles_dir();

int run_parse(const Options& options, const ParseArgs& args, std::ostream& out);
int run_map(const Options& options, const MapArgs& given, std::ostream& out, std::ostream& err);
int run_scene(const Options& options, const MapArgs& given, std::ostream& out);
int run_render(const Options& options, const RenderArgs& args, std::ostream& out);
int run_geocode(const Options& options, const GeocodeArgs& args, std::ostream& out);
int run_eval(const Options& options, const EvalArgs& args, std::ostream& out);

}  // namespace frontmap::cli
