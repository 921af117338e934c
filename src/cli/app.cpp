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
    // errno is not cleared: a write that failed while the command ran set it, and stdio keeps no
    // other record of why.
    out.flush();
    // std::cout writes through stdio: a write that failed earlier left its bytes in stdio's buffer,
    // and flushing again gives the reason afresh.
    const bool stdio_failed = &out == &std::cout && (std::fflush(stdout) != 0 || std::ferror(stdout));
    if (out && !stdio_failed) return status;
    const int why = errno;
    print_error(err, "stdout", why ? std::strerror(why) : "the write failed");
    return 1;
}

}  // namespace

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    CLI::App app{"frontmap: maps of the places a news article names.", "frontmap"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "frontmap " FRONTMAP_VERSION);
    Options common;
    app.add_option("--data", common.data_dir, "Folder with gazetteer.sqlite and basemap.gpkg (default: $FRONTMAP_DATA, else the set-up's folder)");
    app.add_option("--places", common.places, "Your own places for this run: CSV (name, lat, lon[, type, country, names]) or GeoJSON");
    app.add_option("--max-bytes", common.max_bytes, "The largest article read, in bytes (default 1 MB); a larger one is refused")
        ->check(CLI::Range(size_t{1}, size_t{1} << 30));

    auto* parse = app.add_subcommand("parse", "Print the place mentions and events of an article as GeoJSON");
    ParseArgs parse_args;
    parse->add_option("article", parse_args.article, "UTF-8 text file, or - for standard input")->required();
    parse->add_flag("--compact", parse_args.compact, "One line of JSON instead of indented");
    parse->add_option("--date", parse_args.date, "The article's date (YYYY-MM-DD): dates events and tells news from background; default: a date line in the text");

    // The look of a map: shared by every subcommand that draws or lays one out.
    auto add_look = [](CLI::App* sub, std::string& size, std::string& title, std::string& style) {
        sub->add_option("--size", size, "Width x height in pixels (points for PDF), or in millimetres for print: 85mmx60mm")
            ->default_val("1200x800");
        sub->add_option("--title", title, "Title above the map");
        sub->add_option("--style", style, "Style name in styles/ or a style file")->default_val("default");
    };

    auto* map = app.add_subcommand("map", "Draw the map of an article (PNG, SVG or PDF by the output's extension)");
    MapArgs map_args;
    map->add_option("articles", map_args.articles, "UTF-8 text files, or - for standard input")->required();
    map->add_option("-o,--output", map_args.output,
                    "Output file: .png, .svg or .pdf; - for standard output (with --format); a folder for several articles (NAME.png, or --format)")
        ->required();
    map->add_option("--format", map_args.format, "png, svg or pdf: the output's format when its extension does not say (-o -)");
    add_look(map, map_args.size, map_args.title, map_args.style);
    map->add_option("--scene", map_args.scene_out, "Also write the scene (GeoJSON) to this file");
    // What the news is as of, and whose it is: both printed on the map.
    auto add_story = [](CLI::App* sub, MapArgs& a) {
        sub->add_option("--date", a.date, "The article's date (YYYY-MM-DD), printed as \"As of\"; default: a date line in the text");
        sub->add_option("--source", a.source, "Who published the article, named in the credits");
    };
    add_story(map, map_args);
    map->add_flag("--verbose", map_args.verbose, "List on standard error every event and where the map puts it");
    map->add_option("--dpi", map_args.dpi, "PNG pixels per inch: 300 for print keeps text and symbols their size")->default_val(96);

    auto* scene = app.add_subcommand("scene", "Print the scene (GeoJSON) of an article: what `render` draws");
    MapArgs scene_args;
    scene->add_option("article", scene_args.article, "UTF-8 text file, or - for standard input")->required();
    add_look(scene, scene_args.size, scene_args.title, scene_args.style);
    add_story(scene, scene_args);

    auto* render = app.add_subcommand("render", "Draw a scene file, or a basemap of any extent with --bbox");
    RenderArgs render_args;
    render->add_option("scene", render_args.scene, "Scene GeoJSON from `frontmap scene` (omit with --bbox)");
    render->add_option("--bbox", render_args.bbox, "W,S,E,N in degrees: a basemap-only map of that extent");
    render->add_option("--crs", render_args.crs, "Projection (PROJ string or EPSG code); default: conformal, centred on the extent");
    render->add_option("-o,--output", render_args.output, "Output file: .png, .svg or .pdf; - for standard output (with --format)")->required();
    render->add_option("--format", render_args.format, "png, svg or pdf: the output's format when its extension does not say (-o -)");
    add_look(render, render_args.size, render_args.title, render_args.style);
    auto* dpi = render->add_option("--dpi", render_args.dpi, "PNG pixels per inch (a scene keeps its own unless given)")->default_val(96);

    auto* geocode = app.add_subcommand("geocode", "Ranked gazetteer candidates for a name, as JSON lines");
    GeocodeArgs geocode_args;
    geocode->add_option("name", geocode_args.name, "Place name");
    geocode->add_option("-n,--limit", geocode_args.limit, "How many candidates")->default_val(10);
    geocode->add_option("--country", geocode_args.country, "Only places in this country (ISO code, e.g. UA)");
    geocode->add_option("--type", geocode_args.type, "Only places of this type (city, village, region, country, river, sea, ...)");
    geocode->add_option("--near", geocode_args.near, "Rank places nearer LAT,LON first");
    geocode->add_option("--reverse", geocode_args.reverse, "The town nearest LAT,LON and its admin-1 area, instead of a name");

    auto* batch = app.add_subcommand("batch", "Map many articles into a folder, with a manifest.jsonl line per article");
    BatchArgs batch_args;
    batch->add_option("inputs", batch_args.inputs, "Article files, folders of .txt files, .jsonl files (id, text, date, title, source), or - for JSONL on standard input")
        ->required();
    batch->add_option("--out", batch_args.out_dir, "Folder for the maps and manifest.jsonl (must exist)")->required();
    batch->add_option("--formats", batch_args.formats, "Comma-separated: png, svg, pdf, geojson (the scene)")->default_val("png");
    batch->add_option("--jobs", batch_args.jobs, "Worker threads (default: one per core)");
    batch->add_flag("--resume", batch_args.resume, "Skip articles the manifest shows as done whose files are all there");
    batch->add_option("--shard", batch_args.shard, "K/N: map only every N-th article from the K-th, to share a day among N machines");
    batch->add_flag("--quiet", batch_args.quiet, "No progress on standard error");
    batch->add_option("--size", batch_args.size, "Width x height in pixels, or in millimetres for print")->default_val("1200x800");
    batch->add_option("--style", batch_args.style, "Style name in styles/ or a style file")->default_val("default");
    batch->add_option("--report", batch_args.report, "Also write one self-contained HTML page of every map, with its caption and alt text");

    auto* eval = app.add_subcommand("eval", "Score the geoparser on a labelled corpus (JSONL)");
    EvalArgs eval_args;
    eval->add_option("corpus", eval_args.corpus, "Corpus file, one article a line")->required();
    eval->add_flag("--json", eval_args.json, "Print the figures as JSON");
    eval->add_flag("--misses", eval_args.misses, "List every missed, spurious or far-off mention");
    eval->add_option("--floors", eval_args.floors, "JSON file of minimum figures; exit 1 when one is not met");
    eval->add_option("--split", eval_args.split, "Which articles: dev, heldout or all")->default_val("all");
    eval->add_option("--topic", eval_args.topic, "Which articles: conflict, general or all")->default_val("all");

    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::CallForHelp&) {
        out << app.help();
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        out << app.help("", CLI::AppFormatMode::All);
        return 0;
    } catch (const CLI::CallForVersion&) {
        out << "frontmap " FRONTMAP_VERSION "\n";
        return 0;
    } catch (const CLI::ParseError& e) {
        print_error(err, "usage", std::string(e.what()) + " (see frontmap --help)");
        return 2;
    }

    if (common.data_dir.empty()) {
        if (const char* env = std::getenv("FRONTMAP_DATA"); env && *env) common.data_dir = env;
    }
    try {
        if (parse->parsed()) return flushed(out, err, run_parse(common, parse_args, out));
        if (map->parsed()) return flushed(out, err, run_map(common, map_args, out, err));
        if (scene->parsed()) return flushed(out, err, run_scene(common, scene_args, out));
        if (render->parsed()) {
            render_args.dpi_given = dpi->count() > 0;
            return flushed(out, err, run_render(common, render_args, out));
        }
        if (geocode->parsed()) return flushed(out, err, run_geocode(common, geocode_args, out));
        if (eval->parsed()) return flushed(out, err, run_eval(common, eval_args, out));
        if (batch->parsed()) return run_batch(common, batch_args, std::cin, err);
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
    return 2;
}

}  // namespace frontmap::cli
