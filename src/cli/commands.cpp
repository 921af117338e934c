#include "cli/commands.hpp"

#include "cli/batch.hpp"

#include "common/bbox.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "events/extract.hpp"
#include "events/geojson.hpp"
#include "gazetteer/gazetteer.hpp"
#include "io/basemap.hpp"
#include "io/files.hpp"
#include "parse/geojson.hpp"
#include "parse/parser.hpp"
#include "pipeline/story.hpp"
#include "render/render.hpp"
#include "render/text.hpp"
#include "scene/build.hpp"
#include "scene/geojson.hpp"
#include "style/style.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <ostream>
#include <sstream>

namespace frontmap::cli {

namespace fs = std::filesystem;

fs::path data_folder(const Options& options) { return pipeline::data_folder(options.data_dir); }

fs::path styles_dir() {
    if (const char* env = std::getenv("FRONTMAP_STYLES"); env && (*env != 0)) return env;
    return FRONTMAP_STYLES_DIR;
}

namespace {

double parse_dpi(double dpi) {
    if (!(dpi >= 24 && dpi <= 1200)) throw UsageError("bad --dpi", "expected 24 to 1200 pixels per inch (96 is a screen's)");
    return dpi;
}

// The parse schema's place types, for a message that names them.
constexpr const char* kPlaceTypes = "city, village, region, country, river, sea, island, infrastructure or other";

// Text a user types goes into the map, the SVG and the scene: it must be UTF-8 like an article.
void require_utf8(const std::string& option, const std::string& value) {
    if (!text::valid_utf8(value)) throw UsageError("bad " + option, "it is not valid UTF-8 text");
}

scene::Options layout_of(const MapArgs& args) {
    require_utf8("--title", args.title);
    require_utf8("--source", args.source);
    const CanvasSize size = parse_size(args.size);
    return {.width = size.width, .height = size.height, .title = args.title, .style_name = args.style, .dpi = parse_dpi(args.dpi),
            .millimetres = size.millimetres, .as_of = "", .source = args.source};
}

scene::Scene scene_for_article(pipeline::Data& data, const MapArgs& args, const style::Style& style, const render::PangoMeasure& measure,
                               pipeline::Reported* reported = nullptr) {
    const scene::Options layout = layout_of(args);
    if (!args.date.empty()) pipeline::article_date(args.date, {});  // a bad --date is a usage error before any work
    const std::string text = io::read_article(args.article, args.max_bytes);
    return pipeline::scene_of_article(data, text, args.date, layout, style, measure, reported);
}

// Where the map goes: a file, whose extension says the format unless --format does, or "-" for
// standard output, which needs --format. A device or pipe (/dev/stdout, a fifo) has no extension
// to say it: --format does.
render::Format output_format(const std::string& output, const std::string& format) {
    std::error_code ec;
    const auto status = fs::status(output, ec);
    const bool stream = output == "-" || (fs::exists(status) && !fs::is_regular_file(status) && !fs::is_directory(status));
    if (stream) {
        if (format.empty()) throw UsageError("-o " + output, "writing to standard output, a device or a pipe needs --format png, svg or pdf");
        return render::format_for("map." + format);
    }
    const render::Format by_name = render::format_for(output);
    if (!format.empty() && render::format_for("map." + format) != by_name)
        throw UsageError("--format " + format, "the output " + output + " asks for another format by its extension");
    return by_name;
}

// A file the command writes, after removing from its folder the temporary files of runs that
// were killed there.
void write_file(const fs::path& file, const std::string& bytes) {
    const fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    io::remove_stale_temp_files(dir);
    io::write_file_atomically(file, bytes);
}

// Whether writing `output` would replace `input`, the file being read (also through a link).
bool same_file(const std::string& input, const std::string& output) {
    std::error_code ec;
    return input != "-" && output != "-" && fs::equivalent(input, output, ec);
}

void refuse_to_replace(const std::string& input, const std::string& output, const std::string& what) {
    if (same_file(input, output)) throw UsageError("cannot write " + output, "it is the " + what + " being read");
}

// Writes the bytes of a map where the output says: a file (atomically) or standard output.
void write_output(const std::string& output, const std::string& bytes, std::ostream& out) {
    if (output != "-") {
        write_file(output, bytes);
        return;
    }
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw InputError("cannot write standard output", "the write failed");
}

}  // namespace

CanvasSize parse_size(const std::string& text) {
    const char* how = "expected WIDTHxHEIGHT in pixels (1200x800) or millimetres (85mmx60mm)";
    double w = 0;
    double h = 0;
    std::string unit_w;
    std::string unit_h;
    std::istringstream in(text);
    if (!(in >> w)) throw UsageError("bad --size '" + text + "'", how);
    auto unit = [&](std::string& u) {
        while (in.peek() == 'm' || in.peek() == 'M') u.push_back(static_cast<char>(std::tolower(in.get())));
    };
    unit(unit_w);
    const int x = in.get();
    if ((x != 'x' && x != 'X') || !(in >> h)) throw UsageError("bad --size '" + text + "'", how);
    unit(unit_h);
    char extra = 0;
    if ((in >> extra) || unit_w != unit_h || (!unit_w.empty() && unit_w != "mm")) throw UsageError("bad --size '" + text + "'", how);
    const bool mm = unit_w == "mm";
    if (!mm && (w != std::floor(w) || h != std::floor(h))) throw UsageError("bad --size '" + text + "'", how);
    const double px = mm ? 96 / 25.4 : 1.0;
    if (!(w * px < 1e6 && h * px < 1e6)) throw UsageError("bad --size '" + text + "'", "width must be 200 to 10000 pixels and height 150 to 10000");
    return {static_cast<int>(std::lround(w * px)), static_cast<int>(std::lround(h * px)), mm};
}

int run_parse(const Options& options, const ParseArgs& args, std::ostream& out) {
    const auto date_option = events::parse_iso_date(args.date);
    if (!args.date.empty() && !date_option) pipeline::article_date(args.date, {});  // a bad --date is a usage error before any work
    const std::string text = io::read_article(args.article, options.max_bytes);
    gazetteer::Gazetteer gazetteer(data_folder(options) / "gazetteer.sqlite");
    pipeline::add_user_places(gazetteer, options.places);
    parse::Parser parser(gazetteer);
    parse::Words words;
    const auto mentions = parser.parse(text, words);
    auto doc = parse::to_geojson(mentions);
    const auto found = events::extract_all(text, words.tokens, mentions, {pipeline::article_date(args.date, text), pipeline::region_lookup(gazetteer)});
    for (const auto& e : found.events) doc["features"].push_back(events::to_feature(e, mentions));
    for (const auto& e : found.unplaced) doc["features"].push_back(events::to_feature(e));
    out << (args.compact ? doc.dump() : doc.dump(2)) << "\n";
    return 0;
}

int run_scene(const Options& options, const MapArgs& given, std::ostream& out) {
    MapArgs args = given;
    args.max_bytes = options.max_bytes;
    const style::Style style = style::load(args.style, styles_dir());
    pipeline::Data data(data_folder(options), options.places);
    render::PangoMeasure measure;
    out << scene::to_geojson(scene_for_article(data, args, style, measure)).dump(1) << "\n";
    return 0;
}

// With --verbose: every event the article reports and where the map puts it, so a desk can see
// what was left off and why.
void report_unplaced(const pipeline::Reported& reported, std::ostream& err) {
    for (const auto& u : reported.unplaced)
        err << "frontmap: " << events::to_string(u.type) << " at " << text::printable(u.place) << ": left off the map: the place could not be located\n";
}

void report_events(const scene::Scene& s, const pipeline::Reported& reported, std::ostream& err) {
    for (const auto& m : s.events)
        err << "frontmap: " << m.type << (m.side.empty() ? "" : " (" + m.side + ")") << " at " << text::printable(m.place) << ": "
            << (m.in_view ? "on the map" : "in the locator only, outside the main map") << "\n";
    if (reported.events > s.events.size())
        err << "frontmap: " << reported.events - s.events.size() << " event(s) left off the map: their place could not be drawn\n";
    report_unplaced(reported, err);
}

namespace {

void map_one(pipeline::Data& data, const style::Style& style, const MapArgs& args, render::Format format, std::ostream& out,
             std::ostream& err) {
    render::PangoMeasure measure;
    pipeline::Reported reported;
    scene::Scene s;
    try {
        s = scene_for_article(data, args, style, measure, &reported);
    } catch (const Error&) {
        // An article whose every place is unknown fails, but its deeds are still worth listing.
        if (args.verbose) report_unplaced(reported, err);
        throw;
    }
    if (args.verbose) report_events(s, reported, err);
    const std::string bytes = render::render_bytes(s, style, data.basemap, format);
    // The scene beside the map only once the map is drawn: a failed map leaves neither.
    if (!args.scene_out.empty()) write_file(args.scene_out, scene::to_geojson(s).dump(1) + "\n");
    write_output(args.output, bytes, out);
}

// Several articles into a folder, each map named by its file's stem ("a.txt" -> a.png; a second
// "a" from another folder a-2.png). One that fails is reported and the rest are drawn.
int map_into_folder(const Options& options, const MapArgs& args, std::ostream& out, std::ostream& err) {
    if (!fs::is_directory(args.output)) throw UsageError("-o " + args.output, "several articles need an existing folder to write their maps into");
    if (!args.scene_out.empty()) throw UsageError("--scene", "takes one article; use `frontmap batch --formats geojson` for several");
    const std::string ext = args.format.empty() ? "png" : args.format;
    const render::Format format = output_format("map." + ext, "");
    const std::string dot_ext = "." + ext;
    const style::Style style = style::load(args.style, styles_dir());
    pipeline::Data data(data_folder(options), options.places);
    std::set<std::string> taken;
    size_t failed = 0;
    for (const auto& article : args.articles) {
        const std::string name = unique_file_name(article == "-" ? "stdin" : fs::path(article).stem().string(), taken);
        MapArgs one = args;
        one.article = article;
        one.output = (fs::path(args.output) / (name + dot_ext)).string();
        try {
            if (same_file(one.article, one.output)) throw InputError("cannot write " + one.output, "it is the article being read");
            map_one(data, style, one, format, out, err);
        } catch (const UsageError&) {
            throw;
        } catch (const Error& e) {
            err << "frontmap: error: " << text::printable(e.subject()) << ": " << text::printable(e.reason()) << "\n";
            ++failed;
        }
    }
    if (failed != 0U) err << "frontmap: " << failed << " of " << args.articles.size() << " article(s) could not be mapped\n";
    return failed != 0U ? 1 : 0;
}

}  // namespace

int run_map(const Options& options, const MapArgs& given, std::ostream& out, std::ostream& err) {
    MapArgs args = given;
    args.max_bytes = options.max_bytes;
    if (args.articles.size() > 1 || (args.output != "-" && fs::is_directory(args.output))) return map_into_folder(options, args, out, err);
    if (!args.articles.empty()) args.article = args.articles.front();
    const render::Format format = output_format(args.output, args.format);  // a usage error before any work
    refuse_to_replace(args.article, args.output, "article");
    if (!args.scene_out.empty()) {
        refuse_to_replace(args.article, args.scene_out, "article");
        if (args.scene_out == args.output || same_file(args.scene_out, args.output))
            throw UsageError("--scene " + args.scene_out, "the scene and the map cannot be one file");
    }
    const style::Style style = style::load(args.style, styles_dir());
    pipeline::Data data(data_folder(options), options.places);
    map_one(data, style, args, format, out, err);
    return 0;
}

int run_render(const Options& options, const RenderArgs& args, std::ostream& out) {
    const render::Format format = output_format(args.output, args.format);
    if (args.scene.empty() == args.bbox.empty())
        throw UsageError("render", "give either a scene file or --bbox W,S,E,N");
    const fs::path dir = data_folder(options);
    io::Basemap basemap(dir / "basemap.gpkg");
    if (!args.scene.empty()) {
        refuse_to_replace(args.scene, args.output, "scene");
        const auto doc = nlohmann::json::parse(io::read_input(args.scene), nullptr, false);
        if (doc.is_discarded()) throw InputError("cannot read scene " + args.scene, "it is not JSON");
        scene::Scene s = scene::from_geojson(doc);
        require_utf8("--title", args.title);
        if (!args.title.empty()) s.title = args.title;
        if (args.dpi_given) s.dpi = parse_dpi(args.dpi);
        const style::Style style = style::load(args.style == "default" ? s.style : args.style, styles_dir());
        write_output(args.output, render::render_bytes(s, style, basemap, format), out);
        return 0;
    }
    BBox bbox;
    {
        std::istringstream in(args.bbox);
        char c1 = 0;
        char c2 = 0;
        char c3 = 0;
        char extra = 0;
        if (!(in >> bbox.min_x >> c1 >> bbox.min_y >> c2 >> bbox.max_x >> c3 >> bbox.max_y) || c1 != ',' || c2 != ',' || c3 != ',' || (in >> extra))
            throw UsageError("bad --bbox '" + args.bbox + "'", "expected W,S,E,N in degrees, e.g. 31,46,34,47.5");
    }
    require_utf8("--title", args.title);
    const style::Style style = style::load(args.style, styles_dir());
    render::PangoMeasure measure;
    const CanvasSize size = parse_size(args.size);
    const scene::Scene s = scene::build_extent(bbox, args.crs, basemap, style, measure,
                                               {.width = size.width, .height = size.height, .title = args.title, .style_name = args.style,
                                                .dpi = parse_dpi(args.dpi), .millimetres = size.millimetres});
    write_output(args.output, render::render_bytes(s, style, basemap, format), out);
    return 0;
}

namespace {

// "46.64,32.61" (latitude first, as people write a point).
gazetteer::Gazetteer::Near lat_lon(const std::string& option, const std::string& text) {
    std::istringstream in(text);
    double lat = 0;
    double lon = 0;
    char comma = 0;
    char extra = 0;
    const std::string how = "expected LAT,LON in degrees, e.g. 46.64,32.61";
    if (!(in >> lat >> comma >> lon) || comma != ',' || (in >> extra)) throw UsageError("bad " + option + " '" + text + "'", how);
    if (!std::isfinite(lat) || !std::isfinite(lon) || lat < -90 || lat > 90 || lon < -180 || lon > 180)
        throw UsageError("bad " + option + " '" + text + "'", "latitude must lie within -90..90 and longitude within -180..180");
    return {lat, lon};
}

nlohmann::json place_json(const gazetteer::Place& p) {
    return {{"id", p.id}, {"name", p.name}, {"type", gazetteer::to_string(p.type)}, {"country", p.country},
            {"lat", p.lat}, {"lon", p.lon}, {"population", p.population}};
}

int run_reverse(gazetteer::Gazetteer& gazetteer, const GeocodeArgs& args, std::ostream& out) {
    const auto at = lat_lon("--reverse", args.reverse);
    const auto found = gazetteer.reverse(at.lat, at.lon);
    if (!found) throw InputError("no town near " + args.reverse, "the gazetteer has none within 900 km");
    nlohmann::json line = place_json(found->place);
    line["distance_km"] = std::round(found->km * 10) / 10;
    line["admin1"] = found->admin1 ? nlohmann::json{{"id", found->admin1->id}, {"name", found->admin1->name}} : nlohmann::json(nullptr);
    out << line.dump() << "\n";
    return 0;
}

}  // namespace

int run_geocode(const Options& options, const GeocodeArgs& args, std::ostream& out) {
    if (args.name.empty() == args.reverse.empty()) throw UsageError("geocode", "give a place name or --reverse LAT,LON, not both");
    if (args.limit < 1) throw UsageError("bad --limit " + std::to_string(args.limit), "at least one candidate must be asked for");
    gazetteer::Gazetteer::Filter filter;
    if (!args.country.empty()) {
        if (args.country.size() != 2 || (std::isalpha(static_cast<unsigned char>(args.country[0])) == 0) || (std::isalpha(static_cast<unsigned char>(args.country[1])) == 0))
            throw UsageError("bad --country '" + args.country + "'", "expected a two-letter ISO 3166-1 code, e.g. UA");
        for (const char c : args.country) filter.country += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    if (!args.type.empty()) {
        try {
            filter.type = gazetteer::place_type_from_string(args.type);
        } catch (const DataError&) {
            throw UsageError("bad --type '" + args.type + "'", std::string("expected ") + kPlaceTypes);
        }
    }
    if (!args.near.empty()) filter.near = lat_lon("--near", args.near);
    gazetteer::Gazetteer gazetteer(data_folder(options) / "gazetteer.sqlite");
    pipeline::add_user_places(gazetteer, options.places);
    if (!args.reverse.empty()) return run_reverse(gazetteer, args, out);
    const auto ranked = gazetteer.geocode(args.name, static_cast<size_t>(args.limit), filter);
    for (const auto& [p, score] : ranked) {
        nlohmann::json line = place_json(p);
        line["score"] = std::round(score * 1000) / 1000;
        out << line.dump() << "\n";
    }
    if (ranked.empty()) {
        const bool filtered = !filter.country.empty() || filter.type;
        throw InputError("no place named '" + args.name + "'", filtered ? "the gazetteer has none that fits --country and --type" : "the gazetteer has no such name");
    }
    return 0;
}

}  // namespace frontmap::cli
