#include "cli/app.hpp"

#include "cli/batch.hpp"
#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/text.hpp"

#include <CLI/CLI.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <optional>
#include <ostream>

namespace frontmap::cli {

namespace {

// Control characters a file name or an article put in a message are shown escaped, never sent to
// the terminal.
void print_error(std::ostream& err, const std::string& what, const std::string& why) {
    err << "frontmap: error: " << text::printable(what) << ": " << text::printable(why) << "\n";
}

// What the command printed reaches standard output whole, or the run fails saying why: a full
// disk or a closed pipe must not pass for success.
int flushed(std::ostream& out, std::ostream& err, int status) {
    // errno is not cleared: a write that failed while (the) command ran set it, and stdio keeps no
    // other record of why.
    out.flush();
    // std::cout writes through stdio: a write that failed earlier left its bytes in stdio's buffer,
    // and flushing again gives the reason afresh.
    const bool stdio_failed = &out == &std::cout && (std::fflush(stdout) != 0 || (std::ferror(stdout) != 0));
    if (out && !stdio_failed) return status;
    const int why = errno;
    print_error(err, "stdout", why != 0 ? std::strerror(why) : "the write failed");
    return 1;
}

// The command line: every subcommand with the arguments it fills in. CLI11 keeps pointers to
// the fields, so it is built in place and never moved.
struct CommandLine {
    CLI::App app{"frontmap: maps of the places a news article names.", "frontmap"};
    Options common;
    ParseArgs parse_args;
    MapArgs map_args, scene_args;
    RenderArgs render_args;
    GeocodeArgs geocode_args;
    BatchArgs batch_args;
    EvalArgs eval_args;
    CLI::App *parse = nullptr, *map = nullptr, *scene = nullptr, *render = nullptr, *geocode = nullptr, *batch = nullptr, *eval = nullptr;
    CLI::Option* render_dpi = nullptr;

    CommandLine() = default;
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;
    CommandLine(CommandLine&&) = delete;
    CommandLine& operator=(CommandLine&&) = delete;
    ~CommandLine() = default;
};

void add_common(CommandLine& c) {
    c.app.require_subcommand(1);
    c.app.set_version_flag("--version", "frontmap " FRONTMAP_VERSION);
    c.app.add_option("--data", c.common.data_dir, "Folder with gazetteer.sqlite and basemap.gpkg (default: $FRONTMAP_DATA, else the set-up's folder)");
    c.app.add_option("--places", c.common.places, "Your own places for this run: CSV (name, lat, lon[, type, country, names]) or GeoJSON");
    c.app.add_option("--max-bytes", c.common.max_bytes, "The largest article read, in bytes (default 1 MB); a larger one is refused")
        ->check(CLI::Range(size_t{1}, size_t{1} << 30));
}

void add_parse(CommandLine& c) {
    c.parse = c.app.add_subcommand("parse", "Print the place mentions and events of an article as GeoJSON");
    c.parse->add_option("article", c.parse_args.article, "UTF-8 text file, or - for standard input")->required();
    c.parse->add_flag("--compact", c.parse_args.compact, "One line of JSON instead of indented");
    c.parse->add_option("--date", c.parse_args.date, "The article's date (YYYY-MM-DD): dates events and tells news from background; default: a date line in the text");
}

// The look of a map: shared by every subcommand that draws or lays one out.
void add_look(CLI::App* sub, std::string& size, std::string& title, std::string& style) {
    sub->add_option("--size", size, "Width x height in pixels (points for PDF), or in millimetres for print: 85mmx60mm")->default_val("1200x800");
    sub->add_option("--title", title, "Title above the map");
    sub->add_option("--style", style, "Style name in styles/ or a style file")->default_val("default");
}

// What the news is as of, and whose it is: both printed on the map.
void add_story(CLI::App* sub, MapArgs& a) {
    sub->add_option("--date", a.date, "The article's date (YYYY-MM-DD), printed as \"As of\"; default: a date line in the text");
    sub->add_option("--source", a.source, "Who published the article, named in the credits");
}

void add_map(CommandLine& c) {
    auto* map = c.map = c.app.add_subcommand("map", "Draw the map of an article (PNG, SVG or PDF by the output's extension)");
    MapArgs& a = c.map_args;
    map->add_option("articles", a.articles, "UTF-8 text files, or - for standard input")->required();
    map->add_option("-o,--output", a.output,
                    "Output file: .png, .svg or .pdf; - for standard output (with --format); a folder for several articles (NAME.png, or --format)")
        ->required();
    map->add_option("--format", a.format, "png, svg or pdf: the output's format when its extension does not say (-o -)");
    add_look(map, a.size, a.title, a.style);
    map->add_option("--scene", a.scene_out, "Also write the scene (GeoJSON) to this file");
    add_story(map, a);
    map->add_flag("--verbose", a.verbose, "List on standard error every event and where the map puts it");
    map->add_option("--dpi", a.dpi, "PNG pixels per inch: 300 for print keeps text and symbols their size")->default_val(96);
}

void add_scene(CommandLine& c) {
    c.scene = c.app.add_subcommand("scene", "Print the scene (GeoJSON) of an article: what `render` draws");
    c.scene->add_option("article", c.scene_args.article, "UTF-8 text file, or - for standard input")->required();
    add_look(c.scene, c.scene_args.size, c.scene_args.title, c.scene_args.style);
    add_story(c.scene, c.scene_args);
}

void add_render(CommandLine& c) {
    auto* render = c.render = c.app.add_subcommand("render", "Draw a scene file, or a basemap of any extent with --bbox");
    RenderArgs& a = c.render_args;
    render->add_option("scene", a.scene, "Scene GeoJSON from `frontmap scene` (omit with --bbox)");
    render->add_option("--bbox", a.bbox, "W,S,E,N in degrees: a basemap-only map of that extent");
    render->add_option("--crs", a.crs, "Projection (PROJ string or EPSG code); default: conformal, centred on the extent");
    render->add_option("-o,--output", a.output, "Output file: .png, .svg or .pdf; - for standard output (with --format)")->required();
    render->add_option("--format", a.format, "png, svg or pdf: the output's format when its extension does not say (-o -)");
    add_look(render, a.size, a.title, a.style);
    c.render_dpi = render->add_option("--dpi", a.dpi, "PNG pixels per inch (a scene keeps its own unless given)")->default_val(96);
}

void add_geocode(CommandLine& c) {
    auto* geocode = c.geocode = c.app.add_subcommand("geocode", "Ranked gazetteer candidates for a name, as JSON lines");
    GeocodeArgs& a = c.geocode_args;
    geocode->add_option("name", a.name, "Place name");
    geocode->add_option("-n,--limit", a.limit, "How many candidates")->default_val(10);
    geocode->add_option("--country", a.country, "Only places in this country (ISO code, e.g. UA)");
    geocode->add_option("--type", a.type, "Only places of this type (city, village, region, country, river, sea, ...)");
    geocode->add_option("--near", a.near, "Rank places nearer LAT,LON first");
    geocode->add_option("--reverse", a.reverse, "The town nearest LAT,LON and its admin-1 area, instead of a name");
}

void add_batch(CommandLine& c) {
    auto* batch = c.batch = c.app.add_subcommand("batch", "Map many articles into a folder, with a manifest.jsonl line per article");
    BatchArgs& a = c.batch_args;
    batch->add_option("inputs", a.inputs, "Article files, folders of .txt files, .jsonl files (id, text, date, title, source), or - for JSONL on standard input")
        ->required();
    batch->add_option("--out", a.out_dir, "Folder for the maps and manifest.jsonl (must exist)")->required();
    batch->add_option("--formats", a.formats, "Comma-separated: png, svg, pdf, geojson (the scene)")->default_val("png");
    batch->add_option("--jobs", a.jobs, "Worker threads (default: one per core)");
    batch->add_flag("--resume", a.resume, "Skip articles the manifest shows as done whose files are all there");
    batch->add_option("--shard", a.shard, "K/N: map only every N-th article from the K-th, to share a day among N machines");
    batch->add_flag("--quiet", a.quiet, "No progress on standard error");
    batch->add_option("--size", a.size, "Width x height in pixels, or in millimetres for print")->default_val("1200x800");
    batch->add_option("--style", a.style, "Style name in styles/ or a style file")->default_val("default");
    batch->add_option("--report", a.report, "Also write one self-contained HTML page of every map, with its caption and alt text");
}

void add_eval(CommandLine& c) {
    auto* eval = c.eval = c.app.add_subcommand("eval", "Score the geoparser on a labelled corpus (JSONL)");
    EvalArgs& a = c.eval_args;
    eval->add_option("corpus", a.corpus, "Corpus file, one article a line")->required();
    eval->add_flag("--json", a.json, "Print the figures as JSON");
    eval->add_flag("--misses", a.misses, "List every missed, spurious or far-off mention");
    eval->add_option("--floors", a.floors, "JSON file of minimum figures; exit 1 when one is not met");
    eval->add_option("--split", a.split, "Which articles: dev, heldout or all")->default_val("all");
    eval->add_option("--topic", a.topic, "Which articles: conflict, general or all")->default_val("all");
}

// Reads the arguments into `c`; an exit code when the run ends here (help, version, a usage error).
std::optional<int> parse_arguments(CommandLine& c, const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        c.app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << c.app.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        out << c.app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion&) {
        out << "frontmap " FRONTMAP_VERSION "\n";
        return 0;
    } catch (const CLI::ParseError& e) {
        print_error(err, "usage", std::string(e.what()) + " (see frontmap --help)");
        return 2;
    }
    return std::nullopt;
}

int run_command(CommandLine& c, std::ostream& out, std::ostream& err) {
    if (c.parse->parsed()) return flushed(out, err, run_parse(c.common, c.parse_args, out));
    if (c.map->parsed()) return flushed(out, err, run_map(c.common, c.map_args, out, err));
    if (c.scene->parsed()) return flushed(out, err, run_scene(c.common, c.scene_args, out));
    if (c.render->parsed()) {
        c.render_args.dpi_given = c.render_dpi->count() > 0;
        return flushed(out, err, run_render(c.common, c.render_args, out));
    }
    if (c.geocode->parsed()) return flushed(out, err, run_geocode(c.common, c.geocode_args, out));
    if (c.eval->parsed()) return flushed(out, err, run_eval(c.common, c.eval_args, out));
    if (c.batch->parsed()) return run_batch(c.common, c.batch_args, std::cin, err);
    return 2;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CommandLine c;
    add_common(c);
    for (auto* add : {add_parse, add_map, add_scene, add_render, add_geocode, add_batch, add_eval}) add(c);
    if (const auto done = parse_arguments(c, args, out, err)) return *done;
    if (c.common.data_dir.empty()) {
        if (const char* env = std::getenv("FRONTMAP_DATA"); env && (*env != 0)) c.common.data_dir = env;
    }
    try {
        return run_command(c, out, err);
    } catch (const UsageError& e) {
        print_error(err, e.subject(), e.reason());
        return 2;
    } catch (const Error& e) {
        print_error(err, e.subject(), e.reason());
        return 1;
    } catch (const std::bad_alloc&) {
        print_error(err, "out of memory", "the input is too large for this machine");
        return 1;
    } catch (const std::exception& e) {
        print_error(err, "internal error", e.what());
        return 1;
    }
}

}  // namespace frontmap::cli
